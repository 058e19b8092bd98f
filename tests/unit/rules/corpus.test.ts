/** Every Dockerfile of the shared corpus lints without an exception, with findings inside the text. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.ts';
import { ruleInfo } from '../../../src/analyzer/rules/docs.ts';
import { rules } from '../../../src/analyzer/rules/registry.ts';

const CORPUS = join(import.meta.dirname, '../../../../shared/corpus');
const files = readdirSync(CORPUS).filter((name) => name !== 'SOURCES.tsv').sort();

describe('the corpus', () => {
  it('is there', () => {
    expect(files.length).toBeGreaterThan(300);
  });

  it('lints every file without exceptions', () => {
    const counts = new Map<string, number>();
    for (const name of files) {
      const source = readFileSync(join(CORPUS, name), 'utf8');
      for (const options of [{}, { mergeOp: false, dockerignore: '*.md\n.git\nnode_modules\n' }]) {
        const { findings } = analyze(source, options);
        for (const finding of findings) {
          expect(finding.message, name).not.toMatch(/internal analyzer error/);
          expect(ruleInfo(finding.rule), `${name}: ${finding.rule}`).toBeDefined();
          expect(finding.span.start, name).toBeGreaterThanOrEqual(0);
          expect(finding.span.end, name).toBeLessThanOrEqual(source.length);
          expect(finding.span.start, name).toBeLessThanOrEqual(finding.span.end);
          counts.set(finding.rule, (counts.get(finding.rule) ?? 0) + 1);
        }
      }
    }
    // Real files exercise real rules: several BuildKit checks and some of ours fire somewhere.
    const fired = rules.filter((rule) => counts.has(rule.name));
    expect(fired.filter((rule) => rule.origin === 'buildkit').length).toBeGreaterThan(4);
    expect(fired.filter((rule) => rule.origin === 'layerwise').length).toBeGreaterThan(0);
  });
});

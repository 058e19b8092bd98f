/**
 * Counts UndefinedVar findings over the shared corpus and lists them, so the effect of the base
 * image table can be measured (before/after numbers are in the issue notes).
 *
 *   node scripts/measure/undefined-var-corpus.ts [CORPUS_DIR]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze } from '../../src/analyzer/index.ts';

const dir = resolve(process.argv[2] ?? join(import.meta.dirname, '../../../shared/corpus'));
let total = 0;
const byName = new Map<string, number>();
const lines: string[] = [];
for (const file of readdirSync(dir).sort()) {
  if (file.endsWith('.tsv')) continue;
  const analysis = analyze(readFileSync(join(dir, file), 'utf8'));
  for (const finding of analysis.findings) {
    if (finding.rule !== 'UndefinedVar') continue;
    total++;
    const name = /'\$([^']+)'/.exec(finding.message)?.[1] ?? '?';
    byName.set(name, (byName.get(name) ?? 0) + 1);
    const line = analysis.lineStarts.findLastIndex((start) => start <= finding.span.start) + 1;
    lines.push(`${file}:${line}: ${finding.message}`);
  }
}
process.stdout.write(`${lines.join('\n')}\n\nUndefinedVar findings: ${total}\n`);
process.stdout.write(`${[...byName].sort((a, b) => b[1] - a[1]).map(([name, n]) => `  ${n} $${name}`).join('\n')}\n`);

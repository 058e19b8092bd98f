/**
 * `docker build --check` semantics: without a target every stage is converted and linted
 * (BuildKit's AllStages); with `--target` only the stages it reaches. The graph stays the target's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.ts';
import { SHARED } from '../../conformance/shared.ts';

/** BuildKit's checks that run while converting a stage (dockerfile2llb), so only on converted stages. */
const DISPATCH_RULES = new Set([
  'UndefinedVar',
  'LegacyKeyValueFormat',
  'JSONArgsRecommended',
  'MultipleInstructionsDisallowed',
  'WorkdirRelativePath',
  'SecretsUsedInArgOrEnv',
  'ExposeProtoCasing',
  'ExposeInvalidFormat',
  'CopyIgnoredFile',
  'InvalidBaseImagePlatform',
]);

const lines = (source: string, options = {}) =>
  analyze(source, options).findings.map((f) => `${f.rule}@${f.stage?.name ?? '-'}:${source.slice(0, f.span.start).split('\n').length}`);

describe('linting every stage, as --check does', () => {
  it('reports an undefined variable in a stage nothing builds', () => {
    const source = 'FROM scratch AS first\nCOPY $foo .\nFROM scratch AS second\n';
    expect(lines(source)).toEqual(['UndefinedVar@first:2']);
    expect(lines(source, { target: 'second' })).toEqual([]);
    expect(lines(source, { target: 'first' })).toEqual(['UndefinedVar@first:2']);
    // The graph and the build stay the target's: the unused stage makes no op.
    const analysis = analyze(source);
    expect(analysis.build.stages.map((s) => s.stage.index)).toEqual([1]);
    expect(analysis.build.linted.map((s) => s.stage.index)).toEqual([0, 1]);
    expect(analysis.graph.ops.filter((op) => op.stage === 0)).toEqual([]);
  });

  it('finds the problems of an unused stage with or without naming it', () => {
    const source = [
      'FROM alpine AS unused',
      'ENV A 1',
      'WORKDIR rel',
      'ARG API_TOKEN',
      'EXPOSE 80/TCP',
      'EXPOSE 8080:80',
      'CMD one',
      'CMD ["two"]',
      'COPY $nope /x/',
      'FROM alpine AS app',
      'RUN true',
      '',
    ].join('\n');
    const unused = lines(source).filter((line) => line.includes('@unused'));
    expect(unused).toEqual([
      'LegacyKeyValueFormat@unused:2',
      'WorkdirRelativePath@unused:3',
      'SecretsUsedInArgOrEnv@unused:4',
      'ExposeProtoCasing@unused:5',
      'ExposeInvalidFormat@unused:6',
      'JSONArgsRecommended@unused:7',
      'MultipleInstructionsDisallowed@unused:7',
      'UndefinedVar@unused:9',
    ]);
    expect(lines(source, { target: 'unused' })).toEqual(unused);
    expect(lines(source, { target: 'app' })).toEqual([]);
  });

  it('reports build errors of unused stages for lint, but not as the build error', () => {
    const source = 'FROM alpine AS a\nCOPY --from=b x /x\nFROM alpine AS b\nFROM alpine AS c\n';
    const analysis = analyze(source);
    expect(analysis.findings.map((f) => [f.rule, f.stage?.name, f.message])).toEqual([
      ['BuildError', 'a', 'cannot copy from stage "b", it needs to be defined before current stage "a"'],
    ]);
    expect(analysis.build.diagnostics).toEqual([]);
    expect(analyze(source, { target: 'c' }).findings).toEqual([]);
  });

  it('the corpus: a target hides exactly the dispatch-time findings of stages it does not reach', () => {
    const corpus = join(SHARED, 'corpus');
    let hidden = 0;
    let total = 0;
    let compared = 0;
    for (const name of readdirSync(corpus).filter((n) => n !== 'SOURCES.tsv').sort()) {
      const source = readFileSync(join(corpus, name), 'utf8');
      const all = analyze(source);
      const built = new Set(all.build.stages.map((s) => s.stage.index));
      total += all.findings.length;
      hidden += all.findings.filter((f) => f.stage !== undefined && !built.has(f.stage.index)).length;
      const last = all.model.stages.at(-1);
      if (!last?.name || all.model.stages.length < 2) continue;
      // Only when the last stage's name is unique does `--target <name>` pick the default target.
      if (all.model.stages.filter((s) => s.name === last.name).length > 1) continue;
      const targeted = analyze(source, { target: last.name });
      const key = (f: (typeof all.findings)[number]) => `${f.rule} ${f.span.start} ${f.message}`;
      const buildkit = (f: (typeof all.findings)[number]) => !f.rule.startsWith('Link');
      const expected = all.findings
        .filter(buildkit)
        .filter((f) => !(DISPATCH_RULES.has(f.rule) || f.rule === 'BuildError') || f.stage === undefined || built.has(f.stage.index))
        .map(key);
      expect(targeted.findings.filter(buildkit).map(key), name).toEqual(expected);
      compared++;
    }
    expect(hidden).toBeGreaterThan(10);
    // Real multi-stage files do have findings in stages the default target never builds.
    expect(compared).toBeGreaterThan(10);
    expect(hidden).toBeLessThan(total);
    console.info(`corpus: ${hidden} of ${total} findings lie in stages the default target does not reach; ${compared} files compared with --target`);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.ts';
import { findingsJson, renderFindingsJson } from '../../../src/analyzer/render/findings-json.ts';
import { renderFindingsText } from '../../../src/analyzer/render/findings-text.ts';
import { renderGraphJson } from '../../../src/analyzer/render/graph-json.ts';
import { renderMermaid } from '../../../src/analyzer/render/mermaid.ts';
import { renderSarif } from '../../../src/analyzer/render/sarif.ts';
import { renderSimulationText } from '../../../src/analyzer/render/simulation-text.ts';
import { parseChange, simulate } from '../../../src/analyzer/simulate/simulate.ts';
import type { Change } from '../../../src/analyzer/simulate/model.ts';
import { changeText, corpusFiles, dockerfile, mutatedCorpus, readCorpus } from './arbitraries.ts';
import { analysisProblems, findingsTextProblems, jsonProblems, mermaidProblems, sarifProblems } from './formats.ts';

/**
 * The whole pipeline on arbitrary input: parse → graph → rules → simulate → every view.
 * Nothing throws, every intermediate result keeps its invariants, every view is valid for
 * its format.
 */

function changesOf(texts: readonly string[]): Change[] {
  return texts.map(parseChange).filter((c): c is Change => typeof c !== 'string');
}

/** Runs everything on one Dockerfile and returns every problem found. */
function pipelineProblems(source: string, changeTexts: readonly string[] = [], mergeOp = true): string[] {
  const analysis = analyze(source, { mergeOp });
  const problems = analysisProblems(source, analysis);
  // Plain data: survives a structured clone (how it would cross to a worker) and JSON.
  structuredClone(analysis);

  const simulation = simulate(analysis, changesOf(changeTexts), { mergeOp });
  if (simulation.summary.includes('internal error')) problems.push(`simulation crashed: ${simulation.summary}`);
  const ids = new Set(simulation.graph.ops.map((op) => op.id));
  for (const o of simulation.outcomes) {
    if (!ids.has(o.op)) problems.push(`outcome for unknown op ${o.op}`);
    if (!['cached', 'rebuilt', 'remerged'].includes(o.status)) problems.push(`status ${o.status}`);
  }

  problems.push(...mermaidProblems(renderMermaid(analysis.graph)).map((p) => `mermaid: ${p}`));
  problems.push(...mermaidProblems(renderMermaid(simulation.graph, { simulation })).map((p) => `mermaid+simulation: ${p}`));
  problems.push(...jsonProblems(renderGraphJson(analysis.graph, simulation), (v) => ((v as { version?: number }).version === 1 ? [] : ['graph JSON without version 1'])));

  const files = [{ file: 'Dockerfile', source, findings: analysis.findings, lineStarts: analysis.lineStarts }];
  problems.push(...jsonProblems(renderFindingsJson(files), (v) => ((v as { findings?: unknown[] }).findings?.length === analysis.findings.length ? [] : ['findings JSON lost findings'])));
  problems.push(...jsonProblems(renderSarif(files), sarifProblems));
  problems.push(...findingsTextProblems(renderFindingsText(files), analysis.findings.length));
  for (const f of findingsJson(files).findings) {
    if (f.range.start.line < 1 || f.range.start.column < 1) problems.push(`finding ${f.rule} at ${f.range.start.line}:${f.range.start.column}`);
  }
  const simText = renderSimulationText(simulation);
  if (simText.trim() === '') problems.push('empty simulation text');
  return problems;
}

describe('the whole pipeline on random input', () => {
  it('grammar-shaped Dockerfiles: no exception, every view valid', () => {
    fc.assert(
      fc.property(dockerfile, fc.array(changeText, { maxLength: 3 }), fc.boolean(), (source, changes, mergeOp) => {
        expect(pipelineProblems(source, changes, mergeOp)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('arbitrary strings, control characters and lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (source) => {
        expect(pipelineProblems(source)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('corpus Dockerfiles with random edits: no exception, every view valid', () => {
    fc.assert(
      fc.property(mutatedCorpus, fc.array(changeText, { maxLength: 2 }), (source, changes) => {
        expect(pipelineProblems(source, changes)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('the whole corpus, unedited', () => {
  const files = corpusFiles();
  it('has the corpus', () => expect(files.length).toBeGreaterThan(300));
  it('every file goes through every stage and view cleanly', () => {
    const failures = files.flatMap((path) => pipelineProblems(readCorpus(path), ['base:alpine', 'file:.']).map((p) => `${path}: ${p}`));
    expect(failures).toEqual([]);
  });
});

// Where one analysis's time and memory go, by pipeline stage (issue 13's profile): for one
// file (default: moby/buildkit's 512-line Dockerfile, or a corpus file name as the argument),
// each stage on the previous stage's output, median time of warm calls and bytes allocated per
// call (V8's sampling heap profiler, counting objects the collector has already freed), then
// the share of a back-to-back analyze() loop the garbage collector takes (CPU profile).
// Run: node tests/bench/analysis-stages.ts [file]   (Node 24: `npx node …` from the repository)
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../src/analyzer/index.ts';
import { lower } from '../../src/analyzer/graph/lower.ts';
import { buildModel } from '../../src/analyzer/instructions/build-model.ts';
import { evaluate } from '../../src/analyzer/instructions/evaluate.ts';
import { parse } from '../../src/analyzer/parse/parse.ts';
import { renderMermaid } from '../../src/analyzer/render/mermaid.ts';
import { lint } from '../../src/analyzer/rules/lint.ts';
import { analyzeState, outlineMermaid, plain } from '../../src/live/model/analyze-state.ts';
import { viewOf } from '../../src/live/model/view-model.ts';
import { SHARED } from '../conformance/shared.ts';

const file = process.argv[2] ?? 'moby_buildkit__Dockerfile';
const text = readFileSync(join(SHARED, 'corpus', file), 'utf8');
const tree = parse(text);
const model = buildModel(tree);
const build = evaluate(model, {});
const graph = lower(build, {}, model);
const analysis = analyze(text);
const result = plain(analyzeState({ code: text }));

const stages: [string, () => unknown][] = [
  ['parse', () => parse(text)],
  ['buildModel (instructions)', () => buildModel(tree)],
  ['evaluate', () => evaluate(model, {})],
  ['lower (graph)', () => lower(build, {}, model)],
  ['lint (rules)', () => lint({ tree, model, build, graph, options: {} })],
  ['analyze() (all of the above)', () => analyze(text)],
  ['view model', () => viewOf(analysis)],
  ['Mermaid text, all ops', () => renderMermaid(analysis.graph, { legend: true })],
  ['Mermaid text, stage overview', () => outlineMermaid({ graph: analysis.graph, outcomes: [] }, new Set())],
  ['structured clone of the answer', () => structuredClone(result)],
  ['keystroke (analyzeState + plain)', () => plain(analyzeState({ code: text }))],
];

const WARMUP = 200;
const CALLS = 301;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');

type HeapNode = { selfSize: number; children: HeapNode[] };
const total = (node: HeapNode): number => node.selfSize + node.children.reduce((sum, child) => sum + total(child), 0);

console.log(`${file}: ${text.split('\n').length} lines, ${graph.ops.length} ops; Node ${process.version}, load average ${loadavg()[0].toFixed(1)}`);
console.log(`${'stage'.padEnd(36)}${'median ms'.padStart(10)}${'KiB/call'.padStart(10)}`);
for (const [name, run] of stages) {
  for (let i = 0; i < WARMUP; i++) run();
  const times: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 512,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  for (let i = 0; i < 50; i++) run();
  const { profile } = await session.post('HeapProfiler.stopSampling');
  const kib = total(profile.head as HeapNode) / 50 / 1024;
  console.log(`${name.padEnd(36)}${median(times).toFixed(3).padStart(10)}${kib.toFixed(0).padStart(10)}`);
}

// The collector's share of a loop of analyze() calls, as a keystroke after keystroke would be.
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
for (let i = 0; i < 300; i++) analyze(text);
const { profile } = await session.post('Profiler.stop');
const gcNodes = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(garbage collector)').map((n) => n.id));
const samples = profile.samples ?? [];
const gc = samples.filter((id) => gcNodes.has(id)).length;
console.log(`garbage collector: ${((100 * gc) / Math.max(1, samples.length)).toFixed(1)} % of the samples of 300 analyze() calls in a row`);

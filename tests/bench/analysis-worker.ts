// The page's per-keystroke analysis where it runs: in a Web Worker in Chromium. The analyzer
// and analyze-state.ts are bundled (esbuild, as Vite bundles the page's worker) and timed in a
// worker on a blank page, on the three real files of `npm run bench`: analyze(), and the
// keystroke work of src/live/browser/analysis-worker.ts (analyzeState, plain, structured clone).
// Median, mean (which carries the collector's pauses) and p90 of warm calls, and the first
// analyze() of the 512-line file in a fresh worker. Worker timers are coarse (0.1 ms).
// Run: node tests/bench/analysis-worker.ts   (Node 24: `npx node …` from the repository)
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { chromiumPath, launchArgs } from '../../src/integrations/chromium.ts';
import { SHARED } from '../conformance/shared.ts';
import { REAL_FILES } from './real-files.ts';

const WARMUP = 100;
const CALLS = 500;
const root = join(import.meta.dirname, '../..');
const bundled = await build({
  stdin: {
    contents: [
      "import { analyze } from './src/analyzer/index.ts';",
      "import { analyzeState, plain } from './src/live/model/analyze-state.ts';",
      'self.lw = { analyze, keystroke: (code) => structuredClone(plain(analyzeState({ code }))) };',
    ].join('\n'),
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'iife',
  write: false,
  logLevel: 'warning',
});
// Runs in the worker: the first analyze() of the largest file, then each file's calls.
const harness = `
self.onmessage = ({ data: { texts, warmup, calls } }) => {
  const sorted = (v) => v.slice().sort((a, b) => a - b);
  const start = performance.now();
  lw.analyze(texts[texts.length - 1]);
  const first = performance.now() - start;
  const rows = [];
  for (const text of texts) {
    for (const run of [() => lw.analyze(text), () => lw.keystroke(text)]) {
      for (let i = 0; i < warmup; i++) run();
      const times = [];
      const all = performance.now();
      for (let i = 0; i < calls; i++) {
        const t = performance.now();
        run();
        times.push(performance.now() - t);
      }
      const s = sorted(times);
      rows.push({ median: s[s.length >> 1], mean: (performance.now() - all) / calls, p90: s[Math.floor(s.length * 0.9)] });
    }
  }
  self.postMessage({ first, rows });
};`;
const code = bundled.outputFiles[0].text + harness;
const files = REAL_FILES.map(({ name, file }) => ({ name, text: readFileSync(join(SHARED, 'corpus', file), 'utf8') }));

const browser = await chromium.launch({ executablePath: await chromiumPath(), args: launchArgs });
const page = await browser.newPage();
await page.goto('about:blank');
const result = (await page.evaluate(
  ({ code, texts, warmup, calls }) =>
    new Promise((resolve) => {
      const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
      worker.onmessage = (event) => resolve(event.data);
      worker.postMessage({ texts, warmup, calls });
    }),
  { code, texts: files.map((f) => f.text), warmup: WARMUP, calls: CALLS },
)) as { first: number; rows: { median: number; mean: number; p90: number }[] };
const version = browser.version();
await browser.close();

console.log(`Chromium ${version} Web Worker; ${WARMUP} warm-up + ${CALLS} calls per row; load average ${loadavg()[0].toFixed(1)}`);
console.log(`first analyze() of ${files.at(-1)!.name} in a fresh worker: ${result.first.toFixed(1)} ms`);
console.log(`${'file'.padEnd(40)}${'what'.padEnd(12)}${'median ms'.padStart(10)}${'mean ms'.padStart(10)}${'p90 ms'.padStart(10)}`);
files.forEach(({ name }, f) => {
  ['analyze()', 'keystroke'].forEach((what, k) => {
    const { median, mean, p90 } = result.rows[f * 2 + k];
    console.log(`${name.padEnd(40)}${what.padEnd(12)}${median.toFixed(2).padStart(10)}${mean.toFixed(2).padStart(10)}${p90.toFixed(2).padStart(10)}`);
  });
});

// `npm run bench:web`: the live-example budgets, measured in real Chromium on a production
// build (issue 6). Prints figures; budgets are reported, not asserted as timed tests.
//   1. JavaScript (gzipped) a guide page loads before the reader interacts, before and after
//      the graph's lazy load; target ≤ 15 KiB for the eager part.
//   2. Monaco bytes before the reader chooses to edit (must be 0).
//   3. Keystroke → updated graph, median over many single keystrokes (target ≤ 150 ms).
//   4. Typing into a 2,000-line Dockerfile: keystroke → next frame, and long tasks.
//   5. Real Dockerfiles from the corpus (about 200, 300 and 500 lines) in the playground:
//      keystroke → graph in the stage overview, with the edited stage expanded, and with every
//      step drawn; where the time goes; long tasks while typing (issue 13).
//   6. "Edit" → an editor ready for typing, the first time on a page and the next.
// Options: --no-build (reuse LAYERWISE_OUT_DIR), --port N, --only corpus (sections 5 and 6 only),
// --before DIR: a build of an earlier commit (its output folder), served beside this one on
// port N+1; sections 3 and 5 measure both, one after the other per example and file, so the
// two are compared under the same load (ratios).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { chromiumPath, launchArgs } from '../../src/integrations/chromium.ts';
import { SHARED } from '../conformance/shared.ts';

const args = process.argv.slice(2);
const port = Number(args[args.indexOf('--port') + 1] || 4391) || 4391;
const outDir = process.env.LAYERWISE_OUT_DIR ?? './dist-bench-web';
const env = { ...process.env, LAYERWISE_OUT_DIR: outDir };
const base = `http://127.0.0.1:${port}`;
const GUIDE_PAGES = ['/start/', '/buildkit-graph/', '/copy/', '/copy-link/', '/when-to-link/', '/style-guide/'];

if (!args.includes('--no-build')) {
  console.error(`building into ${outDir}…`);
  const built = spawnSync('npx', ['astro', 'build'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const beforeDir = args.includes('--before') ? args[args.indexOf('--before') + 1] : undefined;
const beforeBase = beforeDir ? `http://127.0.0.1:${port + 1}` : undefined;
/** The builds sections 3 and 5 measure: this one, and the earlier one when given. */
const builds: { name: string; base: string }[] = [{ name: 'this build', base }, ...(beforeBase ? [{ name: 'before', base: beforeBase }] : [])];
const servers = [
  spawn('npx', ['astro', 'preview', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port)], { env, stdio: 'ignore', detached: true }),
  ...(beforeDir ? [spawn('npx', ['astro', 'preview', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port + 1)], { env: { ...env, LAYERWISE_OUT_DIR: beforeDir }, stdio: 'ignore', detached: true })] : []),
];
const stop = () => {
  for (const server of servers) {
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  }
};
process.on('exit', stop);
for (const { base: url } of builds) {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/`)).ok) break;
    } catch {
      // not up yet
    }
    if (i > 120) throw new Error(`preview server did not start (${url})`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

const browser = await chromium.launch({ executablePath: await chromiumPath(), args: launchArgs });
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2 : NaN;
};
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];

/** Every JS response of a page, gzipped at level 9 as a static host would serve it. */
async function jsLog(page: Page): Promise<{ url: string; gz: number; at: number }[]> {
  const log: { url: string; gz: number; at: number }[] = [];
  const t0 = Date.now();
  page.on('response', async (response) => {
    const url = response.url();
    if (!/\.m?js(\?|$)/.test(url) && !(response.headers()['content-type'] ?? '').includes('javascript')) return;
    const at = Date.now() - t0;
    try {
      log.push({ url, gz: gzipSync(await response.body(), { level: 9 }).length, at });
    } catch {
      // redirected or aborted
    }
  });
  return log;
}

const sum = (xs: { gz: number }[]) => xs.reduce((a, b) => a + b.gz, 0);
const isMonaco = (u: string) => /monaco|editor\.worker/.test(u);

/** Instruments a page: time from each keydown to the next graph drawing of the given pane. */
async function keystrokeLatency(page: Page, paneSelector: string, keys: string[]): Promise<number[]> {
  await page.evaluate((selector) => {
    const w = window as unknown as { __lat: number[]; __t0: number };
    w.__lat = [];
    w.__t0 = 0;
    document.addEventListener('keydown', () => (w.__t0 = performance.now()), true);
    const box = document.querySelector(`${selector} [data-lw-graph]`)!;
    new MutationObserver(() => {
      if (w.__t0) w.__lat.push(performance.now() - w.__t0);
      w.__t0 = 0;
    }).observe(box, { attributes: true, attributeFilter: ['data-rendered'] });
  }, paneSelector);
  for (const key of keys) {
    const before = await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat.length);
    await page.keyboard.type(key);
    await page
      .waitForFunction((n) => (window as unknown as { __lat: number[] }).__lat.length > n, before, { timeout: 10_000 })
      .catch(() => undefined);
    await page.waitForTimeout(50);
  }
  return page.evaluate(() => (window as unknown as { __lat: number[] }).__lat);
}

/**
 * Types `keys` `gap` ms apart without waiting for the graph, as a reader types: the long tasks
 * from the first key to `gap` ms after the last, and when the graph box next reports itself up
 * to date after the last key (the latency observer of keystrokeLatency must be installed).
 */
async function typingBurst(page: Page, paneSelector: string, keys: string, gap: number): Promise<{ long: number[]; settled: number }> {
  await page.evaluate(() => {
    const w = window as unknown as { __burstLong: number[]; __burst: PerformanceObserver };
    w.__burstLong = [];
    w.__burst = new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__burstLong.push(e.duration)));
    w.__burst.observe({ type: 'longtask' });
  });
  for (const key of keys) {
    await page.keyboard.type(key);
    await page.waitForTimeout(gap);
  }
  const long = await page.evaluate(() => {
    const w = window as unknown as { __burstLong: number[]; __burst: PerformanceObserver };
    w.__burst.disconnect();
    return w.__burstLong;
  });
  // keystrokeLatency's observer clears __t0 when the box reports the graph up to date after a key.
  const settled = await page
    .waitForFunction(
      (selector) => {
        const w = window as unknown as { __lat: number[]; __t0: number };
        const busy = document.querySelector(`${selector} [data-lw-graph]`)?.hasAttribute('aria-busy');
        return w.__t0 === 0 && !busy && w.__lat[w.__lat.length - 1];
      },
      paneSelector,
      { timeout: 10_000, polling: 10 },
    )
    .then((h) => h.jsonValue() as Promise<number>)
    .catch(() => NaN);
  return { long, settled };
}

const onlyCorpus = args.includes('--only') && args[args.indexOf('--only') + 1] === 'corpus';
const eagerSizes: number[] = [];
const eagerOwn: number[] = [];
const bootSizes: number[] = [];
const allLatencies: number[] = [];
if (!onlyCorpus) {
// 1 and 2: JS before interaction, per guide page.
console.log('\n## JavaScript before interaction (gzipped, level 9)\n');
console.log("Eager = everything loaded with no island in view; of it, Pagefind's search UI (loaded only when the reader opens search, so 0 here) and the islands' own boot script. The graphs come drawn from the build, so reading the page through loads nothing more; using an example loads its island (and Mermaid on the first change).\n");
console.log('| page | eager total | of which search UI (before search is opened) | of which islands (boot) | after scrolling through | Monaco before Edit | Monaco after Edit |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const path of GUIDE_PAGES) {
  // A short viewport keeps every island out of view: what the page costs before anything is shown or used.
  const context = await browser.newContext({ viewport: { width: 1280, height: 200 } });
  const page = await context.newPage();
  const log = await jsLog(page);
  const response = await page.goto(base + path, { waitUntil: 'networkidle' });
  if (!response?.ok()) {
    console.log(`| ${path} | (missing) | | | |`);
    await context.close();
    continue;
  }
  const hasIsland = (await page.locator('[data-lw-example]').count()) > 0;
  await page.waitForTimeout(300);
  const eagerLog = log.filter((r) => !/controller|mermaid/.test(r.url));
  const eager = sum(eagerLog);
  const searchUi = sum(eagerLog.filter((r) => /ui-core|pagefind/.test(r.url)));
  const boot = sum(eagerLog.filter((r) => /LiveExample|preload-helper/.test(r.url)));
  eagerOwn.push(eager - searchUi);
  bootSizes.push(boot);
  const lazyEarly = log.filter((r) => /controller|mermaid/.test(r.url)).length;
  eagerSizes.push(eager);
  // Scroll through the page as a reader would, every graph in view once, then measure again.
  await page.setViewportSize({ width: 1280, height: 800 });
  for (const island of await page.locator('[data-lw-example]').all()) await island.scrollIntoViewIfNeeded();
  await page.waitForLoadState('networkidle');
  const afterScroll = sum(log);
  const monacoBefore = sum(log.filter((r) => isMonaco(r.url)));
  let monacoAfter = NaN;
  if (hasIsland) {
    const first = page.locator('[data-lw-example]').first();
    await first.getByRole('button', { name: 'Edit' }).click();
    await first.locator('.monaco-editor').first().waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    monacoAfter = sum(log.filter((r) => isMonaco(r.url)));
  }
  console.log(
    `| ${path} | ${kib(eager)}${lazyEarly ? ` (+${lazyEarly} lazy chunk(s) already requested)` : ''} | ${kib(searchUi)} | ${kib(boot)} | ${kib(afterScroll)} | ${monacoBefore} B | ${Number.isNaN(monacoAfter) ? 'no island' : kib(monacoAfter)} |`,
  );
  await context.close();
}

// 3: keystroke → graph, on the guide's examples (the first island of each page).
console.log('\n## Keystroke to updated graph\n');
console.log('A pause before the analysis (this build: none once the worker answers, growing to twice what showing the last answer cost; before: at least 15 ms), then analysis (both panes in compare mode), then Mermaid render of the changed pane. With --before, each example is measured on the earlier build right after this one.\n');
console.log('| example | build | keystrokes | median | p90 | analysis (median) | Mermaid render (median) |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
const analyzeTimes: number[] = [];
const mermaidTimes: number[] = [];
const beforeLatencies: number[] = [];
const beforeMermaid: number[] = [];
for (const path of GUIDE_PAGES) {
  for (const build of builds) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(build.base + path);
    const island = page.locator('[data-lw-example]').first();
    if ((await island.count()) === 0) {
      await page.close();
      continue;
    }
    const id = await island.getAttribute('data-lw-example');
    await island.getByRole('button', { name: 'Edit' }).click();
    const pane = `[data-lw-example="${id}"] [data-lw-pane="main"]`;
    await page.locator(`${pane} .monaco-editor`).waitFor({ timeout: 30_000 });
    await page.locator(`${pane} [data-lw-graph] > svg`).waitFor({ timeout: 30_000 });
    // Type a new instruction character by character at the end: every keystroke changes the graph's labels.
    await page.locator(`${pane} .monaco-editor .view-lines`).click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('RUN ');
    await page.waitForTimeout(400);
    await page.evaluate(() => performance.clearMeasures());
    const lat = await keystrokeLatency(page, pane, [...'echoabcdefghijklmnopqrstuvwxyz']);
    const parts = await page.evaluate(() => ({
      analyze: performance.getEntriesByName('lw:analyze').map((e) => e.duration),
      mermaid: performance.getEntriesByName('lw:mermaid').map((e) => e.duration),
    }));
    if (build.base === base) {
      allLatencies.push(...lat);
      analyzeTimes.push(...parts.analyze);
      mermaidTimes.push(...parts.mermaid);
    } else {
      beforeLatencies.push(...lat);
      beforeMermaid.push(...parts.mermaid);
    }
    console.log(
      `| ${path} #${id} | ${build.name} | ${lat.length} | ${median(lat).toFixed(0)} ms | ${pct(lat, 90).toFixed(0)} ms | ${median(parts.analyze).toFixed(1)} ms | ${median(parts.mermaid).toFixed(0)} ms |`,
    );
    await page.close();
  }
}
console.log(
  `| all | this build | ${allLatencies.length} | ${median(allLatencies).toFixed(0)} ms | ${pct(allLatencies, 90).toFixed(0)} ms | ${median(analyzeTimes).toFixed(1)} ms | ${median(mermaidTimes).toFixed(0)} ms |`,
);
if (beforeLatencies.length) {
  console.log(`| all | before | ${beforeLatencies.length} | ${median(beforeLatencies).toFixed(0)} ms | ${pct(beforeLatencies, 90).toFixed(0)} ms | | ${median(beforeMermaid).toFixed(0)} ms |`);
  console.log(
    `\nthis build against before (same run): keystroke → graph median ${(median(beforeLatencies) / median(allLatencies)).toFixed(2)}× faster, Mermaid ${(median(beforeMermaid) / median(mermaidTimes)).toFixed(2)}× faster.`,
  );
}

// 4: a 2,000-line Dockerfile in the playground.
console.log('\n## Typing into a 2,000-line Dockerfile (playground)\n');
{
  const lines = ['FROM golang:1.22 AS build', 'WORKDIR /src'];
  for (let i = 0; lines.length < 1999; i++) {
    lines.push(i % 4 === 0 ? `COPY --link pkg${i}/ /src/pkg${i}/` : i % 4 === 1 ? `RUN go build ./pkg${i - 1}` : i % 4 === 2 ? `ENV STEP_${i}=${i}` : `# step ${i}`);
  }
  lines.push('FROM alpine', 'COPY --from=build /src /app', '');
  const big = lines.join('\n');
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${base}/playground/`);
  const pane = '[data-lw-example="playground"] [data-lw-pane="main"]';
  await page.locator(`${pane} .monaco-editor`).waitFor({ timeout: 30_000 });
  await page.locator(`${pane} .monaco-editor .view-lines`).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(big);
  // The list shows the first 300 and last 100 steps; its "Show all N steps" button has the count.
  await page.waitForFunction((n) => document.querySelector(`${n} [data-lw-steps]`)?.textContent?.includes('COPY --from=build'), pane, { timeout: 60_000 });
  const lineCount = big.split('\n').length - 1;
  const showAll = (await page.locator(`${pane} [data-lw-steps]`).locator('button.lw-steps-all').textContent({ timeout: 5_000 }).catch(() => null)) ?? '';
  const steps = Number(/\d+/.exec(showAll)?.[0] ?? (await page.locator(`${pane} [data-lw-steps] li[data-op]`).count()));
  await page.waitForTimeout(1000);
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __long: number[] };
    w.__frames = [];
    w.__long = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push(e.duration))).observe({ type: 'longtask' });
    document.addEventListener(
      'keydown',
      () => {
        const t0 = performance.now();
        requestAnimationFrame(() => setTimeout(() => w.__frames.push(performance.now() - t0)));
      },
      true,
    );
  });
  await page.keyboard.press('ControlOrMeta+End');
  await page.evaluate(() => performance.clearMeasures());
  const started = Date.now();
  for (const ch of 'RUN echo typing at the end of a long file') await page.keyboard.type(ch, { delay: 60 });
  const typingMs = Date.now() - started;
  await page.waitForTimeout(1500);
  const { frames, long, analyses, renders } = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __long: number[] };
    const d = (name: string) => performance.getEntriesByName(name).map((e) => e.duration);
    return { frames: w.__frames, long: w.__long, analyses: d('lw:analyze'), renders: d('lw:render') };
  });
  const analyze = await page.evaluate(async () => {
    const t0 = performance.now();
    // One full re-analysis, as the island runs it (through a no-op edit's debounce): timed via the seq counter.
    const root = document.querySelector('[data-lw-example="playground"]') as HTMLElement;
    const seq = root.dataset.seq;
    const input = root.querySelector('[data-lw-field="mergeOp"]') as HTMLInputElement;
    input.click();
    while (root.dataset.seq === seq) await new Promise((r) => setTimeout(r, 1));
    return performance.now() - t0;
  });
  console.log(`${lineCount} lines, ${steps} ops (graph not drawn above 150 ops; the step list has them all).`);
  console.log(`keystroke → next frame: median ${median(frames).toFixed(0)} ms, p90 ${pct(frames, 90).toFixed(0)} ms, max ${Math.max(...frames).toFixed(0)} ms over ${frames.length} keystrokes typed at 60 ms intervals (${typingMs} ms).`);
  console.log(`long tasks while typing: ${long.length}, longest ${long.length ? Math.max(...long).toFixed(0) : 0} ms; one re-analysis + re-render of the island: ${analyze.toFixed(0)} ms.`);
  console.log(
    `while typing: ${analyses.length} analyses (the debounce grows with their cost), median ${median(analyses).toFixed(0)} ms; ${renders.length} DOM updates, median ${median(renders).toFixed(0)} ms.`,
  );
  await page.close();
}

}

await corpusSection();
await editSection();

if (!onlyCorpus) console.log(
  `\neager JS, largest guide page: ${kib(Math.max(...eagerSizes))}; without the search UI ${kib(Math.max(...eagerOwn))}; islands' boot ${kib(Math.max(...bootSizes))} (target ≤ 15 KiB)`,
);
if (!onlyCorpus) console.log(`keystroke → graph median over the guide's first examples: ${median(allLatencies).toFixed(0)} ms (target ≤ 60 ms since issue 13)`);
await browser.close();
stop();
process.exit(0);

/** 5: real files from the corpus in the playground. */
async function corpusSection(): Promise<void> {
  const FILES = [
    ['docker/buildx', 'docker_buildx__Dockerfile'],
    ['docker-library/php 8.2 bookworm apache', 'docker-library_php__8.2_bookworm_apache_Dockerfile'],
    ['moby/buildkit', 'moby_buildkit__Dockerfile'],
  ] as const;
  console.log('\n## Real Dockerfiles in the playground (keystroke to updated graph)\n');
  console.log(
    'Each file pasted into the playground; then a new line `RUN ` at its end and 30 single keystrokes, one at a time, each waiting for the graph box to report the graph up to date (`data-rendered`: a new drawing, or the same text as drawn, which is not drawn again). "overview" is the default view (a graph over 30 ops opens one node per stage); "stage open" expands the last stage, so every keystroke changes a label and redraws; "all steps" draws every op (the "Stages" button). Parts: medians of the analysis (in the worker, request to answer), of Mermaid (text to SVG) and of the DOM update of the panes (steps, findings, graph insertion), per keystroke that needed each; the longest task over those 30 keystrokes. Then typing: 20 more characters typed 100 ms apart without waiting, the longest task from the first key to 100 ms after the last, and how long after the last key the graph is up to date. With --before, each row is measured on the earlier build right after this one.\n',
  );
  console.log('| file | lines | ops | view | build | keystrokes | redrawn | median | p90 | analysis | Mermaid | DOM update | longest task (one key at a time) | typing 100 ms apart: longest task | graph up to date after the last key |');
  console.log('| --- | ---: | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, file] of FILES) {
    const code = readFileSync(join(SHARED, 'corpus', file), 'utf8');
    for (const mode of ['overview', 'stage open', 'all steps'] as const) for (const { name: buildName, base } of builds) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
      const page = await context.newPage();
      await page.goto(`${base}/playground/`);
      const pane = '[data-lw-example="playground"] [data-lw-pane="main"]';
      await page.locator(`${pane} .monaco-editor`).waitFor({ timeout: 30_000 });
      // Pasted, as a reader would (Monaco's input does not take a long insertText whole).
      await page.evaluate((text) => navigator.clipboard.writeText(text), code);
      await page.locator(`${pane} .monaco-editor .view-lines`).click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('ControlOrMeta+V');
      // The starter's steps are gone: the pasted file is analyzed.
      await page.waitForFunction((p) => ![...document.querySelectorAll(`${p} [data-lw-steps] li`)].some((li) => li.textContent?.includes('/dir1')), pane, { timeout: 30_000 });
      await page.waitForFunction((p) => !document.querySelector(`${p} [data-lw-graph]`)?.hasAttribute('aria-busy'), pane);
      await page.waitForTimeout(1500);
      const stages = page.locator(`${pane} [data-lw-graph] g.node[data-lw-stage]`);
      const overview = (await stages.count()) > 0;
      if (!overview && mode !== 'overview') {
        await context.close();
        continue; // a small graph is drawn whole: one row says it all
      }
      const ops = await page.locator(`${pane} [data-lw-steps] li[data-op]`).count();
      // The editor's input (its 500-line view is taller than the window: a click could land elsewhere).
      const input = page.locator(`${pane} .monaco-editor`).locator('.native-edit-context, textarea.inputarea').first();
      await input.focus();
      await page.keyboard.press('ControlOrMeta+End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('RUN ');
      await page.waitForTimeout(1500);
      if (mode === 'stage open') {
        // The stage the new line went to: the last one in the file, the highest index.
        const indexes = (await stages.evaluateAll((nodes) => nodes.map((n) => Number(n.getAttribute('data-lw-stage'))))) as number[];
        await page.locator(`${pane} [data-lw-graph] g.node[data-lw-stage="${Math.max(...indexes)}"]`).click();
      }
      if (mode === 'all steps') await page.locator(`${pane} [data-lw-view="stages"]`).click();
      await page.waitForTimeout(1500);
      await input.focus();
      await page.waitForTimeout(1500);
      await page.evaluate(() => {
        const w = window as unknown as { __long: number[] };
        w.__long = [];
        new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push(e.duration))).observe({ type: 'longtask' });
        performance.clearMeasures();
      });
      const lat = await keystrokeLatency(page, pane, [...'echoabcdefghijklmnopqrstuvwxyz']);
      const parts = await page.evaluate(() => {
        const d = (n: string) => performance.getEntriesByName(n).map((e) => e.duration);
        return { analyze: d('lw:analyze'), mermaid: d('lw:mermaid'), render: d('lw:render'), long: (window as unknown as { __long: number[] }).__long };
      });
      const lines = code.split('\n').length;
      const burst = await typingBurst(page, pane, 'abcdefghijklmnopqrst', 100);
      const longest = (xs: number[]) => (xs.length ? `${Math.max(...xs).toFixed(0)} ms` : 'none over 50 ms');
      console.log(
        `| ${name} | ${lines} | ${ops} | ${overview ? mode : 'whole (≤ 30 ops or one stage)'} | ${buildName} | ${lat.length} | ${parts.mermaid.length} | ${median(lat).toFixed(0)} ms | ${pct(lat, 90).toFixed(0)} ms | ${median(parts.analyze).toFixed(1)} ms | ${parts.mermaid.length ? `${median(parts.mermaid).toFixed(0)} ms` : '–'} | ${median(parts.render).toFixed(1)} ms | ${longest(parts.long)} | ${longest(burst.long)} | ${burst.settled.toFixed(0)} ms |`,
      );
      await context.close();
    }
  }
}

/** 6: "Edit" to an editor that takes keystrokes, in a fresh browser context (nothing cached). */
async function editSection(): Promise<void> {
  console.log('\n## "Edit" to a typing-ready editor\n');
  console.log(
    "On /copy/, in a fresh browser context each run: the pointer rests on the first example's Edit button for the given time (Monaco starts loading when the pointer or the focus reaches it), then clicks; ready = the editor's input element has the focus. Then the second example's Edit button on the same page (Monaco already loaded). Median of 3 runs.\n",
  );
  console.log('| pointer rests before the click | first Edit on the page | a later Edit |');
  console.log('| --- | ---: | ---: |');
  for (const rest of [0, 300, 1000]) {
    const first: number[] = [];
    const later: number[] = [];
    for (let run = 0; run < 3; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${base}/copy/`, { waitUntil: 'networkidle' });
      const timeEdit = async (index: number) => {
        const island = page.locator('[data-lw-example]').nth(index);
        const button = island.getByRole('button', { name: 'Edit' });
        await button.scrollIntoViewIfNeeded();
        await button.hover();
        await page.waitForTimeout(rest);
        const t0 = await page.evaluate(() => performance.now());
        await button.click();
        await page.waitForFunction((i) => !!document.querySelectorAll('[data-lw-example]')[i].querySelector('.monaco-editor :is(.native-edit-context, textarea.inputarea):focus'), index, { timeout: 30_000 });
        return (await page.evaluate(() => performance.now())) - t0;
      };
      first.push(await timeEdit(0));
      later.push(await timeEdit(1));
      await context.close();
    }
    console.log(`| ${rest} ms | ${median(first).toFixed(0)} ms | ${median(later).toFixed(0)} ms |`);
  }
}

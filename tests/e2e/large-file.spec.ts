import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { SHARED } from '../conformance/shared.ts';

/**
 * A 10,000-line Dockerfile pasted into the playground: the island analyzes it and the page
 * stays responsive. Measured in the page, from the paste to the updated steps: the longest
 * gap between animation frames, the longest task, and how long a click waits for its
 * handler while the analysis runs. The figures are reported with the test (and in
 * BENCHMARKS.md); the assertions are bounds no working page comes near, so the test fails
 * on a real freeze and not on a busy machine.
 */

const LINES = 10_000;
const MARKER = 'RUN echo end-of-ten-thousand-lines';

/** Real Dockerfiles from the corpus, one after another, cut at LINES lines, ending with MARKER. */
function tenThousandLines(): string {
  const dir = join(SHARED, 'corpus');
  const files = readdirSync(dir).filter((n) => n.endsWith('Dockerfile')).sort();
  const lines: string[] = [];
  for (let i = 0; lines.length < LINES - 1; i++) lines.push(...readFileSync(join(dir, files[i % files.length]), 'utf8').split('\n'));
  // Cut at an instruction boundary, so the last stage is whole.
  let cut = LINES - 1;
  while (cut > 0 && /\\\s*$/.test(lines[cut - 1])) cut--;
  return [...lines.slice(0, cut), MARKER].join('\n');
}

/** One stage of LINES lines: a graph of thousands of ops, the worst case for drawing. */
function oneLongStage(): string {
  const body = Array.from({ length: (LINES - 2) / 2 }, (_, i) => (i % 2 ? `COPY --link src/${i} /app/${i}/` : `COPY src/${i} /app/${i}/`) + `\nRUN make part-${i}`);
  return ['FROM alpine', ...body, MARKER].join('\n');
}

interface Responsiveness {
  /** Longest time between two animation frames (ms). */
  maxFrameGap: number;
  /** Longest task the browser reported (ms), 0 if none over 50 ms. */
  longestTask: number;
  /** Sum over long tasks of their time beyond 50 ms (total blocking time, ms). */
  blockingTime: number;
  /** Longest wait of a synthetic click for its handler, probed every 100 ms (ms). */
  maxInputDelay: number;
  /** From the paste to the steps showing the new last line (ms). */
  analyzed: number;
}

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const cases: Record<string, () => string> = {
  'real Dockerfiles from the corpus, one after another': tenThousandLines,
  // Once a 9 s task (commit 59e98061): Expressive Code's page-wide MutationObserver visited
  // each of 12,500 list items and 2,500 select options as they were added one by one.
  'one stage of COPY and RUN (thousands of ops in the graph)': oneLongStage,
};

for (const [name, make] of Object.entries(cases)) test(`a 10,000-line Dockerfile is analyzed without freezing the page: ${name}`, async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const source = make();
  expect(source.split('\n')).toHaveLength(LINES);

  await page.goto('/playground/');
  const root = page.locator('[data-lw-example]').first();
  await expect(root).toHaveAttribute('data-editor', 'ready', { timeout: 20_000 });
  const main = root.locator('[data-lw-pane="main"]');
  await expect(main.locator('[data-lw-graph] svg').first()).toBeVisible({ timeout: 15_000 });

  await page.evaluate((text) => navigator.clipboard.writeText(text), source);
  // Start measuring in the page just before the paste.
  await page.evaluate(() => {
    const w = window as unknown as { __probe: { gaps: number[]; tasks: number[]; delays: number[]; stop: boolean } };
    const probe = (w.__probe = { gaps: [] as number[], tasks: [] as number[], delays: [] as number[], stop: false });
    let last = performance.now();
    const frame = (now: number) => {
      probe.gaps.push(now - last);
      last = now;
      if (!probe.stop) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    new PerformanceObserver((list) => list.getEntries().forEach((e) => probe.tasks.push(e.duration))).observe({ type: 'longtask', buffered: false });
    const button = document.createElement('button');
    button.hidden = true;
    document.body.append(button);
    let sent = 0;
    button.addEventListener('click', () => probe.delays.push(performance.now() - sent));
    const poke = () => {
      if (probe.stop) return;
      sent = performance.now();
      // A queued task standing in for the reader's click: it runs when the main thread is free.
      setTimeout(() => button.click(), 0);
      setTimeout(poke, 100);
    };
    poke();
  });
  const started = Date.now();
  await main.getByRole('textbox', { name: /Dockerfile editor/ }).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await expect(main.locator('[data-lw-steps]')).toContainText(MARKER.slice(4), { timeout: 90_000 });
  const analyzed = Date.now() - started;
  // The analysis of the pasted file ran in the worker, not in one of the page's tasks.
  await expect(root).toHaveAttribute('data-analyzed-in', 'worker');
  // Let the graph settle, then stop measuring.
  await page.waitForTimeout(1_000);
  const probe = await page.evaluate(() => {
    const w = window as unknown as { __probe: { gaps: number[]; tasks: number[]; delays: number[]; stop: boolean } };
    w.__probe.stop = true;
    return w.__probe;
  });
  const figures: Responsiveness = {
    maxFrameGap: Math.round(Math.max(0, ...probe.gaps)),
    longestTask: Math.round(Math.max(0, ...probe.tasks)),
    blockingTime: Math.round(probe.tasks.reduce((sum, t) => sum + Math.max(0, t - 50), 0)),
    maxInputDelay: Math.round(Math.max(0, ...probe.delays)),
    analyzed,
  };
  testInfo.annotations.push({ type: 'responsiveness (ms)', description: JSON.stringify(figures) });
  console.log(`10,000-line Dockerfile in the playground (${name}): ${JSON.stringify(figures)}`);

  // The page still answers: the reader can type at once and sees the result.
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\nRUN echo still-responsive');
  await expect(main.locator('[data-lw-steps]')).toContainText('echo still-responsive', { timeout: 30_000 });

  // A freeze, not a slow machine: no single frame gap or input delay of 5 s or more, and no
  // task of the page's main thread (PerformanceObserver 'longtask') of 3 s or more. The defect
  // this guards against was one 9.2 s task; the fixed page measures about 0.6 s alone and
  // 1.6 s with the whole e2e suite running beside it on 2 cores, so 3 s separates the two.
  // Since the analysis moved to the worker (about 0.3–0.8 s of it left the main thread) the
  // longest task is work that stays on the main thread (the island's DOM update, Monaco's
  // handling of the paste, receiving the answer): 0.4–0.8 s alone at load average 8–16, and
  // 2.0 s once beside other e2e tests at load average 13, so the bound stays where it was.
  expect(figures.maxFrameGap).toBeLessThan(5_000);
  expect(figures.maxInputDelay).toBeLessThan(5_000);
  expect(figures.longestTask).toBeLessThan(3_000);

  // A long list shows its first and last steps; one button puts in all of them.
  const steps = main.locator('[data-lw-steps] > li[data-op]');
  const all = main.getByRole('button', { name: /^Show all \d+ steps$/ });
  if (make === oneLongStage) {
    expect(await steps.count()).toBe(400);
    await main.getByText('Build steps as a list').click();
    const total = Number(/\d+/.exec((await all.textContent())!)![0]);
    expect(total).toBeGreaterThan(10_000);
    await all.click();
    await expect(steps).toHaveCount(total);
    await expect(main.locator('[data-lw-steps] > li').nth(300)).toBeFocused();
  }
});

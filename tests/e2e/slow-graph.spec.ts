import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from '@playwright/test';
import { SHARED } from '../conformance/shared.ts';
import { expect, graphSvg, island, pane, watchErrors } from './live-example-support.ts';

/**
 * A graph that is slow to redraw (graph-view.ts: its last three drawings each over 200 ms)
 * does not redraw on every keystroke while the reader types: it keeps its drawing, marked
 * busy, and redraws once when typing pauses; the steps list follows every keystroke. The CPU
 * is slowed down (Chromium's throttling) so that moby/buildkit with every step drawn is slow
 * on any machine.
 */

const MOBY = readFileSync(join(SHARED, 'corpus', 'moby_buildkit__Dockerfile'), 'utf8');

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('a graph slow to redraw waits for a pause in typing, then draws the newest text once', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/playground/');
  const root = island(page, 'playground');
  const main = pane(root);
  await expect(root.locator('.monaco-editor').first()).toBeVisible({ timeout: 20_000 });
  await page.evaluate((t) => navigator.clipboard.writeText(t), MOBY);
  await main.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  const svg = graphSvg(main);
  await expect(svg.locator('g.node[data-lw-stage]').first()).toBeVisible({ timeout: 30_000 });
  const box = main.locator('[data-lw-graph]');
  const input = main.locator('.monaco-editor').locator('.native-edit-context, textarea.inputarea').first();

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 3 });
  const draws = () => page.evaluate(() => performance.getEntriesByName('lw:mermaid').length);
  const settle = () => expect(box).not.toHaveAttribute('aria-busy', { timeout: 60_000 });

  // Every step drawn, then three single keystrokes, each drawn (at least three slow drawings).
  await main.getByRole('button', { name: 'All steps' }).click();
  await settle();
  await input.focus();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  // A whole instruction first ("R" alone is a file BuildKit refuses: nothing is drawn).
  await page.keyboard.insertText('RUN echo ');
  await expect(main.locator('[data-lw-steps]')).toContainText('RUN echo', { timeout: 60_000 });
  await settle();
  for (const key of 'abc') {
    const before = await draws();
    await page.keyboard.type(key);
    await expect.poll(draws, { timeout: 60_000 }).toBeGreaterThan(before);
    await settle();
  }

  // Now a burst: the list follows every key, the drawing waits for a pause (graph-view.ts,
  // TYPING_PAUSE_MS: 500 ms without a new request), faded meanwhile, then draws once. On a
  // loaded machine a key can itself come more than the pause after the one before it, and a
  // drawing then is right: what the test holds is that no drawing starts sooner than the pause
  // after a key, and that the keys did not each get one.
  const burstStart = await page.evaluate(() => {
    const w = window as unknown as { lwKeys: number[]; lwFaded: boolean };
    w.lwKeys = [];
    w.lwFaded = false;
    document.addEventListener('keydown', () => w.lwKeys.push(performance.now()), true);
    const graph = document.querySelector('[data-lw-pane="main"] [data-lw-graph]')!;
    new MutationObserver(() => (w.lwFaded ||= graph.classList.contains('lw-waiting'))).observe(graph, { attributes: true, attributeFilter: ['class'] });
    return performance.now();
  });
  const before = await draws();
  await page.keyboard.type(' slowly', { delay: 30 });
  await expect(main.locator('[data-lw-steps]')).toContainText('slowly');
  await settle();
  await expect(box).not.toHaveClass(/\blw-waiting\b/);
  await expect(svg).toContainText('slowly');
  const burst = await page.evaluate((start) => {
    const w = window as unknown as { lwKeys: number[]; lwFaded: boolean };
    const starts = performance.getEntriesByName('lw:mermaid').filter((e) => e.startTime > start).map((e) => e.startTime);
    return { keys: w.lwKeys, starts, faded: w.lwFaded };
  }, burstStart);
  expect(burst.keys).toHaveLength(' slowly'.length);
  expect(burst.faded, 'the waiting drawing was faded').toBe(true);
  expect(burst.starts.length).toBe((await draws()) - before);
  expect(burst.starts.length).toBeGreaterThanOrEqual(1);
  expect(burst.starts.length).toBeLessThan(burst.keys.length);
  for (const started of burst.starts) {
    const lastKey = Math.max(...burst.keys.filter((k) => k < started));
    expect(started - lastKey, 'a drawing started only after a pause in typing').toBeGreaterThanOrEqual(495);
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  expect(errors).toEqual([]);
});

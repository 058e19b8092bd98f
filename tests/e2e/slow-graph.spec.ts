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

  // Now a burst: nothing is drawn while the keys come, the list follows, one drawing after.
  const before = await draws();
  await page.keyboard.type(' slowly', { delay: 30 });
  expect(await draws()).toBe(before);
  await expect(main.locator('[data-lw-steps]')).toContainText('slowly');
  // Meanwhile the old drawing is faded: it is behind the text.
  await expect(box).toHaveClass(/\blw-waiting\b/);
  await settle();
  await expect(box).not.toHaveClass(/\blw-waiting\b/);
  expect(await draws()).toBe(before + 1);
  await expect(svg).toContainText('slowly');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  expect(errors).toEqual([]);
});

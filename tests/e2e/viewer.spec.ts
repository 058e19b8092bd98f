import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type Locator, type Page } from '@playwright/test';
import { SHARED } from '../conformance/shared.ts';
import { expect, editorText, graphSvg, island, pane, setEditorText, watchErrors } from './live-example-support.ts';

/**
 * The graph viewer (issue 13): zoom, fit, 1:1 and full screen by mouse and keyboard; labels
 * legible at the default view on a real 500-line file; its stage overview expanding and
 * collapsing; one scale for both graphs of a comparison; the playground with the reader's
 * own file, and a share link opened in a tab that shows the playground.
 */

const MOBY = readFileSync(join(SHARED, 'corpus', 'moby_buildkit__Dockerfile'), 'utf8');

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** How much the drawing is scaled: its width on screen over the width Mermaid laid it out at. */
const scaleOf = (svg: Locator) =>
  svg.evaluate((s: SVGSVGElement) => s.getBoundingClientRect().width / Number(s.getAttribute('viewBox')!.split(/[\s,]+/)[2]));

/** The smallest label text of the drawing as the reader sees it, in CSS pixels. */
const smallestText = (svg: Locator) =>
  svg.evaluate((s: SVGSVGElement) => {
    const scale = s.getBoundingClientRect().width / Number(s.getAttribute('viewBox')!.split(/[\s,]+/)[2]);
    const sizes = [...s.querySelectorAll('g.node foreignObject *, g.cluster-label foreignObject *, g.node text, g.cluster-label text')]
      .filter((e) => (e.textContent ?? '').trim() !== '')
      .map((e) => Number.parseFloat(getComputedStyle(e).fontSize) * scale);
    return { count: sizes.length, min: Math.min(...sizes) };
  });

/** Pastes `text` over the main editor's text through the clipboard, as a reader would. */
async function paste(page: Page, root: Locator, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await pane(root).locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
}

async function openPlayground(page: Page): Promise<Locator> {
  await page.goto('/playground/');
  const root = island(page, 'playground');
  await expect(root.locator('.monaco-editor').first()).toBeVisible({ timeout: 20_000 });
  return root;
}

test('zoom, fit, 1:1 and full screen, by mouse and by keyboard', async ({ page }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/copy-link/');
  const root = island(page, 'rebase-final-stage');
  const main = pane(root);
  const svg = graphSvg(main);
  await svg.scrollIntoViewIfNeeded();
  const start = await scaleOf(svg);

  await main.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(() => scaleOf(svg)).toBeCloseTo(start * 1.25, 2);
  await main.getByRole('button', { name: 'Actual size' }).click();
  await expect.poll(() => scaleOf(svg)).toBeCloseTo(1, 2);
  // Fit: the whole drawing in the box.
  await main.getByRole('button', { name: 'Fit' }).click();
  await expect
    .poll(() =>
      main.locator('[data-lw-graph]').evaluate((box) => {
        const s = box.querySelector(':scope > svg:not([style*="display: none"])')!.getBoundingClientRect();
        return s.width <= box.clientWidth + 1 && s.height <= box.clientHeight + 1;
      }),
    )
    .toBe(true);

  // Keyboard: Enter on a button, and + / - / 0 anywhere in the viewer.
  const zoomOut = main.getByRole('button', { name: 'Zoom out' });
  await zoomOut.focus();
  const fitted = await scaleOf(svg);
  await page.keyboard.press('Enter');
  await expect.poll(() => scaleOf(svg)).toBeCloseTo(fitted / 1.25, 2);
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await expect.poll(() => scaleOf(svg)).toBeCloseTo(fitted * 1.25, 2);
  await page.keyboard.press('0');
  await expect.poll(() => scaleOf(svg)).toBeCloseTo(1, 2);

  // Ctrl+wheel (and a trackpad pinch, which arrives as one) zooms; a plain wheel does not.
  const box = await main.locator('[data-lw-graph]').boundingBox();
  await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -100);
  await page.keyboard.up('Control');
  await expect.poll(() => scaleOf(svg)).toBeGreaterThan(1.2);

  // Full screen covers the window; Escape leaves it and gives the focus back to its button.
  const full = main.getByRole('button', { name: 'Full screen' });
  await full.click();
  await expect(full).toHaveAttribute('aria-pressed', 'true');
  const viewer = main.locator('[data-lw-viewer]');
  await expect.poll(async () => (await viewer.boundingBox())?.width).toBe(1280);
  await page.keyboard.press('Escape');
  await expect(full).toHaveAttribute('aria-pressed', 'false');
  await expect(full).toBeFocused();
  expect((await viewer.boundingBox())!.width).toBeLessThan(1280);
  expect(errors).toEqual([]);
});

test("a node's status is never cut and flags never break", async ({ page }) => {
  await page.goto('/copy-link/');
  const root = island(page, 'rebase-final-stage');
  const labels = await graphSvg(pane(root)).locator('g.node').allTextContents();
  const text = labels.join('\n');
  expect(text).toMatch(/\((cached|remerged|rebuilt)\)/);
  expect(text).not.toMatch(/\((cache|remerge|rebuil|…)[^)]*…/);
  expect(text).not.toContain('(…');
  // Flags are drawn with non-breaking hyphens: no line can end inside `--link`.
  expect(text).toContain('\u2011\u2011link');
  expect(text).not.toContain('--link');
});

test('a 500-line Dockerfile opens as a stage overview with legible labels; stages expand and collapse in place', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  const root = await openPlayground(page);
  await paste(page, root, MOBY);
  const main = pane(root);
  const svg = graphSvg(main);
  const stages = svg.locator('g.node[data-lw-stage]');
  await expect(stages.first()).toBeVisible({ timeout: 30_000 });
  const count = await stages.count();
  expect(count).toBeGreaterThan(5);
  // Every label at least 11 px on screen at the default view.
  const text = await smallestText(svg);
  expect(text.count).toBeGreaterThan(0);
  expect(text.min).toBeGreaterThanOrEqual(10.99);

  // Hovering a stage lights its steps.
  const node = stages.first();
  const stage = await node.getAttribute('data-lw-stage');
  await node.hover();
  await expect(main.locator('[data-lw-steps] li.lw-step-hl').first()).toBeAttached();

  // Click: the stage shows its ops in place, under its title, which collapses it again.
  await node.click();
  const title = svg.locator(`.cluster-label[data-lw-stage="${stage}"]`);
  await expect(title).toHaveAttribute('aria-expanded', 'true');
  await expect(svg.locator('g.node[data-op]').first()).toBeVisible();
  await expect(stages).toHaveCount(count - 1);
  expect((await smallestText(svg)).min).toBeGreaterThanOrEqual(10.99);
  await title.click();
  await expect(stages).toHaveCount(count);
  await expect(title).toHaveCount(0);

  // By keyboard: Enter on a focused stage node.
  await svg.locator(`g.node[data-lw-stage="${stage}"]`).focus();
  await page.keyboard.press('Enter');
  await expect(svg.locator(`.cluster-label[data-lw-stage="${stage}"]`)).toHaveAttribute('aria-expanded', 'true');
  // The focus follows to the stage's new handle (its title), and Enter there collapses it again.
  await expect(svg.locator(`.cluster-label[data-lw-stage="${stage}"]`)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(svg.locator(`g.node[data-lw-stage="${stage}"]`)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(svg.locator(`.cluster-label[data-lw-stage="${stage}"]`)).toHaveAttribute('aria-expanded', 'true');

  // "All steps" expands every stage; pressed again, back to the overview.
  const all = main.getByRole('button', { name: 'All steps' });
  await all.click();
  await expect(all).toHaveAttribute('aria-pressed', 'true');
  await expect(stages).toHaveCount(0);
  await all.click();
  await expect(stages).toHaveCount(count);
  expect(errors).toEqual([]);
});

test('the two graphs of a comparison are drawn at one scale', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/copy-link/');
  const root = island(page, 'canonical-pair');
  const [a, b] = [graphSvg(pane(root)), graphSvg(pane(root, 'compare'))];
  await a.scrollIntoViewIfNeeded();
  // The island wakes when the pointer reaches a graph.
  await a.hover();
  await expect(root).toHaveAttribute('data-island', 'mounted');
  await expect.poll(async () => Math.abs((await scaleOf(a)) - (await scaleOf(b)))).toBeLessThan(0.005);
  await pane(root, 'compare').getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(async () => Math.abs((await scaleOf(a)) - (await scaleOf(b)))).toBeLessThan(0.005);
  expect(await scaleOf(a)).toBeGreaterThan(0.8);
});

test("pasting your own file into the playground closes the starter's comparison", async ({ page }) => {
  const root = await openPlayground(page);
  await expect(pane(root, 'compare')).toBeVisible();
  const starter = root.getByLabel('Starter');
  await expect(starter.locator('option:checked')).toHaveText('COPY versus COPY --link');
  await paste(page, root, MOBY);
  await expect(pane(root, 'compare')).toBeHidden();
  // The Starter select no longer names a starter the page does not show.
  await expect(starter.locator('option:checked')).toHaveText('Your own Dockerfile');
  await expect(root.locator('[data-lw-status]')).toContainText('--link variant');
  await expect(root.getByRole('button', { name: 'Compare with --link flipped' })).toHaveAttribute('aria-pressed', 'false');
  await expect(root.locator('[data-lw-summary]')).not.toContainText('against');
  // The file's pane takes the width the two panes shared, not the left column of two.
  const share = async () => (await pane(root, 'main').boundingBox())!.width / (await root.locator('.lw-panes').boundingBox())!.width;
  expect(await share()).toBeGreaterThan(0.95);
  // The offer works: the comparison is now with the file's own variant, side by side again.
  await root.getByRole('button', { name: 'Compare with --link flipped' }).click();
  await expect(pane(root, 'compare')).toBeVisible();
  await expect.poll(() => editorText(pane(root, 'compare'))).toContain('RUNC_VERSION');
  await expect.poll(share).toBeLessThan(0.55);
  // Choosing a starter again shows it, and the select names it.
  await starter.selectOption({ label: 'COPY versus COPY --link' });
  await expect.poll(() => editorText(pane(root))).not.toContain('RUNC_VERSION');
  await expect(starter.locator('option:checked')).toHaveText('COPY versus COPY --link');
});

test('a share link opened in a tab that shows the playground loads its state', async ({ page }) => {
  const root = await openPlayground(page);
  await setEditorText(page, pane(root), 'FROM alpine\nCOPY /first /first\n');
  await expect(graphSvg(pane(root)).getByText(/COPY \/first/)).toBeVisible();
  await expect.poll(() => editorText(pane(root))).toContain('/first');
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#v1\//);
  const first = await page.evaluate(() => location.hash);
  await setEditorText(page, pane(root), 'FROM alpine\nCOPY /second /second\n');
  await expect.poll(() => page.evaluate(() => location.hash)).not.toBe(first);
  // A link pasted into the address bar of this tab: only the fragment changes.
  await page.evaluate((hash) => (location.hash = hash), first);
  await expect.poll(() => editorText(pane(root))).toContain('COPY /first /first');
  await expect(graphSvg(pane(root)).getByText(/COPY \/first/)).toBeVisible();
});

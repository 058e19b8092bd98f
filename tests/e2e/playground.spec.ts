import { test } from '@playwright/test';
import { expect, editorText, graphSvg, island, pane, setEditorText, stepKinds, watchErrors } from './live-example-support.ts';

const ID = 'playground';

/** The state in the address bar, decoded in the page as a reader's browser would. */
function fragmentState(page: import('@playwright/test').Page): Promise<unknown> {
  return page.evaluate(async () => {
    const bytes = Uint8Array.from(atob(location.hash.slice('#v1/'.length).replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return JSON.parse(await new Response(stream).text());
  });
}

test('the playground opens the editor on the default example and the fragment follows edits', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/playground/');
  const root = island(page, ID);
  await expect(root.locator('.monaco-editor').first()).toBeVisible({ timeout: 20_000 });
  await expect(graphSvg(pane(root))).toBeVisible();
  await expect(graphSvg(pane(root, 'compare'))).toBeVisible();
  await expect(page).toHaveURL(/#v1\//);
  const historyLength = await page.evaluate(() => history.length);
  const before = new URL(page.url()).hash;
  await setEditorText(page, pane(root), 'FROM alpine\nCOPY /typed /typed\n');
  await expect(graphSvg(pane(root)).getByText(/COPY \/typed/)).toBeVisible();
  await expect.poll(() => new URL(page.url()).hash).not.toBe(before);
  // replaceState, not pushState: typing adds no history entries.
  expect(await page.evaluate(() => history.length)).toBe(historyLength);
  await page.reload();
  await expect(root.locator('.monaco-editor').first()).toBeVisible({ timeout: 20_000 });
  await expect.poll(() => editorText(pane(root))).toContain('COPY /typed /typed');
  await expect(graphSvg(pane(root)).getByText(/COPY \/typed/)).toBeVisible();
  // Away and back: the edit is still there.
  await page.goto('/start/');
  await page.goBack();
  await expect(root.locator('.monaco-editor').first()).toBeVisible({ timeout: 20_000 });
  await expect.poll(() => editorText(pane(root))).toContain('COPY /typed /typed');
  expect(errors).toEqual([]);
});

test('starters, target stage, build arguments and a build-arg simulation', async ({ page }) => {
  await page.goto('/playground/');
  const root = island(page, ID);
  await expect(root.locator('.monaco-editor').first()).toBeVisible({ timeout: 20_000 });
  await root.getByLabel('Starter').selectOption('build-arg');
  await expect.poll(() => editorText(pane(root))).toContain('ARG VERSION=1.0');
  await expect(pane(root, 'compare')).toBeHidden();
  await expect(root.getByLabel('Target stage').locator('option')).toHaveText(['last stage (default)', 'base', 'release']);
  await expect.poll(() => stepKinds(pane(root))).toEqual({ source: 2, exec: 1, file: 1, merge: 1 });
  await root.getByLabel('Target stage').selectOption('base');
  await expect.poll(() => stepKinds(pane(root))).toEqual({ source: 1, exec: 1 });
  await root.getByLabel('a build argument changes to').fill('VERSION=2.0');
  await expect(pane(root).locator('[data-lw-steps] li', { hasText: 'RUN' })).toHaveAttribute('data-status', 'rebuilt');
  await expect(pane(root).locator('[data-lw-sim-summary]')).not.toBeEmpty();
  await root.getByLabel('Build arguments (KEY=VALUE, one a line)').fill('VERSION=3.0');
  await expect(pane(root).locator('[data-lw-error]')).toBeHidden();
  // The whole state survives a reload through the fragment.
  await expect.poll(() => fragmentState(page)).toMatchObject({ buildArgs: { VERSION: '3.0' }, target: 'base', simulate: ['arg:VERSION=2.0'] });
  await page.reload();
  await expect(root.locator('.monaco-editor').first()).toBeVisible({ timeout: 20_000 });
  await expect(root.getByLabel('Target stage')).toHaveValue('base');
  await expect(root.getByLabel('a build argument changes to')).toHaveValue('VERSION=2.0');
  await expect(root.getByLabel('Build arguments (KEY=VALUE, one a line)')).toHaveValue('VERSION=3.0');
  await expect.poll(() => stepKinds(pane(root))).toEqual({ source: 1, exec: 1 });
});

test('compare with --link flipped, and a .dockerignore that the findings follow', async ({ page }) => {
  await page.goto('/playground/');
  const root = island(page, ID);
  await expect(root.locator('.monaco-editor').first()).toBeVisible({ timeout: 20_000 });
  await root.getByLabel('Starter').selectOption('chmod');
  await expect(pane(root, 'compare')).toBeHidden();
  const toggle = root.getByRole('button', { name: 'Compare with --link flipped' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(pane(root, 'compare')).toBeVisible();
  await expect.poll(() => editorText(pane(root, 'compare'))).toContain('COPY --chmod=755 entrypoint.sh');
  await expect(root.locator('[data-lw-summary]')).toContainText('Compare: ');
  await toggle.click();
  await expect(pane(root, 'compare')).toBeHidden();

  await setEditorText(page, pane(root), 'FROM alpine\nCOPY secret.txt /s\n');
  await expect(pane(root).locator('[data-lw-steps] li')).toHaveCount(3);
  await expect(pane(root).locator('[data-lw-findings]')).not.toContainText('CopyIgnoredFile');
  await root.getByLabel('.dockerignore').fill('secret.txt');
  await expect(pane(root).locator('[data-lw-findings]')).toContainText('CopyIgnoredFile');
  await expect.poll(() => fragmentState(page)).toMatchObject({ dockerignore: 'secret.txt' });
});

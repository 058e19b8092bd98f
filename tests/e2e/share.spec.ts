import { deflateRawSync } from 'node:zlib';
import { test } from '@playwright/test';
import { expect, editorText, graphSvg, island, pane, watchErrors } from './live-example-support.ts';

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const link = (state: unknown) => `/playground/#v1/${b64url(deflateRawSync(Buffer.from(JSON.stringify(state))))}`;

test.describe('share links', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('Copy link on a guide page restores the exact state in the playground', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/start/');
    const root = island(page, 'start-canonical');
    await root.locator('[data-lw-sim="base"]').selectOption('alpine');
    await root.getByText('Build options').click();
    await root.getByLabel('Builder supports MergeOp').uncheck();
    await expect(root.locator('[data-lw-summary]')).toContainText('0 merge ops.');
    await root.getByRole('button', { name: 'Copy link' }).click();
    await expect(root.locator('[data-lw-status]')).toHaveText('Link copied.');
    const url = await page.evaluate(() => navigator.clipboard.readText());
    expect(url).toMatch(/\/playground\/#v1\/[A-Za-z0-9_-]+$/);
    await page.goto(url);
    const play = island(page, 'playground');
    await expect(play.locator('.monaco-editor').first()).toBeVisible({ timeout: 20_000 });
    await expect.poll(() => editorText(pane(play))).toContain('COPY /dir1 /dir1');
    await expect.poll(() => editorText(pane(play, 'compare'))).toContain('COPY --link /dir1 /dir1');
    await expect(play.locator('[data-lw-sim="base"]')).toHaveValue('alpine');
    await expect(play.getByLabel('Builder supports MergeOp')).not.toBeChecked();
    await expect(play.locator('[data-lw-summary]')).toContainText('0 merge ops.');
    await expect(pane(play).locator('[data-lw-steps] li', { hasText: 'COPY /dir1' })).toHaveAttribute('data-status', 'rebuilt');
    expect(errors).toEqual([]);
  });

  test('Copy link on an example as the page shows it gives its permanent address on the page', async ({ page }) => {
    await page.goto('/copy-link/');
    const root = page.locator('[data-lw-example]').nth(1);
    const id = await root.getAttribute('data-lw-example');
    await root.getByRole('button', { name: 'Copy link' }).click();
    await expect(root.locator('[data-lw-status]')).toHaveText('Link to this example copied.');
    const url = await page.evaluate(() => navigator.clipboard.readText());
    expect(url).toBe(new URL(`/copy-link/#example-${id}`, page.url()).href);
    await page.goto('/');
    await page.goto(url);
    await expect(page.locator(`#example-${id}`)).toBeInViewport();
  });

  test('Open in playground carries the edited example', async ({ page }) => {
    await page.goto('/start/');
    const root = island(page, 'start-canonical');
    await root.locator('[data-lw-sim="file"]').selectOption('dir1');
    await root.getByRole('link', { name: 'Open in playground' }).click();
    await expect(page).toHaveURL(/\/playground\/#v1\//);
    const play = island(page, 'playground');
    await expect(play.locator('[data-lw-sim="file"]')).toHaveValue('dir1');
    await expect(graphSvg(pane(play))).toBeVisible();
  });
});

test('a link made outside the page (Node zlib) decodes to the same state', async ({ page }) => {
  await page.goto(link({ code: 'FROM busybox\nRUN echo shared\n', buildArgs: { A: '1' }, simulate: ['line:2'] }));
  const play = island(page, 'playground');
  await expect.poll(() => editorText(pane(play))).toContain('RUN echo shared');
  await expect(pane(play, 'compare')).toBeHidden();
  await expect(play.getByLabel('Build arguments (KEY=VALUE, one a line)')).toHaveValue('A=1');
  await expect(pane(play).locator('[data-lw-steps] li', { hasText: 'RUN echo shared' })).toHaveAttribute('data-status', 'rebuilt');
});

for (const [name, fragment, message] of [
  ['malformed', '#v1/not*base64!', 'damaged'],
  ['not deflate', `#v1/${b64url(new Uint8Array([255, 1, 2, 3, 4, 5]))}`, 'damaged'],
  ['valid JSON of the wrong shape', `#v1/${b64url(deflateRawSync(Buffer.from('{"code":42}')))}`, 'damaged'],
  ['oversized', `#v1/${'A'.repeat(70_000)}`, 'too long'],
  ['a deflate bomb', `#v1/${b64url(deflateRawSync(Buffer.from(JSON.stringify({ code: ' '.repeat(5_000_000) }))))}`, 'more than'],
  ['from a future version', '#v9/abc', 'newer version'],
] as const) {
  test(`a ${name} link gives a friendly message and the default example`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto(`/playground/${fragment}`);
    const play = island(page, 'playground');
    await expect(play.locator('[data-lw-status]')).toContainText(message);
    await expect(play.locator('[data-lw-status]')).toContainText('Showing the default example instead.');
    await expect.poll(() => editorText(pane(play))).toContain('COPY /dir1 /dir1');
    await expect(graphSvg(pane(play))).toBeVisible();
    expect(errors).toEqual([]);
  });
}

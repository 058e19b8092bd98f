import { deflateRawSync } from 'node:zlib';
import { test } from '@playwright/test';
import { expect, editorText, graphSvg, island, pane, share, watchErrors } from './live-example-support.ts';

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const link = (state: unknown) => `/playground/#v1/${b64url(deflateRawSync(Buffer.from(JSON.stringify(state))))}`;

test.describe('share links', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('Copy link on an edited example gives its page with the state, which restores it in place; Reset to the original', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/start/');
    const root = island(page, 'start-canonical');
    await root.locator('[data-lw-sim="base"]').selectOption('alpine');
    await root.getByText('Build options').click();
    await root.getByLabel('Builder supports MergeOp').uncheck();
    await expect(root.locator('[data-lw-summary]')).toContainText('0 merge ops.');
    await share(root, 'Copy link');
    await expect(root.locator('[data-lw-status]')).toHaveText('Link copied. It opens this example with your changes, here on its page.');
    const url = await page.evaluate(() => navigator.clipboard.readText());
    expect(url).toMatch(/\/start\/\?s=v1\/[A-Za-z0-9_-]+#example-start-canonical$/);

    // A reader who has never seen the page (no session edits) opens it.
    const reader = await page.context().newPage();
    const readerErrors = watchErrors(reader);
    await reader.goto(url);
    const shared = island(reader, 'start-canonical');
    await expect(shared).toBeInViewport();
    await expect(shared.locator('[data-lw-modified]')).toBeVisible();
    await expect(shared.locator('[data-lw-modified]')).toContainText('modified version of this example');
    await expect(shared.locator('[data-lw-status]')).toHaveText('This example was changed by whoever shared the link.');
    await expect.poll(() => editorText(pane(shared))).toContain('COPY /dir1 /dir1');
    await expect(shared.locator('[data-lw-sim="base"]')).toHaveValue('alpine');
    await expect(shared.getByLabel('Builder supports MergeOp')).not.toBeChecked();
    await expect(shared.locator('[data-lw-summary]')).toContainText('0 merge ops.');
    await expect(pane(shared).locator('[data-lw-steps] li', { hasText: 'COPY /dir1' })).toHaveAttribute('data-status', 'rebuilt');
    // The page around it is the page: title, explanation, and the way to the playground.
    await expect(reader.locator('h1')).toHaveText('Start here');
    await expect(shared.getByRole('link', { name: 'Open in playground' })).toBeVisible();

    await shared.getByRole('button', { name: 'Reset to the original', exact: true }).click();
    await expect(shared.locator('[data-lw-modified]')).toBeHidden();
    await expect(shared.getByLabel('Builder supports MergeOp')).toBeChecked();
    await expect(shared.locator('[data-lw-sim="base"]')).toHaveValue('');
    await expect(shared.locator('[data-lw-summary]')).toContainText('1 merge op.');
    // The address no longer carries the state: a reload shows the original.
    expect(new URL(reader.url()).search).toBe('');
    await reader.reload();
    await expect(island(reader, 'start-canonical').locator('[data-lw-modified]')).toBeHidden();
    expect(errors).toEqual([]);
    expect(readerErrors).toEqual([]);
  });

  test('an in-page link that is damaged says so and shows the original example', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/start/?s=v1/not*base64!#example-start-canonical');
    const root = island(page, 'start-canonical');
    await expect(root.locator('[data-lw-status]')).toContainText('damaged');
    await expect(root.locator('[data-lw-status]')).toContainText("Showing the original example instead.");
    await expect(root.locator('[data-lw-modified]')).toBeHidden();
    expect(errors).toEqual([]);
  });

  test('an in-page link names its example: another example on the page stays as it is', async ({ page }) => {
    await page.goto(`/copy-link/?s=v1/${b64url(deflateRawSync(Buffer.from(JSON.stringify({ code: 'FROM busybox\nRUN echo only-here\n' }))))}#example-canonical-pair`);
    const target = island(page, 'canonical-pair');
    await expect.poll(() => editorText(pane(target))).toContain('RUN echo only-here');
    const other = page.locator('[data-lw-example]').nth(1);
    await expect(other.locator('[data-lw-modified]')).toBeHidden();
    await expect(other.locator('[data-lw-steps]').first()).not.toContainText('only-here');
  });

  test('Copy as Markdown link on an example gives [title](its address)', async ({ page }) => {
    await page.goto('/copy-link/');
    const root = island(page, 'canonical-pair');
    await share(root, 'Copy as Markdown link');
    await expect(root.locator('[data-lw-status]')).toHaveText('Markdown link copied.');
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toBe(`[Plain COPY versus COPY --link](${new URL('/copy-link/#example-canonical-pair', page.url()).href})`);
  });

  test('Copy link on an example as the page shows it gives its permanent address on the page', async ({ page }) => {
    await page.goto('/copy-link/');
    const root = page.locator('[data-lw-example]').nth(1);
    const id = await root.getAttribute('data-lw-example');
    await share(root, 'Copy link');
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

test('a playground link with the state in ?s= (as embeds and in-page links carry it) opens too', async ({ page }) => {
  const state = { code: 'FROM busybox\nRUN echo from-query\n' };
  await page.goto(`/playground/?s=v1/${b64url(deflateRawSync(Buffer.from(JSON.stringify(state))))}`);
  const play = island(page, 'playground');
  await expect.poll(() => editorText(pane(play))).toContain('RUN echo from-query');
  // From then on the fragment holds the state, and the query is gone.
  await expect.poll(() => new URL(page.url()).search).toBe('');
  await expect(page).toHaveURL(/#v1\//);
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

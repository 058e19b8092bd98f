import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { outDir } from '../audit/site-pages.ts';
import { embedCode } from '../../src/live/model/link-texts.ts';
import { island, share } from './live-example-support.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';
import { watchViolations } from './violations.ts';

/**
 * Embeds (/embed/…): served as deployed (static-server.ts applies public/_headers), framed by
 * a page of another origin (a second server) with the embed code the site gives out. The
 * embed renders, reports its height so the frame fits, and works under the CSP; a page that
 * is not an embed still refuses to be framed.
 */

let site: StaticServer;
test.beforeAll(async () => {
  if (!existsSync(join(outDir, '_headers'))) throw new Error(`No ${join(outDir, '_headers')}: build the site first.`);
  site = await startStaticServer({ root: outDir });
});
test.afterAll(async () => site?.close());

/** Another origin serving `html` at `/`. */
async function otherOrigin(html: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><meta charset="utf-8"><title>a style guide</title><h1>Our Docker policy</h1>${html}<p>After the frame.</p>`);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  expect(new URL(url).origin).not.toBe(new URL(site.url).origin);
  return { url, close: () => new Promise<void>((done) => server.close(() => done())) };
}

const EMBED = '/embed/copy-link/canonical-pair/';

async function frameHeight(page: Page): Promise<number> {
  return page.locator('iframe').evaluate((frame) => (frame as HTMLIFrameElement).getBoundingClientRect().height);
}

test('an embed in another origin’s iframe renders, and the frame follows its height', async ({ page }) => {
  const host = await otherOrigin(embedCode(`${site.url}${EMBED}`, 'Plain COPY versus COPY --link'));
  try {
    await page.goto(host.url);
    const frame = page.frameLocator('iframe');
    const example = island(frame as unknown as Page, 'canonical-pair');
    await expect(example).toBeVisible();
    await expect(example.locator('[data-lw-pane="main"] [data-lw-graph] > svg:visible')).toBeVisible();
    await expect(frame.getByRole('link', { name: /Open “COPY --link in depth” on Layerwise/ })).toHaveAttribute('href', '/copy-link/#example-canonical-pair');
    // The frame took the height the embed reported (it started at 640px), and has no scrollbar.
    const inner = async () => frame.locator('html').evaluate((html) => Math.ceil(html.getBoundingClientRect().height));
    await expect.poll(async () => Math.abs((await frameHeight(page)) - (await inner()))).toBeLessThanOrEqual(1);
    const before = await frameHeight(page);
    expect(before).not.toBe(640);
    // Opening the build options makes the embed taller: the frame follows.
    await example.getByText('Build options').click();
    await expect.poll(() => frameHeight(page)).toBeGreaterThan(before + 40);
    await expect.poll(async () => Math.abs((await frameHeight(page)) - (await inner()))).toBeLessThanOrEqual(1);
  } finally {
    await host.close();
  }
});

test('a page that is not an embed refuses to be framed by another origin', async ({ page }) => {
  const host = await otherOrigin(`<iframe src="${site.url}/copy-link/" style="width:100%;height:600px"></iframe>`);
  try {
    await page.goto(host.url);
    await page.waitForTimeout(500);
    const child = page.frames().find((f) => f !== page.mainFrame());
    expect(child?.url()).toMatch(/^chrome-error:/);
    expect(await child!.locator('h1#_top').count()).toBe(0);
  } finally {
    await host.close();
  }
});

test('embeds are served framable, everything else not; the page policy holds without violations', async ({ page, request }) => {
  const embed = await request.get(`${site.url}${EMBED}`);
  expect(embed.headers()['content-security-policy']).toContain('frame-ancestors *');
  expect(embed.headers()['x-frame-options']).toBeUndefined();
  const html = await embed.text();
  const policy = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
  expect(policy).toContain("default-src 'self'");
  expect(/script-src ([^;]*)/.exec(policy)?.[1]).not.toMatch(/'unsafe-eval'|'unsafe-inline'/);
  const guide = await request.get(`${site.url}/copy-link/`);
  expect(guide.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(guide.headers()['x-frame-options']).toBe('DENY');

  const violations = await watchViolations(page);
  await page.goto(`${site.url}${EMBED}`);
  const example = island(page, 'canonical-pair');
  await example.getByRole('button', { name: 'Edit' }).click();
  await expect(example).toHaveAttribute('data-editor', 'ready', { timeout: 20_000 });
  expect(await violations()).toEqual([]);
});

/** Gzipped bytes of the JavaScript a page loads before the reader does anything. */
async function eagerJs(page: Page, url: string): Promise<number> {
  const sizes: Promise<number>[] = [];
  const listener = (response: import('@playwright/test').Response) => {
    if (new URL(response.url()).pathname.endsWith('.js')) sizes.push(response.body().then((b) => gzipSync(b, { level: 9 }).length));
  };
  page.on('response', listener);
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  page.off('response', listener);
  return (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
}

test('an embed loads no more JavaScript before interaction than a guide page', async ({ page }) => {
  const guide = await eagerJs(page, `${site.url}/start/`);
  const embed = await eagerJs(page, `${site.url}${EMBED}`);
  expect(guide).toBeGreaterThan(0);
  expect(embed).toBeGreaterThan(0);
  expect(embed).toBeLessThanOrEqual(guide);
  expect(embed).toBeLessThanOrEqual(6.2 * 1024);
});

test('an embed announces its oEmbed answer, which frames the same embed', async ({ page, request }) => {
  await page.goto(`${site.url}${EMBED}`);
  const href = await page.locator('link[rel="alternate"][type="application/json+oembed"]').getAttribute('href');
  expect(href).toMatch(/^https?:\/\/[^/]+\/oembed\/copy-link\/canonical-pair\.json$/);
  const answer = await request.get(`${site.url}${new URL(href!).pathname}`);
  expect(answer.ok()).toBe(true);
  expect(answer.headers()['access-control-allow-origin']).toBe('*');
  const json = await answer.json();
  expect(json).toMatchObject({ version: '1.0', type: 'rich', provider_name: 'Layerwise' });
  expect(json.html).toMatch(/<iframe src="https?:\/\/[^"]+\/embed\/copy-link\/canonical-pair\/"/);
});

test.describe('Copy embed code', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('gives the example’s embed, or for an edited one the shared embed, which shows the edit', async ({ page }) => {
    await page.goto(`${site.url}/copy-link/`);
    const root = island(page, 'canonical-pair');
    await share(root, 'Copy embed code');
    await expect(root.locator('[data-lw-status]')).toHaveText('Embed code copied.');
    let code = await page.evaluate(() => navigator.clipboard.readText());
    expect(code).toContain(`<iframe src="${site.url}${EMBED}"`);

    await root.locator('[data-lw-sim="base"]').selectOption('alpine');
    await share(root, 'Copy embed code');
    code = await page.evaluate(() => navigator.clipboard.readText());
    const src = /<iframe src="([^"]+)"/.exec(code)?.[1] ?? '';
    expect(src).toMatch(/\/embed\/\?s=v1\/[A-Za-z0-9_-]+$/);

    const host = await otherOrigin(code);
    try {
      await page.goto(host.url);
      const frame = page.frameLocator('iframe');
      const shared = frame.locator('[data-lw-example="shared"]');
      await expect(shared.locator('[data-lw-sim="base"]')).toHaveValue('alpine', { timeout: 15_000 });
      await expect(shared.locator('[data-lw-pane="compare"]')).toBeVisible();
      // The edit is what the embed shows; it has no page original to call it "modified" against.
      await expect(shared.locator('[data-lw-modified]')).toBeHidden();
      await expect(frame.locator('[data-lw-back]')).toHaveAttribute('href', /^\/playground\/\?s=v1\//);
    } finally {
      await host.close();
    }
  });
});

test('an embed has no axe violations, in either theme', async ({ page }) => {
  test.setTimeout(60_000);
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
  const found: string[] = [];
  for (const path of [EMBED, '/embed/rules/link-disabled-by-chmod/bad/', '/embed/']) {
    await page.goto(`${site.url}${path}`);
    for (const theme of ['dark', 'light']) {
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze();
      for (const v of violations) for (const n of v.nodes) found.push(`${path} [${theme}] ${v.id}: ${n.target.join(' ')}`);
    }
  }
  expect(found).toEqual([]);
});

import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { outDir } from '../audit/site-pages.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';
import { watchViolations } from './violations.ts';

/**
 * The response headers of public/_headers (security headers on every page, a long cache on
 * Astro's hashed assets). `astro preview` ignores that file, so these tests serve the build
 * with static-server.ts, which applies it the way Netlify and Cloudflare Pages do.
 */

const IMMUTABLE = 'public, max-age=31536000, immutable';

function requireBuild(): void {
  if (!existsSync(join(outDir, '_headers'))) {
    throw new Error(`No ${join(outDir, '_headers')}: build the site first (npx astro build), public/_headers is copied into it.`);
  }
}

let site: StaticServer;
test.beforeAll(async () => {
  requireBuild();
  site = await startStaticServer({ root: outDir });
});
test.afterAll(async () => site?.close());

test('every page carries the security headers, and they add nothing that fights the meta policy', async ({ request }) => {
  for (const path of ['/', '/start/', '/playground/', '/does-not-exist/']) {
    const response = await request.get(`${site.url}${path}`);
    expect(response.status(), path).toBe(path === '/does-not-exist/' ? 404 : 200);
    const headers = response.headers();
    const csp = headers['content-security-policy'] ?? '';
    const directives = csp.split(';').map((d) => d.trim()).filter(Boolean);
    expect(directives.sort(), path).toEqual(["base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'", "object-src 'none'"]);
    // Browsers enforce both policies: the header must leave scripts, styles and fetches to the meta tag.
    expect(csp, path).not.toMatch(/default-src|script-src|style-src|connect-src|worker-src|img-src|font-src/);
    expect(headers['x-frame-options'], path).toBe('DENY');
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    const permissions = headers['permissions-policy'] ?? '';
    for (const feature of ['camera=()', 'microphone=()', 'geolocation=()']) expect(permissions, path).toContain(feature);
    expect(permissions, path).not.toContain('interest-cohort');
    // Pages change with every deploy: only the hashed assets are cached for good.
    expect(headers['cache-control'] ?? '', path).not.toContain('immutable');
  }
});

test('pages load under the headers without a CSP violation or a refused resource', async ({ page }) => {
  test.setTimeout(60_000);
  const violations = await watchViolations(page);
  const found = new Set<string>();
  for (const path of ['/', '/start/', '/playground/', '/copy-link/']) {
    const response = await page.goto(`${site.url}${path}`);
    expect(response?.status(), path).toBe(200);
    expect(await response?.headerValue('content-security-policy'), path).toContain("frame-ancestors 'none'");
    await expect(page.locator('h1').first(), path).toBeVisible();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState('networkidle');
    for (const v of await violations()) found.add(`${path}: ${v}`);
  }
  // The live example ran (its island hydrated) under nosniff and both policies.
  await page.goto(`${site.url}/playground/`);
  await expect(page.locator('[data-lw-example]').first()).toHaveAttribute('data-editor', 'ready', { timeout: 20_000 });
  for (const v of await violations()) found.add(`/playground/ (editor): ${v}`);
  expect([...found]).toEqual([]);
});

/** A page on another origin (its own server) that embeds the site's /start/ in an iframe. */
async function framer(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><title>framer</title><iframe id="victim" src="${target}" width="800" height="600"></iframe>`);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/**
 * Serves the build (leaving out the headers in `omit`, or with no _headers at all when
 * `omit` is null), frames /start/ from another origin and reports what the frame holds.
 */
async function frameTheSite(page: Page, omit: string[] | null) {
  const messages: string[] = [];
  page.on('console', (message) => messages.push(message.text()));
  const served = await startStaticServer(omit === null ? { root: outDir, headersFile: null } : { root: outDir, omit });
  const attacker = await framer(`${served.url}/start/`);
  try {
    expect(new URL(attacker.url).origin).not.toBe(new URL(served.url).origin);
    await page.goto(attacker.url); // 'load' waits for the iframe, loaded or refused
    const child = await (await page.locator('#victim').elementHandle())?.contentFrame();
    if (!child) throw new Error('the iframe has no frame');
    // Give a refused frame time to show the site anyway, should it be going to.
    await page.waitForTimeout(500);
    // The site's own heading: Chromium's error page for a refused frame has an <h1> of its own.
    return { frameUrl: child.url(), headings: await child.locator('h1#_top', { hasText: 'Start here' }).count(), messages };
  } finally {
    await attacker.close();
    await served.close();
  }
}

test.describe('another origin cannot frame the site', () => {
  test('control: without _headers the frame shows the page (so the checks below can fail)', async ({ page }) => {
    const outcome = await frameTheSite(page, null);
    expect(outcome.frameUrl).toMatch(/\/start\/$/);
    expect(outcome.headings).toBeGreaterThan(0);
  });

  test('as deployed: the frame is refused', async ({ page }) => {
    const outcome = await frameTheSite(page, []);
    expect(outcome.headings).toBe(0);
    expect(outcome.frameUrl).toMatch(/^chrome-error:/);
  });

  test('CSP frame-ancestors alone refuses it (X-Frame-Options left out)', async ({ page }) => {
    const outcome = await frameTheSite(page, ['x-frame-options']);
    expect(outcome.headings).toBe(0);
    expect(outcome.frameUrl).toMatch(/^chrome-error:/);
    expect(outcome.messages.join('\n')).toMatch(/frame-ancestors 'none'/);
  });

  test('X-Frame-Options alone refuses it, for browsers without frame-ancestors (CSP header left out)', async ({ page }) => {
    const outcome = await frameTheSite(page, ['content-security-policy']);
    expect(outcome.headings).toBe(0);
    expect(outcome.frameUrl).toMatch(/^chrome-error:/);
    expect(outcome.messages.join('\n')).toMatch(/X-Frame-Options.*deny/i);
  });
});

test("Astro's hashed scripts are cached for good, and carry the page headers too", async ({ page, request }) => {
  const seen: Promise<{ url: string; cacheControl: string | null; nosniff: string | null }>[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.origin === site.url && url.pathname.startsWith('/_astro/') && url.pathname.endsWith('.js')) {
      seen.push(
        (async () => ({
          url: url.pathname,
          cacheControl: await response.headerValue('cache-control'),
          nosniff: await response.headerValue('x-content-type-options'),
        }))(),
      );
    }
  });
  const document = await page.goto(`${site.url}/start/`);
  await page.waitForLoadState('networkidle');
  const scripts = await Promise.all(seen);
  expect(await document?.headerValue('cache-control')).toBeNull();
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) {
    expect(script.cacheControl, script.url).toBe(IMMUTABLE);
    // Rules accumulate: /* applies to assets as well as /_astro/*.
    expect(script.nosniff, script.url).toBe('nosniff');
  }
  // The same straight from the server, for one script the browser fetched.
  const direct = await request.get(`${site.url}${scripts[0].url}`);
  expect(direct.headers()['cache-control']).toBe(IMMUTABLE);
  expect(direct.headers()['content-type']).toMatch(/^text\/javascript/);
});

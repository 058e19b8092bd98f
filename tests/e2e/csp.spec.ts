import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { outDir, pathsWithIslands, sitePaths } from '../audit/site-pages.ts';
import { watchViolations } from './violations.ts';
import { share } from './live-example-support.ts';

/**
 * The Content-Security-Policy (astro.config.mjs, `security.csp`) holds on every page: each
 * page carries it, loads without a single violation, and search (Pagefind's WebAssembly)
 * still works under it.
 */

const paths = sitePaths();

test('every built page declares a policy without unsafe-eval or unsafe-inline scripts', () => {
  for (const path of paths) {
    const html = readFileSync(path.endsWith('/') ? join(outDir, path, 'index.html') : join(outDir, path), 'utf8');
    const policy = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html)?.[1];
    expect(policy, path).toBeTruthy();
    const scriptSrc = /script-src ([^;]*)/.exec(policy ?? '')?.[1] ?? '';
    expect(scriptSrc, path).toContain("'self'");
    expect(scriptSrc, path).not.toContain("'unsafe-eval'");
    expect(scriptSrc, path).not.toContain("'unsafe-inline'");
    expect(policy, path).toContain("object-src 'none'");
    expect(policy, path).toContain("default-src 'self'");
  }
});

// Pages in a few batches (each loaded in turn in one tab), so two workers share them.
const BATCHES = 4;
for (let batch = 0; batch < BATCHES; batch++) {
  const mine = paths.filter((_, i) => i % BATCHES === batch);
  test(`no CSP violation on ${mine.join(' ')}`, async ({ page }) => {
    test.setTimeout(20_000 + 6_000 * mine.length);
    const violations = await watchViolations(page);
    const found = new Set<string>();
    for (const path of mine) {
      await page.goto(path);
      // Scroll to the end (anything loaded on view, e.g. images or a fallback graph), then let it settle.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForLoadState('networkidle');
      for (const v of await violations()) found.add(v.includes('blocked') ? `${path}: ${v}` : v);
    }
    expect([...found]).toEqual([]);
  });
}

// Every live example is the same component: edit one on a guide page and the playground.
for (const path of pathsWithIslands().filter((p) => p === '/start/' || p === '/playground/')) {
  test(`no CSP violation while editing the live example on ${path} (Monaco, its worker, Mermaid, SVG download, share link)`, async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const violations = await watchViolations(page);
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.goto(path);
    const example = page.locator('[data-lw-example]').first();
    if (!path.startsWith('/playground/')) await example.getByRole('button', { name: 'Edit' }).click();
    await expect(example).toHaveAttribute('data-editor', 'ready', { timeout: 20_000 });
    // Monaco starts its worker on first use; typing makes sure it is running.
    await example.getByRole('textbox', { name: /Dockerfile editor/ }).first().focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nRUN echo csp');
    await expect(example.locator('[data-lw-pane="main"] [data-lw-graph] svg')).toContainText('csp', { timeout: 15_000 });
    // The edit was analyzed in the islands' worker, a script of our own origin, not on the
    // main thread after the policy blocked it.
    await expect(example).toHaveAttribute('data-analyzed-in', 'worker');
    expect(workers.some((url) => /\/analysis-worker[^/]*\.js$/.test(new URL(url).pathname))).toBe(true);
    // Monaco starts its worker only when a feature needs it; start one the way Monaco would.
    await page.evaluate(() => {
      const env = (self as unknown as { MonacoEnvironment?: { getWorker(id: string, label: string): Worker } }).MonacoEnvironment;
      env?.getWorker('csp-check', 'editorWorkerService');
    });
    await expect.poll(() => workers.length, { message: 'Monaco started its worker' }).toBeGreaterThan(0);
    await example.getByRole('combobox', { name: /the base image/ }).selectOption({ index: 1 });
    const download = page.waitForEvent('download');
    await share(example, 'Download SVG');
    expect((await download).suggestedFilename()).toMatch(/\.svg$/);
    await share(example, 'Copy link');
    await expect(example.getByRole('status')).toHaveText(/link copied/i);
    await page.goto(await page.evaluate(() => navigator.clipboard.readText()));
    await expect(page.locator('[data-lw-example]').first()).toHaveAttribute('data-editor', 'ready', { timeout: 20_000 });
    expect(await violations()).toEqual([]);
  });
}

test('search works under the policy (Pagefind compiles WebAssembly)', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto('/start/');
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Search' }).fill('link');
  await expect(dialog.locator('.pagefind-ui__result-link').first()).toBeVisible({ timeout: 15_000 });
  expect(await violations()).toEqual([]);
});

test('the policy really blocks injected script (the watch can fail)', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto('/start/');
  await page.evaluate(() => {
    const w = window as unknown as { __ran?: boolean };
    document.body.insertAdjacentHTML('beforeend', '<img src="x" onerror="window.__ran = true">');
    const script = document.createElement('script');
    script.textContent = 'window.__ran = true';
    document.body.append(script);
    return w.__ran;
  });
  await expect.poll(async () => (await violations()).length).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
});

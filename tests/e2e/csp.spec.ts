import { expect, test, type Page } from '@playwright/test';
import { pathsWithIslands, sitePaths } from '../audit/site-pages.ts';

/**
 * The Content-Security-Policy (astro.config.mjs, `security.csp`) holds on every page: each
 * page carries it, loads without a single violation, and search (Pagefind's WebAssembly)
 * still works under it.
 */

/** Records every securitypolicyviolation event and every CSP console message of a page. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const messages: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) messages.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  return async () => [
    ...messages,
    ...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])),
  ];
}

const paths = sitePaths();

test('every page declares a policy without unsafe-eval or unsafe-inline scripts', async ({ page }) => {
  for (const path of paths) {
    await page.goto(path);
    const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(policy, path).toBeTruthy();
    const scriptSrc = /script-src ([^;]*)/.exec(policy ?? '')?.[1] ?? '';
    expect(scriptSrc, path).toContain("'self'");
    expect(scriptSrc, path).not.toContain("'unsafe-eval'");
    expect(scriptSrc, path).not.toContain("'unsafe-inline'");
    expect(policy, path).toContain("object-src 'none'");
    expect(policy, path).toContain("default-src 'self'");
  }
});

for (const path of paths) {
  test(`no CSP violation on ${path}`, async ({ page }) => {
    const violations = await watchViolations(page);
    await page.goto(path);
    // Bring lazy parts (graphs that render when visible) into view, then let them settle.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState('networkidle');
    expect(await violations()).toEqual([]);
  });
}

for (const path of pathsWithIslands()) {
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
    // Monaco starts its worker only when a feature needs it; start one the way Monaco would.
    await page.evaluate(() => {
      const env = (self as unknown as { MonacoEnvironment?: { getWorker(id: string, label: string): Worker } }).MonacoEnvironment;
      env?.getWorker('csp-check', 'editorWorkerService');
    });
    await expect.poll(() => workers.length, { message: 'Monaco started its worker' }).toBeGreaterThan(0);
    await example.getByRole('combobox', { name: /the base image/ }).selectOption({ index: 1 });
    const download = page.waitForEvent('download');
    await example.getByRole('button', { name: 'Download SVG' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.svg$/);
    await example.getByRole('button', { name: 'Copy link' }).click();
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
  await expect(dialog.locator('a[href*="/start/"]').first()).toBeVisible({ timeout: 10_000 });
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

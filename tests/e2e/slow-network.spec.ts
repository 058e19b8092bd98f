import { expect, test, type Page } from '@playwright/test';
import { outDir } from '../audit/site-pages.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';

/**
 * A reader on a slow connection: the page's HTML arrives a few kilobytes at a time, so the
 * browser paints before the main column is there. Nothing on screen may move when the rest
 * arrives (Starlight's table of contents used to jump from the left to its column: a layout
 * shift of about 0.43 on every page; src/styles/site.css keeps it in place).
 */

let site: StaticServer;
test.beforeAll(async () => {
  site = await startStaticServer({ root: outDir, trickle: { bytes: 4096, everyMs: 40 } });
});
test.afterAll(() => site.close());
test.use({ viewport: { width: 1350, height: 940 } });

/** Loads `url` (with `css` added to every stylesheet) and returns its cumulative layout shift and whether it painted before the HTML ended. */
async function load(page: Page, url: string, css = ''): Promise<{ cls: number; paintedEarly: boolean }> {
  if (css) {
    await page.route('**/*.css', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: `${await response.text()}\n${css}` });
    });
  }
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number; __firstPaint: number };
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) w.__cls += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => (w.__firstPaint ??= list.getEntries()[0].startTime)).observe({ type: 'paint', buffered: true });
  });
  await page.goto(url);
  await page.waitForTimeout(500);
  return page.evaluate(() => {
    const w = window as unknown as { __cls: number; __firstPaint: number };
    return { cls: w.__cls, paintedEarly: w.__firstPaint < (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseEnd };
  });
}

test('control: without the fix the table of contents jumps on a slow connection (so the check below can fail)', async ({ page }) => {
  // Slower still: the stylesheets now pass through the test, and the first paint waits for them.
  const slower = await startStaticServer({ root: outDir, trickle: { bytes: 2048, everyMs: 60 } });
  try {
    const { cls, paintedEarly } = await load(page, `${slower.url}/start/`, '@media (min-width: 72rem) { .right-sidebar-container { margin-inline-start: 0 !important; } }');
    expect(paintedEarly).toBe(true);
    expect(cls).toBeGreaterThan(0.25);
  } finally {
    await slower.close();
  }
});

for (const path of ['/start/', '/copy-link/', '/buildkit-graph/']) {
  test(`nothing moves while ${path} arrives slowly`, async ({ page }) => {
    const { cls, paintedEarly } = await load(page, site.url + path);
    expect(paintedEarly).toBe(true);
    expect(cls).toBeLessThan(0.1);
  });
}

import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

/**
 * Permanent addresses: every page and every heading or example anchor of the site before
 * issue 17 (tests/fixtures/permalinks-baseline.json, taken from the build of main at 585e160)
 * still resolves: the page answers, and the fragment names an element on it (an example's
 * old `#example-bad-1` is an alias inside the example now called `#bad`).
 */

const baseline = JSON.parse(readFileSync('tests/fixtures/permalinks-baseline.json', 'utf8')) as Record<string, string[]>;

/** The ids of the elements in a page's markup (scripts and templates left out). */
function ids(html: string): Set<string> {
  const markup = html.replace(/<script\b[\s\S]*?<\/script>/gi, '').replace(/<template\b[\s\S]*?<\/template>/gi, '');
  return new Set([...markup.matchAll(/<[a-z][\w-]*\b[^>]*?\sid="([^"]*)"/gi)].map((m) => m[1].replace(/&amp;/g, '&')));
}

test('the baseline is the site before the change (so this test can fail)', () => {
  expect(Object.keys(baseline).length).toBeGreaterThan(40);
  expect(baseline['/rules/link-disabled-by-chmod/']).toContain('example-bad-1');
});

test('every page and anchor of the baseline still resolves', async ({ request }) => {
  test.setTimeout(120_000);
  const missing: string[] = [];
  for (const [path, anchors] of Object.entries(baseline)) {
    const response = await request.get(path);
    if (path !== '/404.html' && !response.ok()) {
      missing.push(`${path}: HTTP ${response.status()}`);
      continue;
    }
    const found = ids(await response.text());
    for (const anchor of anchors) if (!found.has(anchor)) missing.push(`${path}#${anchor}`);
  }
  expect(missing).toEqual([]);
});

test("an old example anchor on a rule page lands on the example, which now has a readable one", async ({ page }) => {
  await page.goto('/rules/link-disabled-by-chmod/#example-bad-1');
  const example = page.locator('section#bad');
  await expect(example).toBeInViewport();
  await expect(page.locator('#example-bad-1')).toHaveCount(1);
  expect(await page.locator('#example-bad-1').evaluate((alias) => !!alias.closest('section#bad'))).toBe(true);
  await page.goto('/rules/link-disabled-by-chmod/#good');
  await expect(page.locator('section#good')).toBeInViewport();
});

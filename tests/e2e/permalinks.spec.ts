import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

/**
 * Permanent addresses: every page and every heading or example anchor of the site before
 * this round (tests/fixtures/permalinks-baseline.json, taken from the build of main at 585e160)
 * still resolves: the page answers, and the fragment names an element on it. An example's old
 * `#example-bad-1` is an alias inside the example now called `#bad` (issue 17); a heading whose
 * text changed, such as `--` no longer typeset as a dash, keeps its old id (issue 14).
 */

const root = join(import.meta.dirname, '../..');
const baseline = JSON.parse(readFileSync(join(root, 'tests/fixtures/permalinks-baseline.json'), 'utf8')) as Record<string, string[]>;

/** The ids (and old-style names) in a page's markup, the anchors a browser would scroll to (scripts and templates left out). */
function ids(html: string): Set<string> {
  const markup = html.replace(/<script\b[\s\S]*?<\/script>/gi, '').replace(/<template\b[\s\S]*?<\/template>/gi, '');
  return new Set([...markup.matchAll(/<[a-z][\w-]*\b[^>]*?\s(?:id|name)="([^"]*)"/gi)].map((m) => m[1].replace(/&amp;/g, '&')));
}

test('the baseline is the site before the change (so this test can fail)', () => {
  expect(Object.keys(baseline).length).toBeGreaterThan(40);
  expect(baseline['/rules/link-disabled-by-chmod/']).toContain('example-bad-1');
  expect(baseline['/copy-link/']).toContain('chmod-on-the-same-instruction');
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
    // `#_top` is the browser's own: the top of any page.
    for (const anchor of anchors) if (anchor !== '_top' && !found.has(anchor)) missing.push(`${path}#${anchor}`);
  }
  expect(missing, missing.join('\n')).toEqual([]);
});

test('an old example anchor on a rule page lands on the example, which now has a readable one', async ({ page }) => {
  await page.goto('/rules/link-disabled-by-chmod/#example-bad-1');
  const example = page.locator('section#bad');
  await expect(example).toBeInViewport();
  await expect(page.locator('#example-bad-1')).toHaveCount(1);
  expect(await page.locator('#example-bad-1').evaluate((alias) => !!alias.closest('section#bad'))).toBe(true);
  await page.goto('/rules/link-disabled-by-chmod/#good');
  await expect(page.locator('section#good')).toBeInViewport();
});

test('a heading that shows a --flag keeps its old anchor, and the browser goes there', async ({ page }) => {
  await page.goto('/copy-link/#chmod-on-the-same-instruction');
  const heading = page.locator('#chmod-on-the-same-instruction');
  await expect(heading).toHaveText('--chmod on the same instruction');
  await expect(heading).toBeInViewport();
});

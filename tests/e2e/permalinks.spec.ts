/**
 * Every page address and anchor the site had before (tests/fixtures/permalinks-baseline.json,
 * taken from the built site at 585e160) still resolves: a heading whose text changed, such as
 * `--` no longer typeset as a dash, keeps its old id. Read from the built pages' HTML, the ids
 * a browser would scroll to; then a sample is followed in the browser.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';

const root = join(import.meta.dirname, '../..');
const dist = resolve(root, process.env.LAYERWISE_OUT_DIR ?? 'dist');
const baseline = JSON.parse(readFileSync(join(root, 'tests/fixtures/permalinks-baseline.json'), 'utf8')) as Record<string, string[]>;

/** The built file a path is served from. */
const fileOf = (path: string) => join(dist, path.endsWith('/') ? `${path}index.html` : path);

/** The ids (and old-style names) a page's HTML declares. */
function anchorsOf(html: string): Set<string> {
  const ids = [...html.matchAll(/\s(?:id|name)="([^"]+)"/g)].map((m) => m[1].replaceAll('&amp;', '&'));
  return new Set(ids);
}

test('every page and anchor of the baseline still resolves in the built site', () => {
  const missing: string[] = [];
  for (const [path, anchors] of Object.entries(baseline)) {
    const file = fileOf(path);
    if (!existsSync(file)) {
      missing.push(`${path}: no page`);
      continue;
    }
    const ids = anchorsOf(readFileSync(file, 'utf8'));
    // `#_top` is the browser's own: the top of any page.
    for (const anchor of anchors) if (anchor !== '_top' && !ids.has(anchor)) missing.push(`${path}#${anchor}`);
  }
  expect(missing, missing.join('\n')).toEqual([]);
});

test('a heading that shows a --flag keeps its old anchor, and the browser goes there', async ({ page }) => {
  await page.goto('/copy-link/#chmod-on-the-same-instruction');
  const heading = page.locator('#chmod-on-the-same-instruction');
  await expect(heading).toHaveText('--chmod on the same instruction');
  await expect(heading).toBeInViewport();
});

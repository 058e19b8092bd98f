import { expect, test } from '@playwright/test';
import { sitePaths } from '../audit/site-pages.ts';

/**
 * Link previews: every page of the sitemap names a preview card (og:image, twitter:image) by
 * absolute URL on the site's origin, the card exists as a PNG of the right size, and the
 * page's og:description is its own description.
 */

const pages = sitePaths().filter((path) => path !== '/404.html');

test('every page has its own preview card, referenced by absolute URL', async ({ request }) => {
  test.setTimeout(120_000);
  const cards = new Set<string>();
  for (const path of pages) {
    const html = await (await request.get(path)).text();
    const og = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
    const twitter = /<meta name="twitter:image" content="([^"]+)"/.exec(html)?.[1];
    const pageUrl = /<meta property="og:url" content="([^"]+)"/.exec(html)?.[1];
    expect(og, path).toMatch(/^https?:\/\/[^/]+\/og\/.+\.png$/);
    expect(twitter, path).toBe(og);
    expect(new URL(og!).origin, path).toBe(new URL(pageUrl!).origin);
    cards.add(og!);
    const image = await request.get(new URL(og!).pathname);
    expect(image.status(), `${path}: ${og}`).toBe(200);
    expect(image.headers()['content-type'], path).toMatch(/^image\/png/);
    const bytes = await image.body();
    // PNG signature, then the IHDR chunk's width and height.
    expect(bytes.subarray(1, 4).toString('latin1'), path).toBe('PNG');
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], path).toEqual([1200, 630]);
    const description = /<meta name="description" content="([^"]*)"/.exec(html)?.[1];
    expect(/<meta property="og:description" content="([^"]*)"/.exec(html)?.[1], path).toBe(description);
  }
  // One card per page, not one for the whole site.
  expect(cards.size).toBe(pages.length);
});

test('a rule page’s card shows the rule’s name and its one-line summary', async ({ page }) => {
  await page.goto('/rules/link-disabled-by-chmod/');
  expect(await page.locator('meta[property="og:description"]').getAttribute('content')).toBe('--chmod turns --link off');
  const src = await page.locator('meta[property="og:image"]').getAttribute('content');
  expect(new URL(src!).pathname).toBe('/og/rules/link-disabled-by-chmod.png');
  // The card's pixels are not text to read back; its alt text says what it shows.
  expect(await page.locator('meta[property="og:image:alt"]').getAttribute('content')).toBe('LinkDisabledByChmod: --chmod turns --link off');
});

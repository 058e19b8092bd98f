import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { referencePages } from '../../src/pages/rules/_rules.ts';
import { decodeEntities } from '../../src/integrations/html-entities.ts';

/**
 * Every internal link of the built site resolves: the page exists, and a `#fragment` names an
 * element on it. Pages come from the sitemap plus whatever they link to (a crawl from `/`), so
 * a page missing from the sitemap is still checked. External links are out of scope.
 */

const outDir = process.env.LAYERWISE_OUT_DIR ?? 'dist';

interface Page {
  readonly status: number;
  readonly ids: ReadonlySet<string>;
  readonly hrefs: readonly string[];
}

function parse(html: string): Pick<Page, 'ids' | 'hrefs'> {
  // Scripts and JSON configs may hold text that looks like markup; only real elements count.
  const markup = html.replace(/<script\b[\s\S]*?<\/script>/gi, '').replace(/<template\b[\s\S]*?<\/template>/gi, '');
  const ids = new Set<string>();
  for (const m of markup.matchAll(/<[a-z][\w-]*\b[^>]*?\s(?:id|name)="([^"]*)"/gi)) ids.add(decodeEntities(m[1]));
  const hrefs = [...markup.matchAll(/<a\b[^>]*?\shref="([^"]*)"/gi)].map((m) => decodeEntities(m[1]));
  return { ids, hrefs };
}

async function sitemapPaths(request: APIRequestContext): Promise<string[]> {
  const index = await request.get('/sitemap-index.xml');
  expect(index.ok(), 'the build has a sitemap').toBe(true);
  const paths: string[] = [];
  for (const [, loc] of (await index.text()).matchAll(/<loc>([^<]+)<\/loc>/g)) {
    const sitemap = await request.get(new URL(loc).pathname);
    expect(sitemap.ok(), `sitemap ${loc}`).toBe(true);
    for (const [, page] of (await sitemap.text()).matchAll(/<loc>([^<]+)<\/loc>/g)) paths.push(new URL(page).pathname);
  }
  return paths;
}

test('every internal link and heading anchor resolves', async ({ request }) => {
  test.setTimeout(120_000);
  const origin = 'http://site.invalid';
  const pages = new Map<string, Page>();
  const load = async (path: string): Promise<Page> => {
    const known = pages.get(path);
    if (known) return known;
    const response = await request.get(path, { maxRedirects: 0 });
    const type = response.headers()['content-type'] ?? '';
    const page: Page =
      response.status() === 200 && type.includes('text/html')
        ? { status: 200, ...parse(await response.text()) }
        : { status: response.status(), ids: new Set(), hrefs: [] };
    pages.set(path, page);
    return page;
  };

  const start = await sitemapPaths(request);
  expect(start.length, 'pages in the sitemap').toBeGreaterThan(10);
  const queue = ['/', ...start];
  const seen = new Set<string>();
  const broken: string[] = [];
  while (queue.length) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const page = await load(path);
    if (page.status !== 200) continue; // reported where it is linked from (or below, for the sitemap)
    for (const href of page.hrefs) {
      if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(href)) continue; // external, mailto:, javascript:
      const url = new URL(href, origin + path);
      const target = url.pathname;
      const targetPage = await load(target);
      if (targetPage.status !== 200) {
        broken.push(`${path} → ${href}: ${targetPage.status}`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && !targetPage.ids.has(fragment)) broken.push(`${path} → ${href}: no element with id "${fragment}"`);
      if (targetPage.hrefs.length || target.endsWith('/')) queue.push(target);
    }
  }
  for (const path of start) if (pages.get(path)?.status !== 200) broken.push(`sitemap → ${path}: ${pages.get(path)?.status}`);
  expect(broken).toEqual([]);
  // The crawl reached the guide and the rule reference, not just the home page.
  for (const path of ['/start/', '/copy-link/', '/when-to-link/', '/rules/', '/rules/link-chown-by-name/', '/cli/', '/fidelity/']) {
    expect(seen.has(path), `crawl reached ${path}`).toBe(true);
  }
});

test('the built rule reference has a page for every rule and none without one', () => {
  const rulesDir = join(outDir, 'rules');
  expect(existsSync(rulesDir), `${rulesDir} exists (run the build first)`).toBe(true);
  const built = readdirSync(rulesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(rulesDir, entry.name, 'index.html')))
    .map((entry) => entry.name)
    .sort();
  const expected = referencePages()
    .map((page) => page.slug)
    .sort();
  expect(built).toEqual(expected);
  expect(existsSync(join(rulesDir, 'index.html')), 'the rules index').toBe(true);
});

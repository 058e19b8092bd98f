/**
 * Every page of the sitemap at phone, tablet, laptop and wide widths, in light and dark:
 * the page never scrolls sideways, nothing in a live example pokes out of its border, the
 * two panes of a comparison never overlap, headings keep `--` as the source writes it, and
 * no text shows Markdown backticks or a `%s` template. One page per width, reused (the
 * viewport changes, the themes toggle in place), so the whole sweep costs a few minutes.
 * Screenshots (one per page and width, light) go to test-results/layout-sweep/ for a person.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test, expect, type Page } from '@playwright/test';

const WIDTHS = [390, 768, 1280, 1920] as const;
const THEMES = ['light', 'dark'] as const;
const root = join(import.meta.dirname, '../..');

/** The built site's pages, from its sitemap (the paths, whatever origin it was built for). */
function sitemapPaths(): string[] {
  const dist = resolve(root, process.env.LAYERWISE_OUT_DIR ?? 'dist');
  const maps = readdirSync(dist).filter((f) => /^sitemap-\d+\.xml$/.test(f));
  const paths = maps.flatMap((f) => [...readFileSync(join(dist, f), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname));
  return [...new Set(paths)].sort();
}

/** Headings that carry a `--flag` in a guide page's source, by page path (backticks dropped, as rendered). */
function flagHeadings(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const dir = join(root, 'content');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.mdx'))) {
    const path = file === 'index.mdx' ? '/' : `/${file.replace(/\.mdx$/, '')}/`;
    const prose = readFileSync(join(dir, file), 'utf8').replace(/^(```|~~~)[\s\S]*?^\1/gm, '');
    const texts = [...prose.matchAll(/^#{2,6} +(.*--.*)$/gm)].map((m) => m[1].replaceAll('`', '').trim());
    if (texts.length) out.set(path, texts);
  }
  return out;
}

interface Problems {
  readonly overflow?: string;
  readonly poking: string[];
  readonly overlapping: string[];
  readonly markdown: string[];
  readonly headings: string[];
  readonly toc: string[];
}

/** Measures the page as it is laid out now; runs in the page. */
function measure(): Problems {
  const doc = document.scrollingElement!;
  const overflow = doc.scrollWidth > doc.clientWidth + 1 ? `document is ${doc.scrollWidth}px wide in a ${doc.clientWidth}px window` : undefined;
  const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
  const clips = (el: Element) => {
    const s = getComputedStyle(el);
    return s.overflowX !== 'visible' || s.contain.includes('paint');
  };
  const poking: string[] = [];
  const overlapping: string[] = [];
  for (const example of document.querySelectorAll<HTMLElement>('.lw-live')) {
    if (!example.checkVisibility()) continue;
    const box = example.getBoundingClientRect();
    // Elements inside a scroll container (code, graph) may be wider: the container is what counts.
    const walk = (parent: Element) => {
      for (const child of parent.children) {
        if (child instanceof HTMLElement && child.hidden) continue;
        const r = child.getBoundingClientRect();
        if (r.width > 0 && r.height > 0 && child.checkVisibility()) {
          if (r.left < box.left - 1 || r.right > box.right + 1) {
            poking.push(`${example.id}: ${describe(child)} spans ${Math.round(r.left - box.left)}..${Math.round(r.right - box.left)} in a ${Math.round(box.width)}px example`);
            continue;
          }
        }
        if (!clips(child)) walk(child);
      }
    };
    walk(example);
    const panes = [...example.querySelectorAll<HTMLElement>('.lw-pane')].filter((p) => p.checkVisibility());
    if (panes.length === 2) {
      const [a, b] = panes.map((p) => p.getBoundingClientRect());
      const apart = a.right <= b.left + 1 || b.right <= a.left + 1 || a.bottom <= b.top + 1 || b.bottom <= a.top + 1;
      if (!apart) overlapping.push(`${example.id}: panes overlap`);
    }
  }
  // Visible text: no printf verb anywhere (a message template is shown with its placeholders
  // described), no Markdown backtick pair outside code (and BuildKit's messages, word for word).
  const markdown: string[] = [];
  const notText = 'script, style, textarea, .monaco-editor';
  // Dockerfile text (which may well say printf '%s') in code blocks, graphs and step lists.
  const dockerfile = '.expressive-code, .lw-graph, .lw-steps';
  const code = 'code, pre, samp, kbd, .lw-msg, svg';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    const verb = /%[sqv]\b/.test(text);
    if (!verb && !/`[^`\n]+`/.test(text)) continue;
    const parent = node.parentElement;
    if (!parent || parent.closest(notText) || parent.closest(dockerfile) || (!verb && parent.closest(code)) || !parent.checkVisibility()) continue;
    markdown.push(`${describe(parent)}: ${text.trim().slice(0, 80)}`);
  }
  const headings = [...document.querySelectorAll('main :is(h1, h2, h3, h4, h5, h6)')].map((h) => (h.textContent ?? '').trim());
  const toc = [...document.querySelectorAll('starlight-toc a, mobile-starlight-toc a')].map((a) => (a.textContent ?? '').trim());
  return { overflow, poking, overlapping, markdown, headings, toc };
}

async function setTheme(page: Page, theme: (typeof THEMES)[number]): Promise<void> {
  await page.evaluate((t) => {
    localStorage.setItem('starlight-theme', t);
    document.documentElement.dataset.theme = t;
  }, theme);
}

const pages = sitemapPaths();
const flags = flagHeadings();

test.describe.configure({ mode: 'parallel' });

for (const width of WIDTHS) {
  test(`every page holds its layout at ${width}px, light and dark`, async ({ page }) => {
    test.setTimeout(pages.length * 4_000 + 30_000);
    await page.setViewportSize({ width, height: 900 });
    const failures: string[] = [];
    for (const path of pages) {
      await page.goto(path, { waitUntil: 'load' });
      for (const theme of THEMES) {
        await setTheme(page, theme);
        const found = await page.evaluate(measure);
        const where = `${path} at ${width}px, ${theme}`;
        if (found.overflow) failures.push(`${where}: ${found.overflow}`);
        for (const p of [...found.poking.slice(0, 5), ...found.overlapping, ...found.markdown]) failures.push(`${where}: ${p}`);
        for (const text of flags.get(path) ?? []) {
          if (!found.headings.includes(text)) failures.push(`${where}: no heading reads "${text}"`);
          if (width >= 1280 && !found.toc.includes(text)) failures.push(`${where}: no ToC entry reads "${text}"`);
        }
        for (const text of [...found.headings, ...found.toc]) {
          if (/(^|\s)[–—]\w/.test(text)) failures.push(`${where}: "${text}" shows a dash where the source has a flag`);
        }
        if (theme === 'light') {
          // Whole pages at the phone and laptop widths; the first screen at the others (a whole
          // long page at 1920 px costs more than all the checks).
          const name = path === '/' ? 'home' : path.replace(/^\/|\/$/g, '').replaceAll('/', '_');
          await page.screenshot({ path: `test-results/layout-sweep/${width}/${name}.jpeg`, type: 'jpeg', quality: 50, fullPage: width === 390 || width === 1280 });
        }
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });
}

test("the editor's hover is drawn above the table of contents", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/copy-link/#example-link-chown-name');
  const example = page.locator('#example-link-chown-name');
  await example.getByRole('button', { name: 'Edit' }).click();
  const line = example.locator('.monaco-editor .view-line').nth(1);
  await expect(line).toContainText('--chown=app:app');
  await expect(example.locator('.monaco-editor .squiggly-error')).not.toHaveCount(0, { timeout: 15_000 });
  const hover = page.locator('.monaco-hover:visible').first();
  await expect(async () => {
    // Monaco redraws its lines: measure the line each time.
    const box = (await line.boundingBox())!;
    await page.mouse.move(box.x + 150, box.y + box.height / 2);
    await expect(hover).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  const toc = (await page.locator('.right-sidebar').boundingBox())!;
  const h = (await hover.boundingBox())!;
  expect(h.x + h.width, 'the hover reaches into the table of contents').toBeGreaterThan(toc.x + 10);
  // What the reader sees there is the hover, not the table of contents.
  const onTop = await page.evaluate(([x, y]) => !!document.elementFromPoint(x, y)?.closest('.monaco-hover'), [toc.x + 5, h.y + h.height / 2]);
  expect(onTop).toBe(true);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('keyboard tips are not shown on a touch screen without hover', async ({ page }) => {
    await page.goto('/playground/');
    const hint = page.locator('[data-lw-editor-hint]');
    await expect(hint).toHaveText(/Tab/);
    await expect(hint).toBeHidden();
  });
});

/**
 * A preview card per page (Open Graph and Twitter), drawn at build time: when a link to a
 * guide page or a rule is pasted into Slack or Teams, it unfurls with the page's title and
 * its one-line description (Starlight's `og:description`, from the page's `description`).
 *
 * After the build, each page's title and description are read from its own meta tags, the
 * card is drawn in the Chromium the build already uses (a 1200×630 screenshot; the text is set
 * with textContent, never as HTML) to `/og/<page>.png`, and the page gets `og:image` and
 * `twitter:image` tags with its absolute URL. Without a Chromium the pages keep no image tag
 * rather than one pointing at nothing. Embeds and the 404 page get no card.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumPath, launchArgs } from './chromium.ts';
import { decodeEntities } from './html-entities.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export interface Card {
  readonly title: string;
  readonly summary: string;
  /** The page's absolute URL (`og:url`). */
  readonly url: string;
  /** A line above the title: "Rule" for rule pages. */
  readonly kicker: string;
}

const escapeAttr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function meta(html: string, key: string): string | undefined {
  const m = new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html);
  return m ? decodeEntities(m[1]) : undefined;
}

/** The card for a built page, from its Open Graph tags; undefined for pages without a card. */
export function pageCard(html: string): Card | undefined {
  const url = meta(html, 'og:url');
  const title = meta(html, 'og:title');
  if (!url || !title) return undefined;
  const path = new URL(url).pathname;
  if (path.startsWith('/embed/') || path.startsWith('/404')) return undefined;
  return { title, summary: meta(html, 'og:description') ?? '', url, kicker: path.startsWith('/rules/') && path !== '/rules/' ? 'Layerwise rule' : 'Layerwise' };
}

/** `/og/<page>.png` for a page's path: `/` → `/og/index.png`, `/rules/x/` → `/og/rules/x.png`. */
export function imagePath(pagePath: string): string {
  const name = pagePath.replace(/^\/+|\/+$/g, '').replace(/\.html$/, '') || 'index';
  return `/og/${name}.png`;
}

/** `html` with the image tags (absolute URL) after Starlight's `twitter:card`, or at the end of its head. */
export function withImageMeta(html: string, card: Card, image: string): string {
  const src = escapeAttr(new URL(image, card.url).href);
  const alt = escapeAttr(card.summary ? `${card.title}: ${card.summary}` : card.title);
  const tags =
    `<meta property="og:image" content="${src}"/><meta property="og:image:width" content="${CARD_WIDTH}"/>` +
    `<meta property="og:image:height" content="${CARD_HEIGHT}"/><meta property="og:image:alt" content="${alt}"/>` +
    `<meta name="twitter:image" content="${src}"/><meta name="twitter:image:alt" content="${alt}"/>`;
  const anchor = /<meta name="twitter:card"[^>]*>/.exec(html);
  if (anchor) return html.slice(0, anchor.index + anchor[0].length) + tags + html.slice(anchor.index + anchor[0].length);
  return html.replace('</head>', `${tags}</head>`);
}

/** The card's page: fixed layout, the text filled in per card. */
const TEMPLATE = `<!doctype html><html><head><meta charset="utf-8"><style>
  html, body { margin: 0; width: ${CARD_WIDTH}px; height: ${CARD_HEIGHT}px; }
  body { box-sizing: border-box; padding: 72px 80px; display: flex; flex-direction: column; justify-content: space-between;
    background: linear-gradient(135deg, #17181c 0%, #23262f 100%); color: #f3f4f6;
    font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif; }
  #kicker { font-size: 30px; letter-spacing: 0.04em; color: #a5b4fc; text-transform: uppercase; }
  #title { font-size: 76px; font-weight: 700; line-height: 1.1; margin: 24px 0 0; overflow-wrap: anywhere;
    display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
  #summary { font-size: 36px; line-height: 1.35; color: #d1d5db; margin: 28px 0 0;
    display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
  #foot { display: flex; align-items: center; gap: 18px; font-size: 28px; color: #9ca3af; }
  .mark { width: 44px; height: 30px; border: 4px solid #7a3fc0; background: #eef4ff; border-radius: 6px; }
</style></head><body><div><div id="kicker"></div><p id="title"></p><p id="summary"></p></div>
<div id="foot"><span class="mark"></span><span id="host"></span></div></body></html>`;

function htmlFiles(root: string): string[] {
  return readdirSync(root, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(root, f));
}

async function drawCards(root: string, logger: AstroIntegrationLogger): Promise<void> {
  const pages = htmlFiles(root)
    .map((file) => ({ file, html: readFileSync(file, 'utf8') }))
    .map((p) => ({ ...p, card: pageCard(p.html) }))
    .filter((p): p is typeof p & { card: Card } => p.card !== undefined);
  if (pages.length === 0) return;
  const started = performance.now();
  const { chromium } = await import('@playwright/test');
  let browser: import('@playwright/test').Browser;
  try {
    browser = await chromium.launch({ executablePath: await chromiumPath(), args: launchArgs });
  } catch (error) {
    logger.warn(`No Chromium to draw the preview cards (${error instanceof Error ? error.message.split('\n')[0] : error}); pages go without og:image.`);
    return;
  }
  try {
    const page = await browser.newPage({ viewport: { width: CARD_WIDTH, height: CARD_HEIGHT } });
    await page.setContent(TEMPLATE);
    for (const { file, html, card } of pages) {
      const pagePath = `/${relative(root, file).split(sep).join('/')}`.replace(/index\.html$/, '');
      const image = imagePath(pagePath);
      await page.evaluate((c) => {
        for (const [id, text] of Object.entries(c)) document.getElementById(id)!.textContent = text;
      }, { kicker: card.kicker, title: card.title, summary: card.summary, host: new URL(card.url).host });
      const out = join(root, image);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, await page.screenshot({ type: 'png' }));
      writeFileSync(file, withImageMeta(html, card, image));
    }
  } finally {
    await browser.close();
  }
  logger.info(`Drew ${pages.length} preview cards in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

export function ogImages(): AstroIntegration {
  return {
    name: 'layerwise:og-images',
    hooks: {
      'astro:build:done': ({ dir, logger }) => drawCards(fileURLToPath(dir), logger),
    },
  };
}

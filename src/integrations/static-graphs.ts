/**
 * Draws every live example's first graph at build time, so a guide page shows its graphs
 * without running Mermaid (its core alone is a 300 ms task on a slow phone) and the island
 * script loads only when the reader uses an example.
 *
 * `<LivePane>` leaves the graph's Mermaid text in a JSON script inside the graph box. After
 * the build, this integration draws each one with Mermaid in the Chromium the tests use, in
 * light and dark (CSS shows the one matching the site theme), and puts the SVG where the
 * placeholder was; Mermaid's stylesheets go to one file for the whole site. The JSON stays: the island compares it with its own first graph and
 * keeps the drawing when they match. Without a Chromium (or in `astro dev`) the boxes keep
 * their placeholder and the island draws them in the browser when they scroll into view.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { finishGraphSvg, mermaidConfig, nameGraphNodes } from '../live/adapters/graph-svg.ts';
import { LW_GRAPH_SOURCE, LW_PLACEHOLDER, LW_STYLE, LW_THEME } from '../live/model/selectors.ts';
import type { SiteTheme } from '../live/model/theme.ts';
import { chromiumPath, launchArgs } from './chromium.ts';

/** What `<LivePane>` leaves in a graph box for this step. */
export interface GraphSource {
  /** Unique on its page: the example id and the pane. */
  readonly id: string;
  readonly source: string;
  /** Accessible names of the nodes, by Mermaid node id: the drawing carries them before the island wakes. */
  readonly names?: Readonly<Record<string, string>>;
}

export type DrawGraph = (source: string, theme: SiteTheme, id: string, names?: Readonly<Record<string, string>>) => Promise<string>;

const THEMES: readonly SiteTheme[] = ['light', 'dark'];

// The placeholder paragraph and the JSON script, as LivePane.astro writes them.
const GRAPH_BOX = new RegExp(
  `<p class="lw-graph-placeholder" ${LW_PLACEHOLDER}>[^<]*</p>(\\s*<script type="application/json" ${LW_GRAPH_SOURCE}>([^<]*)</script>)`,
  'g',
);

/** Mermaid's stylesheets, once each, by key: what the pages' drawings name in `data-lw-style`. */
export type GraphStyles = Map<string, string>;

/**
 * Replaces each graph box's placeholder in `html` with the drawings of its source, one per
 * theme, their stylesheets moved into `styles`. A graph that cannot be drawn keeps its
 * placeholder (`failed` hears why).
 */
export async function inlineGraphs(html: string, draw: DrawGraph, styles: GraphStyles, failed: (id: string, error: unknown) => void = () => {}): Promise<{ html: string; drawn: number }> {
  let drawn = 0;
  const parts: string[] = [];
  let last = 0;
  for (const match of html.matchAll(GRAPH_BOX)) {
    parts.push(html.slice(last, match.index));
    last = match.index + match[0].length;
    const graph = JSON.parse(match[2]) as GraphSource;
    try {
      const drawings: { svg: string; key: string; css: string }[] = [];
      for (const theme of THEMES) {
        // One after the other: Mermaid's configuration is global to the page that draws.
        const id = `lw-graph-${graph.id}-${theme}`;
        drawings.push(splitStyle(await draw(graph.source, theme, id, graph.names), id));
      }
      for (const { key, css } of drawings) styles.set(key, css);
      parts.push(...drawings.map((d) => compactNumbers(d.svg)), match[1]);
      drawn++;
    } catch (error) {
      failed(graph.id, error);
      parts.push(match[0]);
    }
  }
  parts.push(html.slice(last));
  return { html: parts.join(''), drawn };
}

/**
 * Mermaid puts a 9 KB stylesheet in every SVG, scoped by the SVG's id, and it is the same for
 * every graph of a theme. The site gets each one once, in a file of its own (inline in the
 * head it pushed the page's text 18 KB further down the stream, so the first paint came
 * before it), scoped by a key the drawing carries. `:is(#lw-graphs, …)` keeps an id's
 * specificity, so the rules win as they did inside the SVG.
 */
function splitStyle(markup: string, id: string): { svg: string; key: string; css: string } {
  const style = /<style>([\s\S]*?)<\/style>/.exec(markup);
  if (!style) return { svg: markup, key: '', css: '' };
  const scoped = (key: string) => style[1].replaceAll(`#${id}`, `:is(#lw-graphs,.lw-graph>svg[${LW_STYLE}="${key}"])`);
  const key = shortHash(scoped(''));
  const svg = markup.slice(0, style.index) + markup.slice(style.index + style[0].length);
  return { svg: svg.replace('<svg ', `<svg ${LW_STYLE}="${key}" `), key, css: scoped(key) };
}

const shortHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 10);

/** `html` with a stylesheet link at the end of its head. */
export const linkStylesheet = (html: string, href: string) => html.replace('</head>', `<link rel="stylesheet" href="${href}"></head>`);

/** Layout coordinates to a tenth of a pixel: Mermaid writes 13 digits, which nobody can see. */
function compactNumbers(svg: string): string {
  return svg.replace(/( (?:d|points|transform|viewBox|x|y|width|height|style)=")([^"]*)"/g, (_, attr: string, value: string) =>
    `${attr}${value.replace(/-?\d+\.\d{2,}/g, (n) => String(Math.round(Number(n) * 10) / 10))}"`,
  );
}

interface Drawer {
  draw: DrawGraph;
  close(): Promise<void>;
}

/** One page of the build's Chromium with Mermaid loaded: draws graph after graph. */
async function openDrawer(): Promise<Drawer> {
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath: await chromiumPath(), args: launchArgs });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
    const mermaid = join(dirname(createRequire(import.meta.url).resolve('mermaid/package.json')), 'dist/mermaid.min.js');
    await page.addScriptTag({ path: mermaid });
    await page.addScriptTag({ content: `window.finishGraphSvg = ${finishGraphSvg.toString()}; window.nameGraphNodes = ${nameGraphNodes.toString()};` });
    const draw: DrawGraph = (source, theme, id, names = {}) =>
      page.evaluate(
        async ({ source, theme, id, names, config, themeAttr }) => {
          const w = window as unknown as { mermaid: typeof import('mermaid').default; finishGraphSvg: typeof finishGraphSvg; nameGraphNodes: typeof nameGraphNodes };
          w.mermaid.initialize(config);
          try {
            const { svg } = await w.mermaid.render(id, source);
            const box = document.createElement('div');
            box.innerHTML = svg;
            const node = box.firstElementChild!;
            w.finishGraphSvg(node);
            w.nameGraphNodes(node, names);
            node.setAttribute(themeAttr, theme);
            return box.innerHTML;
          } finally {
            document.getElementById(id)?.remove();
            document.getElementById(`d${id}`)?.remove();
          }
        },
        { source, theme, id, names, config: mermaidConfig(theme), themeAttr: LW_THEME },
      );
    return { draw, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

function htmlFiles(root: string): string[] {
  return readdirSync(root, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(root, f));
}

async function drawAll(root: string, logger: AstroIntegrationLogger): Promise<void> {
  const pages = htmlFiles(root)
    .map((file) => [file, readFileSync(file, 'utf8')] as const)
    .filter(([, html]) => html.includes(LW_GRAPH_SOURCE));
  if (pages.length === 0) return;
  const started = performance.now();
  let drawer: Drawer;
  try {
    drawer = await openDrawer();
  } catch (error) {
    logger.warn(`No Chromium to draw the graphs at build time (${error instanceof Error ? error.message.split('\n')[0] : error}); the pages will draw them in the browser.`);
    return;
  }
  let total = 0;
  const styles: GraphStyles = new Map();
  const drawnPages: [string, string][] = [];
  try {
    for (const [file, page] of pages) {
      const failed = (id: string, error: unknown) => logger.warn(`${file}: graph ${id} not drawn: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
      const { html, drawn } = await inlineGraphs(page, drawer.draw, styles, failed);
      if (drawn > 0) drawnPages.push([file, html]);
      total += drawn;
    }
  } finally {
    await drawer.close();
  }
  // One stylesheet for every page, named by its content: Astro's assets folder is cached for good.
  const css = [...styles.values()].join('\n');
  const href = `/_astro/graphs.${shortHash(css)}.css`;
  writeFileSync(join(root, href), css);
  for (const [file, html] of drawnPages) writeFileSync(file, linkStylesheet(html, href));
  logger.info(`Drew ${total} graphs on ${pages.length} pages in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

export function staticGraphs(): AstroIntegration {
  return {
    name: 'layerwise:static-graphs',
    hooks: {
      'astro:build:done': ({ dir, logger }) => drawAll(fileURLToPath(dir), logger),
    },
  };
}

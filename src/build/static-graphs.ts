/**
 * Draws every live example's first graph at build time, so a guide page shows its graphs
 * without running Mermaid (its core alone is a 300 ms task on a slow phone) and the island
 * script loads only when the reader uses an example.
 *
 * `<LivePane>` leaves the graph's Mermaid text in a JSON script inside the graph box. After
 * the build, this integration draws each one with Mermaid in the Chromium the tests use, in
 * light and dark (CSS shows the one matching the site theme), and puts the SVG where the
 * placeholder was. The JSON stays: the island compares it with its own first graph and
 * keeps the drawing when they match. Without a Chromium (or in `astro dev`) the boxes keep
 * their placeholder and the island draws them in the browser when they scroll into view.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { finishGraphSvg, mermaidConfig } from '../client/graph-svg.ts';
import type { SiteTheme } from '../client/theme.ts';
import { chromiumPath, launchArgs } from './chromium.ts';

/** What `<LivePane>` leaves in a graph box for this step. */
export interface GraphSource {
  /** Unique on its page: the example id and the pane. */
  readonly id: string;
  readonly source: string;
}

export type DrawGraph = (source: string, theme: SiteTheme, id: string) => Promise<string>;

const THEMES: readonly SiteTheme[] = ['light', 'dark'];

// The placeholder paragraph and the JSON script, as LivePane.astro writes them.
const GRAPH_BOX = /<p class="lw-graph-placeholder" data-lw-placeholder>[^<]*<\/p>(\s*<script type="application\/json" data-lw-graph-source>([^<]*)<\/script>)/g;

/**
 * Replaces each graph box's placeholder in `html` with the drawings of its source, one per
 * theme. A graph that cannot be drawn keeps its placeholder (`failed` hears why).
 */
export async function inlineGraphs(html: string, draw: DrawGraph, failed: (id: string, error: unknown) => void = () => {}): Promise<{ html: string; drawn: number }> {
  let drawn = 0;
  const parts: string[] = [];
  const styles = new Map<SiteTheme, string>();
  let last = 0;
  for (const match of html.matchAll(GRAPH_BOX)) {
    parts.push(html.slice(last, match.index));
    last = match.index + match[0].length;
    const graph = JSON.parse(match[2]) as GraphSource;
    try {
      const drawings: { theme: SiteTheme; svg: string; style: string }[] = [];
      for (const theme of THEMES) {
        // One after the other: Mermaid's configuration is global to the page that draws.
        const id = `lw-graph-${graph.id}-${theme}`;
        drawings.push({ theme, ...splitStyle(await draw(graph.source, theme, id), id, theme) });
      }
      for (const { theme, style } of drawings) if (!styles.has(theme)) styles.set(theme, style);
      parts.push(...drawings.map((d) => compactNumbers(d.svg)), match[1]);
      drawn++;
    } catch (error) {
      failed(graph.id, error);
      parts.push(match[0]);
    }
  }
  parts.push(html.slice(last));
  let out = parts.join('');
  if (styles.size) out = out.replace('</head>', `${[...styles.values()].join('')}</head>`);
  return { html: out, drawn };
}

/**
 * Mermaid puts a 9 KB stylesheet in every SVG, scoped by the SVG's id and the same for every
 * graph of a theme. The page gets one per theme instead, scoped by the drawings' theme
 * attribute. `:is(#id, …)` keeps the id's specificity, so the rules win as they did inside.
 */
function splitStyle(markup: string, id: string, theme: SiteTheme): { svg: string; style: string } {
  const style = /<style>([\s\S]*?)<\/style>/.exec(markup);
  if (!style) return { svg: markup, style: '' };
  const scope = `:is(#${id},.lw-graph>svg[data-lw-theme="${theme}"])`;
  return {
    svg: markup.slice(0, style.index) + markup.slice(style.index + style[0].length),
    style: `<style data-lw-graph-style="${theme}">${style[1].replaceAll(`#${id}`, scope)}</style>`,
  };
}

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
    await page.addScriptTag({ content: `window.finishGraphSvg = ${finishGraphSvg.toString()};` });
    const draw: DrawGraph = (source, theme, id) =>
      page.evaluate(
        async ({ source, theme, id, config }) => {
          const w = window as unknown as { mermaid: typeof import('mermaid').default; finishGraphSvg: typeof finishGraphSvg };
          w.mermaid.initialize(config);
          try {
            const { svg } = await w.mermaid.render(id, source);
            const box = document.createElement('div');
            box.innerHTML = svg;
            const node = box.firstElementChild!;
            w.finishGraphSvg(node);
            node.setAttribute('data-lw-theme', theme);
            return box.innerHTML;
          } finally {
            document.getElementById(id)?.remove();
            document.getElementById(`d${id}`)?.remove();
          }
        },
        { source, theme, id, config: mermaidConfig(theme) },
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
  const pages = htmlFiles(root).filter((file) => readFileSync(file, 'utf8').includes('data-lw-graph-source'));
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
  try {
    for (const file of pages) {
      const failed = (id: string, error: unknown) => logger.warn(`${file}: graph ${id} not drawn: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
      const { html, drawn } = await inlineGraphs(readFileSync(file, 'utf8'), drawer.draw, failed);
      writeFileSync(file, html);
      total += drawn;
    }
  } finally {
    await drawer.close();
  }
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

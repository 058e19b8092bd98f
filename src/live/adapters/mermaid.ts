/**
 * Mermaid, loaded on first use. Renders are serialized (Mermaid keeps global state while
 * rendering) and each gets a unique id; a render whose request is no longer the newest is
 * dropped by the caller (../browser/graph-view.ts).
 */
import { finishGraphSvg, mermaidConfig } from './graph-svg.ts';
import type { SiteTheme } from '../model/theme.ts';

type Mermaid = typeof import('mermaid').default;

let loading: Promise<Mermaid> | undefined;
let queue: Promise<unknown> = Promise.resolve();
let counter = 0;
let configured: SiteTheme | undefined;

function loadMermaid(): Promise<Mermaid> {
  loading ??= import('mermaid').then((m) => {
    const style = document.createElement('style');
    style.textContent = scratchStyle(ID_PREFIX);
    document.head.append(style);
    return m.default;
  });
  return loading;
}

const ID_PREFIX = 'lw-mermaid-';

/**
 * Mermaid lays a drawing out in a scratch element at the end of the body (`d<id>`) and forces
 * a layout for each label and edge it measures. Kept out of sight and contained, each of those
 * lays out the drawing alone, not the page with its editor and lists. The markup is the same
 * as without the rule (tests/e2e/mermaid-config-memo.spec.ts compares them).
 */
export const scratchStyle = (idPrefix: string) =>
  `body > div[id^="d${idPrefix}"] { position: absolute; top: 0; left: -100000px; width: 100%; height: 4000px; contain: strict; visibility: hidden; }`;

function configure(mermaid: Mermaid, theme: SiteTheme): void {
  if (configured === theme) return;
  configured = theme;
  mermaid.initialize(mermaidConfig(theme));
}

/**
 * Renders Mermaid text to SVG markup (Mermaid's own, sanitized in strict mode). Rejects on a
 * syntax error. `took` hears how long Mermaid drew (without loading it or waiting in line).
 */
export function renderMermaid(source: string, theme: SiteTheme, took?: (ms: number) => void): Promise<string> {
  const job = queue.then(async () => {
    const mermaid = await loadMermaid();
    configure(mermaid, theme);
    const id = `${ID_PREFIX}${++counter}`;
    const started = performance.now();
    try {
      const { svg } = await mermaid.render(id, source);
      took?.(performance.now() - started);
      return svg;
    } finally {
      // Named measures let the web benchmark split keystroke latency into its parts.
      performance.measure('lw:mermaid', { start: started });
      // Mermaid leaves a scratch element behind when a render fails.
      document.getElementById(id)?.remove();
      document.getElementById(`d${id}`)?.remove();
    }
  });
  queue = job.catch(() => undefined);
  return job;
}

/**
 * Turns Mermaid's SVG markup into a node without passing it through innerHTML: parsed as
 * XML (scripts in a parsed document never run), then finished (stripped of anything active).
 */
export function svgNode(markup: string): SVGSVGElement | undefined {
  // XML first; HTML labels inside <foreignObject> are not always well-formed XML, so fall back
  // to an inert HTML document (nothing in it loads or runs until imported, and we strip first).
  const xml = new DOMParser().parseFromString(markup, 'image/svg+xml');
  let svg: Element | null = xml.documentElement;
  if (svg.nodeName !== 'svg' || xml.querySelector('parsererror')) {
    svg = new DOMParser().parseFromString(markup, 'text/html').querySelector('svg');
  }
  if (!svg) return undefined;
  finishGraphSvg(svg);
  return document.importNode(svg, true) as unknown as SVGSVGElement;
}

/**
 * What every drawn graph shares, whether Mermaid draws it in the reader's browser or in the
 * build's Chromium (src/integrations/static-graphs.ts): Mermaid's configuration and the finishing of
 * its SVG. One copy, so a graph drawn at build time is the one the island would have drawn.
 */
import type { MermaidConfig } from 'mermaid';
import type { SiteTheme } from '../model/theme.ts';

export function mermaidConfig(theme: SiteTheme): MermaidConfig {
  return {
    startOnLoad: false,
    securityLevel: 'strict',
    layout: 'dagre',
    theme: theme === 'dark' ? 'dark' : 'default',
    flowchart: { useMaxWidth: true },
  };
}

/**
 * Strips anything active from Mermaid's SVG (a second line of defence behind Mermaid's strict
 * mode and the renderer's escaping) and labels it for assistive technology.
 *
 * Self-contained on purpose: the build passes this function's source to its browser page.
 */
export function finishGraphSvg(svg: Element): void {
  for (const el of svg.querySelectorAll('script, iframe, object, embed')) el.remove();
  for (const el of [svg, ...svg.querySelectorAll('*')]) {
    for (const attr of [...el.attributes]) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) el.removeAttribute(attr.name);
      else if ((name === 'href' || name === 'xlink:href') && /^\s*javascript:/i.test(attr.value)) el.removeAttribute(attr.name);
    }
  }
  svg.removeAttribute('height');
  svg.removeAttribute('width');
  // Default view, before any script runs: as wide as the box allows, never wider than drawn,
  // and never narrower than keeps text legible (graph-viewer.css); a bigger graph scrolls.
  const width = Number((svg.getAttribute('viewBox') ?? '').split(/[\s,]+/)[2]);
  if (width > 0) svg.setAttribute('style', `width:clamp(calc(${width}px * var(--lw-legible-scale)), 100%, ${width}px)`);
  svg.setAttribute('role', 'group');
  svg.setAttribute('aria-label', 'Build graph; the list of build steps below says the same in words');
}

/**
 * Names a drawing's nodes for assistive technology (`names` by Mermaid node id) and makes the
 * graph one tab stop: the first named node is tabbable, the others are reached with the arrow
 * keys once the island wakes (../browser/graph-view.ts). The build applies it to its drawings, so a graph has the
 * same names and tab stop before the island wakes.
 *
 * Self-contained on purpose: the build passes this function's source to its browser page.
 */
export function nameGraphNodes(svg: Element, names: Readonly<Record<string, string>>): void {
  let first = true;
  for (const node of svg.querySelectorAll('g.node')) {
    const id = [node.getAttribute('data-id') ?? '', /^(?:.*-)?flowchart-(.+)-\d+$/.exec(node.id)?.[1] ?? ''].find((c) => c in names);
    if (id === undefined) continue;
    node.setAttribute('role', 'img');
    node.setAttribute('aria-label', names[id]);
    // The first node is the graph's tab stop; the island gives the others tabindex -1 when it
    // wakes (on that focus), which the arrow keys need. Fewer focusable nodes in the page as
    // built also keep axe's page checks fast.
    if (first) node.setAttribute('tabindex', '0');
    first = false;
  }
}

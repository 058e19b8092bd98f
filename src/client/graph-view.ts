/**
 * One pane's graph: draws Mermaid text into the reserved box, newest request wins, keeps
 * the last drawing when a newer one fails, and wires nodes for hover, focus and highlight.
 */
import { mermaidNodeId } from './analyzer-bridge.ts';
import type { StepView } from './analysis-view.ts';
import { el } from './dom.ts';
import { renderMermaid, svgNode } from './mermaid-adapter.ts';
import type { SiteTheme } from './theme.ts';

export interface GraphView {
  /** Draws `source` (skipped when it is what is already drawn, unless the theme changed). */
  show(source: string, steps: readonly StepView[], theme: SiteTheme): Promise<void>;
  setStale(stale: boolean, why?: string): void;
  highlight(ops: ReadonlySet<string>): void;
  svgMarkup(): string | undefined;
  source(): string;
}

/** The op a Mermaid node stands for: its node id is in `data-id` or in `flowchart-<id>-<n>`. */
function opOf(node: Element, byNodeId: ReadonlyMap<string, string>): string | undefined {
  const candidates = [node.getAttribute('data-id') ?? '', /^(?:.*-)?flowchart-(.+)-\d+$/.exec(node.id)?.[1] ?? ''];
  for (const c of candidates) if (byNodeId.has(c)) return byNodeId.get(c);
  return undefined;
}

export function createGraphView(box: HTMLElement, onFocusOp: (op: string | undefined) => void): GraphView {
  let requested = 0;
  let drawn = '';
  let drawnTheme: SiteTheme | undefined;
  let svg: SVGSVGElement | undefined;
  let nodes = new Map<string, Element[]>();
  const note = el('p', { class: 'lw-graph-note', 'data-lw-graph-note': '' });
  note.hidden = true;

  function decorate(steps: readonly StepView[]): void {
    const byId = new Map(steps.map((s) => [s.id, s]));
    const byNodeId = new Map(steps.map((s) => [mermaidNodeId(s.id), s.id]));
    nodes = new Map();
    for (const node of svg?.querySelectorAll('g.node') ?? []) {
      const op = opOf(node, byNodeId);
      if (!op) continue;
      const step = byId.get(op)!;
      nodes.set(op, [...(nodes.get(op) ?? []), node]);
      node.setAttribute('data-op', op);
      node.setAttribute('tabindex', '0');
      node.setAttribute('role', 'img');
      node.setAttribute('aria-label', `${step.kind} op: ${step.name}${step.status ? `, ${step.status}` : ''}`);
      if (!node.hasAttribute('data-lw-wired')) {
        node.setAttribute('data-lw-wired', '');
        node.addEventListener('mouseenter', () => onFocusOp(op));
        node.addEventListener('mouseleave', () => onFocusOp(undefined));
        node.addEventListener('focus', () => onFocusOp(op));
        node.addEventListener('blur', () => onFocusOp(undefined));
      }
    }
  }

  return {
    async show(source, steps, theme) {
      if (source === drawn && theme === drawnTheme) {
        decorate(steps);
        return;
      }
      const ticket = ++requested;
      box.setAttribute('aria-busy', 'true');
      let markup: string;
      try {
        markup = await renderMermaid(source, theme);
      } catch (error) {
        if (ticket !== requested) return;
        box.removeAttribute('aria-busy');
        note.hidden = false;
        note.textContent = `The graph could not be drawn: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
        box.classList.add('lw-stale');
        return;
      }
      if (ticket !== requested) return; // a newer graph was asked for meanwhile
      box.removeAttribute('aria-busy');
      const node = svgNode(markup);
      if (!node) return;
      node.removeAttribute('height');
      node.setAttribute('role', 'group');
      node.setAttribute('aria-label', 'Build graph; the list of build steps below says the same in words');
      svg = node;
      box.querySelector('[data-lw-placeholder]')?.remove();
      box.querySelector('svg')?.remove();
      if (!note.isConnected) box.append(note);
      box.prepend(node);
      drawn = source;
      drawnTheme = theme;
      box.dataset.rendered = String(ticket);
      decorate(steps);
    },
    setStale(stale, why) {
      box.classList.toggle('lw-stale', stale);
      box.dataset.stale = String(stale);
      if (stale) {
        note.hidden = false;
        note.textContent = why ?? 'Out of date: this is the last graph without errors.';
        if (!note.isConnected) box.append(note);
      } else note.hidden = true;
    },
    highlight(ops) {
      for (const [op, els] of nodes) for (const n of els) n.classList.toggle('lw-node-hl', ops.has(op));
    },
    svgMarkup: () => (svg ? new XMLSerializer().serializeToString(svg) : undefined),
    source: () => drawn,
  };
}

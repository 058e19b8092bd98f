/**
 * One pane's graph: draws Mermaid text into the reserved box, newest request wins, keeps
 * the last drawing when a newer one fails, and wires nodes for hover, focus and highlight.
 * Starts from the drawing the build left in the box (src/integrations/static-graphs.ts), if any.
 */
import { nodeId } from '../../analyzer/render/mermaid.ts';
import { renderMermaid, svgNode } from '../adapters/mermaid.ts';
import { LW_GRAPH_NOTE, LW_GRAPH_SOURCE, LW_PLACEHOLDER, LW_THEME, LW_WIRED, sel } from '../model/selectors.ts';
import type { SiteTheme } from '../model/theme.ts';
import { nodeName } from '../model/texts.ts';
import type { StepView } from '../model/view-model.ts';
import { el } from './dom.ts';

export interface GraphView {
  /** Draws `source` (skipped when it is what is already drawn, unless the theme changed). */
  show(source: string, steps: readonly StepView[], theme: SiteTheme): Promise<void>;
  setStale(stale: boolean, why?: string): void;
  /** Shows a sentence instead of a drawing (a graph too large to draw usefully). */
  showText(text: string): void;
  highlight(ops: ReadonlySet<string>): void;
}

/** The op a Mermaid node stands for: its node id is in `data-id` or in `flowchart-<id>-<n>`. */
function opOf(node: Element, byNodeId: ReadonlyMap<string, string>): string | undefined {
  const candidates = [node.getAttribute('data-id') ?? '', /^(?:.*-)?flowchart-(.+)-\d+$/.exec(node.id)?.[1] ?? ''];
  for (const c of candidates) if (byNodeId.has(c)) return byNodeId.get(c);
  return undefined;
}

interface Job {
  readonly source: string;
  readonly steps: readonly StepView[];
  readonly theme: SiteTheme;
  readonly ticket: number;
}

export function createGraphView(
  box: HTMLElement,
  theme: SiteTheme,
  onFocusOp: (op: string | undefined) => void,
  onActivateOp: (op: string) => void = () => {},
): GraphView {
  let requested = 0;
  /** Ticket of what the box shows now. */
  let shown = 0;
  let rendering = false;
  let pending: Job | undefined;
  let drawn = '';
  let drawnTheme: SiteTheme | undefined;
  let svg: SVGSVGElement | undefined;
  let nodes = new Map<string, Element[]>();
  let order: string[] = [];
  /** The node that takes the graph's one tab stop. */
  let current: string | undefined;
  const note = el('p', { class: 'lw-graph-note', [LW_GRAPH_NOTE]: '' });
  note.hidden = true;
  adoptBuildDrawing();

  /** The build drew this box's first graph in both themes: keep the current theme's, as drawn. */
  function adoptBuildDrawing(): void {
    const drawings = box.querySelectorAll<SVGSVGElement>(`:scope > svg${sel(LW_THEME)}`);
    const json = box.querySelector(`script${sel(LW_GRAPH_SOURCE)}`)?.textContent;
    const mine = [...drawings].find((s) => s.getAttribute(LW_THEME) === theme);
    if (!mine || !json) return;
    for (const other of drawings) if (other !== mine) other.remove();
    svg = mine;
    drawn = (JSON.parse(json) as { source: string }).source;
    drawnTheme = theme;
  }

  function decorate(steps: readonly StepView[]): void {
    const byId = new Map(steps.map((s) => [s.id, s]));
    const byNodeId = new Map(steps.map((s) => [nodeId(s.id), s.id]));
    nodes = new Map();
    for (const node of svg?.querySelectorAll('g.node') ?? []) {
      const op = opOf(node, byNodeId);
      if (!op) continue;
      const step = byId.get(op)!;
      nodes.set(op, [...(nodes.get(op) ?? []), node]);
      node.setAttribute('data-op', op);
      node.setAttribute('role', 'img');
      node.setAttribute('aria-label', nodeName(step));
      if (!node.hasAttribute(LW_WIRED)) {
        node.setAttribute(LW_WIRED, '');
        node.addEventListener('mouseenter', () => onFocusOp(op));
        node.addEventListener('mouseleave', () => onFocusOp(undefined));
        node.addEventListener('focus', () => {
          current = op;
          rove();
          onFocusOp(op);
        });
        node.addEventListener('blur', () => onFocusOp(undefined));
      }
    }
    // The nodes in the order of the build's steps: what the arrow keys walk through.
    order = steps.map((s) => s.id).filter((id) => nodes.has(id));
    if (current === undefined || !nodes.has(current)) current = order[0];
    rove();
  }

  /** One tab stop per graph: the current node is tabbable, the others are reached with the arrow keys. */
  function rove(): void {
    for (const [op, els] of nodes) for (const n of els) n.setAttribute('tabindex', op === current ? '0' : '-1');
  }

  box.addEventListener('keydown', (event) => {
    const at = (event.target as Element).closest?.('g.node[data-op]')?.getAttribute('data-op');
    if (!at || !nodes.has(at)) return;
    const i = order.indexOf(at);
    const to: Record<string, number> = { ArrowDown: i + 1, ArrowRight: i + 1, ArrowUp: i - 1, ArrowLeft: i - 1, Home: 0, End: order.length - 1 };
    if (event.key in to) {
      event.preventDefault();
      const next = order[Math.max(0, Math.min(order.length - 1, to[event.key]))];
      (nodes.get(next)?.[0] as SVGElement | undefined)?.focus();
    } else if (event.key === 'Enter' || event.key === ' ') {
      // The node's lines, and its step in the list, light up (as on focus) and come into view.
      event.preventDefault();
      onFocusOp(at);
      onActivateOp(at);
    }
  });

  async function draw(job: Job): Promise<void> {
    let markup: string;
    try {
      markup = await renderMermaid(job.source, job.theme);
    } catch (error) {
      if (job.ticket !== requested) return;
      note.hidden = false;
      note.textContent = `The graph could not be drawn: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
      box.classList.add('lw-stale');
      return;
    }
    if (job.ticket < shown) return; // a text view or newer drawing replaced it meanwhile
    const node = svgNode(markup);
    if (!node) return;
    // A reader walking the graph by keyboard keeps the focus on the same node in the new drawing.
    const hadFocus = svg?.contains(document.activeElement) ?? false;
    svg = node;
    box.querySelector(sel(LW_PLACEHOLDER))?.remove();
    for (const old of box.querySelectorAll(':scope > svg')) old.remove();
    if (!note.isConnected) box.append(note);
    box.prepend(node);
    drawn = job.source;
    drawnTheme = job.theme;
    shown = job.ticket;
    box.dataset.rendered = String(job.ticket);
    decorate(job.steps);
    if (hadFocus && current) (nodes.get(current)?.[0] as SVGElement | undefined)?.focus();
  }

  return {
    async show(source, steps, theme) {
      if (source === drawn && theme === drawnTheme && pending === undefined) {
        decorate(steps);
        return;
      }
      // While a drawing is under way, keep only the newest request: a burst of keystrokes
      // costs at most one more render, and every finished drawing is newer than the last.
      const ticket = ++requested;
      pending = { source, steps, theme, ticket };
      box.setAttribute('aria-busy', 'true');
      if (rendering) return;
      rendering = true;
      while (pending) {
        const job: Job = pending;
        pending = undefined;
        await draw(job);
      }
      rendering = false;
      if (!pending) box.removeAttribute('aria-busy');
    },
    showText(text) {
      shown = ++requested;
      pending = undefined;
      box.removeAttribute('aria-busy');
      for (const old of box.querySelectorAll(':scope > svg')) old.remove();
      svg = undefined;
      nodes = new Map();
      order = [];
      drawn = '';
      let placeholder = box.querySelector<HTMLElement>(sel(LW_PLACEHOLDER));
      if (!placeholder) {
        placeholder = el('p', { class: 'lw-graph-placeholder', [LW_PLACEHOLDER]: '' });
        box.prepend(placeholder);
      }
      placeholder.textContent = text;
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
  };
}

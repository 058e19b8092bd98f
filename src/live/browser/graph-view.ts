/**
 * One pane's graph: draws Mermaid text into the reserved box, newest request wins, keeps
 * the last drawing when a newer one fails, and wires nodes for hover, focus and highlight.
 * Starts from the drawing the build left in the box (src/integrations/static-graphs.ts), if any.
 * A big graph opens as a stage overview (stage-nodes.ts); the viewer (graph-viewer.ts) sizes
 * every drawing.
 */
import { nodeId } from '../../analyzer/render/mermaid.ts';
import { renderMermaid, svgNode } from '../adapters/mermaid.ts';
import { outlineMermaid, type MermaidText } from '../model/analyze-state.ts';
import { LW_GRAPH_NOTE, LW_GRAPH_SOURCE, LW_PLACEHOLDER, LW_STAGE, LW_THEME, LW_VIEW, LW_VIEWER, LW_WIRED, sel, type ViewCommand } from '../model/selectors.ts';
import type { SiteTheme } from '../model/theme.ts';
import { nodeName, nodeTitle } from '../model/texts.ts';
import type { StepView } from '../model/view-model.ts';
import { el } from './dom.ts';
import { createGraphViewer, type ViewerGroup } from './graph-viewer.ts';
import { wireStages } from './stage-nodes.ts';

export interface GraphView {
  /**
   * Draws the pane's graph (skipped when its text is what is already drawn, unless the theme
   * changed); a graph whose last drawing was slow redraws once the requests pause.
   */
  show(mermaid: Pick<MermaidText, 'drawn' | 'outline'>, steps: readonly StepView[], theme: SiteTheme): Promise<void>;
  /** A button of the graph's viewer. */
  command(name: ViewCommand): void;
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

/**
 * A redraw that takes longer than this is a long task that holds up typing: while the reader
 * types, a graph whose last three drawings each took Mermaid longer (one slow drawing on a
 * busy machine is not enough; loading Mermaid does not count) waits for a pause (TYPING_PAUSE_MS without a new request) and
 * redraws once, its old drawing marked busy meanwhile; the steps list and findings follow
 * every edit.
 */
const SLOW_DRAW_MS = 200;
const TYPING_PAUSE_MS = 500;

interface Job {
  readonly source: string;
  readonly steps: readonly StepView[];
  readonly theme: SiteTheme;
  readonly ticket: number;
}

export function createGraphView(
  box: HTMLElement,
  theme: SiteTheme,
  onFocusOps: (ops: readonly string[]) => void,
  group: ViewerGroup,
  onActivateOp: (op: string) => void = () => {},
): GraphView {
  const onFocusOp = (op: string | undefined) => onFocusOps(op ? [op] : []);
  const wrapper = box.closest<HTMLElement>(sel(LW_VIEWER)) ?? box;
  const viewer = createGraphViewer(wrapper, box, group);
  /** Stages the reader expanded in the overview. */
  const expanded = new Set<number>();
  let current: { mermaid: Pick<MermaidText, 'drawn' | 'outline'>; steps: readonly StepView[]; theme: SiteTheme } | undefined;
  let requested = 0;
  /** Ticket of what the box shows now. */
  let shown = 0;
  let rendering = false;
  let pending: Job | undefined;
  let drawn = '';
  let drawnTheme: SiteTheme | undefined;
  let svg: SVGSVGElement | undefined;
  /** How long Mermaid took for this pane's last three drawings (ms): slow means all of them were (all so far, when fewer). */
  const drawTimes: number[] = [];
  const slow = () => drawTimes.length > 0 && Math.min(...drawTimes) > SLOW_DRAW_MS;
  /** A slow graph's redraw, waiting for the reader to pause. */
  let waiting: ReturnType<typeof setTimeout> | undefined;
  let nodes = new Map<string, Element[]>();
  /**
   * What the arrow keys walk through, in the order of the build's steps: op nodes, and in the
   * stage overview the stages' handles (a collapsed stage's node, an expanded stage's title).
   */
  let walk: { key: string; el: Element }[] = [];
  /** The walk's element that takes the graph's one tab stop (by key: drawings are replaced). */
  let currentKey: string | undefined;
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
    viewer.attach(svg);
  }

  function decorate(steps: readonly StepView[]): void {
    const byId = new Map(steps.map((s) => [s.id, s]));
    const byNodeId = new Map(steps.map((s) => [nodeId(s.id), s.id]));
    nodes = new Map();
    if (svg && current?.mermaid.outline) {
      const stageNodes = wireStages(svg, steps, { onFocusOps, toggle: toggleStage });
      for (const [op, node] of stageNodes) nodes.set(op, [...(nodes.get(op) ?? []), node]);
    }
    for (const node of svg?.querySelectorAll('g.node') ?? []) {
      const op = opOf(node, byNodeId);
      if (!op) continue;
      const step = byId.get(op)!;
      nodes.set(op, [...(nodes.get(op) ?? []), node]);
      if (node.textContent?.includes('…') || step.config) fullText(node, nodeTitle(step));
      node.setAttribute('data-op', op);
      node.setAttribute('role', 'img');
      node.setAttribute('aria-label', nodeName(step));
      if (!node.hasAttribute(LW_WIRED)) {
        node.setAttribute(LW_WIRED, '');
        node.addEventListener('mouseenter', () => onFocusOp(op));
        node.addEventListener('mouseleave', () => onFocusOp(undefined));
        node.addEventListener('focus', () => onFocusOp(op));
        node.addEventListener('blur', () => onFocusOp(undefined));
      }
    }
    walk = walkOrder(steps);
    if (currentKey === undefined || !walk.some((w) => w.key === currentKey)) currentKey = walk[0]?.key;
    rove();
  }

  /** The op nodes and stage handles in step order, each once. */
  function walkOrder(steps: readonly StepView[]): { key: string; el: Element }[] {
    const out: { key: string; el: Element }[] = [];
    const seen = new Set<Element>();
    const add = (key: string, element: Element | null | undefined) => {
      if (!element || seen.has(element)) return;
      seen.add(element);
      out.push({ key, el: element });
    };
    for (const step of steps) {
      if (step.stage !== undefined) add(`stage:${step.stage}`, svg?.querySelector(`.cluster-label[${LW_STAGE}="${step.stage}"]`));
      const els = nodes.get(step.id) ?? [];
      const own = els.find((n) => n.getAttribute('data-op') === step.id);
      if (own) add(`op:${step.id}`, own);
      else if (step.stage !== undefined) add(`stage:${step.stage}`, els.find((n) => n.hasAttribute(LW_STAGE)));
    }
    return out;
  }

  /**
   * One tab stop per graph: the current node is tabbable, the others are reached with the arrow
   * keys. The box itself takes the focus only when there is no node in it to scroll it by.
   */
  function rove(): void {
    for (const w of walk) w.el.setAttribute('tabindex', w.key === currentKey ? '0' : '-1');
    if (walk.length) box.removeAttribute('tabindex');
    else box.setAttribute('tabindex', '0');
  }

  box.addEventListener('focusin', (event) => {
    const at = walk.find((w) => w.el === event.target || w.el.contains(event.target as Node));
    if (!at || at.key === currentKey) return;
    currentKey = at.key;
    rove();
  });

  box.addEventListener('keydown', (event) => {
    const target = event.target as Element;
    const i = walk.findIndex((w) => w.el === target || w.el.contains(target));
    if (i < 0) return;
    const to: Record<string, number> = { ArrowDown: i + 1, ArrowRight: i + 1, ArrowUp: i - 1, ArrowLeft: i - 1, Home: 0, End: walk.length - 1 };
    const at = walk[i].el.getAttribute('data-op');
    if (event.key in to) {
      event.preventDefault();
      (walk[Math.max(0, Math.min(walk.length - 1, to[event.key]))].el as SVGElement).focus();
    } else if (at && (event.key === 'Enter' || event.key === ' ')) {
      // The node's lines, and its step in the list, light up (as on focus) and come into view.
      event.preventDefault();
      onFocusOp(at);
      onActivateOp(at);
    }
  });

  async function draw(job: Job): Promise<void> {
    let markup: string;
    try {
      markup = await renderMermaid(job.source, job.theme, (ms) => {
        drawTimes.push(ms);
        if (drawTimes.length > 3) drawTimes.shift();
      });
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
    viewer.attach(node);
    drawn = job.source;
    drawnTheme = job.theme;
    shown = job.ticket;
    box.dataset.rendered = String(job.ticket);
    decorate(job.steps);
    if (toggled !== undefined) revealToggled();
    else if (hadFocus && currentKey) (walk.find((w) => w.key === currentKey)?.el as SVGElement | undefined)?.focus();
  }

  /** The stage just expanded or collapsed: its new handle takes the focus and comes into view. */
  let toggled: number | undefined;

  function toggleStage(stage: number): void {
    if (expanded.has(stage)) expanded.delete(stage);
    else expanded.add(stage);
    toggled = stage;
    redraw();
  }

  function revealToggled(): void {
    const handle = toggled === undefined ? null : svg?.querySelector<SVGGElement>(`[${LW_STAGE}="${toggled}"]`);
    toggled = undefined;
    if (!handle) return;
    const had = box.contains(document.activeElement) || document.activeElement === document.body;
    if (had) handle.focus({ preventScroll: true });
    const r = handle.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    // Scroll the box only (not the page) so the stage's top left is in view.
    if (r.left < b.left || r.right > b.right) box.scrollLeft += r.left - b.left - 16;
    if (r.top < b.top || r.bottom > b.bottom) box.scrollTop += r.top - b.top - 16;
  }

  /** Draws the current graph now (the reader expanded or collapsed stages). */
  function redraw(): void {
    if (current) void request(current.mermaid, current.steps, current.theme, true);
  }

  function stopWaiting(): void {
    clearTimeout(waiting);
    waiting = undefined;
    box.classList.remove('lw-waiting');
  }

  async function request(mermaid: Pick<MermaidText, 'drawn' | 'outline'>, steps: readonly StepView[], theme: SiteTheme, now: boolean): Promise<void> {
    current = { mermaid, steps, theme };
    syncStagesButton();
    const source = mermaid.outline ? outlineMermaid(mermaid.outline, expanded) : mermaid.drawn;
    if (source === undefined) return;
    stopWaiting();
    if (source === drawn && theme === drawnTheme && pending === undefined) {
      decorate(steps);
      // Up to date without drawing: say so, as a drawing would.
      box.dataset.rendered = String(++requested);
      shown = requested;
      if (!rendering) box.removeAttribute('aria-busy');
      return;
    }
    if (!now && slow() && svg && theme === drawnTheme) {
      box.setAttribute('aria-busy', 'true');
      // Faded, so that the reader sees the drawing is behind the text.
      box.classList.add('lw-waiting');
      waiting = setTimeout(() => {
        waiting = undefined;
        box.classList.remove('lw-waiting');
        if (current) void request(current.mermaid, current.steps, current.theme, true);
      }, TYPING_PAUSE_MS);
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
    if (!pending && !waiting) box.removeAttribute('aria-busy');
  }

  /** A shortened label, or a base image's whole config source, reads on hover (the steps list has it too). */
  function fullText(node: Element, text: string): void {
    let title = node.querySelector(':scope > title');
    if (!title) {
      title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
      // Last: the node's accessible name is its aria-label; the title is the pointer's tooltip.
      node.append(title);
    }
    title.textContent = text;
  }

  /** The "Stages" button: shows every stage whole, or back to the overview. */
  function toggleAll(): void {
    const outline = current?.mermaid.outline;
    if (!outline) return;
    const all = outline.graph.stages.map((s) => s.index);
    const open = all.every((i) => expanded.has(i));
    expanded.clear();
    if (!open) for (const i of all) expanded.add(i);
    redraw();
  }

  function syncStagesButton(): void {
    const button = wrapper.querySelector<HTMLElement>(sel(LW_VIEW, 'stages'));
    if (!button) return;
    const outline = current?.mermaid.outline;
    button.hidden = !outline;
    const open = !!outline && outline.graph.stages.every((s) => expanded.has(s.index));
    button.setAttribute('aria-pressed', String(open));
  }

  const view: GraphView = {
    command(name) {
      if (name === 'stages') toggleAll();
      else viewer.command(name);
    },
    show(mermaid, steps, theme) {
      return request(mermaid, steps, theme, false);
    },
    showText(text) {
      stopWaiting();
      current = undefined;
      syncStagesButton();
      shown = ++requested;
      pending = undefined;
      box.removeAttribute('aria-busy');
      for (const old of box.querySelectorAll(':scope > svg')) old.remove();
      svg = undefined;
      nodes = new Map();
      walk = [];
      rove();
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
      const lit = new Set<Element>();
      for (const [op, els] of nodes) for (const n of els) if (ops.has(op)) lit.add(n);
      for (const els of nodes.values()) for (const n of els) n.classList.toggle('lw-node-hl', lit.has(n));
    },
  };
  return view;
}

/**
 * An island's panes (the Dockerfile, and a second one in compare mode): each shows its
 * analysis (error, findings, steps, simulation summary, graph) and links the three views, so
 * that a graph node, its step and its Dockerfile lines light up together.
 */
import type { EditorHandle } from '../adapters/monaco.ts';
import { LW_ERROR, LW_FINDINGS, LW_GRAPH, LW_PANE, LW_SIM_SUMMARY, LW_STATIC, LW_STEPS, sel, type PaneName } from '../model/selectors.ts';
import { refusedText, tooManyOpsText } from '../model/texts.ts';
import type { SiteTheme } from '../model/theme.ts';
import type { AnalysisView } from '../model/view-model.ts';
import { q } from './dom.ts';
import { createGraphView, type GraphView } from './graph-view.ts';
import { createViewerGroup } from './graph-viewer.ts';
import { renderFindings, renderSteps } from './lists.ts';
import type { PaneSnapshot } from './store.ts';

export interface Pane {
  readonly name: PaneName;
  readonly root: HTMLElement;
  readonly graph: GraphView;
  editor?: EditorHandle;
  snapshot?: PaneSnapshot;
}

/** The panes the server rendered in `root`, their graphs starting from the build's drawings. */
export function createPanes(root: HTMLElement, theme: SiteTheme): Map<PaneName, Pane> {
  const panes = new Map<PaneName, Pane>();
  // A comparison's graphs are shown at one scale.
  const group = createViewerGroup();
  for (const paneRoot of root.querySelectorAll<HTMLElement>(sel(LW_PANE))) {
    const name = paneRoot.getAttribute(LW_PANE) as PaneName;
    const pane: Pane = {
      name,
      root: paneRoot,
      graph: createGraphView(q(paneRoot, sel(LW_GRAPH)), theme, (ops) => focusOps(pane, ops), group, () => revealHighlight(pane)),
    };
    panes.set(name, pane);
  }
  return panes;
}

const stepItems = (pane: Pane) => pane.root.querySelectorAll<HTMLElement>(`${sel(LW_STEPS)} li`);

/** Graph node hovered or focused: highlight its Dockerfile lines and its step. */
export function focusOp(pane: Pane, op: string | undefined): void {
  focusOps(pane, op ? [op] : []);
}

/** A stage of the overview hovered or focused: the same for each of its ops. */
export function focusOps(pane: Pane, ops: readonly string[]): void {
  const wanted = new Set(ops);
  const steps = pane.snapshot?.good?.view.steps.filter((s) => wanted.has(s.id)) ?? [];
  const ranges = steps.flatMap((s): [number, number][] => (s.startLine ? [[s.startLine, s.endLine ?? s.startLine]] : []));
  pane.editor?.highlightLines(ranges);
  const lines = pane.root.querySelectorAll(`${sel(LW_STATIC)} .ec-line`);
  lines.forEach((line, i) => line.classList.toggle('lw-line-hl', ranges.some(([a, b]) => i + 1 >= a && i + 1 <= b)));
  for (const li of stepItems(pane)) li.classList.toggle('lw-step-hl', wanted.has(li.dataset.op!));
  pane.graph.highlight(wanted);
}

/**
 * A finding's place was clicked: the editor goes to it, or, while the editor is closed, the
 * Dockerfile shown highlights the line and scrolls it into view.
 */
export function goToLine(pane: Pane, line: number, column: number): void {
  if (pane.editor) return pane.editor.revealLine(line, column);
  const lines = pane.root.querySelectorAll<HTMLElement>(`${sel(LW_STATIC)} .ec-line`);
  lines.forEach((l, i) => l.classList.toggle('lw-line-hl', i + 1 === line));
  lines[line - 1]?.scrollIntoView({ block: 'nearest' });
  cursorLine(pane, line);
}

/** Enter on a graph node: its highlighted Dockerfile lines come into view. */
function revealHighlight(pane: Pane): void {
  pane.root.querySelector(`${sel(LW_STATIC)} .lw-line-hl`)?.scrollIntoView({ block: 'nearest' });
}

/** Editor cursor on `line`: highlight the nodes built from that line. */
export function cursorLine(pane: Pane, line: number): void {
  const steps = pane.snapshot?.good?.view.steps ?? [];
  const ops = steps.filter((s) => s.startLine !== undefined && s.startLine <= line && line <= (s.endLine ?? s.startLine)).map((s) => s.id);
  pane.graph.highlight(new Set(ops));
  for (const li of stepItems(pane)) li.classList.toggle('lw-step-hl', ops.includes(li.dataset.op!));
}

/** Shows a pane's snapshot (hides the pane without one: compare mode off). */
export function renderPane(pane: Pane, snap: PaneSnapshot | undefined, theme: SiteTheme): void {
  pane.root.hidden = snap === undefined;
  pane.snapshot = snap;
  if (!snap) return;
  const view = snap.view;
  const shown: AnalysisView = snap.good?.view ?? view;
  const error = q(pane.root, sel(LW_ERROR));
  error.hidden = !snap.error;
  error.textContent = snap.error ? refusedText(snap.error) : '';
  renderFindings(q(pane.root, sel(LW_FINDINGS)), view.findings);
  renderSteps(q(pane.root, sel(LW_STEPS)), shown.steps);
  q(pane.root, sel(LW_SIM_SUMMARY)).textContent = shown.simulation?.summary ?? '';
  pane.editor?.setMarkers(view.findings);
  pane.graph.setStale(snap.stale);
  const good = snap.good;
  // No drawing text above MAX_DRAWN_OPS: the graph would be unreadable, the steps list it.
  if (good?.mermaid.drawn === undefined) {
    if (good) pane.graph.showText(tooManyOpsText(good.view.steps.length));
  } else void pane.graph.show(good.mermaid, good.view.steps, theme);
}

/**
 * What an island needs from one analysis of its state, as plain data that crosses a worker
 * boundary: per pane the view (steps, findings, controls) and, for a file BuildKit would
 * build, the Mermaid text (the drawing's, without the in-graph legend, and the copy's, with
 * it). The same function runs on the main thread (an island's first analysis, and the
 * fallback without a worker) and in src/client/analysis-worker.ts.
 */
import { analyze } from '../analyzer/index.ts';
import { mermaidSource, parseChanges, simulateChanges } from './analyzer-bridge.ts';
import { viewOf, type AnalysisView } from './analysis-view.ts';
import { MAX_DRAWN_OPS } from './graph-svg.ts';
import type { ShareState } from './share-state.ts';

export interface MermaidText {
  /** What the island draws: no legend. Absent above MAX_DRAWN_OPS (the island lists the steps instead). */
  readonly drawn?: string;
  /** What "Copy Mermaid source" copies: with the legend. */
  readonly copy: string;
}

export interface PaneResult {
  readonly view: AnalysisView;
  /** Present when the file has no build error (the graph the island may show). */
  readonly mermaid?: MermaidText;
}

export interface AnalysisResult {
  readonly main: PaneResult;
  readonly compare?: PaneResult;
}

/**
 * Analyzes both panes of `state`. The Mermaid text is computed on first read (a getter), so
 * the main thread pays for it only when the island draws or copies; `plain()` makes a result
 * with every string computed, for postMessage.
 */
export function analyzeState(state: ShareState): AnalysisResult {
  const options = { buildArgs: state.buildArgs, target: state.target || undefined, mergeOp: state.mergeOp, dockerignore: state.dockerignore };
  const pane = (code: string): PaneResult => {
    const analysis = analyze(code, options);
    const simulation = state.simulate?.length ? simulateChanges(analysis, parseChanges(state.simulate), options) : undefined;
    const view = viewOf(analysis, simulation);
    if (view.error !== undefined) return { view };
    let drawn: string | undefined;
    let copy: string | undefined;
    const mermaid: MermaidText = {
      get drawn() {
        if (view.steps.length > MAX_DRAWN_OPS) return undefined;
        return (drawn ??= mermaidSource(analysis, simulation, false));
      },
      get copy() {
        return (copy ??= mermaidSource(analysis, simulation));
      },
    };
    return { view, mermaid };
  };
  return { main: pane(state.code), compare: state.compare !== undefined ? pane(state.compare) : undefined };
}

/** The result with every lazy string computed: structured-cloneable. */
export function plain(result: AnalysisResult): AnalysisResult {
  const pane = (p: PaneResult): PaneResult => (p.mermaid ? { view: p.view, mermaid: { drawn: p.mermaid.drawn, copy: p.mermaid.copy } } : { view: p.view });
  return { main: pane(result.main), compare: result.compare && pane(result.compare) };
}

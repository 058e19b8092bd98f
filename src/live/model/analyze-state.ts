/**
 * What an island needs from one analysis of its state, as plain data that crosses a worker
 * boundary: per pane the view (steps, findings, controls) and, for a file BuildKit would
 * build, the Mermaid text (the drawing's, without the in-graph legend, and the copy's, with
 * it). The same function runs at build time (LiveExample.astro), on the page's main thread
 * (the fallback without a worker) and in the analysis worker (../browser/analysis-worker.ts). The one
 * place the islands reach into the analyzer beyond `analyze()`: the cache simulation, change
 * strings and the Mermaid renderer.
 */
import { analyze, type Analysis, type AnalyzeOptions } from '../../analyzer/index.ts';
import { firstBuildError } from '../../analyzer/analysis.ts';
import { renderMermaid } from '../../analyzer/render/mermaid.ts';
import type { BuildGraph } from '../../analyzer/graph/model.ts';
import type { Change, Simulation } from '../../analyzer/simulate/model.ts';
import { parseChange, simulate } from '../../analyzer/simulate/simulate.ts';
import type { ShareState } from './share-state.ts';
import { viewOf, type AnalysisView } from './view-model.ts';

/** Beyond this many ops a drawing is unreadable and Mermaid's layout takes seconds: list them instead. */
export const MAX_DRAWN_OPS = 150;

/** Above this many ops a graph opens as a stage overview: one node per stage, expanded on request. */
export const STAGE_OVERVIEW_OPS = 30;

/** What it takes to draw a graph with some of its stages collapsed: plain data, cloneable. */
export interface GraphOutline {
  readonly graph: BuildGraph;
  readonly outcomes: Simulation['outcomes'];
}

export interface MermaidText {
  /** What the island draws first: no legend; a stage overview above STAGE_OVERVIEW_OPS. Absent above MAX_DRAWN_OPS (the island lists the steps instead). */
  readonly drawn?: string;
  /** What "Copy Mermaid source" copies: with the legend. */
  readonly copy: string;
  /** For a stage overview: what the island redraws from as the reader expands stages. */
  readonly outline?: GraphOutline;
}

/** The drawing's Mermaid text with every stage but `expanded` drawn as one node. */
export function outlineMermaid(outline: GraphOutline, expanded: ReadonlySet<number>): string {
  const collapsed = new Set(outline.graph.stages.map((s) => s.index).filter((i) => !expanded.has(i)));
  return renderMermaid(outline.graph, { simulation: { outcomes: outline.outcomes }, legend: false, nonBreaking: true, collapsed });
}

/** The stage indexes an outline can expand. */
export const outlineStages = (outline: GraphOutline): number[] => outline.graph.stages.map((s) => s.index);

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
 * Analyzes both panes of `state`. The Mermaid text is computed on first read (LazyMermaid), so
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
    const graph = simulation?.graph ?? analysis.graph;
    // One stage has nothing to summarize: it is drawn whole.
    const big = view.steps.length > STAGE_OVERVIEW_OPS && view.steps.length <= MAX_DRAWN_OPS && graph.stages.length > 1;
    const outline: GraphOutline | undefined = big ? { graph, outcomes: simulation?.outcomes ?? [] } : undefined;
    return { view, mermaid: new LazyMermaid(analysis, simulation, view.steps.length <= MAX_DRAWN_OPS, outline) };
  };
  return { main: pane(state.code), compare: state.compare !== undefined ? pane(state.compare) : undefined };
}

/**
 * A pane's Mermaid texts, each computed on first read. A class, with its getters on the
 * prototype, rather than an object literal with getters: V8 keeps each literal's getter
 * closures (and the analysis they hold) reachable from long-lived hidden-class data until a
 * full collection, so every keystroke's analysis was copied and promoted at each scavenge
 * (moby/buildkit's Dockerfile: 280 KiB promoted per analyzeState() call, 20 KiB with the class).
 */
class LazyMermaid implements MermaidText {
  readonly outline: GraphOutline | undefined;
  private readonly analysis: Analysis;
  private readonly simulation: Simulation | undefined;
  private readonly drawable: boolean;
  private drawnText: string | undefined;
  private copyText: string | undefined;

  constructor(analysis: Analysis, simulation: Simulation | undefined, drawable: boolean, outline: GraphOutline | undefined) {
    this.analysis = analysis;
    this.simulation = simulation;
    this.drawable = drawable;
    this.outline = outline;
  }

  get drawn(): string | undefined {
    if (!this.drawable) return undefined;
    return (this.drawnText ??= this.outline ? outlineMermaid(this.outline, new Set()) : mermaidSource(this.analysis, this.simulation, false));
  }

  get copy(): string {
    return (this.copyText ??= mermaidSource(this.analysis, this.simulation));
  }
}

/** The result with every lazy string computed: structured-cloneable. */
export function plain(result: AnalysisResult): AnalysisResult {
  const pane = (p: PaneResult): PaneResult =>
    p.mermaid ? { view: p.view, mermaid: { drawn: p.mermaid.drawn, copy: p.mermaid.copy, outline: p.mermaid.outline } } : { view: p.view };
  return { main: pane(result.main), compare: result.compare && pane(result.compare) };
}

/** Change strings in the CLI's syntax; unreadable ones (from a damaged link) are dropped. */
function parseChanges(texts: readonly string[]): Change[] {
  return texts.map(parseChange).filter((c): c is Change => typeof c !== 'string');
}

function simulateChanges(analysis: Analysis, changes: readonly Change[], options: AnalyzeOptions): Simulation | undefined {
  if (changes.length === 0 || firstBuildError(analysis)) return undefined;
  return simulate(analysis, changes, options);
}

/**
 * Mermaid text for an analysis. The island draws without the in-graph legend (it shows one
 * legend in HTML for all its graphs, and fewer nodes lay out faster); copies keep it.
 */
function mermaidSource(analysis: Analysis, simulation?: Simulation, legend = true): string {
  // The drawing keeps `--link` and `-o` whole; the copy stays plain ASCII.
  return renderMermaid(simulation?.graph ?? analysis.graph, { simulation, legend, nonBreaking: !legend });
}

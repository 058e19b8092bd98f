/**
 * One island's state and what derives from it. The state is what a reader can change (and
 * what a share link carries); every change schedules one re-analysis after a short pause,
 * and only the newest state is ever analyzed, so a burst of keystrokes costs one run.
 * A Dockerfile BuildKit would refuse keeps the last good analysis for the graph, marked stale.
 */
import { analyze, type Analysis } from '../analyzer/index.ts';
import { parseChanges, simulateChanges } from './analyzer-bridge.ts';
import { viewOf, type AnalysisView } from './analysis-view.ts';
import type { ShareState } from './share-state.ts';

export interface PaneSnapshot {
  /** The analysis of the text as it is now. */
  readonly analysis: Analysis;
  readonly view: AnalysisView;
  /** The newest analysis without a build error: what the graph shows. */
  readonly good?: { readonly analysis: Analysis; readonly view: AnalysisView };
  /** The graph shows an older text than the editor. */
  readonly stale: boolean;
  readonly error?: string;
}

export interface Snapshot {
  /** Increases with every analysis; views drop work for older numbers. */
  readonly seq: number;
  readonly state: ShareState;
  readonly main: PaneSnapshot;
  readonly compare?: PaneSnapshot;
}

export interface IslandStore {
  get(): Snapshot;
  /** The state as the reader left it, before the debounced analysis caught up. */
  state(): ShareState;
  /** Replaces part of the state; re-analysis follows after the debounce (or at once with `now`). */
  update(patch: Partial<ShareState>, now?: boolean): void;
  replace(state: ShareState): void;
  subscribe(listener: (snapshot: Snapshot) => void): () => void;
  /** Runs any pending analysis now. */
  flush(): void;
}

export function createIslandStore(initial: ShareState, delayMs = 15): IslandStore {
  let state = initial;
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<(snapshot: Snapshot) => void>();
  let lastGood: { main?: PaneSnapshot['good']; compare?: PaneSnapshot['good'] } = {};
  let snapshot = compute();

  function pane(code: string, which: 'main' | 'compare'): PaneSnapshot {
    const options = { buildArgs: state.buildArgs, target: state.target || undefined, mergeOp: state.mergeOp, dockerignore: state.dockerignore };
    const analysis = analyze(code, options);
    const simulation = state.simulate?.length ? simulateChanges(analysis, parseChanges(state.simulate), options) : undefined;
    const view = viewOf(analysis, simulation);
    if (view.error === undefined) {
      const good = { analysis, view };
      lastGood[which] = good;
      return { analysis, view, good, stale: false };
    }
    return { analysis, view, good: lastGood[which], stale: lastGood[which] !== undefined, error: view.error };
  }

  function compute(): Snapshot {
    seq++;
    return {
      seq,
      state,
      main: pane(state.code, 'main'),
      compare: state.compare !== undefined ? pane(state.compare, 'compare') : undefined,
    };
  }

  // The pause grows with the cost of an analysis, so typing into a long file stays fluid.
  let pause = delayMs;

  function run(): void {
    timer = undefined;
    waitingSince = undefined;
    const started = performance.now();
    snapshot = compute();
    pause = Math.min(400, Math.max(delayMs, 2 * (performance.now() - started)));
    performance.measure('lw:analyze', { start: started });
    for (const listener of listeners) listener(snapshot);
  }

  // Someone typing without a pause still sees a fresh analysis at least this often.
  const MAX_WAIT_MS = 500;
  let waitingSince: number | undefined;

  function schedule(now: boolean): void {
    if (timer !== undefined) clearTimeout(timer);
    waitingSince ??= performance.now();
    if (now || performance.now() - waitingSince >= MAX_WAIT_MS) run();
    else timer = setTimeout(run, pause);
  }

  return {
    get: () => snapshot,
    state: () => state,
    update(patch, now = false) {
      state = { ...state, ...patch };
      schedule(now);
    },
    replace(next) {
      state = next;
      lastGood = {};
      schedule(true);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    flush() {
      if (timer !== undefined) schedule(true);
    },
  };
}

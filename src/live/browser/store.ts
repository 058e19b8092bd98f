/**
 * One island's state and what derives from it. The state is what a reader can change (and
 * what a share link carries); every change schedules one re-analysis after a short pause.
 * The first analysis runs on this thread at once (the island shows it as it mounts); later
 * ones go to `offThread` when given (the analysis worker), else run here too.
 *
 * The contract, either way: the snapshot always comes from the newest analysis that finished
 * (an answer older than the one shown, or from before `replace()`, is dropped by its sequence
 * number); at most one analysis is in flight and at most one waits, for the newest state, so
 * a burst of keystrokes costs at most two; a Dockerfile BuildKit would refuse keeps the last
 * good analysis for the graph, marked stale.
 */
import { analyzeState, type AnalysisResult, type MermaidText, type PaneResult } from '../model/analyze-state.ts';
import type { ShareState } from '../model/share-state.ts';
import type { AnalysisView } from '../model/view-model.ts';

export interface PaneSnapshot {
  /** The analysis of the text as it is now. */
  readonly view: AnalysisView;
  /** The newest analysis without a build error: what the graph shows. */
  readonly good?: { readonly view: AnalysisView; readonly mermaid: MermaidText };
  /** The graph shows an older text than the editor. */
  readonly stale: boolean;
  readonly error?: string;
}

export interface Snapshot {
  /** Increases with every analysis; views drop work for older numbers. */
  readonly seq: number;
  /** The state this snapshot analyzed. */
  readonly state: ShareState;
  /** Where it was analyzed: this thread (the first analysis, or without a worker) or off it. */
  readonly thread: 'main' | 'worker';
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
  /** Starts any pending analysis now. */
  flush(): void;
}

export interface IslandStoreOptions {
  /** The shortest pause after a change before it is analyzed (ms). */
  readonly delayMs?: number;
  /**
   * Analyzes elsewhere (the worker). A rejection means there is no such place: the store
   * analyzes on this thread from then on.
   */
  readonly offThread?: (state: ShareState) => Promise<AnalysisResult>;
  /** Analyzes on this thread; tests inject their own. */
  readonly onThread?: (state: ShareState) => AnalysisResult;
}

export function createIslandStore(initial: ShareState, options: IslandStoreOptions = {}): IslandStore {
  const delayMs = options.delayMs ?? 15;
  const onThread = options.onThread ?? analyzeState;
  let offThread = options.offThread;
  let state = initial;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<(snapshot: Snapshot) => void>();
  let lastGood: { main?: PaneSnapshot['good']; compare?: PaneSnapshot['good'] } = {};
  /** Number of the newest request; every analysis gets the next one. */
  let requested = 0;
  /** Answers to requests below this number are dropped (they predate a `replace()`). */
  let floor = 0;
  let inFlight = false;
  /** The state changed while an analysis was in flight: analyze the newest once it is back. */
  let again = false;
  let snapshot = snapshotOf(++requested, state, onThread(state), 'main');

  function pane(result: PaneResult, which: 'main' | 'compare'): PaneSnapshot {
    const { view, mermaid } = result;
    if (mermaid) {
      const good = { view, mermaid };
      lastGood[which] = good;
      return { view, good, stale: false };
    }
    return { view, good: lastGood[which], stale: lastGood[which] !== undefined, error: view.error };
  }

  function snapshotOf(seq: number, analyzed: ShareState, result: AnalysisResult, thread: Snapshot['thread']): Snapshot {
    return {
      seq,
      state: analyzed,
      thread,
      main: pane(result.main, 'main'),
      compare: result.compare ? pane(result.compare, 'compare') : undefined,
    };
  }

  /** Shows an answer unless a newer one is shown or it predates a replace(). */
  function publish(seq: number, analyzed: ShareState, result: AnalysisResult, thread: Snapshot['thread']): void {
    if (seq < floor || seq <= snapshot.seq) return;
    const started = performance.now();
    snapshot = snapshotOf(seq, analyzed, result, thread);
    for (const listener of listeners) listener(snapshot);
    // With the worker there is no base pause: at most one analysis is in flight and one waits,
    // so a burst costs two whatever the pause, and a keystroke is analyzed at once.
    if (thread === 'worker') pause = pauseAfter(performance.now() - started, 0);
  }

  // The pause before the next analysis grows with what the last one cost this thread (the
  // analysis itself here; showing the answer when the worker did it), so typing into a long
  // file stays fluid instead of updating the page after every keystroke.
  let pause = delayMs;
  const pauseAfter = (ms: number, least = delayMs) => Math.min(400, Math.max(least, 2 * ms));

  function runHere(): void {
    const started = performance.now();
    const seq = ++requested;
    const analyzed = state;
    const result = onThread(analyzed);
    pause = pauseAfter(performance.now() - started);
    performance.measure('lw:analyze', { start: started });
    publish(seq, analyzed, result, 'main');
  }

  function dispatch(send: (state: ShareState) => Promise<AnalysisResult>): void {
    const started = performance.now();
    const seq = ++requested;
    const analyzed = state;
    inFlight = true;
    send(analyzed).then(
      (result) => {
        performance.measure('lw:analyze', { start: started });
        inFlight = false;
        // The worker starts on the newest state while this thread shows this answer.
        if (again) {
          again = false;
          dispatch(send);
        }
        publish(seq, analyzed, result, 'worker');
      },
      () => {
        // No worker: this and every later analysis run here, the newest state first.
        inFlight = false;
        again = false;
        offThread = undefined;
        runHere();
      },
    );
  }

  function run(): void {
    timer = undefined;
    waitingSince = undefined;
    if (!offThread) return runHere();
    if (inFlight) again = true;
    else dispatch(offThread);
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
      floor = requested + 1;
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

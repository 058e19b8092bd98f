import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnalysisView } from '../../../src/live/model/view-model.ts';
import { createIslandStore, type Snapshot } from '../../../src/live/browser/store.ts';
import type { AnalysisResult } from '../../../src/live/model/analyze-state.ts';
import type { ShareState } from '../../../src/live/model/share-state.ts';

const kinds = (s: Snapshot['main']) => s.view.counts;

describe('island store', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('analyzes the initial state at once, both panes in compare mode', () => {
    const store = createIslandStore({ code: 'FROM alpine\nCOPY /a /a\n', compare: 'FROM alpine\nCOPY --link /a /a\n' });
    const snap = store.get();
    expect(kinds(snap.main)).toEqual({ source: 2, exec: 0, file: 1, merge: 0 });
    expect(kinds(snap.compare!)).toEqual({ source: 2, exec: 0, file: 1, merge: 1 });
    expect(snap.main.stale).toBe(false);
  });

  it('debounces a burst of edits into one analysis of the newest text', () => {
    const store = createIslandStore({ code: 'FROM alpine\n' }, { delayMs: 40 });
    const seen: Snapshot[] = [];
    store.subscribe((s) => seen.push(s));
    const seq = store.get().seq;
    store.update({ code: 'FROM alpine\nRUN a\n' });
    store.update({ code: 'FROM alpine\nRUN a\nRUN b\n' });
    store.update({ code: 'FROM alpine\nRUN a\nRUN b\nRUN c\n' });
    expect(seen).toHaveLength(0);
    expect(store.state().code).toContain('RUN c');
    vi.advanceTimersByTime(50);
    expect(seen).toHaveLength(1);
    expect(seen[0].seq).toBe(seq + 1);
    expect(kinds(seen[0].main).exec).toBe(3);
  });

  it('keeps the last good analysis for the graph when the text breaks, marked stale', () => {
    const store = createIslandStore({ code: 'FROM alpine\nCOPY /a /a\n' });
    store.update({ code: 'FROM alpine\nCOPY --bogus /a /a\n' }, true);
    const broken = store.get().main;
    expect(broken.error).toContain('unknown flag: --bogus');
    expect(broken.stale).toBe(true);
    expect(broken.good?.view.counts.file).toBe(1);
    expect(broken.view.findings.some((f) => f.rule === 'BuildError')).toBe(true);
    store.update({ code: 'FROM alpine\nRUN x\n' }, true);
    expect(store.get().main.stale).toBe(false);
    expect(store.get().main.good?.view.counts.exec).toBe(1);
  });

  it('a file broken from the start has no graph to keep and is not stale', () => {
    const store = createIslandStore({ code: 'FROM alpine\nCOPX a b\n' });
    expect(store.get().main.good).toBeUndefined();
    expect(store.get().main.stale).toBe(false);
    expect(store.get().main.error).toContain('unknown instruction');
  });

  it('runs the simulation from change strings and ignores unreadable ones', () => {
    const store = createIslandStore({ code: 'FROM alpine\nCOPY --link /a /a\n', simulate: ['base:alpine', 'nonsense'] });
    const steps = store.get().main.view.steps;
    const status = Object.fromEntries(steps.map((s) => [s.kind, s.status]));
    expect(status.file).toBe('cached');
    expect(status.merge).toBe('remerged');
    expect(store.get().main.view.simulation?.summary).toBeTruthy();
  });

  it('applies build options: MergeOp off lowers --link as a plain copy; target picks the stage', () => {
    const store = createIslandStore({ code: 'FROM alpine AS a\nRUN x\nFROM a AS b\nCOPY --link /a /a\n' });
    expect(kinds(store.get().main).merge).toBe(1);
    store.update({ mergeOp: false }, true);
    expect(kinds(store.get().main).merge).toBe(0);
    store.update({ mergeOp: true, target: 'a' }, true);
    expect(kinds(store.get().main)).toEqual({ source: 1, exec: 1, file: 0, merge: 0 });
    expect(store.get().main.view.stageNames).toEqual(['a', 'b']);
  });

  it('replace() starts over: no stale graph from the previous example', () => {
    const store = createIslandStore({ code: 'FROM alpine\nCOPY /a /a\n' });
    store.replace({ code: 'FROM alpine\nCOPX\n' });
    expect(store.get().main.stale).toBe(false);
    expect(store.get().main.good).toBeUndefined();
  });

  it('two stores never share state', () => {
    const one = createIslandStore({ code: 'FROM alpine\nCOPY /a /a\n' });
    const two = createIslandStore({ code: 'FROM alpine\nCOPY /a /a\n' });
    one.update({ code: 'FROM alpine\nCOPX\n' }, true);
    expect(one.get().main.stale).toBe(true);
    expect(two.get().main.stale).toBe(false);
  });
});

describe('island store while typing without a pause', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('still analyzes at least every half second', () => {
    const store = createIslandStore({ code: 'FROM alpine\n' }, { delayMs: 100 });
    const seen: Snapshot[] = [];
    store.subscribe((s) => seen.push(s));
    for (let i = 0; i < 20; i++) {
      store.update({ code: `FROM alpine\nRUN echo ${i}\n` });
      vi.advanceTimersByTime(60);
    }
    expect(seen.length).toBeGreaterThanOrEqual(2);
    vi.advanceTimersByTime(200);
    expect(seen.at(-1)!.state.code).toContain('echo 19');
  });
});

/**
 * The store with its analysis elsewhere (the worker), faked: each off-thread request waits
 * until the test answers it, so the order of answers, bursts and failures are under control.
 */
describe('island store with an off-thread analysis', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A pane result as the worker sends it: a code containing BAD is a build error. */
  function fakeResult(state: ShareState): AnalysisResult {
    const pane = (code: string) => {
      const error = code.includes('BAD') ? `bad: ${code}` : undefined;
      const view = { counts: { source: 1, exec: code.split('\n').length, file: 0, merge: 0 }, steps: [], findings: [], error } as unknown as AnalysisView;
      return error ? { view } : { view, mermaid: { drawn: `drawn ${code}`, copy: `copy ${code}` } };
    };
    return { main: pane(state.code), compare: state.compare === undefined ? undefined : pane(state.compare) };
  }

  interface Request {
    readonly state: ShareState;
    answer(): Promise<void>;
    fail(): Promise<void>;
  }

  function harness(initial: ShareState) {
    const requests: Request[] = [];
    const onThread = vi.fn(fakeResult);
    const store = createIslandStore(initial, {
      delayMs: 10,
      onThread,
      offThread: (state) =>
        new Promise<AnalysisResult>((resolve, reject) => {
          requests.push({
            state,
            answer: async () => {
              resolve(fakeResult(state));
              await vi.advanceTimersByTimeAsync(0);
            },
            fail: async () => {
              reject(new Error('worker failed'));
              await vi.advanceTimersByTimeAsync(0);
            },
          });
        }),
    });
    const seen: Snapshot[] = [];
    store.subscribe((s) => seen.push(s));
    return { store, requests, seen, onThread };
  }

  it('analyzes the initial state on this thread, at once, and edits off it', async () => {
    const { store, requests, seen, onThread } = harness({ code: 'FROM a' });
    expect(onThread).toHaveBeenCalledTimes(1);
    expect(store.get().thread).toBe('main');
    expect(store.get().main.good?.mermaid.copy).toBe('copy FROM a');
    store.update({ code: 'FROM b' }, true);
    expect(requests.map((r) => r.state.code)).toEqual(['FROM b']);
    expect(seen).toHaveLength(0);
    await requests[0].answer();
    expect(onThread).toHaveBeenCalledTimes(1);
    expect(seen.map((s) => s.state.code)).toEqual(['FROM b']);
    expect(seen.map((s) => s.thread)).toEqual(['worker']);
    expect(store.get().main.good?.mermaid.drawn).toBe('drawn FROM b');
    expect(store.get().seq).toBeGreaterThan(1);
  });

  it('a burst while an analysis is in flight costs one more analysis, of the newest state', async () => {
    const { store, requests, seen } = harness({ code: 'FROM a' });
    store.update({ code: 'FROM a\n1' }, true);
    for (let i = 2; i <= 30; i++) {
      store.update({ code: `FROM a\n${i}` });
      await vi.advanceTimersByTimeAsync(20);
    }
    // Still one request: the first is not answered yet.
    expect(requests).toHaveLength(1);
    await requests[0].answer();
    expect(requests).toHaveLength(2);
    expect(requests[1].state.code).toBe('FROM a\n30');
    await requests[1].answer();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(requests).toHaveLength(2);
    expect(seen.map((s) => s.state.code)).toEqual(['FROM a\n1', 'FROM a\n30']);
    expect(seen[0].seq).toBeLessThan(seen[1].seq);
    expect(store.get().state.code).toBe('FROM a\n30');
  });

  it('with the worker, a keystroke after an answer is analyzed without the base pause', async () => {
    const { store, requests } = harness({ code: 'FROM a' });
    store.update({ code: 'FROM b' }, true);
    await requests[0].answer();
    store.update({ code: 'FROM c' });
    await vi.advanceTimersByTimeAsync(1); // the base pause is 10 ms
    expect(requests.map((r) => r.state.code)).toEqual(['FROM b', 'FROM c']);
  });

  it("pauses before the next analysis in proportion to what showing the last answer cost this thread", async () => {
    const { store, requests } = harness({ code: 'FROM a' });
    // A page whose update takes 30 ms (a long list of steps), on the test's clock.
    store.subscribe(() => vi.advanceTimersByTime(30));
    store.update({ code: 'FROM b' }, true);
    await requests[0].answer();
    store.update({ code: 'FROM c' });
    await vi.advanceTimersByTimeAsync(40);
    expect(requests).toHaveLength(1); // the base pause is 10 ms; this one is at least 60
    await vi.advanceTimersByTimeAsync(400);
    expect(requests.map((r) => r.state.code)).toEqual(['FROM b', 'FROM c']);
  });

  it('drops an answer that predates replace(): no snapshot and no stale graph from the old example', async () => {
    const { store, requests, seen } = harness({ code: 'FROM a' });
    store.update({ code: 'FROM old' }, true);
    store.replace({ code: 'FROM BAD' });
    expect(requests).toHaveLength(1);
    await requests[0].answer();
    expect(seen).toHaveLength(0);
    expect(requests).toHaveLength(2);
    expect(requests[1].state.code).toBe('FROM BAD');
    await requests[1].answer();
    expect(seen.map((s) => s.state.code)).toEqual(['FROM BAD']);
    // The graph of "FROM old" (answered after the replace) must not be kept as the good one.
    expect(store.get().main.good).toBeUndefined();
    expect(store.get().main.stale).toBe(false);
    expect(store.get().main.error).toBe('bad: FROM BAD');
  });

  it('keeps the last good result for the graph when the newest answer has a build error', async () => {
    const { store, requests } = harness({ code: 'FROM a', compare: 'FROM c' });
    store.update({ code: 'FROM BAD' }, true);
    await requests[0].answer();
    const snap = store.get();
    expect(snap.main.error).toBe('bad: FROM BAD');
    expect(snap.main.stale).toBe(true);
    expect(snap.main.good?.mermaid.copy).toBe('copy FROM a');
    expect(snap.compare?.stale).toBe(false);
    store.update({ code: 'FROM d' }, true);
    await requests[1].answer();
    expect(store.get().main.stale).toBe(false);
    expect(store.get().main.good?.mermaid.copy).toBe('copy FROM d');
  });

  it('when the worker fails, analyzes the newest state on this thread and stays there', async () => {
    const { store, requests, seen, onThread } = harness({ code: 'FROM a' });
    store.update({ code: 'FROM b' }, true);
    store.update({ code: 'FROM c' }, true);
    expect(requests).toHaveLength(1);
    await requests[0].fail();
    expect(onThread).toHaveBeenCalledTimes(2);
    expect(seen.map((s) => s.state.code)).toEqual(['FROM c']);
    expect(seen.map((s) => s.thread)).toEqual(['main']);
    store.update({ code: 'FROM d' }, true);
    expect(requests).toHaveLength(1);
    expect(store.get().state.code).toBe('FROM d');
    expect(store.get().main.good?.mermaid.copy).toBe('copy FROM d');
  });

  it('the real main-thread analysis gives the Mermaid text the island draws and copies', () => {
    const store = createIslandStore({ code: 'FROM alpine\nCOPY --link /a /a\n' });
    const good = store.get().main.good!;
    expect(good.mermaid.drawn).toContain('flowchart');
    expect(good.mermaid.copy).toContain('flowchart');
    expect(good.mermaid.copy.length).toBeGreaterThan(good.mermaid.drawn!.length);
  });
});

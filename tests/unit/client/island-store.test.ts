import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIslandStore, type Snapshot } from '../../../src/client/island-store.ts';

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
    const store = createIslandStore({ code: 'FROM alpine\n' }, 40);
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
    const store = createIslandStore({ code: 'FROM alpine\n' }, 100);
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

/** Views several rules share (rules/support/shared.ts): computed once per lint run, never carried to the next. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.ts';
import type { RuleContext } from '../../../src/analyzer/rules/define-rule.ts';
import { shared } from '../../../src/analyzer/rules/support/shared.ts';

const context = (store?: Map<object, unknown>): RuleContext => {
  const { tree, model, build, graph } = analyze('FROM alpine\n');
  return { tree, model, build, graph, ...(store ? { shared: store } : {}) };
};

describe('shared views', () => {
  it('computes a view once per run store, one per key', () => {
    const run = context(new Map());
    const a = {};
    const b = {};
    let calls = 0;
    const first = shared(run, a, () => ({ n: ++calls }));
    expect(shared(run, a, () => ({ n: ++calls }))).toBe(first);
    expect(shared(run, b, () => ({ n: ++calls }))).toEqual({ n: 2 });
    expect(calls).toBe(2);
  });

  it('computes each time without a run store', () => {
    const bare = context();
    const key = {};
    let calls = 0;
    shared(bare, key, () => ++calls);
    shared(bare, key, () => ++calls);
    expect(calls).toBe(2);
  });

  it('gives each analysis its own views', () => {
    // ExposeProtoCasing walks builtCommands, LinkOnScratchNoop evaluatedStages: each file gets its own.
    const first = analyze('FROM alpine\nEXPOSE 80/TCP\n').findings.map((f) => [f.rule, f.span.start]);
    const second = analyze('FROM alpine\nRUN true\nEXPOSE 443/UDP\n').findings.map((f) => [f.rule, f.span.start]);
    const third = analyze('FROM scratch\nCOPY --link a /a\n').findings.map((f) => [f.rule, f.span.start]);
    expect(first).toEqual([['ExposeProtoCasing', 12]]);
    expect(second).toEqual([['ExposeProtoCasing', 21]]);
    expect(third).toEqual([['LinkOnScratchNoop', 18]]);
  });
});

import type { BuildGraph } from '../graph/model.ts';

/** What the cache does with a graph after a change. Owned by `simulate/`. */

export type Change =
  | { readonly kind: 'base'; readonly image: string }
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'arg'; readonly key: string; readonly value: string }
  | { readonly kind: 'line'; readonly line: number };

export type OpStatus = 'cached' | 'rebuilt' | 'remerged';

export interface OpOutcome {
  readonly op: string;
  readonly status: OpStatus;
  /** One line, for people: why this op is cached or re-runs. */
  readonly reason: string;
}

export interface Simulation {
  readonly changes: readonly Change[];
  /**
   * The graph the outcomes refer to: the analysis's own graph, or the re-lowered one when a
   * build argument changed what is built.
   */
  readonly graph: BuildGraph;
  readonly outcomes: readonly OpOutcome[];
  /** One sentence: "3 of 5 steps rebuild; the linked copy is reused". */
  readonly summary: string;
}

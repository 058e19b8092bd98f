/**
 * `layerwise graph --format json`: the build graph as versioned JSON (documented in the README).
 * Version 1; fields are only ever added.
 */
import type { BuildGraph } from '../graph/model.ts';
import type { Simulation } from '../simulate/model.ts';

export const GRAPH_JSON_VERSION = 1;

export interface GraphJson {
  readonly version: 1;
  readonly result: string | null;
  readonly stages: readonly { readonly index: number; readonly name: string; readonly result: string | null }[];
  readonly ops: readonly {
    readonly id: string;
    readonly kind: string;
    readonly inputs: readonly string[];
    readonly name: string;
    readonly role: string;
    readonly stage: number | null;
    readonly lines: { readonly start: number; readonly end: number } | null;
    readonly linked: boolean;
    readonly digest: string;
    readonly details: unknown;
  }[];
  readonly simulation?: Simulation;
}

export function graphJson(graph: BuildGraph, simulation?: Simulation): GraphJson {
  return {
    version: GRAPH_JSON_VERSION,
    result: graph.result ?? null,
    stages: graph.stages.map((s) => ({ index: s.index, name: s.name, result: s.result ?? null })),
    ops: graph.ops.map((op) => ({
      id: op.id,
      kind: op.kind,
      inputs: op.inputs,
      name: op.name,
      role: op.role,
      stage: op.stage ?? null,
      lines: op.startLine !== undefined ? { start: op.startLine, end: op.endLine ?? op.startLine } : null,
      linked: op.linked === true,
      digest: op.digest,
      details: op.details,
    })),
    ...(simulation ? { simulation } : {}),
  };
}

export function renderGraphJson(graph: BuildGraph, simulation?: Simulation): string {
  return JSON.stringify(graphJson(graph, simulation), null, 2) + '\n';
}

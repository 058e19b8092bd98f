/**
 * `layerwise simulate --format json`: the changes, the summary and one outcome per op with
 * its number in the graph's canonical order and its step name (versioned with `version`).
 */
import type { Simulation } from '../simulate/model.ts';

export function renderSimulationJson(simulation: Simulation): string {
  const numbers = new Map(simulation.graph.ops.map((op, i) => [op.id, i] as const));
  return (
    JSON.stringify(
      {
        version: 1,
        changes: simulation.changes,
        summary: simulation.summary,
        outcomes: simulation.outcomes.map((o) => ({ ...o, index: numbers.get(o.op) ?? null, name: simulation.graph.ops[numbers.get(o.op) ?? -1]?.name ?? null })),
      },
      null,
      2,
    ) + '\n'
  );
}

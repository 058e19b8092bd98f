/**
 * `layerwise simulate --format text`: one line per op, in the graph's canonical order
 * (`#N status  step name: reason`; a base image's name is followed by its config's source,
 * `(config: table, 2026-08-19)`), then the summary sentence.
 */
import type { Change, Simulation } from '../simulate/model.ts';

export function formatChange(change: Change): string {
  switch (change.kind) {
    case 'base':
      return `base:${change.image}`;
    case 'file':
      return `file:${change.path}`;
    case 'arg':
      return `arg:${change.key}=${change.value}`;
    case 'line':
      return `line:${change.line}`;
  }
}

export function renderSimulationText(simulation: Simulation): string {
  const byId = new Map(simulation.graph.ops.map((op, i) => [op.id, { op, n: i }] as const));
  const width = String(simulation.graph.ops.length - 1).length + 1;
  const lines = [`changes: ${simulation.changes.map(formatChange).join(' ') || 'none'}`];
  for (const outcome of simulation.outcomes) {
    const entry = byId.get(outcome.op);
    if (!entry) continue;
    const what = entry.op.kind === 'source' && entry.op.role !== 'from' && entry.op.role !== 'image' ? (entry.op.details.identifier ?? entry.op.name) : entry.op.name;
    // A base image says where its config came from, as its drawn node does.
    const config = entry.op.details.imageConfigLine ? ` (${entry.op.details.imageConfigLine})` : '';
    lines.push(`${`#${entry.n}`.padEnd(width)} ${outcome.status.padEnd(8)} ${oneLine(what)}${config}: ${outcome.reason}`);
  }
  lines.push(simulation.summary);
  return lines.join('\n') + '\n';
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 100 ? `${flat.slice(0, 99)}…` : flat;
}

/**
 * The build graph as a Mermaid flowchart: stages as subgraphs, one shape per op kind, step
 * names as labels, classes per op kind and per simulation status, and a legend.
 *
 * Every piece of Dockerfile text goes through `label()`, which keeps only letters, digits and
 * a few inert characters and writes everything else as a Mermaid entity code (`#34;`), inside
 * a quoted label. Mermaid turns those codes into HTML entities, so `"]`, `%%{init}%%`, `click`
 * or `<img onerror>` in a Dockerfile are shown as text, never read as syntax or HTML.
 */
import type { BuildGraph, Op, OpKind } from '../graph/model.ts';
import type { OpStatus, Simulation } from '../simulate/model.ts';

export interface MermaidOptions {
  /** Colour ops by what the cache does with them. */
  readonly simulation?: Simulation;
  /** Longest label, in characters of Dockerfile text (default 60). */
  readonly maxLabel?: number;
  /** Draw the legend (default true). */
  readonly legend?: boolean;
  /** Layout direction (default TB). */
  readonly direction?: 'TB' | 'LR';
}

const SAFE = /[A-Za-z0-9 .,_\-/=+:()]/;

/** Escapes Dockerfile text for a quoted Mermaid label. */
export function label(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  const cut = chars.length > max ? [...chars.slice(0, max - 1), '…'] : chars;
  let out = '';
  for (const ch of cut) out += SAFE.test(ch) ? ch : `#${ch.codePointAt(0)};`;
  return `"${out}"`;
}

const KIND_CLASS: Record<OpKind, string> = { source: 'kindSource', exec: 'kindExec', file: 'kindFile', merge: 'kindMerge' };
const STATUS_CLASS: Record<OpStatus, string> = { cached: 'statusCached', rebuilt: 'statusRebuilt', remerged: 'statusRemerged' };

const CLASS_DEFS = [
  'classDef kindSource fill:#eef4ff,stroke:#3b6fd8,color:#10213f',
  'classDef kindExec fill:#fff6e5,stroke:#c07a00,color:#3a2500',
  'classDef kindFile fill:#eefaf0,stroke:#2f8f46,color:#0f2e17',
  'classDef kindMerge fill:#f5eefc,stroke:#7a3fc0,color:#26103f',
  'classDef statusCached stroke:#2f8f46,stroke-width:3px',
  'classDef statusRebuilt stroke:#c62828,stroke-width:3px,stroke-dasharray:0',
  'classDef statusRemerged stroke:#7a3fc0,stroke-width:3px,stroke-dasharray:5 3',
];

/** The op's node, in the shape of its kind: sources rounded box, exec box, file parallelogram, merge hexagon. */
function node(id: string, kind: OpKind, text: string): string {
  switch (kind) {
    case 'source':
      return `${id}(${text})`;
    case 'exec':
      return `${id}[${text}]`;
    case 'file':
      return `${id}[/${text}/]`;
    case 'merge':
      return `${id}{{${text}}}`;
  }
}

/**
 * What a simulation did to an op, in a node's words. A source is not rebuilt: a base image
 * with a new digest is pulled again (a new base image), a changed context is sent again.
 */
export function statusWords(op: Pick<Op, 'kind' | 'role'>, status: OpStatus): string {
  if (op.kind !== 'source' || status !== 'rebuilt') return status;
  if (op.role === 'from') return 'new base image';
  if (op.role === 'image') return 'new image';
  if (op.role === 'context') return 'files changed';
  return 'changed';
}

function opLabel(op: Op, max: number, status?: OpStatus): string {
  const base = op.kind === 'source' && op.role !== 'from' && op.role !== 'image' ? (op.details.identifier ?? op.name) : op.name;
  return label(status ? `${base} (${statusWords(op, status)})` : base, max);
}

/** A stage's box title: its name as written (`build`), or `stage 1` for one without a name. */
export function stageTitle(index: number, name: string | undefined): string {
  return name === undefined || name === `stage-${index}` ? `stage ${index}` : name;
}

/** The Mermaid node id of an op: stable across renders (`n_op3`). */
export function nodeId(opId: string): string {
  return `n_${opId.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

export function renderMermaid(graph: BuildGraph, options: MermaidOptions = {}): string {
  const max = options.maxLabel ?? 60;
  const statuses = new Map((options.simulation?.outcomes ?? []).map((o) => [o.op, o.status] as const));
  const lines: string[] = [`flowchart ${options.direction ?? 'TB'}`];
  const stageNames = new Map(graph.stages.map((s) => [s.index, s.name] as const));
  const ids = new Set(graph.ops.map((op) => op.id));

  // Ops that belong to a stage are drawn inside its subgraph; shared ones (the context, images
  // reached through COPY --from) outside.
  const byStage = new Map<number, Op[]>();
  const shared: Op[] = [];
  for (const op of graph.ops) {
    if (op.stage === undefined || !stageNames.has(op.stage)) shared.push(op);
    else {
      const list = byStage.get(op.stage);
      if (list) list.push(op);
      else byStage.set(op.stage, [op]);
    }
  }
  for (const op of shared) lines.push(`  ${node(nodeId(op.id), op.kind, opLabel(op, max, statuses.get(op.id)))}`);
  for (const [index, ops] of [...byStage].sort((a, b) => a[0] - b[0])) {
    lines.push(`  subgraph stage_${index}[${label(stageTitle(index, stageNames.get(index)), max)}]`);
    for (const op of ops) lines.push(`    ${node(nodeId(op.id), op.kind, opLabel(op, max, statuses.get(op.id)))}`);
    lines.push('  end');
  }
  for (const op of graph.ops) {
    for (const input of new Set(op.inputs)) {
      if (ids.has(input)) lines.push(`  ${nodeId(input)} --> ${nodeId(op.id)}`);
    }
  }

  if (options.legend !== false && graph.ops.length > 0) {
    lines.push(`  subgraph legend[${label('Legend')}]`);
    lines.push(`    ${node('legend_source', 'source', label('source: image, context, URL, Git'))}`);
    lines.push(`    ${node('legend_exec', 'exec', label('exec: RUN'))}`);
    lines.push(`    ${node('legend_file', 'file', label('file: COPY, ADD, WORKDIR'))}`);
    lines.push(`    ${node('legend_merge', 'merge', label('merge: COPY --link'))}`);
    if (options.simulation) {
      lines.push(`    legend_cached[${label('cached')}]`);
      lines.push(`    legend_rebuilt[${label('rebuilt')}]`);
      lines.push(`    legend_remerged[${label('remerged')}]`);
    }
    // Columns of two or three (invisible links stack them), so the legend stays narrow.
    lines.push('    legend_source ~~~ legend_exec', '    legend_file ~~~ legend_merge');
    if (options.simulation) lines.push('    legend_cached ~~~ legend_rebuilt ~~~ legend_remerged');
    lines.push('  end');
    // Under the graph (an invisible link from its last op), not beside it: a drawing as wide as
    // the graph, not stretched to fit a legend in its corner.
    lines.push(`  ${nodeId(graph.ops[graph.ops.length - 1].id)} ~~~ legend`);
  }

  lines.push(...CLASS_DEFS.map((d) => `  ${d}`));
  for (const kind of ['source', 'exec', 'file', 'merge'] as const) {
    const members = graph.ops.filter((op) => op.kind === kind).map((op) => nodeId(op.id));
    if (options.legend !== false && graph.ops.length > 0) members.push(`legend_${kind}`);
    if (members.length) lines.push(`  class ${members.join(',')} ${KIND_CLASS[kind]}`);
  }
  if (options.simulation) {
    for (const status of ['cached', 'rebuilt', 'remerged'] as const) {
      const members = graph.ops.filter((op) => statuses.get(op.id) === status).map((op) => nodeId(op.id));
      if (options.legend !== false && graph.ops.length > 0) members.push(`legend_${status}`);
      if (members.length) lines.push(`  class ${members.join(',')} ${STATUS_CLASS[status]}`);
    }
  }
  if (graph.ops.length === 0) lines.push(`  empty[${label('empty build: no ops (FROM scratch with no filesystem change)')}]`);
  return lines.join('\n') + '\n';
}

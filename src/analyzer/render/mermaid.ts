/**
 * The build graph as a Mermaid flowchart: stages as subgraphs, one shape per op kind, step
 * names as labels, classes per op kind and per simulation status, and a legend.
 *
 * Every piece of Dockerfile text goes through `label()`, which keeps only letters, digits and
 * a few inert characters and writes everything else as a Mermaid entity code (`#34;`), inside
 * a quoted label. Mermaid turns those codes into HTML entities, so `"]`, `%%{init}%%`, `click`
 * or `<img onerror>` in a Dockerfile are shown as text, never read as syntax or HTML. The one
 * escape the renderer writes itself is `\n` (Mermaid's line break in a label), between the lines
 * of a base image's node: Dockerfile text cannot make one, as its backslashes become `#92;`.
 */
import type { BuildGraph, Op, OpKind } from '../graph/model.ts';
import type { OpStatus, Simulation } from '../simulate/model.ts';

export interface MermaidOptions {
  /** Colour ops by what the cache does with them. */
  readonly simulation?: Pick<Simulation, 'outcomes'>;
  /** Longest label, in characters of Dockerfile text (default 60). */
  readonly maxLabel?: number;
  /** Draw the legend (default true). */
  readonly legend?: boolean;
  /** Layout direction (default TB). */
  readonly direction?: 'TB' | 'LR';
  /** Stages (by index) drawn as one node each, with their op counts and statuses: a big graph's overview. */
  readonly collapsed?: ReadonlySet<number>;
  /** Hyphens as non-breaking hyphens, so a drawn label never wraps inside `--link` or `-o`. */
  readonly nonBreaking?: boolean;
}

const SAFE = /[A-Za-z0-9 .,_\-/=+:()]/;

/**
 * `text` in at most `max` characters, cut in the middle (at spaces when there are some near):
 * the step number at the start and the end of the command (often the file or target that
 * tells steps apart) both stay.
 */
export function shorten(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  if (chars.length <= max) return chars.join('');
  const keep = Math.max(2, max - 1);
  // Keep the `[stage 2/5] RUN` prefix whole when there is room for it.
  const prefix = /^\[[^\]]*\]\s*\S+/.exec(chars.join(''))?.[0].length ?? 0;
  let head = Math.min(keep - 1, Math.max(Math.ceil(keep / 2), prefix));
  let tail = chars.length - (keep - head);
  // Cut at spaces near the cut, so that no flag or path is left in pieces (`COPY…k`).
  for (let i = head; i > Math.max(prefix, head - 12); i--) {
    if (chars[i - 1] === ' ') {
      head = i;
      break;
    }
  }
  for (let i = tail; i < Math.min(chars.length - 4, tail + 12); i++) {
    if (chars[i] === ' ') {
      tail = i;
      break;
    }
  }
  return [...chars.slice(0, head), '…', ...chars.slice(tail)].join('');
}

/** Escapes Dockerfile text for a quoted Mermaid label. */
export function label(text: string, max = 60, nonBreaking = false): string {
  return `"${escapeText(text, max, nonBreaking)}"`;
}

/** A label's body: safe characters as they are, every other one as an entity code; no line breaks. */
function escapeText(text: string, max: number, nonBreaking: boolean): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(nonBreaking ? flat.replace(/-/g, '\u2011') : flat);
  const cut = chars.length > max ? [...chars.slice(0, max - 1), '…'] : chars;
  let out = '';
  for (const ch of cut) out += SAFE.test(ch) ? ch : `#${ch.codePointAt(0)};`;
  return out;
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
  'classDef kindStage fill:#f3f4f6,stroke:#4b5563,color:#111827',
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

/**
 * The op's label: its name shortened in the middle, then its status, which is never cut; a base
 * image's node has a second line, never cut either, saying where its config came from.
 */
function opLabel(op: Op, max: number, status: OpStatus | undefined, nonBreaking: boolean): string {
  const base = op.kind === 'source' && op.role !== 'from' && op.role !== 'image' ? (op.details.identifier ?? op.name) : op.name;
  const text = shorten(base, max);
  const first = escapeText(status ? `${text} (${statusWords(op, status)})` : text, Infinity, nonBreaking);
  const config = op.details.imageConfigLine;
  return `"${first}${config ? `\\n${escapeText(config, Infinity, nonBreaking)}` : ''}"`;
}

/** A stage's box title: its name as written (`build`), or `stage 1` for one without a name. */
export function stageTitle(index: number, name: string | undefined): string {
  return name === undefined || name === `stage-${index}` ? `stage ${index}` : name;
}

/** The node id of a stage drawn as one node (the same id as its subgraph when expanded). */
export const stageNodeId = (index: number) => `stage_${index}`;

/** A collapsed stage's label: its title, how many ops of each kind, and what the simulation does to them. */
function stageLabel(title: string, ops: readonly Op[], statuses: ReadonlyMap<string, OpStatus>, nonBreaking: boolean): string {
  const kinds = (['source', 'exec', 'file', 'merge'] as const).flatMap((k) => {
    const n = ops.filter((op) => op.kind === k).length;
    return n ? [`${n} ${k}`] : [];
  });
  const parts = [title, `${ops.length} op${ops.length === 1 ? '' : 's'}: ${kinds.join(', ')}`];
  const outcome = (['rebuilt', 'remerged', 'cached'] as const).flatMap((st) => {
    const n = ops.filter((op) => statuses.get(op.id) === st).length;
    return n ? [`${n} ${st}`] : [];
  });
  if (outcome.length) parts.push(outcome.join(', '));
  return label(parts.join(' · '), Infinity, nonBreaking);
}

/** What the simulation does to a collapsed stage as a whole: the strongest status of its ops. */
function stageStatus(ops: readonly Op[], statuses: ReadonlyMap<string, OpStatus>): OpStatus | undefined {
  const all = ops.map((op) => statuses.get(op.id));
  if (all.includes('rebuilt')) return 'rebuilt';
  if (all.includes('remerged')) return 'remerged';
  return all.length > 0 && all.every((s) => s === 'cached') ? 'cached' : undefined;
}

/** The Mermaid node id of an op: stable across renders (`n_op3`). */
export function nodeId(opId: string): string {
  return `n_${opId.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

export function renderMermaid(graph: BuildGraph, options: MermaidOptions = {}): string {
  const max = options.maxLabel ?? 60;
  const nb = options.nonBreaking ?? false;
  const collapsed = options.collapsed ?? new Set<number>();
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
  for (const op of shared) lines.push(`  ${node(nodeId(op.id), op.kind, opLabel(op, max, statuses.get(op.id), nb))}`);
  const stageClasses: [string, OpStatus | undefined][] = [];
  for (const [index, ops] of [...byStage].sort((a, b) => a[0] - b[0])) {
    const title = stageTitle(index, stageNames.get(index));
    if (collapsed.has(index)) {
      // A node among nodes says it is a stage: `stage build`, or `stage 1` for one without a name.
      const heading = title === `stage ${index}` ? title : `stage ${title}`;
      lines.push(`  ${stageNodeId(index)}[[${stageLabel(heading, ops, statuses, nb)}]]`);
      stageClasses.push([stageNodeId(index), stageStatus(ops, statuses)]);
      continue;
    }
    lines.push(`  subgraph ${stageNodeId(index)}[${label(title, max, nb)}]`);
    // Mermaid lays out a subgraph without outside edges across (LR) unless told: steps read downwards.
    lines.push('    direction TB');
    for (const op of ops) lines.push(`    ${node(nodeId(op.id), op.kind, opLabel(op, max, statuses.get(op.id), nb))}`);
    lines.push('  end');
  }
  // An op of a collapsed stage is drawn as its stage: edges inside it vanish, edges to it meet once.
  const endpoint = (op: Op) => (op.stage !== undefined && collapsed.has(op.stage) && stageNames.has(op.stage) ? stageNodeId(op.stage) : nodeId(op.id));
  const byId = new Map(graph.ops.map((op) => [op.id, op] as const));
  const edges = new Set<string>();
  for (const op of graph.ops) {
    for (const input of new Set(op.inputs)) {
      const from = byId.get(input);
      if (!from || !ids.has(input)) continue;
      const a = endpoint(from);
      const b = endpoint(op);
      const edge = `  ${a} --> ${b}`;
      if (a !== b && !edges.has(edge)) {
        edges.add(edge);
        lines.push(edge);
      }
    }
  }

  if (options.legend !== false && graph.ops.length > 0) {
    lines.push(`  subgraph legend[${label('Legend', max, nb)}]`);
    lines.push(`    ${node('legend_source', 'source', label('source: image, context, URL, Git', max, nb))}`);
    lines.push(`    ${node('legend_exec', 'exec', label('exec: RUN', max, nb))}`);
    lines.push(`    ${node('legend_file', 'file', label('file: COPY, ADD, WORKDIR', max, nb))}`);
    lines.push(`    ${node('legend_merge', 'merge', label('merge: COPY --link', max, nb))}`);
    if (options.simulation) {
      lines.push(`    legend_cached[${label('cached', max, nb)}]`);
      lines.push(`    legend_rebuilt[${label('rebuilt', max, nb)}]`);
      lines.push(`    legend_remerged[${label('remerged', max, nb)}]`);
    }
    // Columns of two or three (invisible links stack them), so the legend stays narrow.
    lines.push('    legend_source ~~~ legend_exec', '    legend_file ~~~ legend_merge');
    if (options.simulation) lines.push('    legend_cached ~~~ legend_rebuilt ~~~ legend_remerged');
    lines.push('  end');
    // Under the graph (an invisible link from its last op), not beside it: a drawing as wide as
    // the graph, not stretched to fit a legend in its corner.
    lines.push(`  ${endpoint(graph.ops[graph.ops.length - 1])} ~~~ legend`);
  }

  lines.push(...CLASS_DEFS.map((d) => `  ${d}`));
  const drawn = (op: Op) => endpoint(op) === nodeId(op.id);
  for (const kind of ['source', 'exec', 'file', 'merge'] as const) {
    const members = graph.ops.filter((op) => op.kind === kind && drawn(op)).map((op) => nodeId(op.id));
    if (options.legend !== false && graph.ops.length > 0) members.push(`legend_${kind}`);
    if (members.length) lines.push(`  class ${members.join(',')} ${KIND_CLASS[kind]}`);
  }
  // Before the status classes, whose stroke must win.
  if (stageClasses.length) lines.push(`  class ${stageClasses.map(([id]) => id).join(',')} kindStage`);
  if (options.simulation) {
    for (const status of ['cached', 'rebuilt', 'remerged'] as const) {
      const members = graph.ops.filter((op) => statuses.get(op.id) === status && drawn(op)).map((op) => nodeId(op.id));
      members.push(...stageClasses.filter(([, s]) => s === status).map(([id]) => id));
      if (options.legend !== false && graph.ops.length > 0) members.push(`legend_${status}`);
      if (members.length) lines.push(`  class ${members.join(',')} ${STATUS_CLASS[status]}`);
    }
  }
  if (graph.ops.length === 0) lines.push(`  empty[${label('empty build: no ops (FROM scratch with no filesystem change)')}]`);
  return lines.join('\n') + '\n';
}

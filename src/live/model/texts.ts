/**
 * The sentences an island shows, built in one place: the Astro components render the first
 * ones into the page and the island rewrites them after each analysis, so both read the same.
 */
import type { OpKind } from '../../analyzer/graph/model.ts';
import { nodeId } from '../../analyzer/render/mermaid.ts';
import type { StepView } from './view-model.ts';

type Counts = Readonly<Record<OpKind, number>>;

/** What Tab does in the editor, shown under the toolbar while editing (Ctrl+M toggles it). */
export const editorHint = (tabMovesFocus: boolean) =>
  tabMovesFocus
    ? 'In the editor, Tab moves the focus on; Ctrl+M makes Tab indent.'
    : 'In the editor, Tab indents; Escape leaves the editor and Ctrl+M makes Tab move the focus.';

/** A graph node's accessible name: what it is, its step, what a simulated change did to it and where a base image's config came from. */
export const nodeName = (s: StepView) => `${s.kind} op: ${s.name}${s.statusText ? `, ${s.statusText}` : ''}${s.config ? `; ${configText(s.config)}` : ''}`;

/** A node's tooltip: its whole step name and status, and for a base image where its config came from. */
export const nodeTitle = (s: StepView) => `${s.name}${s.status ? ` (${s.statusText ?? s.status})` : ''}${s.config ? `\n${configText(s.config)}` : ''}`;

/** Where a base image's config came from, in the steps list, the node's name and its tooltip. */
export const configText = (config: string) => `image config: ${config}`;

/** Accessible names of a graph's nodes by Mermaid node id, for the build's drawing (the island names its own). */
export const nodeNames = (steps: readonly StepView[]): Record<string, string> => Object.fromEntries(steps.map((s) => [nodeId(s.id), nodeName(s)]));

/** "2 sources, 1 file op, 0 exec ops, 1 merge op". */
export function countsText(counts: Counts): string {
  const part = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return [
    part(counts.source, 'source', 'sources'),
    part(counts.file, 'file op', 'file ops'),
    part(counts.exec, 'exec op', 'exec ops'),
    part(counts.merge, 'merge op', 'merge ops'),
  ].join(', ');
}

/** One sentence saying how the compare Dockerfile's graph differs. */
export function compareText(a: Counts, b: Counts): string {
  const diffs: string[] = [];
  for (const kind of ['source', 'file', 'exec', 'merge'] as const) {
    const d = b[kind] - a[kind];
    if (d !== 0) diffs.push(`${d > 0 ? '+' : '−'}${Math.abs(d)} ${kind}`);
  }
  const total = (c: Counts) => c.source + c.file + c.exec + c.merge;
  return diffs.length === 0
    ? `Both graphs have ${total(a)} ops of the same kinds.`
    : `The second graph has ${total(b)} ops against ${total(a)}: ${diffs.join(', ')}.`;
}

/** A pane's op counts under its caption (a compare pane without one is "Compare"). */
export interface PaneCounts {
  readonly label?: string;
  readonly counts: Counts;
}

/** The line under the panes: the op counts, and with a second pane both and how they differ. */
export function summaryText(main: PaneCounts, compare?: PaneCounts, stale = false): string {
  const text = !compare
    ? `${countsText(main.counts)}.`
    : `${main.label}: ${countsText(main.counts)}. ${compare.label ?? 'Compare'}: ${countsText(compare.counts)}. ${compareText(main.counts, compare.counts)}`;
  return stale ? `Out of date while BuildKit would refuse the file (counts of the last graph without errors): ${text}` : text;
}

/** Why a pane shows no graph: BuildKit's first error. */
export const refusedText = (error: string) => `BuildKit would refuse this file: ${error}`;

export const tooManyOpsText = (ops: number) =>
  `This graph has ${ops} ops, too many to draw legibly; the list of build steps below has them all.`;

/** The lines of the Dockerfile a step comes from: "line 3", "lines 3–5", or nothing. */
export function stepLines(s: StepView): string {
  if (s.startLine === undefined) return '';
  return s.endLine && s.endLine !== s.startLine ? `lines ${s.startLine}–${s.endLine}` : `line ${s.startLine}`;
}

/** The options of the "what rebuilds if…" selects and the target select. */
export const optionText = {
  base: (image: string) => `${image} gets a new digest`,
  file: (path: string) => `${path} changes`,
  target: (stage: string) => stage,
} as const;

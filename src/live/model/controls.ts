/**
 * The island's controls as plain values: what the selects offer for a set of analyses, and
 * the state's fields written as the controls show them and read back.
 */
import type { SimControl } from './selectors.ts';
import type { AnalysisView } from './view-model.ts';

/** Every choice the panes' analyses offer, each once (a compare pane adds its own). */
export function controlChoices(views: readonly AnalysisView[]): { baseImages: string[]; copiedPaths: string[]; stageNames: string[] } {
  const union = (pick: (v: AnalysisView) => readonly string[]) => [...new Set(views.flatMap(pick))];
  return { baseImages: union((v) => v.baseImages), copiedPaths: union((v) => v.copiedPaths), stageNames: union((v) => v.stageNames) };
}

/** The value a simulation control shows for the state's changes (`base:alpine` → `alpine`), or ''. */
export const changeValue = (simulate: readonly string[] | undefined, kind: SimControl) =>
  (simulate ?? []).find((c) => c.startsWith(`${kind}:`))?.slice(kind.length + 1) ?? '';

/**
 * The changes the simulation controls ask for, in the CLI's syntax; `kept` are the state's
 * changes, of which those the controls cannot show (edited lines) stay.
 */
export function changesFrom(values: Readonly<Record<SimControl, string>>, kept: readonly string[] | undefined): string[] {
  const out: string[] = [];
  if (values.base) out.push(`base:${values.base}`);
  if (values.file) out.push(`file:${values.file}`);
  const arg = values.arg.trim();
  if (/^[^=\s]+=/.test(arg)) out.push(`arg:${arg}`);
  out.push(...(kept ?? []).filter((c) => c.startsWith('line:')));
  return out;
}

/** Build arguments as the text box shows them: `KEY=VALUE`, one a line. */
export const buildArgsText = (args: Readonly<Record<string, string>> | undefined) =>
  Object.entries(args ?? {}).map(([k, v]) => `${k}=${v}`).join('\n');

export function parseBuildArgs(text: string): Record<string, string> {
  const args: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^\s*([^=\s]+)=(.*)$/.exec(line);
    if (m) args[m[1]] = m[2];
  }
  return args;
}

/**
 * What is wrong with build arguments as typed (`KEY=VALUE`, one a line), in the words BuildKit
 * uses for an argument no ARG declares (its UndefinedArg checks say "is not declared"): a
 * line without `=`, and a name this Dockerfile never declares. `declared` are the ARG names
 * of the Dockerfile; empty when all is well.
 */
export function buildArgProblems(text: string, declared: readonly string[]): string[] {
  const problems: string[] = [];
  const known = new Set(declared);
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const m = /^\s*([^=\s]+)=/.exec(line);
    if (!m) problems.push(`${lines.length > 1 ? `Line ${i + 1}: ` : ''}"${line.trim()}" is not KEY=VALUE.`);
    else if (!known.has(m[1])) problems.push(`Build argument '${m[1]}' is not declared in this Dockerfile (no ARG ${m[1]}): the build does not use it.`);
  });
  return problems;
}

/**
 * A refusal, with numbers, for the shapes of input whose cost is not linear in their size,
 * because BuildKit's model itself repeats state in every op:
 * - every RUN step's exec op carries the whole environment it runs with. Steps that follow one
 *   another without an ENV or ARG between them share one environment list, so 37k ENV lines
 *   followed by 75k RUN lines build one list of 37k entries; but ENV and RUN alternating builds
 *   a new, longer list for every RUN, and their total grows with the square of the file;
 * - every op carries its working directory, and relative WORKDIRs nest: 20k `WORKDIR d` lines
 *   make paths 20k segments long, and one of them in every following op.
 * Both totals are counted from the syntax tree (upper bounds: a stage starts from its parent
 * stage's state) and what would not fit comfortably in a 1 GB heap is refused.
 */
import type { BuildGraph } from '../analyzer/graph/model.ts';
import { parse } from '../analyzer/parse/parse.ts';

/** Environment entries materialised across all RUN steps. */
export const MAX_ENV_ENTRIES = 20_000_000;

/** Characters of working-directory paths across all ops. */
export const MAX_WORKDIR_CHARS = 100_000_000;

/** Below this size no file can reach the limit (each line is at least a few bytes). */
const SMALL = 32 * 1024;

export function tooLarge(source: string): string | undefined {
  if (source.length < SMALL) return undefined;
  const byStage = new Map<string, { env: number; workdir: number }>();
  let env = 0;
  let workdir = 1;
  let workdirChars = 0;
  let workdirs = 0;
  let changed = true;
  let total = 0;
  let lists = 0;
  let stage: string | undefined;
  for (const node of parse(source).instructions) {
    switch (node.command) {
      case 'from': {
        if (stage !== undefined) byStage.set(stage, { env, workdir });
        const parent = byStage.get((node.args[0]?.value ?? '').toLowerCase());
        env = parent?.env ?? 0;
        workdir = parent?.workdir ?? 1;
        stage = node.args.length >= 3 && node.args[1].value.toLowerCase() === 'as' ? node.args[2].value.toLowerCase() : undefined;
        changed = true;
        break;
      }
      case 'workdir': {
        const path = node.args[0]?.value ?? '';
        workdir = path.startsWith('/') ? path.length : workdir + 1 + path.length;
        workdirs++;
        workdirChars += workdir;
        break;
      }
      case 'copy':
      case 'add':
        workdirChars += workdir;
        break;
      case 'env':
        env += Math.max(1, Math.floor(node.args.length / 3));
        changed = true;
        break;
      case 'arg':
        env += node.args.length;
        changed = true;
        break;
      case 'run':
        workdirChars += workdir;
        if (changed) {
          total += env;
          lists++;
          changed = false;
        }
        break;
    }
  }
  if (workdirChars > MAX_WORKDIR_CHARS) {
    return (
      `its ${workdirs} WORKDIR lines nest working directories so deep that the steps' paths add up to ` +
      `${workdirChars} characters (over the limit of ${MAX_WORKDIR_CHARS}); use absolute WORKDIR paths`
    );
  }
  if (total <= MAX_ENV_ENTRIES) return undefined;
  return (
    `its ENV/ARG and RUN lines alternate so that ${lists} RUN steps each need a new environment list ` +
    `(${total} entries in all, over the limit of ${MAX_ENV_ENTRIES}); group the ENV lines before the RUN lines`
  );
}

/** Environment entries `graph --format json` may print (each exec op lists its whole environment). */
export const MAX_JSON_ENV_ENTRIES = 5_000_000;

/** Why the graph's JSON would be too large to print, when it would. */
export function graphJsonTooLarge(graph: BuildGraph): string | undefined {
  let entries = 0;
  let execs = 0;
  for (const op of graph.ops) {
    if (op.kind !== 'exec') continue;
    execs++;
    entries += op.details.env?.length ?? 0;
  }
  if (entries <= MAX_JSON_ENV_ENTRIES) return undefined;
  return `its ${execs} RUN steps would print ${entries} environment entries in all (over the limit of ${MAX_JSON_ENV_ENTRIES}); use --format shape or mermaid`;
}

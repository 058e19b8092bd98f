/**
 * A refusal, with numbers, for the one shape of input whose cost is not linear in its size:
 * every RUN step's exec op carries the whole environment it runs with, as in BuildKit. Steps
 * that follow one another without an ENV or ARG between them share one environment list, so
 * 37k ENV lines followed by 75k RUN lines build one list of 37k entries; but ENV and RUN
 * alternating builds a new, longer list for every RUN, and their total grows with the square
 * of the file. This counts that total from the syntax tree (an upper bound: a stage starts
 * from its parent stage's count) and refuses what would not fit comfortably in a 1 GB heap.
 */
import { parse } from '../analyzer/parse/parse.ts';

/** Environment entries materialised across all RUN steps. */
export const MAX_ENV_ENTRIES = 20_000_000;

/** Below this size no file can reach the limit (each line is at least a few bytes). */
const SMALL = 32 * 1024;

export function tooLarge(source: string): string | undefined {
  if (source.length < SMALL) return undefined;
  const byStage = new Map<string, number>();
  let env = 0;
  let changed = true;
  let total = 0;
  let lists = 0;
  let stage: string | undefined;
  for (const node of parse(source).instructions) {
    switch (node.command) {
      case 'from':
        if (stage !== undefined) byStage.set(stage, env);
        env = byStage.get((node.args[0]?.value ?? '').toLowerCase()) ?? 0;
        stage = node.args.length >= 3 && node.args[1].value.toLowerCase() === 'as' ? node.args[2].value.toLowerCase() : undefined;
        changed = true;
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
        if (changed) {
          total += env;
          lists++;
          changed = false;
        }
        break;
    }
  }
  if (total <= MAX_ENV_ENTRIES) return undefined;
  return (
    `its ENV/ARG and RUN lines alternate so that ${lists} RUN steps each need a new environment list ` +
    `(${total} entries in all, over the limit of ${MAX_ENV_ENTRIES}); group the ENV lines before the RUN lines`
  );
}

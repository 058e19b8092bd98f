/**
 * A refusal, with numbers, for the one shape of input whose cost is not linear in its size:
 * the analyzer gives every RUN step the whole environment it runs with (as BuildKit's exec ops
 * carry it), so ENV count × RUN count entries are built and hashed. 37k ENV lines followed by
 * 75k RUN lines would need billions; real Dockerfiles need thousands. The count is an upper
 * bound read from the syntax tree (a stage starts from its parent stage's count).
 *
 * The analyzer itself could share one environment list between consecutive exec ops (and hash
 * it once); until it does, the CLI stops early instead of running out of memory.
 */
import { parse } from '../analyzer/parse/parse.ts';

/** Environment entries across all RUN steps that fit comfortably in a 1 GB heap. */
export const MAX_ENV_ENTRIES = 20_000_000;

/** Below this size no file can reach the limit (each line is at least a few bytes). */
const SMALL = 32 * 1024;

export function tooLarge(source: string): string | undefined {
  if (source.length < SMALL) return undefined;
  const byStage = new Map<string, number>();
  let env = 0;
  let total = 0;
  let runs = 0;
  let maxEnv = 0;
  let stage: string | undefined;
  for (const node of parse(source).instructions) {
    switch (node.command) {
      case 'from':
        if (stage !== undefined) byStage.set(stage, env);
        env = byStage.get((node.args[0]?.value ?? '').toLowerCase()) ?? 0;
        stage = node.args.length >= 3 && node.args[1].value.toLowerCase() === 'as' ? node.args[2].value.toLowerCase() : undefined;
        break;
      case 'env':
        env += Math.max(1, Math.floor(node.args.length / 3));
        break;
      case 'arg':
        env += node.args.length;
        break;
      case 'run':
        runs++;
        total += env;
        if (env > maxEnv) maxEnv = env;
        break;
    }
  }
  if (total <= MAX_ENV_ENTRIES) return undefined;
  return (
    `its ${runs} RUN steps would carry up to ${maxEnv} environment variables each ` +
    `(${total} entries in all, over the limit of ${MAX_ENV_ENTRIES})`
  );
}

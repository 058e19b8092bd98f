/** The global scope FROM lines are expanded in (buildkit-model.md §3.3), as rules need it. */
import { addGlobalArgs, builtinArgs } from '../../instructions/global-scope.ts';
import type { RuleContext } from '../define-rule.ts';

/** Names of BuildKit's built-in platform args, in BuildKit's order. */
export const BUILTIN_ARG_NAMES: readonly string[] = [...builtinArgs('', {}).keys()];

/** Names of declared global ARGs, in declaration order. */
export function declaredGlobalArgs(context: RuleContext): string[] {
  return context.model.globalArgs.flatMap((command) => command.args.map((arg) => arg.name.value));
}

/**
 * The global scope as evaluation builds it (the same code), for any stage, reachable or not.
 * With `defaultsOnly`, build args are ignored for declared ARGs (InvalidDefaultArgInFrom's
 * "defaults only" view); the built-ins keep their overrides either way.
 */
export function globalScope(context: RuleContext, defaultsOnly: boolean): Map<string, string> {
  const buildArgs = context.options?.buildArgs ?? {};
  const stages = context.model.stages;
  const scope = builtinArgs(context.options?.target ?? stages[stages.length - 1]?.name ?? '', buildArgs);
  // Errors in a default are evaluation's to report; here the value is only read.
  addGlobalArgs(scope, context.model.globalArgs, defaultsOnly ? {} : buildArgs, context.tree.escape, () => {});
  return scope;
}

/** Names in the global scope FROM lines are expanded in (buildkit-model.md §3.3); evaluation has the values. */
import { builtinArgs } from '../../instructions/global-scope.ts';
import type { RuleContext } from '../define-rule.ts';

/** Names of BuildKit's built-in platform args, in BuildKit's order. */
export const BUILTIN_ARG_NAMES: readonly string[] = [...builtinArgs('', {}).keys()];

/** Names of declared global ARGs, in declaration order. */
export function declaredGlobalArgs(context: RuleContext): string[] {
  return context.model.globalArgs.flatMap((command) => command.args.map((arg) => arg.name.value));
}

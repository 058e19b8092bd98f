/** The global scope FROM lines are expanded in (buildkit-model.md §3.3). */
import { expandWord } from '../../instructions/expand.ts';
import type { RuleContext } from '../define-rule.ts';

/** Built-in platform args, always defined in the global scope, with a linux/amd64 builder's values. */
export const BUILTIN_ARGS: readonly (readonly [string, string])[] = [
  ['BUILDPLATFORM', 'linux/amd64'],
  ['BUILDOS', 'linux'],
  ['BUILDOSVERSION', ''],
  ['BUILDARCH', 'amd64'],
  ['BUILDVARIANT', ''],
  ['TARGETPLATFORM', 'linux/amd64'],
  ['TARGETOS', 'linux'],
  ['TARGETOSVERSION', ''],
  ['TARGETARCH', 'amd64'],
  ['TARGETVARIANT', ''],
  ['TARGETSTAGE', 'default'],
];

/** Names of declared global ARGs, in declaration order. */
export function declaredGlobalArgs(context: RuleContext): string[] {
  return context.model.globalArgs.flatMap((command) => command.args.map((arg) => arg.name.value));
}

/**
 * The global scope as BuildKit builds it: built-ins (build-arg overrides apply to them), then each
 * declared global ARG with its build-arg value or its expanded default. With `defaultsOnly`,
 * build args are ignored for declared ARGs (InvalidDefaultArgInFrom's "defaults only" view).
 */
export function globalScope(context: RuleContext, defaultsOnly: boolean): Map<string, string> {
  const buildArgs = context.options?.buildArgs ?? {};
  const env = new Map<string, string>();
  const lastStage = context.model.stages[context.model.stages.length - 1];
  for (const [name, value] of BUILTIN_ARGS) {
    const fallback = name === 'TARGETSTAGE' ? (context.options?.target ?? lastStage?.name ?? 'default') : value;
    env.set(name, Object.hasOwn(buildArgs, name) ? buildArgs[name] : fallback);
  }
  for (const command of context.model.globalArgs) {
    for (const arg of command.args) {
      const name = arg.name.value;
      if (!defaultsOnly && Object.hasOwn(buildArgs, name)) {
        env.set(name, buildArgs[name]);
      } else if (arg.defaultValue) {
        const expanded = expandWord(arg.defaultValue.value, env, context.tree.escape);
        if (expanded.error === undefined) env.set(name, expanded.value);
      }
    }
  }
  return env;
}

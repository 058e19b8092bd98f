/**
 * The global scope of a build (§3.3): BuildKit's built-in platform args, then the ARGs before
 * the first FROM, in order, with `--build-arg` overrides. It is what FROM lines expand against.
 */
import type { Span } from '../core/span.ts';
import { expandWord } from '../shell/expand.ts';
import type { ArgCommand } from './model.ts';

/** The platform the analyzer models, for both build and target (no registry, no emulation). */
export const BUILD_PLATFORM = { os: 'linux', arch: 'amd64', variant: '' } as const;

/** Built-in args; `target` is the requested target, else the last stage's name. */
export function builtinArgs(target: string, overrides: Readonly<Record<string, string>>): Map<string, string> {
  const p = BUILD_PLATFORM;
  const platform = `${p.os}/${p.arch}${p.variant !== '' ? `/${p.variant}` : ''}`;
  const values: [string, string][] = [
    ['BUILDPLATFORM', platform],
    ['BUILDOS', p.os],
    ['BUILDOSVERSION', ''],
    ['BUILDARCH', p.arch],
    ['BUILDVARIANT', p.variant],
    ['TARGETPLATFORM', platform],
    ['TARGETOS', p.os],
    ['TARGETOSVERSION', ''],
    ['TARGETARCH', p.arch],
    ['TARGETVARIANT', p.variant],
    ['TARGETSTAGE', target === '' ? 'default' : target],
  ];
  return new Map(values.map(([k, v]) => [k, Object.hasOwn(overrides, k) ? overrides[k] : v]));
}

/**
 * Adds the global ARGs to `scope`: a build arg wins verbatim; else the default, expanded with
 * what is defined so far; a declaration with neither stays unset.
 */
export function addGlobalArgs(
  scope: Map<string, string>,
  args: readonly ArgCommand[],
  buildArgs: Readonly<Record<string, string>>,
  escape: '\\' | '`',
  report: (message: string, at: Span) => void,
): void {
  for (const arg of args) {
    for (const decl of arg.args) {
      const key = decl.name.value;
      let value: string | undefined;
      if (Object.hasOwn(buildArgs, key)) value = buildArgs[key];
      else if (decl.defaultValue !== undefined) {
        const r = expandWord(decl.defaultValue.value, scope, escape);
        if (r.error !== undefined) report(r.error, arg.node.span);
        value = r.value;
      }
      if (value !== undefined) {
        scope.delete(key);
        scope.set(key, value);
      }
    }
  }
}

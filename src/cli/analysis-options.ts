import { UsageError } from './io.ts';

/** The options every analysing command takes (`graph`, `simulate`, `lint`), parsed in one place. */
export const ANALYSIS_OPTIONS = { target: 'string', 'build-arg': 'repeat', 'no-merge-op': 'boolean' } as const;

export interface AnalysisFlags {
  readonly target?: string;
  readonly buildArgs: Record<string, string>;
  readonly mergeOp: boolean;
}

/** `--target`, `--build-arg KEY=VALUE`… and `--no-merge-op` as analysis options; an empty target is a usage error. */
export function analysisOptions(options: Readonly<Record<string, string | boolean | string[]>>): AnalysisFlags {
  const target = options.target as string | undefined;
  if (target === '') throw new UsageError('--target needs a stage name');
  return {
    ...(target !== undefined ? { target } : {}),
    buildArgs: buildArgs(options['build-arg'] as string[] | undefined),
    mergeOp: options['no-merge-op'] !== true,
  };
}

/** `KEY=VALUE` pairs of repeated `--build-arg` options. */
export function buildArgs(values: readonly string[] | undefined): Record<string, string> {
  const entries = (values ?? []).map((pair) => {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--build-arg needs KEY=VALUE, got ${JSON.stringify(pair)}`);
    return [pair.slice(0, eq), pair.slice(eq + 1)] as const;
  });
  // Own properties only, so a name such as `__proto__` is a build arg like any other.
  return Object.fromEntries(entries);
}

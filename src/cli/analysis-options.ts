import type { OptionSpec, OptionValues } from './args.ts';
import type { Config } from './config/schema.ts';
import { UsageError } from './io.ts';

/** The options every analysing command takes (`graph`, `simulate`, `lint`), parsed in one place. */
export const ANALYSIS_OPTIONS = {
  target: { kind: 'string', value: 'STAGE', help: 'The stage to build.', default: 'the last stage', example: '--target prod' },
  'build-arg': {
    kind: 'repeat',
    value: 'KEY=VALUE',
    help: 'A build argument, as docker build --build-arg; repeatable.',
    default: 'none',
    example: '--build-arg NODE_VERSION=22',
  },
  'no-merge-op': {
    kind: 'boolean',
    help: 'Model a builder without MergeOp (the classic Docker Engine image store): --link becomes a plain copy.',
    default: 'MergeOp supported',
    example: '--no-merge-op',
  },
} as const satisfies OptionSpec;

export interface AnalysisFlags {
  readonly target?: string;
  readonly buildArgs: Record<string, string>;
  readonly mergeOp: boolean;
}

/**
 * `--target`, `--build-arg KEY=VALUE`… and `--no-merge-op` as analysis options, over the
 * config's `target` and `buildArgs` (a flag wins; build args merge key by key). An empty
 * target is a usage error.
 */
export function analysisOptions(options: Readonly<OptionValues>, config: Config = {}): AnalysisFlags {
  const target = (options.target as string | undefined) ?? config.target;
  if (target === '') throw new UsageError('--target needs a stage name');
  return {
    ...(target !== undefined ? { target } : {}),
    buildArgs: { ...config.buildArgs, ...buildArgs(options['build-arg'] as string[] | undefined) },
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

/** What every analysing command reads before it analyses: the config, then the analysis flags over it. */
import type { OptionDef, OptionValues } from './args.ts';
import { analysisOptions, type AnalysisFlags } from './analysis-options.ts';
import { loadConfig, type LoadedConfig } from './config/load-config.ts';
import { type Io, readText, UsageError } from './io.ts';
import { tooLarge } from './size-guard.ts';

export const CONFIG_OPTION: OptionDef = {
  kind: 'string',
  value: 'FILE',
  help: 'Read settings from FILE instead of the nearest .layerwise.yaml.',
  default: '.layerwise.yaml (or .yml) from here up to the repository root',
  example: '--config ci/layerwise.yaml',
};

export interface Setup {
  readonly loaded: LoadedConfig;
  readonly flags: AnalysisFlags;
}

export async function setup(io: Io, options: Readonly<OptionValues>): Promise<Setup> {
  const loaded = await loadConfig(io, options.config as string | undefined);
  return { loaded, flags: analysisOptions(options, loaded.config) };
}

/** A Dockerfile's text, refused (usage error) when it is not text or too large to analyse. */
export async function readAnalysable(io: Io, path: string): Promise<string> {
  const source = await readText(io, path);
  const why = tooLarge(source);
  if (why) throw new UsageError(`cannot analyse ${path === '-' ? 'standard input' : path}: ${why}`);
  return source;
}

/** The `--context DIR` option, checked to be a directory. */
export async function contextOption(io: Io, value: unknown): Promise<string | undefined> {
  if (value === undefined) return undefined;
  const dir = value as string;
  if ((await io.stat(dir)) !== 'directory') throw new UsageError(`--context ${dir} is not a directory`);
  return dir;
}

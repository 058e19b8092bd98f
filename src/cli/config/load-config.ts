/**
 * Finds and reads the team's `.layerwise.yaml`: `--config FILE` when given, otherwise the first
 * `.layerwise.yaml` (or `.yml`) from the working directory up to the repository root (the
 * directory holding `.git`); outside a repository only the working directory is looked at, so
 * a stray file higher up never changes a result.
 */
import { dirname, join, resolve } from 'node:path';
import { type Io, readText, UsageError } from '../io.ts';
import { type Config, validateConfig } from './schema.ts';
import { parseYaml } from './yaml-subset.ts';

export const CONFIG_NAMES = ['.layerwise.yaml', '.layerwise.yml'] as const;

export interface LoadedConfig {
  readonly config: Config;
  /** Where it came from; undefined when no file applies. */
  readonly path?: string;
}

export async function loadConfig(io: Io, explicit: string | undefined): Promise<LoadedConfig> {
  const path = explicit ?? (await findConfig(io));
  if (path === undefined) return { config: {} };
  if (explicit !== undefined && (await io.stat(explicit)) !== 'file') throw new UsageError(`cannot read config ${explicit}: no such file`);
  const parsed = parseYaml(await readText(io, path));
  if (!parsed.ok) throw new UsageError(`${path}: ${parsed.error}`);
  const validated = validateConfig(parsed.value);
  if (!validated.ok) throw new UsageError(`${path}: ${validated.errors.join('; ')}`);
  return { config: validated.config, path };
}

async function findConfig(io: Io): Promise<string | undefined> {
  const start = resolve(io.cwd);
  const dirs: string[] = [];
  let root: string | undefined;
  for (let dir = start; ; dir = dirname(dir)) {
    dirs.push(dir);
    if ((await io.stat(join(dir, '.git'))) !== undefined) {
      root = dir;
      break;
    }
    if (dirname(dir) === dir) break;
  }
  for (const dir of root === undefined ? [start] : dirs) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name);
      if ((await io.stat(candidate)) === 'file') return candidate;
    }
  }
  return undefined;
}

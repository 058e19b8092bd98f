/** One way to run the CLI in tests: in-process on in-memory files, or as a real process. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Io } from '../../../src/cli/io.ts';
import { main } from '../../../src/cli/main.ts';

/** The repository root. */
export const ROOT = join(import.meta.dirname, '../../..');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliInput {
  /** What `-` reads. */
  readonly stdin?: string;
  /** The environment the command sees (empty unless given, so the host's variables never leak in). */
  readonly env?: Record<string, string>;
}

/** Runs `layerwise ARGV…` in-process; `files` is the whole file system it can read. */
export async function cli(argv: readonly string[], files: Record<string, string> = {}, input: CliInput = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readStdin: async () => input.stdin ?? '',
    readFile: async (path) => {
      if (Object.hasOwn(files, path)) return files[path];
      throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    },
    env: input.env ?? {},
  };
  const code = await main([...argv], io);
  return { code, stdout, stderr };
}

export interface SpawnInput {
  readonly input?: string;
  readonly cwd?: string;
  /** The Node binary running bin/layerwise.js; default: `npx layerwise` in the repository. */
  readonly node?: string;
}

/** Runs the real command line as a separate process. */
export function spawnLayerwise(args: readonly string[], options: SpawnInput = {}): CliResult {
  const [command, prefix] = options.node ? [options.node, [join(ROOT, 'bin/layerwise.js')]] : ['npx', ['layerwise']];
  const run = spawnSync(command, [...prefix, ...args], { cwd: options.cwd ?? ROOT, input: options.input, encoding: 'utf8' });
  if (run.error) throw run.error;
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

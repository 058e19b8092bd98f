/** One way to run the CLI in tests: in-process on in-memory files, or as a real process. */
import { spawnSync } from 'node:child_process';
import { join, posix } from 'node:path';
import type { EntryKind, Io } from '../../../src/cli/io.ts';
import { main } from '../../../src/cli/main.ts';

/** The repository root. */
export const ROOT = join(import.meta.dirname, '../../..');

/** The in-memory working directory: relative paths in `files` are inside it. */
export const CWD = '/work/project';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliInput {
  /** What `-` reads. */
  readonly stdin?: string | Uint8Array;
  /** The environment the command sees (empty unless given, so the host's variables never leak in). */
  readonly env?: Record<string, string>;
  readonly cwd?: string;
}

/** An in-memory file system: paths (relative to `cwd`, or absolute) to contents; folders are implied. */
export function memoryIo(files: Record<string, string | Uint8Array>, input: CliInput = {}) {
  let stdout = '';
  let stderr = '';
  const cwd = input.cwd ?? CWD;
  const abs = (path: string) => posix.resolve(cwd, path);
  const stored = new Map(Object.entries(files).map(([path, content]) => [abs(path), typeof content === 'string' ? new TextEncoder().encode(content) : content]));
  const kind = (path: string): EntryKind | undefined => {
    const p = abs(path);
    if (stored.has(p)) return 'file';
    const prefix = p === '/' ? '/' : `${p}/`;
    for (const key of stored.keys()) if (key.startsWith(prefix)) return 'directory';
    return undefined;
  };
  const io: Io = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readStdin: async () => (typeof input.stdin === 'string' ? new TextEncoder().encode(input.stdin) : (input.stdin ?? new Uint8Array())),
    readFile: async (path) => {
      const content = stored.get(abs(path));
      if (content) return content;
      throw Object.assign(new Error(`${kind(path) === 'directory' ? 'EISDIR' : 'ENOENT'}: ${path}`), { code: kind(path) === 'directory' ? 'EISDIR' : 'ENOENT' });
    },
    stat: async (path) => kind(path),
    readDir: async (path) => {
      const prefix = abs(path) === '/' ? '/' : `${abs(path)}/`;
      const names = new Set<string>();
      for (const key of stored.keys()) if (key.startsWith(prefix)) names.add(key.slice(prefix.length).split('/')[0]);
      return [...names].map((name) => ({ name, kind: kind(posix.join(abs(path), name)) }));
    },
    cwd,
    env: input.env ?? {},
  };
  return { io, output: () => ({ stdout, stderr }) };
}

/** Runs `layerwise ARGV…` in-process; `files` is the whole file system it can read. */
export async function cli(argv: readonly string[], files: Record<string, string | Uint8Array> = {}, input: CliInput = {}): Promise<CliResult> {
  const { io, output } = memoryIo(files, input);
  const code = await main([...argv], io);
  return { code, ...output() };
}

export interface SpawnInput {
  readonly input?: string;
  readonly cwd?: string;
  /** The Node binary running bin/layerwise.js (the sources); default: the one running the tests. */
  readonly node?: string;
  /** Arguments for Node itself (`--max-old-space-size=1024`). */
  readonly nodeArgs?: readonly string[];
  /** Run this file instead of bin/layerwise.js (the bundle, say). */
  readonly entry?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly timeout?: number;
}

/** Runs the real command line as a separate process. */
export function spawnLayerwise(args: readonly string[], options: SpawnInput = {}): CliResult {
  const entry = options.entry ?? join(ROOT, 'bin/layerwise.js');
  const run = spawnSync(options.node ?? process.execPath, [...(options.nodeArgs ?? []), entry, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    encoding: 'utf8',
    env: options.env ?? process.env,
    timeout: options.timeout,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

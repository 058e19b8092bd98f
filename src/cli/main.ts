import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from './args.ts';
import type { Command } from './command.ts';
import { ast } from './commands/ast.ts';
import { graph } from './commands/graph.ts';
import { lint } from './commands/lint.ts';
import { simulateCommand } from './commands/simulate.ts';
import { commandHelp, globalHelp } from './help.ts';
import { type EntryKind, type Io, UsageError } from './io.ts';
import { version } from './version.ts';

export const COMMANDS: readonly Command[] = [ast, graph, simulateCommand, lint];

export const HELP = globalHelp(COMMANDS);

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    // Bare `layerwise` is a usage error that shows the way; asking for help is not.
    (name === undefined ? io.stderr : io.stdout)(HELP);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.stdout(`${version()}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`layerwise: unknown ${name.startsWith('-') ? 'option' : 'command'} ${JSON.stringify(name)}; see layerwise --help\n`);
    return 2;
  }
  const end = rest.indexOf('--');
  const options = end === -1 ? rest : rest.slice(0, end);
  if (options.includes('--help') || options.includes('-h')) {
    io.stdout(commandHelp(command));
    return 0;
  }
  try {
    return await command.run(parseArgs(rest, command.options), io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`layerwise ${name}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

function kindOf(entry: { isFile(): boolean; isDirectory(): boolean }): EntryKind | undefined {
  return entry.isFile() ? 'file' : entry.isDirectory() ? 'directory' : undefined;
}

/** The real process: the only place the CLI touches `process`. */
export const processIo: Io = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  },
  readFile: (path) => readFile(path),
  stat: async (path) => {
    try {
      return kindOf(await stat(path));
    } catch {
      return undefined;
    }
  },
  readDir: async (path) => {
    const entries = await readdir(path, { withFileTypes: true });
    // A symbolic link is followed, so a linked Dockerfile or folder counts like a real one.
    return Promise.all(
      entries.map(async (entry) => ({
        name: entry.name,
        kind: entry.isSymbolicLink() ? await processIo.stat(join(path, entry.name)) : kindOf(entry),
      })),
    );
  },
  get cwd() {
    return process.cwd();
  },
  env: process.env,
};

/** Runs `layerwise` on this process's arguments and sets its exit status (the bin entry calls this). */
export async function runProcess(): Promise<void> {
  // A reader that stops early (`layerwise lint … | head`) closes the pipe: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    // The analyzer never throws; anything here is a bug: say so in one paragraph, not a bare trace.
    process.stderr.write(`layerwise: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nPlease report it with the command and Dockerfile that caused it.\n`);
    process.exitCode = 70;
  }
}

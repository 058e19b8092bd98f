import { run as ast } from './commands/ast.ts';
import { run as graph } from './commands/graph.ts';
import { run as lint } from './commands/lint.ts';
import { run as simulate } from './commands/simulate.ts';
import { readFile } from 'node:fs/promises';
import { decodeBytes } from '../analyzer/core/raw-bytes.ts';
import { UsageError, type Io } from './io.ts';

export const HELP = `layerwise: what BuildKit really does with a Dockerfile

Usage:
  layerwise ast      [--format buildkit|json] FILE|-
  layerwise graph    [--format shape|json|mermaid] [--target STAGE] [--build-arg K=V]… [--no-merge-op] FILE|-
  layerwise simulate --change base:IMAGE|file:PATH|arg:K=V|line:N … [--format text|json|mermaid]
                     [--target STAGE] [--build-arg K=V]… [--no-merge-op] FILE|-
  layerwise lint     [--format text|json|sarif] [--target STAGE] [--build-arg K=V]… [--no-merge-op]
                     [--docs-base URL] FILE…

Every command also takes the base-image options: --image-config REF=FILE (repeatable; FILE is
\`docker image inspect REF\` output or an OCI image config), --resolve-images (fetch configs from
the registries, cached in ~/.cache/layerwise), --offline (the cache only).

Exit status: 0 success (lint: no error findings), 1 BuildKit would refuse the file
(lint: an error finding), 2 usage error or unreadable file.
`;

const commands: Record<string, (argv: string[], io: Io) => Promise<number>> = { ast, graph, simulate, lint };

/** The real process: the only place the CLI touches `process`. */
export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return decodeBytes(Buffer.concat(chunks));
  },
  // Bytes, not UTF-8: BuildKit keeps the bytes of a Latin-1 file, and so do we (core/raw-bytes.ts).
  readFile: async (path) => decodeBytes(await readFile(path)),
  env: process.env,
};

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(HELP);
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`layerwise: unknown command ${JSON.stringify(name)}; see layerwise --help\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(HELP);
    return 0;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`layerwise ${name}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

/** Runs `layerwise` on this process's arguments and sets its exit status (bin/layerwise.js calls this). */
export async function runProcess(): Promise<void> {
  // A reader that stops early (`layerwise lint … | head`) closes the pipe: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = await main(process.argv.slice(2));
}

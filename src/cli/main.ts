import { run as ast } from './commands/ast.ts';
import { run as graph } from './commands/graph.ts';
import { run as lint } from './commands/lint.ts';
import { run as simulate } from './commands/simulate.ts';
import { processIo, UsageError, type Io } from './io.ts';

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

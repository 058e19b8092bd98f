import { dirname, join } from 'node:path';
import type { Io } from './io.ts';

/**
 * The ignore file BuildKit would use for a Dockerfile: `<Dockerfile>.dockerignore` beside it
 * wins over the build context's `.dockerignore`. The context is `--context DIR` when given,
 * else the Dockerfile's folder (for standard input: none, unless `--context` names one).
 */
export async function readDockerignore(io: Io, file: string, context?: string): Promise<string | undefined> {
  const candidates = [
    ...(file === '-' ? [] : [`${file}.dockerignore`]),
    ...(context !== undefined ? [join(context, '.dockerignore')] : file === '-' ? [] : [join(dirname(file), '.dockerignore')]),
  ];
  for (const candidate of candidates) {
    try {
      // Patterns are text; a stray byte only spoils its own pattern, as in BuildKit.
      return new TextDecoder().decode(await io.readFile(candidate));
    } catch {
      // Absent or unreadable: try the next one; without an ignore file nothing is excluded.
    }
  }
  return undefined;
}

export const CONTEXT_OPTION = {
  kind: 'string',
  value: 'DIR',
  help: "The build context, for its .dockerignore (a Dockerfile's own <name>.dockerignore still wins).",
  default: "the Dockerfile's folder",
  example: '--context .',
} as const;

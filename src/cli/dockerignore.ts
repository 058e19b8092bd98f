import { dirname, join } from 'node:path';
import type { Io } from './io.ts';

/**
 * The ignore file BuildKit would use for a Dockerfile: `<Dockerfile>.dockerignore` beside it
 * wins over the context's `.dockerignore`. None for standard input.
 */
export async function readDockerignore(io: Io, file: string): Promise<string | undefined> {
  if (file === '-') return undefined;
  for (const candidate of [`${file}.dockerignore`, join(dirname(file), '.dockerignore')]) {
    try {
      return await io.readFile(candidate);
    } catch {
      // Absent or unreadable: try the next one; without an ignore file nothing is excluded.
    }
  }
  return undefined;
}

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `../shared` beside the repository: read-only material (spec, conformance cases, corpus). */
export const SHARED = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared');

export interface CaseResult {
  readonly name: string;
  readonly pass: boolean;
  /** What differed, for a failing case. */
  readonly detail?: string;
}

export function caseDirs(folder: string): string[] {
  const dir = join(SHARED, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(dir, entry.name))
    .sort();
}

export function readIf(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

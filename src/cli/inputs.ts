/**
 * Dockerfile paths as CI has them: plain paths, `-` for standard input, directories (searched
 * recursively for Dockerfile, *.Dockerfile, Dockerfile.*, Containerfile, Containerfile.*) and
 * globs (`*`, `?`, `**`; a directory a glob matches is searched the same way). Results come in
 * a stable order, each file once.
 */
import { join } from 'node:path';
import type { Io } from './io.ts';
import { UsageError } from './io.ts';

/** Folders never searched: dependencies and version control hold other people's Dockerfiles. */
const SKIPPED_DIRS = new Set(['.git', 'node_modules']);

/** Whether a file name is a Dockerfile by the usual conventions (not its `.dockerignore`). */
export function isDockerfileName(name: string): boolean {
  if (/\.dockerignore$/i.test(name)) return false;
  return /^(dockerfile|containerfile)(\..+)?$/i.test(name) || /^.+\.(dockerfile|containerfile)$/i.test(name);
}

export async function expandInputs(io: Io, patterns: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    if (!seen.has(file)) {
      seen.add(file);
      out.push(file);
    }
  };
  for (const pattern of patterns) {
    if (pattern === '-') {
      add(pattern);
      continue;
    }
    const kind = await io.stat(pattern);
    if (kind === 'directory') {
      const found = await dockerfilesIn(io, pattern);
      if (found.length === 0) throw new UsageError(`no Dockerfile in ${pattern} (looked for Dockerfile, *.Dockerfile, Dockerfile.*, Containerfile)`);
      found.forEach(add);
    } else if (kind === undefined && /[*?[]/.test(pattern)) {
      const found = await glob(io, pattern);
      if (found.length === 0) throw new UsageError(`no files match ${pattern}`);
      found.forEach(add);
    } else {
      // A file, or nothing: reading it reports what is wrong.
      add(pattern);
    }
  }
  return out;
}

async function dockerfilesIn(io: Io, dir: string): Promise<string[]> {
  const found: string[] = [];
  const entries = [...(await io.readDir(dir))].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.kind === 'directory') {
      if (!SKIPPED_DIRS.has(entry.name)) found.push(...(await dockerfilesIn(io, path)));
    } else if (entry.kind === 'file' && isDockerfileName(entry.name)) {
      found.push(path);
    }
  }
  return found;
}

/** Files matching a glob; directories it matches contribute their Dockerfiles. */
async function glob(io: Io, pattern: string): Promise<string[]> {
  const parts = pattern.split('/');
  const absolute = pattern.startsWith('/');
  let fixed = 0;
  while (fixed < parts.length - 1 && !/[*?[]/.test(parts[fixed])) fixed++;
  const base = absolute && fixed === 1 ? '/' : parts.slice(0, fixed).join('/') || '.';
  const matcher = globRegExp(parts.slice(fixed).join('/'));
  const out: string[] = [];
  const walk = async (dir: string, relative: string): Promise<void> => {
    const entries = [...(await io.readDir(dir))].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      const path = fixed === 0 ? rel : join(base, rel);
      const hit = matcher.test(rel);
      if (entry.kind === 'directory') {
        if (SKIPPED_DIRS.has(entry.name)) continue;
        if (hit) out.push(...(await dockerfilesIn(io, path)));
        else await walk(path, rel);
      } else if (entry.kind === 'file' && hit) {
        out.push(path);
      }
    }
  };
  if ((await io.stat(base)) === 'directory') await walk(base, '');
  return out;
}

/** `*` and `?` stay within one path segment, `**` crosses them, `[…]` is a character class. */
export function globRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end === -1) source += '\\[';
      else {
        const body = glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
        source += `[${body}]`;
        i = end;
      }
    } else source += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

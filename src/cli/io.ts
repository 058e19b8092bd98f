/** Everything a command may touch, so tests can run commands in-process (only main.ts builds the real one). */
import { decodeText } from './text.ts';

export type EntryKind = 'file' | 'directory';

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<Uint8Array>;
  /** Rejects with an `ErrnoException`-like error (its `code`) when the file cannot be read. */
  readonly readFile: (path: string) => Promise<Uint8Array>;
  /** What is at `path`, following symbolic links; undefined when nothing (readable) is. */
  readonly stat: (path: string) => Promise<EntryKind | undefined>;
  /** The entries of a directory (names only, no `.`/`..`), for directory and glob inputs. */
  readonly readDir: (path: string) => Promise<readonly { readonly name: string; readonly kind: EntryKind | undefined }[]>;
  /** The working directory: where `.layerwise.yaml` is searched from. */
  readonly cwd: string;
  /** The environment variables the CLI reads (`LAYERWISE_DOCS_BASE`, `LAYERWISE_SITE`). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** A usage error or unreadable file: exit status 2 with one clear sentence. */
export class UsageError extends Error {}

/** Reads a text file (a Dockerfile, a config) from a path, or standard input for `-`; refuses binary files. */
export async function readText(io: Io, path: string): Promise<string> {
  const bytes = path === '-' ? await io.readStdin() : await readBytes(io, path);
  const text = decodeText(bytes);
  if (typeof text !== 'string') throw new UsageError(`cannot read ${path === '-' ? 'standard input' : path}: ${text.notText}`);
  return text;
}

/** The bytes of a file, or a usage error saying why not. */
export async function readBytes(io: Io, path: string): Promise<Uint8Array> {
  try {
    return await io.readFile(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String(code ?? error);
    throw new UsageError(`cannot read ${path}: ${why}`);
  }
}

/** The Dockerfile at a path, or standard input for `-`. */
export const readDockerfile = readText;

import { readFile } from 'node:fs/promises';
import { decodeBytes } from '../analyzer/core/raw-bytes.ts';

/** Everything a command may touch, so tests can run commands in-process. */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<string>;
  readonly readFile: (path: string) => Promise<string>;
}

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
};

/** A usage error or unreadable file: exit status 2 with one clear sentence. */
export class UsageError extends Error {}

/** Reads a Dockerfile from a path, or standard input for `-`. */
export async function readDockerfile(io: Io, path: string): Promise<string> {
  if (path === '-') return io.readStdin();
  try {
    return await io.readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String(code ?? error);
    throw new UsageError(`cannot read ${path}: ${why}`);
  }
}

/** Everything a command may touch, so tests can run commands in-process (only main.ts builds the real one). */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<string>;
  readonly readFile: (path: string) => Promise<string>;
  /** The environment variables the CLI reads (`LAYERWISE_DOCS_BASE`, `LAYERWISE_SITE`). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

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

/**
 * On-disk cache of resolved image configs: blobs by digest (content-addressed, so never stale),
 * and the last digest each reference + platform resolved to, which `--offline` reads.
 * Default place: `$XDG_CACHE_HOME/layerwise` or `~/.cache/layerwise`.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ImagePlatform } from '../../analyzer/image/model.ts';

export interface PinnedRef {
  readonly manifest: string;
  readonly config: string;
  readonly platforms: readonly ImagePlatform[];
  /** When it was resolved (YYYY-MM-DD). */
  readonly date: string;
}

export function defaultCacheDir(env: Readonly<Record<string, string | undefined>>): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'layerwise');
}

export class DiskCache {
  readonly dir: string;
  constructor(dir: string) {
    this.dir = dir;
  }

  readBlob(digest: string): string | undefined {
    const path = this.blobPath(digest);
    if (!path) return undefined;
    try {
      const bytes = readFileSync(path);
      // Content-addressed: a damaged file is a miss, not an answer.
      return `sha256:${createHash('sha256').update(bytes).digest('hex')}` === digest ? bytes.toString('utf8') : undefined;
    } catch {
      return undefined;
    }
  }

  writeBlob(digest: string, bytes: Uint8Array): void {
    const path = this.blobPath(digest);
    if (path) this.write(path, bytes);
  }

  readRef(key: string): PinnedRef | undefined {
    try {
      return JSON.parse(readFileSync(this.refPath(key), 'utf8')) as PinnedRef;
    } catch {
      return undefined;
    }
  }

  writeRef(key: string, pinned: PinnedRef): void {
    this.write(this.refPath(key), Buffer.from(JSON.stringify({ key, ...pinned })));
  }

  private blobPath(digest: string): string | undefined {
    const match = /^sha256:([a-f0-9]{64})$/.exec(digest);
    return match ? join(this.dir, 'blobs', 'sha256', match[1]) : undefined;
  }

  private refPath(key: string): string {
    return join(this.dir, 'refs', `${createHash('sha256').update(key).digest('hex')}.json`);
  }

  /** Write then rename, so a concurrent reader never sees half a file. */
  private write(path: string, bytes: Uint8Array): void {
    mkdirSync(join(path, '..'), { recursive: true });
    const temp = `${path}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(temp, bytes);
    renameSync(temp, path);
  }
}

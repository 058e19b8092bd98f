/**
 * A real registry for the end-to-end tests: Debian's `docker-registry` (distribution 2.x) on
 * 127.0.0.1 with its storage in a temporary directory, and pushes through the distribution HTTP
 * API (blob uploads, manifests). The registry is a prerequisite (installed by .ci/run); without
 * it a test fails with that reason rather than skipping, unless LAYERWISE_SKIP_REGISTRY=1 says so.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { expect } from 'vitest';

export const REGISTRY = '/usr/bin/docker-registry';
export const skipRegistry = process.env.LAYERWISE_SKIP_REGISTRY === '1';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export const sha = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

export interface RunningRegistry {
  /** `127.0.0.1:PORT`. */
  readonly host: string;
  readonly process: ChildProcess;
}

/**
 * Starts docker-registry on a free port with `config` lines added to its configuration (an
 * `auth:` section, say), and waits until `/v2/` answers (200, or 401 when it wants a token).
 */
export async function startRegistry(dir: string, config: readonly string[] = []): Promise<RunningRegistry> {
  if (!existsSync(REGISTRY)) throw new Error(`${REGISTRY} is missing: install the Debian package docker-registry (see .ci/run)`);
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const file = join(dir, 'config.yml');
  writeFileSync(
    file,
    [
      'version: 0.1',
      'log:',
      '  level: error',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${join(dir, 'storage')}`,
      'http:',
      `  addr: ${host}`,
      ...config,
      '',
    ].join('\n'),
  );
  const registry = spawn(REGISTRY, ['serve', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  registry.stderr!.on('data', (chunk) => (stderr += chunk));
  for (let i = 0; ; i++) {
    try {
      const response = await fetch(`http://${host}/v2/`);
      if (response.status === 200 || response.status === 401) break;
    } catch {
      // not listening yet
    }
    if (i > 100 || registry.exitCode !== null) {
      registry.kill();
      throw new Error(`docker-registry did not start: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { host, process: registry };
}

/** Pushes to one registry through the HTTP API, with `headers` (an Authorization) on every request. */
export function pusher(host: string, headers: (repo: string) => Promise<Record<string, string>> = async () => ({})) {
  async function pushBlob(repo: string, bytes: Buffer): Promise<string> {
    const digest = sha(bytes);
    const start = await fetch(`http://${host}/v2/${repo}/blobs/uploads/`, { method: 'POST', headers: await headers(repo) });
    expect(start.status, await start.clone().text()).toBe(202);
    const location = new URL(start.headers.get('location')!, `http://${host}`);
    location.searchParams.set('digest', digest);
    const put = await fetch(location, { method: 'PUT', body: new Uint8Array(bytes), headers: { 'content-type': 'application/octet-stream', ...(await headers(repo)) } });
    expect(put.status, await put.clone().text()).toBe(201);
    return digest;
  }

  async function pushManifest(repo: string, reference: string, mediaType: string, manifest: object): Promise<string> {
    const bytes = Buffer.from(JSON.stringify(manifest));
    const put = await fetch(`http://${host}/v2/${repo}/manifests/${reference}`, {
      method: 'PUT',
      body: new Uint8Array(bytes),
      headers: { 'content-type': mediaType, ...(await headers(repo)) },
    });
    expect(put.status, await put.clone().text()).toBe(201);
    return sha(bytes);
  }

  /** A config blob, one layer and an image manifest under `tag`: the manifest's digest and size. */
  async function pushImage(repo: string, tag: string, config: object): Promise<{ manifest: string; size: number }> {
    const configBytes = Buffer.from(JSON.stringify(config));
    const layer = Buffer.from(`layer of ${tag}`);
    const configDigest = await pushBlob(repo, configBytes);
    const layerDigest = await pushBlob(repo, layer);
    const manifest = {
      schemaVersion: 2,
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: configBytes.length, digest: configDigest },
      layers: [{ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: layer.length, digest: layerDigest }],
    };
    const digest = await pushManifest(repo, tag, manifest.mediaType, manifest);
    return { manifest: digest, size: Buffer.byteLength(JSON.stringify(manifest)) };
  }

  return { pushBlob, pushManifest, pushImage };
}

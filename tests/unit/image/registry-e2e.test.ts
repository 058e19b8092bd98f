/**
 * `--resolve-images` end to end against a real registry: Debian's `docker-registry`
 * (distribution 2.x) on 127.0.0.1, started and stopped here, into which the test pushes a config
 * blob, a layer, two image manifests and a manifest list through the distribution HTTP API.
 * The registry is a prerequisite (installed by .ci/run); without it the test fails with that
 * reason rather than skipping, unless LAYERWISE_SKIP_REGISTRY=1 says so explicitly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiskCache } from '../../../src/cli/registry/cache.ts';
import { cli } from '../cli/harness.ts';
import { resolveImageConfig } from '../../../src/cli/registry/client.ts';

const REGISTRY = '/usr/bin/docker-registry';
const skip = process.env.LAYERWISE_SKIP_REGISTRY === '1';

let registry: ChildProcess | undefined;
let dir: string;
let host: string;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const sha = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

async function pushBlob(repo: string, bytes: Buffer): Promise<string> {
  const digest = sha(bytes);
  const start = await fetch(`http://${host}/v2/${repo}/blobs/uploads/`, { method: 'POST' });
  expect(start.status).toBe(202);
  const location = new URL(start.headers.get('location')!, `http://${host}`);
  location.searchParams.set('digest', digest);
  const put = await fetch(location, { method: 'PUT', body: new Uint8Array(bytes), headers: { 'content-type': 'application/octet-stream' } });
  expect(put.status).toBe(201);
  return digest;
}

async function pushManifest(repo: string, reference: string, mediaType: string, manifest: object): Promise<string> {
  const bytes = Buffer.from(JSON.stringify(manifest));
  const put = await fetch(`http://${host}/v2/${repo}/manifests/${reference}`, { method: 'PUT', body: new Uint8Array(bytes), headers: { 'content-type': mediaType } });
  expect(put.status, await put.clone().text()).toBe(201);
  return sha(bytes);
}

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

describe.skipIf(skip)('image configs from a registry (docker-registry on 127.0.0.1)', () => {
  beforeAll(async () => {
    if (!existsSync(REGISTRY)) throw new Error(`${REGISTRY} is missing: install the Debian package docker-registry (see .ci/run)`);
    dir = mkdtempSync(join(tmpdir(), 'layerwise-registry-'));
    const port = await freePort();
    host = `127.0.0.1:${port}`;
    const config = join(dir, 'config.yml');
    writeFileSync(
      config,
      [
        'version: 0.1',
        'log:',
        '  level: error',
        'storage:',
        '  filesystem:',
        `    rootdirectory: ${join(dir, 'storage')}`,
        'http:',
        `  addr: 127.0.0.1:${port}`,
        '',
      ].join('\n'),
    );
    registry = spawn(REGISTRY, ['serve', config], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    registry.stderr!.on('data', (chunk) => (stderr += chunk));
    for (let i = 0; ; i++) {
      try {
        const response = await fetch(`http://${host}/v2/`);
        if (response.status === 200) break;
      } catch {
        // not listening yet
      }
      if (i > 100 || registry.exitCode !== null) throw new Error(`docker-registry did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 30_000);

  afterAll(() => {
    registry?.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('resolves a manifest list to the target platform, caches the config by digest, and answers offline', async () => {
    const amd64 = await pushImage('team/app', 'amd64', {
      architecture: 'amd64',
      os: 'linux',
      config: { Env: ['PATH=/usr/local/bin:/usr/bin:/bin', 'APP_HOME=/srv/app'], WorkingDir: '/srv/app', User: 'app', OnBuild: ['COPY . /srv/app'] },
      rootfs: { type: 'layers', diff_ids: [] },
    });
    const arm64 = await pushImage('team/app', 'arm64', {
      architecture: 'arm64',
      variant: 'v8',
      os: 'linux',
      config: { Env: ['PATH=/usr/bin:/bin', 'ARM=1'], WorkingDir: '/arm' },
      rootfs: { type: 'layers', diff_ids: [] },
    });
    const listType = 'application/vnd.docker.distribution.manifest.list.v2+json';
    const list = await pushManifest('team/app', '1.0', listType, {
      schemaVersion: 2,
      mediaType: listType,
      manifests: [
        { mediaType: 'application/vnd.docker.distribution.manifest.v2+json', size: amd64.size, digest: amd64.manifest, platform: { os: 'linux', architecture: 'amd64' } },
        { mediaType: 'application/vnd.docker.distribution.manifest.v2+json', size: arm64.size, digest: arm64.manifest, platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
      ],
    });
    const cache = new DiskCache(join(dir, 'cache'));
    const now = () => new Date('2026-12-06T00:00:00Z');
    const config = await resolveImageConfig(`${host}/team/app:1.0`, { cache, now });
    expect(config).toMatchObject({
      env: ['PATH=/usr/local/bin:/usr/bin:/bin', 'APP_HOME=/srv/app'],
      workingDir: '/srv/app',
      user: 'app',
      onBuild: ['COPY . /srv/app'],
      platforms: [{ os: 'linux', architecture: 'amd64' }, { os: 'linux', architecture: 'arm64' }],
      source: { kind: 'registry', detail: `${host}/team/app:1.0@${amd64.manifest}`, date: '2026-12-06' },
    });
    expect(list).toMatch(/^sha256:/);

    const arm = await resolveImageConfig(`${host}/team/app:1.0`, { cache, now, platform: { os: 'linux', architecture: 'arm64' } });
    expect(arm).toMatchObject({ env: ['PATH=/usr/bin:/bin', 'ARM=1'], workingDir: '/arm', source: { detail: `${host}/team/app:1.0@${arm64.manifest}` } });

    // Offline: the same answer from the cache, without the registry.
    const offline = await resolveImageConfig(`${host}/team/app:1.0`, {
      cache,
      offline: true,
      fetch: () => Promise.reject(new Error('offline must not fetch')),
    });
    expect(offline).toMatchObject({ env: config.env, workingDir: '/srv/app', user: 'app' });
    expect(offline.source.date).toBe('2026-12-06, cached');
  });

  it('reads a plain image manifest by tag and by digest', async () => {
    const pushed = await pushImage('solo', 'v1', { architecture: 'amd64', os: 'linux', config: { Env: ['SOLO=1'] }, rootfs: { type: 'layers', diff_ids: [] } });
    const cache = new DiskCache(join(dir, 'cache2'));
    const byTag = await resolveImageConfig(`${host}/solo:v1`, { cache });
    expect(byTag.env).toEqual(['SOLO=1']);
    expect(byTag.platforms).toEqual([{ os: 'linux', architecture: 'amd64' }]);
    const byDigest = await resolveImageConfig(`${host}/solo@${pushed.manifest}`, { cache });
    expect(byDigest.env).toEqual(['SOLO=1']);
  });

  it('feeds `layerwise graph|lint --resolve-images` and --offline', async () => {
    await pushImage('cli/app', '2', {
      architecture: 'amd64',
      os: 'linux',
      config: { Env: ['PATH=/usr/bin:/bin', 'APP_HOME=/srv/app'], WorkingDir: '/srv/app' },
      rootfs: { type: 'layers', diff_ids: [] },
    });
    const dockerfile = `FROM ${host}/cli/app:2\nCOPY app.conf conf/\nRUN test -d "$APP_HOME"\nLABEL home=$APP_HOME\n`;
    // The CLI's environment is its own (Io.env), so the cache directory is given there.
    const run = async (argv: string[]) => {
      const r = await cli(argv, {}, { stdin: dockerfile, env: { LAYERWISE_CACHE_DIR: join(dir, 'cli-cache') } });
      return { status: r.code, out: r.stdout, err: r.stderr };
    };
    const graph = await run(['graph', '--format', 'json', '--resolve-images', '-']);
    expect(graph.err).toBe('');
    expect(graph.status).toBe(0);
    const ops = JSON.parse(graph.out).ops as { details: { imageConfig?: string; actions?: { dest?: string }[] } }[];
    expect(ops.find((op) => op.details.imageConfig)?.details.imageConfig).toMatch(new RegExp(`^registry ${host}/cli/app:2@sha256:[0-9a-f]{64}, \\d{4}-\\d{2}-\\d{2}$`));
    expect(ops.flatMap((op) => op.details.actions ?? []).map((a) => a.dest)).toContain('/srv/app/conf/');
    // Without the registry the variable may come from the image; with it, it is known.
    expect((await run(['lint', '-'])).out).toContain("Usage of undefined variable '$APP_HOME'; it may come from the base image");
    expect((await run(['lint', '--resolve-images', '-'])).out).toBe('');
    // Offline: the cache answers, the registry is not asked.
    registry!.kill('SIGSTOP');
    try {
      expect((await run(['lint', '--offline', '-'])).out).toBe('');
    } finally {
      registry!.kill('SIGCONT');
    }
  });

  it('says which reference is missing', async () => {
    const cache = new DiskCache(join(dir, 'cache3'));
    await expect(resolveImageConfig(`${host}/nothing:here`, { cache })).rejects.toThrow(/nothing\/manifests\/here: HTTP 404/);
    await expect(resolveImageConfig(`${host}/nothing:here`, { cache, offline: true })).rejects.toThrow(/not in the cache/);
  });
});

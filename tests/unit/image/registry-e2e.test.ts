/**
 * `--resolve-images` end to end against a real registry: Debian's `docker-registry`
 * (distribution 2.x) on 127.0.0.1, started and stopped here, into which the test pushes a config
 * blob, a layer, two image manifests and a manifest list through the distribution HTTP API.
 * The registry is a prerequisite (./registry-harness.ts).
 */
import { type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiskCache } from '../../../src/cli/registry/cache.ts';
import { cli } from '../cli/harness.ts';
import { resolveImageConfig } from '../../../src/cli/registry/client.ts';
import { pusher, skipRegistry, startRegistry } from './registry-harness.ts';

let registry: ChildProcess | undefined;
let dir: string;
let host: string;
let pushImage: ReturnType<typeof pusher>['pushImage'];
let pushManifest: ReturnType<typeof pusher>['pushManifest'];

describe.skipIf(skipRegistry)('image configs from a registry (docker-registry on 127.0.0.1)', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'layerwise-registry-'));
    const started = await startRegistry(dir);
    registry = started.process;
    host = started.host;
    ({ pushImage, pushManifest } = pusher(host));
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

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { imageOverrides, loadImageConfigFiles } from '../../../src/cli/images.ts';
import type { Io } from '../../../src/cli/io.ts';
import { memoryIo } from '../cli/harness.ts';

const files: Record<string, string> = {
  'golang.json': JSON.stringify([{ Os: 'linux', Architecture: 'amd64', Config: { Env: ['GOPATH=/go'], WorkingDir: '/go' } }]),
  'bad.json': '{"config":{"Env":3}}',
};
const stderr: string[] = [];
// The shared in-memory Io, with warnings collected here (cleared per test).
const io: Io = { ...memoryIo(files).io, stderr: (text) => void stderr.push(text) };
const cacheDir = mkdtempSync(join(tmpdir(), 'layerwise-cli-images-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

describe('--image-config', () => {
  it('reads REF=FILE pairs', async () => {
    const configs = await loadImageConfigFiles(['golang:1.23=golang.json'], io);
    expect(configs['golang:1.23']).toMatchObject({ env: ['GOPATH=/go'], workingDir: '/go', source: { kind: 'file', detail: 'golang.json' } });
  });

  it('names what is wrong', async () => {
    await expect(loadImageConfigFiles(['golang.json'], io)).rejects.toThrow('--image-config needs REF=FILE, got "golang.json"');
    await expect(loadImageConfigFiles(['Bad Ref=golang.json'], io)).rejects.toThrow('is not a valid image reference');
    await expect(loadImageConfigFiles(['x=nope.json'], io)).rejects.toThrow('cannot read nope.json: no such file');
    await expect(loadImageConfigFiles(['x=bad.json'], io)).rejects.toThrow('bad.json: "Env" is not a list of strings');
  });
});

describe('--resolve-images and --offline', () => {
  it('does nothing without image options', async () => {
    expect(await imageOverrides({}, io, () => [{ ref: 'alpine' }])).toBeUndefined();
  });

  it('keeps file configs over registry answers and warns when a registry cannot answer', async () => {
    stderr.length = 0;
    const asked: string[] = [];
    const fetch = (async (url: string | URL) => {
      asked.push(String(url));
      throw new Error('connection refused');
    }) as typeof globalThis.fetch;
    const overrides = await imageOverrides(
      { 'image-config': ['golang:1.23=golang.json'], 'resolve-images': true },
      io,
      () => [{ ref: 'golang:1.23' }, { ref: 'docker.io/library/golang:1.23' }, { ref: 'alpine:3.20' }, { ref: 'scratch' }],
      { env: { LAYERWISE_CACHE_DIR: cacheDir, DOCKER_CONFIG: cacheDir }, fetch },
    );
    expect(Object.values(overrides!).map((config) => config.source.kind)).toEqual(['file']);
    expect(asked).toEqual(['https://registry-1.docker.io/v2/library/alpine/manifests/3.20']);
    expect(stderr.join('')).toMatch(/^layerwise: cannot resolve alpine:3\.20: connection refused; using the built-in table\n$/);
  });

  it('--offline never touches the network', async () => {
    stderr.length = 0;
    const fetch = (async () => {
      throw new Error('network used');
    }) as typeof globalThis.fetch;
    await imageOverrides({ offline: true }, io, () => [{ ref: 'alpine:3.20' }], { env: { LAYERWISE_CACHE_DIR: cacheDir }, fetch });
    expect(stderr.join('')).toContain('not in the cache');
    expect(stderr.join('')).not.toContain('network used');
  });
});

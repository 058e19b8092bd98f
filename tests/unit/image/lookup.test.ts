import { describe, expect, it } from 'vitest';
import { baseImageConfig, IMAGE_TABLE, mergeOverrides } from '../../../src/analyzer/image/base-image.ts';
import { imageKey, lookupImage, tagVariant } from '../../../src/analyzer/image/lookup.ts';
import type { ImageConfig } from '../../../src/analyzer/image/model.ts';
import { describeSource } from '../../../src/analyzer/image/model.ts';
import type { ImageTable } from '../../../src/analyzer/image/table-format.ts';

const envKeys = (config: ImageConfig) => config.env.map((pair) => pair.slice(0, pair.indexOf('=')));

const TABLE: ImageTable = {
  generated: '2026-01-01',
  envs: [['PATH=/a', 'V=2'], ['PATH=/a', 'V=1', 'OLD=1']],
  arches: ['amd64 arm64v8 arm32v7'],
  layouts: { merged: { '/bin': '/usr/bin' }, split: {} },
  layoutSources: {},
  releaseLayouts: { bookworm: 'merged', bullseye: 'split', 'alpine3.18': 'split' },
  images: {
    tool: {
      configs: [
        { env: 0, workdir: '/w', arch: 0, layout: 'merged', source: 'o/tool@abc 2/Dockerfile', date: '2026-01-01' },
        { env: 1, workdir: '/w', arch: 0, layout: 'merged', source: 'o/tool@abc 1/Dockerfile', date: '2026-01-01' },
      ],
      tags: { '2-alpine': 0, '1-alpine': 1, latest: 0 },
      families: { alpine: { config: 0, env: 1, varies: ['V', 'OLD'] } },
    },
  },
};

describe('image references', () => {
  it('normalise to one key', () => {
    expect(imageKey('golang')).toBe('docker.io/library/golang:latest');
    expect(imageKey('docker.io/library/golang:1.23')).toBe('docker.io/library/golang:1.23');
    expect(imageKey('index.docker.io/golang:1.23')).toBe('docker.io/library/golang:1.23');
    expect(imageKey('ghcr.io/o/app@sha256:' + 'a'.repeat(64))).toBe(`ghcr.io/o/app@sha256:${'a'.repeat(64)}`);
    expect(imageKey('Bad/Name')).toBeUndefined();
  });

  it('split a tag into version and variant', () => {
    expect(tagVariant('1.23-alpine')).toBe('alpine');
    expect(tagVariant('3.12.1')).toBe('');
    expect(tagVariant('3.14.0rc2-slim-trixie')).toBe('slim-trixie');
    expect(tagVariant('bookworm')).toBeUndefined();
  });
});

describe('table lookup', () => {
  it('finds listed tags with their source, platforms and layout', () => {
    const config = lookupImage('tool:2-alpine', TABLE);
    expect(config).toMatchObject({ env: ['PATH=/a', 'V=2'], workingDir: '/w', user: '', fs: { symlinks: { '/bin': '/usr/bin' } } });
    expect(config.platforms).toEqual([
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64' },
      { os: 'linux', architecture: 'arm', variant: 'v7' },
    ]);
    expect(config.source).toEqual({ kind: 'table', detail: 'tool:2-alpine; o/tool@abc 2/Dockerfile', date: '2026-01-01' });
    expect(lookupImage('docker.io/library/tool', TABLE).source.detail).toContain('tool:latest');
  });

  it('matches an unlisted tag through its family: union env, no platforms, layout only from a release the tag names', () => {
    const family = lookupImage('tool:0.9-alpine', TABLE);
    expect(family.env).toEqual(['PATH=/a', 'V=1', 'OLD=1']);
    expect(family.platforms).toEqual([]);
    expect(family.fs).toBeUndefined();
    expect(family.source.detail).toContain('family "alpine"');
    const named = lookupImage('tool:0.9-alpine3.18', TABLE);
    expect(named.env).toEqual(['PATH=/a', 'V=1', 'OLD=1']);
    expect(named.fs).toEqual({ symlinks: {} });
  });

  it('knows nothing of other variants, other images, other registries or bare digests', () => {
    for (const ref of ['tool:2-slim', 'tool:edge', 'other:1', 'ghcr.io/o/tool:2-alpine', `tool@sha256:${'b'.repeat(64)}`, 'BAD']) {
      expect(lookupImage(ref, TABLE).source.kind, ref).toBe('unknown');
    }
  });

  it('does not trip over names that are Object.prototype members', () => {
    expect(lookupImage('constructor:1-alpine', TABLE).source.kind).toBe('unknown');
    expect(lookupImage('tool:1-constructor', TABLE).source.kind).toBe('unknown');
  });

  it('puts caller configs first, file configs over resolved ones, keeping the table layout', () => {
    const file: ImageConfig = { env: ['FROM_FILE=1'], workingDir: '', user: '', onBuild: [], platforms: [], source: { kind: 'file', detail: 'x.json' } };
    const resolved: ImageConfig = { ...file, env: ['FROM_REGISTRY=1'], source: { kind: 'registry', detail: 'r' } };
    const overrides = mergeOverrides({ 'tool:2-alpine': file }, { 'docker.io/library/tool:2-alpine': resolved });
    const config = lookupImage('tool:2-alpine', TABLE, overrides);
    expect(config.env).toEqual(['FROM_FILE=1']);
    expect(config.fs).toEqual({ symlinks: { '/bin': '/usr/bin' } });
    // A digest-pinned FROM takes the config given for its tag.
    expect(lookupImage(`tool:2-alpine@sha256:${'c'.repeat(64)}`, TABLE, overrides).env).toEqual(['FROM_FILE=1']);
    expect(lookupImage('tool:1-alpine', TABLE, { 'tool:1-alpine': resolved }).source.kind).toBe('registry');
  });
});

describe('the built-in table', () => {
  it('answers the images of the issue: golang, node, python', () => {
    const golang = baseImageConfig('golang:1.23-alpine');
    expect(envKeys(golang)).toEqual(expect.arrayContaining(['GOPATH', 'GOLANG_VERSION', 'PATH']));
    expect(golang.workingDir).toBe('/go');
    expect(envKeys(baseImageConfig('golang:1.27'))).toContain('GOPATH');
    expect(envKeys(baseImageConfig('node:22-alpine'))).toContain('NODE_VERSION');
    expect(baseImageConfig('node:22-alpine').workingDir).toBe('');
    expect(envKeys(baseImageConfig('python:3.12-slim'))).toEqual(expect.arrayContaining(['PYTHON_VERSION', 'LANG']));
  });

  it('records merged /usr by release', () => {
    expect(baseImageConfig('debian:bookworm-slim').fs?.symlinks['/bin']).toBe('/usr/bin');
    expect(baseImageConfig('debian:bullseye-slim').fs?.symlinks['/bin']).toBeUndefined();
    expect(baseImageConfig('debian:bullseye-slim').fs?.symlinks['/var/run']).toBe('/run');
    expect(baseImageConfig('ubuntu:16.04').fs?.symlinks['/bin']).toBeUndefined();
    expect(baseImageConfig('ubuntu:24.04').fs?.symlinks['/bin']).toBe('/usr/bin');
    expect(baseImageConfig('alpine:3.20').fs?.symlinks['/bin']).toBeUndefined();
    expect(baseImageConfig('alpine:3.24').fs?.symlinks['/bin']).toBe('/usr/bin');
    // Derived images inherit their base's layout through the FROM chain.
    expect(baseImageConfig('golang:1.27-bookworm').fs?.symlinks['/bin']).toBe('/usr/bin');
  });

  it('gives every config a source with a commit and a date', () => {
    for (const [name, image] of Object.entries(IMAGE_TABLE.images)) {
      for (const config of image.configs) {
        expect(config.source, name).toMatch(/\S/);
        expect(config.date, name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(IMAGE_TABLE.envs[config.env], name).toBeDefined();
        expect(IMAGE_TABLE.arches[config.arch], name).toBeDefined();
        if (config.layout) expect(IMAGE_TABLE.layouts[config.layout], name).toBeDefined();
      }
      for (const index of Object.values(image.tags)) expect(image.configs[index], name).toBeDefined();
    }
    expect(describeSource(baseImageConfig('golang:1.27-alpine').source)).toMatch(/^built-in table golang:1\.27-alpine; docker-library\/golang@[0-9a-f]{12} .*Dockerfile, \d{4}-\d{2}-\d{2}$/);
  });
});

/**
 * The table generator, re-run end to end on a miniature of its inputs: an official-images
 * clone with a manifest, and the image's own repository with its Dockerfile, in temporary git
 * repositories. The table it writes must describe the image as BuildKit would start from it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { lookupImage } from '../../../src/analyzer/image/lookup.ts';
import type { ImageTable } from '../../../src/analyzer/image/table-format.ts';

const root = join(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'layerwise-generator-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function repo(name: string, files: Record<string, string>, date: string): string {
  const path = join(dir, 'repos', name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(path, file, '..'), { recursive: true });
    writeFileSync(join(path, file), text);
  }
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: path,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' },
    });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'fixture');
  return git('rev-parse', 'HEAD').trim();
}

describe('scripts/image-table/generate.ts', () => {
  it('walks FROM to the root image and records env, workdir, user, triggers, platforms, layout and sources', async () => {
    const toolCommit = repo(
      'example+tool',
      {
        '1/alpine/Dockerfile':
          'FROM alpine:3.24\nARG BUILD_ONLY=1\nENV TOOL_HOME=/opt/tool PATH=/opt/tool/bin:$PATH\nWORKDIR $TOOL_HOME\nUSER tool\nONBUILD COPY . /src\n',
        '2/alpine/Dockerfile': 'FROM alpine:3.24\nENV TOOL_HOME=/opt/tool TOOL_VERSION=2 PATH=/opt/tool/bin:$PATH\nWORKDIR $TOOL_HOME\nUSER tool\nONBUILD COPY . /src\n',
      },
      '2026-05-01T00:00:00Z',
    );
    repo(
      'docker-library+official-images',
      {
        'library/alpine': 'GitRepo: https://github.com/alpinelinux/docker-alpine.git\n\nTags: 3.24.1, 3.24, latest\nArchitectures: amd64, arm64v8\nGitCommit: 1111111111111111111111111111111111111111\n',
        'library/tool': [
          'GitRepo: https://github.com/example/tool.git',
          '',
          'Tags: 2.0-alpine, 2-alpine',
          'SharedTags: 2, latest',
          'Architectures: amd64, arm64v8',
          `GitCommit: ${toolCommit}`,
          'Directory: 2/alpine',
          '',
          'Tags: 1.0-alpine, 1-alpine',
          'Architectures: amd64',
          `GitCommit: ${toolCommit}`,
          'Directory: 1/alpine',
          '',
        ].join('\n'),
      },
      '2026-06-01T00:00:00Z',
    );
    const out = join(dir, 'table.ts');
    const run = spawnSync(process.execPath, ['scripts/image-table/generate.ts', join(dir, 'repos'), '--images', 'tool', '--out', out], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('no library/debian');
    const { IMAGE_TABLE } = (await import(pathToFileURL(out).href)) as { IMAGE_TABLE: ImageTable };

    const one = lookupImage('tool:1-alpine', IMAGE_TABLE);
    expect(one).toMatchObject({
      env: ['PATH=/opt/tool/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'TOOL_HOME=/opt/tool'],
      workingDir: '/opt/tool',
      user: 'tool',
      onBuild: ['COPY . /src'],
      platforms: [{ os: 'linux', architecture: 'amd64' }],
      fs: { symlinks: { '/bin': '/usr/bin' } },
      source: { kind: 'table', detail: `tool:1-alpine; example/tool@${toolCommit.slice(0, 12)} 1/alpine/Dockerfile`, date: '2026-05-01' },
    });
    // Shared tags name their entry; a family answers for unlisted versions with the union of keys.
    expect(lookupImage('tool:latest', IMAGE_TABLE).env).toContain('TOOL_VERSION=2');
    const family = lookupImage('tool:0.9-alpine', IMAGE_TABLE);
    expect(family.env.map((pair) => pair.split('=')[0]).sort()).toEqual(['PATH', 'TOOL_HOME', 'TOOL_VERSION']);
    expect(family.source.detail).toContain('family "alpine"; TOOL_VERSION vary by version');
    expect(lookupImage('alpine:3.24', IMAGE_TABLE).source.detail).toMatch(/^alpine:3\.24; docker-library\/official-images@[0-9a-f]{12} library\/alpine$/);
  }, 60_000);

  it('lists the repositories to clone', () => {
    const run = spawnSync(process.execPath, ['scripts/image-table/generate.ts', join(dir, 'repos'), '--images', 'tool', '--list-repos'], { cwd: root, encoding: 'utf8' });
    expect(run.stdout).toBe('https://github.com/docker-library/official-images.git\nhttps://github.com/example/tool.git\n');
  });

  it('explains how to call it', () => {
    const run = spawnSync(process.execPath, ['scripts/image-table/generate.ts'], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('usage: generate.ts REPOS_DIR');
  });
});

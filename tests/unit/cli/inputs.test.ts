/** Inputs as CI has them: directories, globs, standard input, and --context for the .dockerignore. */
import { describe, expect, it } from 'vitest';
import { globRegExp, isDockerfileName } from '../../../src/cli/inputs.ts';
import { cli } from './harness.ts';

const WARN = 'FROM alpine\nMAINTAINER me\n';
const tree = {
  'Dockerfile': WARN,
  'Dockerfile.dockerignore': 'x\n',
  'services/api/Dockerfile': WARN,
  'services/api/Dockerfile.prod': WARN,
  'services/web/web.Dockerfile': WARN,
  'services/web/README.md': '# not a Dockerfile\n',
  'tools/Containerfile': WARN,
  'node_modules/dep/Dockerfile': WARN,
  '.git/Dockerfile': WARN,
};
const filesOf = (stdout: string) => [...new Set(stdout.trim().split('\n').filter(Boolean).map((line) => line.split(':')[0]))];

describe('Dockerfile names', () => {
  it.each([
    ['Dockerfile', true],
    ['dockerfile', true],
    ['Dockerfile.prod', true],
    ['api.Dockerfile', true],
    ['Containerfile', true],
    ['Containerfile.dev', true],
    ['Dockerfile.dockerignore', false],
    ['api.Dockerfile.dockerignore', false],
    ['Dockerfiles', false],
    ['README.md', false],
  ])('%s → %s', (name, expected) => {
    expect(isDockerfileName(name)).toBe(expected);
  });

  it('globs keep * and ? within a segment and let ** cross them', () => {
    expect(globRegExp('*/Dockerfile').test('a/Dockerfile')).toBe(true);
    expect(globRegExp('*/Dockerfile').test('a/b/Dockerfile')).toBe(false);
    expect(globRegExp('**/Dockerfile').test('Dockerfile')).toBe(true);
    expect(globRegExp('**/Dockerfile').test('a/b/Dockerfile')).toBe(true);
    expect(globRegExp('Dockerfile.?').test('Dockerfile.a')).toBe(true);
    expect(globRegExp('[ab].Dockerfile').test('b.Dockerfile')).toBe(true);
    expect(globRegExp('a.b').test('axb')).toBe(false);
  });
});

describe('layerwise lint PATH…', () => {
  it('searches a directory recursively, skipping .git and node_modules and ignore files', async () => {
    const r = await cli(['lint', '.'], tree);
    expect(filesOf(r.stdout)).toEqual(['Dockerfile', 'services/api/Dockerfile', 'services/api/Dockerfile.prod', 'services/web/web.Dockerfile', 'tools/Containerfile']);
  });

  it('expands globs, each file once, in a stable order', async () => {
    expect(filesOf((await cli(['lint', 'services/**/Dockerfile*'], tree)).stdout)).toEqual(['services/api/Dockerfile', 'services/api/Dockerfile.prod']);
    expect(filesOf((await cli(['lint', 'services/*', 'services/api/Dockerfile'], tree)).stdout)).toEqual([
      'services/api/Dockerfile',
      'services/api/Dockerfile.prod',
      'services/web/web.Dockerfile',
    ]);
    expect(filesOf((await cli(['lint', '**/*.Dockerfile'], tree)).stdout)).toEqual(['services/web/web.Dockerfile']);
  });

  it('an empty directory or a glob matching nothing is a usage error', async () => {
    expect(await cli(['lint', 'services/web/*.yaml'], tree)).toEqual({ code: 2, stdout: '', stderr: 'layerwise lint: no files match services/web/*.yaml\n' });
    expect(await cli(['lint', 'docs'], { 'docs/README.md': 'x' })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'layerwise lint: no Dockerfile in docs (looked for Dockerfile, *.Dockerfile, Dockerfile.*, Containerfile)\n',
    });
  });

  it('a directory where one Dockerfile is expected stays an unreadable file', async () => {
    expect((await cli(['graph', 'services'], tree)).stderr).toBe('layerwise graph: cannot read services: is a directory\n');
  });
});

describe('--context', () => {
  const dockerfile = 'FROM alpine\nCOPY secret.txt notes.md /app/\n';
  const layout = { 'docker/app.Dockerfile': dockerfile, '.dockerignore': 'secret.txt\n', 'docker/.dockerignore': 'notes.md\n' };

  it("reads the context's .dockerignore instead of the one beside the Dockerfile", async () => {
    const beside = await cli(['lint', 'docker/app.Dockerfile'], layout);
    expect(beside.stdout).toContain('"notes.md"');
    const context = await cli(['lint', '--context', '.', 'docker/app.Dockerfile'], layout);
    expect(context.stdout).toContain('"secret.txt"');
    expect(context.stdout).not.toContain('"notes.md"');
  });

  it("the Dockerfile's own <name>.dockerignore still wins, and standard input uses the context", async () => {
    const own = await cli(['lint', '--context', '.', 'docker/app.Dockerfile'], { ...layout, 'docker/app.Dockerfile.dockerignore': 'notes.md\n' });
    expect(own.stdout).toContain('"notes.md"');
    expect(own.stdout).not.toContain('"secret.txt"');
    const stdin = await cli(['lint', '--context', '.', '-'], layout, { stdin: dockerfile });
    expect(stdin.stdout).toContain('"secret.txt"');
  });

  it('simulate takes it too; a missing context is a usage error', async () => {
    const r = await cli(['simulate', '--context', '.', '--change', 'file:secret.txt', 'docker/app.Dockerfile'], layout);
    expect(r.stdout).toContain('secret.txt is excluded by .dockerignore');
    expect(await cli(['lint', '--context', 'nope', 'docker/app.Dockerfile'], layout)).toEqual({ code: 2, stdout: '', stderr: 'layerwise lint: --context nope is not a directory\n' });
  });
});

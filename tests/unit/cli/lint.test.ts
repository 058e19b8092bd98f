/** `layerwise lint`: formats, exit codes, .dockerignore lookup and usage errors, in-process and once for real. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, type CliInput, spawnLayerwise } from './harness.ts';

async function lint(argv: string[], files: Record<string, string>, input: CliInput = {}) {
  return cli(['lint', ...argv], files, input);
}

const CLEAN = 'FROM alpine\nCOPY --link app /app/\n';
const WARN = 'FROM alpine\nMAINTAINER me\n';
const ERROR = 'FROM node:22\nCOPY --link --chown=node . /app/\n';

describe('layerwise lint', () => {
  it('exits 0 and prints nothing for a clean file', async () => {
    expect(await lint(['Dockerfile'], { Dockerfile: CLEAN })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('exits 0 with only warnings, 1 with an error finding', async () => {
    const warn = await lint(['Dockerfile'], { Dockerfile: WARN });
    expect(warn.code).toBe(0);
    expect(warn.stdout).toBe(
      'Dockerfile:2:1: warning MaintainerDeprecated Maintainer instruction is deprecated in favor of using label (https://layerwise.dev/rules/maintainer-deprecated/)\n',
    );
    const error = await lint(['a/Dockerfile', 'b/Dockerfile'], { 'a/Dockerfile': WARN, 'b/Dockerfile': ERROR });
    expect(error.code).toBe(1);
    expect(error.stdout.split('\n').filter(Boolean).map((line) => line.split(' ').slice(0, 3).join(' '))).toEqual([
      'a/Dockerfile:2:1: warning MaintainerDeprecated',
      'b/Dockerfile:2:13: error LinkChownByName',
    ]);
  });

  it('exits 1 when BuildKit would refuse the file', async () => {
    const result = await lint(['Dockerfile'], { Dockerfile: 'FROM alpine\nCOPY --bogus a b\n' });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^Dockerfile:2:1: error BuildError dockerfile parse error on line 2: unknown flag: --bogus \(/);
  });

  it('honours check=error=true', async () => {
    const result = await lint(['Dockerfile'], { Dockerfile: '# check=error=true\n' + WARN });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^Dockerfile:3:1: error MaintainerDeprecated /);
  });

  it('prints JSON', async () => {
    const result = await lint(['--format', 'json', 'Dockerfile'], { Dockerfile: WARN });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      version: 1,
      findings: [
        {
          file: 'Dockerfile',
          rule: 'MaintainerDeprecated',
          severity: 'warning',
          message: 'Maintainer instruction is deprecated in favor of using label',
          range: { start: { line: 2, column: 1 }, end: { line: 2, column: 14 } },
          docs: 'https://layerwise.dev/rules/maintainer-deprecated/',
          stage: { index: 0, name: 'stage-0' },
        },
      ],
    });
  });

  it('prints SARIF', async () => {
    const result = await lint(['--format=sarif', 'Dockerfile'], { Dockerfile: ERROR });
    expect(result.code).toBe(1);
    const log = JSON.parse(result.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level])).toEqual([['LinkChownByName', 'error']]);
    expect(log.runs[0].tool.driver.rules.length).toBeGreaterThan(30);
  });

  it('reads the .dockerignore beside the Dockerfile, and <Dockerfile>.dockerignore first', async () => {
    const dockerfile = 'FROM alpine\nCOPY secret.txt notes.md /app/\n';
    const beside = await lint(['ctx/Dockerfile'], { 'ctx/Dockerfile': dockerfile, 'ctx/.dockerignore': 'secret.txt\n' });
    expect(beside.stdout).toContain('CopyIgnoredFile Attempting to Copy file "secret.txt" that is excluded by .dockerignore');
    const specific = await lint(['ctx/Dockerfile'], {
      'ctx/Dockerfile': dockerfile,
      'ctx/Dockerfile.dockerignore': 'notes.md\n',
      'ctx/.dockerignore': 'secret.txt\n',
    });
    expect(specific.stdout).toContain('"notes.md"');
    expect(specific.stdout).not.toContain('"secret.txt"');
  });

  it('passes --target and --build-arg to the analysis', async () => {
    const dockerfile = 'FROM alpine AS a\nCMD echo a\nFROM alpine AS b\nCMD ["b"]\n';
    // Without a target every stage is linted, as `docker build --check` does; with one, the stages it reaches.
    expect((await lint(['Dockerfile'], { Dockerfile: dockerfile })).stdout).toMatch(/^Dockerfile:2:1: warning JSONArgsRecommended /);
    expect((await lint(['--target', 'b', 'Dockerfile'], { Dockerfile: dockerfile })).stdout).toBe('');
    expect((await lint(['--target', 'a', 'Dockerfile'], { Dockerfile: dockerfile })).stdout).toContain('JSONArgsRecommended');
    const args = await lint(['--build-arg', 'BUILDKIT_DOCKERFILE_CHECK=skip=all', 'Dockerfile'], { Dockerfile: WARN });
    expect(args.stdout).toBe('');
  });

  it('reads standard input for -', async () => {
    const result = await lint(['-'], {}, { stdin: WARN });
    expect(result.stdout).toMatch(/^-:2:1: warning MaintainerDeprecated /);
  });

  it('takes the docs base from --docs-base, LAYERWISE_DOCS_BASE, then the site setting LAYERWISE_SITE', async () => {
    const site = { LAYERWISE_SITE: 'https://site.example' };
    expect((await lint(['D'], { D: WARN }, { env: site })).stdout).toContain('(https://site.example/rules/maintainer-deprecated/)');
    const env = { ...site, LAYERWISE_DOCS_BASE: 'https://env.example' };
    expect((await lint(['D'], { D: WARN }, { env })).stdout).toContain('(https://env.example/rules/maintainer-deprecated/)');
    expect((await lint(['--docs-base', 'https://docs.example/guide/', 'D'], { D: WARN }, { env })).stdout).toContain(
      '(https://docs.example/guide/rules/maintainer-deprecated/)',
    );
  });

  it.each([
    [['--format', 'xml', 'D'], 'layerwise lint: --format must be one of text, json, sarif, github, checkstyle, gitlab\n'],
    [[], 'layerwise lint: needs at least one Dockerfile (or - for standard input)\n'],
    [['--frobnicate', 'D'], 'layerwise lint: unknown option --frobnicate\n'],
    [['--build-arg', 'NOEQUALS', 'D'], 'layerwise lint: --build-arg needs KEY=VALUE, got "NOEQUALS"\n'],
    [['missing/Dockerfile'], 'layerwise lint: cannot read missing/Dockerfile: no such file\n'],
    [['D', 'missing'], 'layerwise lint: cannot read missing: no such file\n'],
    [['--docs-base', 'not a url', 'D'], 'layerwise lint: --docs-base must be an http(s) URL or an absolute path, got "not a url"\n'],
  ])('usage error %j exits 2', async (argv, message) => {
    const result = await lint(argv, { D: WARN });
    expect(result).toEqual({ code: 2, stdout: '', stderr: message });
  });
});

describe('layerwise lint as a real process (bin/layerwise.js)', () => {
  it('lints files from disk with the exit status of the contract', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerwise-lint-'));
    writeFileSync(join(dir, 'Dockerfile'), ERROR);
    writeFileSync(join(dir, 'clean.Dockerfile'), CLEAN);
    const clean = spawnLayerwise(['lint', '--format', 'json', join(dir, 'clean.Dockerfile')]);
    expect(JSON.parse(clean.stdout)).toEqual({ version: 1, findings: [] });
    const failed = spawnLayerwise(['lint', join(dir, 'Dockerfile')]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain(`${join(dir, 'Dockerfile')}:2:13: error LinkChownByName`);
  }, 60_000);
});

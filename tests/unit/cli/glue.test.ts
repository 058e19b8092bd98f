/**
 * The CI glue, run for real: the GitHub Action's step script, the pre-commit hooks through
 * Debian's `pre-commit` against a local clone (no network), and the CLI image's Dockerfile
 * linted by layerwise itself.
 *
 * pre-commit is part of `npm test` (.ci/run installs it). Without it this file fails, loudly;
 * set LAYERWISE_SKIP_PRE_COMMIT=1 to skip those tests on purpose on a machine that lacks it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sarifProblems } from '../pipeline/formats.ts';
import { cli, ROOT, spawnLayerwise } from './harness.ts';

const BAD = 'FROM node:22\nCOPY --link --chown=node . /app/\n';
const GOOD = 'FROM node:22\nCOPY --link --chown=1000:1000 . /app/\n';

function yaml(path: string): unknown {
  const script = 'import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))';
  return JSON.parse(execFileSync('python3', ['-c', script, path], { encoding: 'utf8' }));
}

const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

describe('action.yml', () => {
  const action = yaml(join(ROOT, 'action.yml')) as {
    inputs: Record<string, { description: string; default: string }>;
    runs: { using: string; steps: { shell: string; run: string; env: Record<string, string> }[] };
  };

  it('declares the inputs, pins the package version, and runs action/lint.sh', () => {
    expect(Object.keys(action.inputs)).toEqual(['paths', 'config', 'format', 'fail-on', 'sarif-file', 'version']);
    for (const input of Object.values(action.inputs)) expect(input.description.length).toBeGreaterThan(10);
    expect(String(action.inputs.version.default)).toBe(version);
    expect(action.runs.using).toBe('composite');
    const [step] = action.runs.steps;
    expect(step.run).toBe('"$GITHUB_ACTION_PATH/action/lint.sh"');
    for (const name of Object.keys(action.inputs)) {
      expect(step.env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`]).toBe(`\${{ inputs.${name} }}`);
    }
  });

  it('the step annotates, writes SARIF for upload, and fails at the fail level', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerwise-action-'));
    mkdirSync(join(dir, 'svc'));
    writeFileSync(join(dir, 'svc/Dockerfile'), BAD);
    writeFileSync(join(dir, 'ok.Dockerfile'), GOOD);
    const output = join(dir, 'github-output');
    const step = (inputs: Record<string, string>) =>
      spawnSync('bash', [join(ROOT, 'action/lint.sh')], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, LAYERWISE_BIN: join(ROOT, 'bin/layerwise.js'), GITHUB_OUTPUT: output, INPUT_VERSION: version, ...inputs },
      });
    const failed = step({ INPUT_PATHS: '.', INPUT_SARIF_FILE: 'layerwise.sarif' });
    expect(failed.stderr).toBe('');
    expect(failed.stdout).toMatch(/^::error file=svc\/Dockerfile,line=2,col=13,endLine=2,endColumn=25,title=LinkChownByName \(layerwise\)::/);
    expect(failed.status).toBe(1);
    const log = JSON.parse(readFileSync(join(dir, 'layerwise.sarif'), 'utf8'));
    expect(sarifProblems(log)).toEqual([]);
    expect(log.runs[0].results).toHaveLength(1);
    expect(readFileSync(output, 'utf8')).toBe('sarif-file=layerwise.sarif\n');

    const globbed = step({ INPUT_PATHS: '*.Dockerfile', INPUT_FORMAT: 'text' });
    expect([globbed.status, globbed.stdout, globbed.stderr]).toEqual([0, '', '']);
    expect(step({ INPUT_PATHS: 'svc', INPUT_FAIL_ON: 'none' }).status).toBe(0);
  });
});

const skipPreCommit = process.env.LAYERWISE_SKIP_PRE_COMMIT === '1';

describe.skipIf(skipPreCommit)('.pre-commit-hooks.yaml with pre-commit', () => {
  it('pre-commit is installed (.ci/run installs it; LAYERWISE_SKIP_PRE_COMMIT=1 skips on purpose)', () => {
    expect(spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).stdout).toMatch(/^pre-commit \d+/);
  });

  it.each(['layerwise', 'layerwise-npx'])('hook %s fails a commit with a bad Dockerfile and passes a good one, offline', (hook) => {
    const base = mkdtempSync(join(tmpdir(), 'layerwise-pre-commit-'));
    const git = (cwd: string, ...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });

    // The hook repository: this repo's hook definitions, committed in a local repository.
    const hooks = join(base, 'hooks');
    mkdirSync(hooks);
    git(hooks, 'init', '-q');
    copyFileSync(join(ROOT, '.pre-commit-hooks.yaml'), join(hooks, '.pre-commit-hooks.yaml'));
    git(hooks, 'add', '.');
    git(hooks, 'commit', '-q', '-m', 'hooks');
    const rev = git(hooks, 'rev-parse', 'HEAD').trim();

    // A project using it, with `layerwise` on PATH (a global install, or the project's own
    // devDependency for layerwise-npx: both stood in for by a shim running this checkout).
    const project = join(base, 'project');
    mkdirSync(join(project, 'svc'), { recursive: true });
    git(project, 'init', '-q');
    writeFileSync(join(project, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hooks}\n    rev: ${rev}\n    hooks:\n      - id: ${hook}\n`);
    writeFileSync(join(project, 'svc/Dockerfile'), BAD);
    writeFileSync(join(project, 'svc/Dockerfile.dockerignore'), 'secret\n');
    writeFileSync(join(project, 'README.md'), '# not a Dockerfile\n');
    const bin = join(base, 'bin');
    mkdirSync(bin);
    const shim = join(hook === 'layerwise' ? bin : join(project, 'node_modules/.bin'), 'layerwise');
    mkdirSync(join(shim, '..'), { recursive: true });
    writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'bin/layerwise.js')}" "$@"\n`);
    chmodSync(shim, 0o755);
    if (hook === 'layerwise-npx') writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'project', private: true, devDependencies: { layerwise: version } }));
    git(project, 'add', '.');

    const env = { ...process.env, PATH: [bin, ...(process.env.PATH ?? '').split(delimiter)].join(delimiter), PRE_COMMIT_HOME: join(base, 'cache'), npm_config_offline: 'true' };
    const run = () => spawnSync('pre-commit', ['run', '--all-files', '--color', 'never'], { cwd: project, env, encoding: 'utf8', timeout: 120_000 });
    const failed = run();
    expect(failed.stdout).toMatch(/layerwise lint.*Failed/);
    expect(failed.stdout).toContain('svc/Dockerfile:2:13: error LinkChownByName');
    expect(failed.stdout).not.toContain('README.md');
    expect(failed.status).toBe(1);

    writeFileSync(join(project, 'svc/Dockerfile'), GOOD);
    const passed = run();
    expect(passed.stdout).toMatch(/layerwise lint.*Passed/);
    expect(passed.status, passed.stdout + passed.stderr).toBe(0);
  }, 120_000);
});

describe('the CLI image', () => {
  it('its Dockerfile passes layerwise lint, even at --fail-on info', () => {
    expect(existsSync(join(ROOT, 'Dockerfile'))).toBe(true);
    const r = spawnLayerwise(['lint', '--fail-on', 'info', 'Dockerfile']);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('copies only the bundle, which .dockerignore lets through', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain('COPY --link dist-cli/layerwise.mjs /opt/layerwise/layerwise.mjs');
    expect(readFileSync(join(ROOT, '.dockerignore'), 'utf8')).toContain('!dist-cli/layerwise.mjs');
    const graph = JSON.parse(spawnLayerwise(['graph', '--format', 'json', 'Dockerfile']).stdout);
    const copy = graph.ops.find((op: { kind: string; details: { actions?: { type: string }[] } }) => op.kind === 'file' && op.details.actions?.some((a) => a.type === 'copy'));
    expect(copy.details.actions[0]).toMatchObject({ type: 'copy', onto: 'scratch', src: '/dist-cli/layerwise.mjs' });
  });
});

describe('the CI snippets in the docs', () => {
  const docs = ['README.md', 'content/cli.mdx'].map((file) => [file, readFileSync(join(ROOT, file), 'utf8')] as const);
  const blocks = (text: string, lang: string) => [...text.matchAll(new RegExp('```' + lang + '[^\\n]*\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);

  it.each(docs)('%s pins the package version everywhere', (_, text) => {
    const pins = [...text.matchAll(/layerwise@v?(\d+\.\d+\.\d+)|rev: v(\d+\.\d+\.\d+)/g)].map((m) => m[1] ?? m[2]);
    expect(pins.length).toBeGreaterThan(2);
    expect(new Set(pins)).toEqual(new Set([version]));
  });

  it.each(docs)('%s names only hooks and action inputs that exist', (_, text) => {
    const hooks = (yaml(join(ROOT, '.pre-commit-hooks.yaml')) as { id: string }[]).map((hook) => hook.id);
    const ids = [...text.matchAll(/- id: ([\w-]+)/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(hooks).toContain(id);
    const inputs = Object.keys((yaml(join(ROOT, 'action.yml')) as { inputs: Record<string, unknown> }).inputs);
    const withKeys = [...text.matchAll(/uses: layerwise\/layerwise@\S+\n(\s*)with:\n((?:\1 +[\w-]+:.*\n)+)/g)].flatMap((m) => [...m[2].matchAll(/^\s+([\w-]+):/gm)].map((k) => k[1]));
    expect(withKeys.length).toBeGreaterThan(2);
    for (const key of withKeys) expect(inputs).toContain(key);
  });

  it('the .layerwise.yaml example on /cli/ is a valid config', async () => {
    const [example] = blocks(docs[1][1], 'yaml title=".layerwise.yaml"');
    expect(example).toContain('allowInlineSkips: false');
    const r = await cli(['lint', 'D'], { D: 'FROM alpine AS production\nMAINTAINER me\nCMD echo hi\n', '.layerwise.yaml': example });
    expect(r).toEqual({ code: 0, stdout: 'D:3:1: info JSONArgsRecommended JSON arguments recommended for CMD to prevent unintended behavior related to OS signals (https://docs.example.com/layerwise/rules/json-args-recommended/)\n', stderr: '' });
  });
});

/**
 * The published package as a consumer gets it: `npm pack` (which builds the bundle), an offline
 * install of the tarball into an empty project, then `npx layerwise` under the machine's own
 * Node (20 here) and under Node 24; the analyzer API through `import 'layerwise'`, its types
 * through tsc; and a global install.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './harness.ts';
import { envWith, type NodeBinary, node24, systemNode } from './system-node.ts';

const DOCKERFILE = 'FROM node:22\nCOPY --link --chown=node . /app/\n';
const CLEAN = 'FROM alpine\nCOPY /dir1 /dir1\n';

let work: string;
let tarball: string;
let consumer: string;

function run(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; input?: string }) {
  const result = spawnSync(command, args, { ...options, encoding: 'utf8', timeout: 120_000 });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'layerwise-package-'));
  const packed = run('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT });
  expect(packed.code, packed.stderr).toBe(0);
  // npm prints lifecycle script output before the JSON.
  const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('[\n'))) as { filename: string; files: { path: string }[] }[];
  tarball = join(work, info.filename);
  consumer = join(work, 'consumer');
  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  writeFileSync(join(consumer, 'Dockerfile'), DOCKERFILE);
  writeFileSync(join(consumer, 'clean.Dockerfile'), CLEAN);
  const installed = run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: consumer, env: envWith(systemNode()) });
  expect(installed.code, installed.stderr).toBe(0);
  expect(installed.stderr).not.toMatch(/install-scripts|WARN/i);
}, 240_000);

describe('the packed tarball', () => {
  it('holds the bin, the bundle, its declarations, the schema, README and licence, and nothing else (no sources)', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort();
    const outside = files.filter((f) => !/^package\/(bin\/layerwise\.js|dist-cli\/(layerwise\.mjs|analyzer\.mjs|layerwise\.schema\.json|types\/.+\.d\.ts)|README\.md|LICENSE|package\.json)$/.test(f));
    expect(outside).toEqual([]);
    for (const must of ['package/bin/layerwise.js', 'package/dist-cli/layerwise.mjs', 'package/dist-cli/analyzer.mjs', 'package/dist-cli/types/index.d.ts', 'package/dist-cli/layerwise.schema.json', 'package/LICENSE', 'package/README.md']) {
      expect(files).toContain(must);
    }
  });

  it('declares no runtime dependency, so a consumer installs exactly one package', () => {
    const manifest = JSON.parse(readFileSync(join(consumer, 'node_modules/layerwise/package.json'), 'utf8'));
    expect(manifest.private).toBeUndefined();
    expect(manifest.dependencies ?? {}).toEqual({});
    // One bin for a checkout and the package: without sources beside it, it runs the bundle.
    expect(manifest.bin).toEqual({ layerwise: 'bin/layerwise.js' });
    expect(readdirSync(join(consumer, 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual(['layerwise']);
  });

  it('bundles everything into one file that imports only node: built-ins', () => {
    const bundle = readFileSync(join(consumer, 'node_modules/layerwise/dist-cli/layerwise.mjs'), 'utf8');
    expect(bundle.startsWith('#!/usr/bin/env node\n')).toBe(true);
    const imports = [...bundle.matchAll(/^\s*import\s.*?from\s*["']([^"']+)["']/gm)].map((m) => m[1]);
    expect(imports.filter((specifier) => !specifier.startsWith('node:'))).toEqual([]);
  });
});

describe.each([
  ['the system Node', systemNode],
  ['Node 24', node24],
])('npx layerwise from node_modules under %s', (_, which: () => NodeBinary) => {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

  it('--version, lint and graph work', () => {
    const node = which();
    const env = envWith(node);
    expect(run('node', ['--version'], { cwd: consumer, env }).stdout.trim()).toBe(node.version);
    expect(run('npx', ['layerwise', '--version'], { cwd: consumer, env })).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });

    const lint = run('npx', ['layerwise', 'lint', 'Dockerfile'], { cwd: consumer, env });
    expect(lint.stderr).toBe('');
    expect(lint.stdout).toMatch(/^Dockerfile:2:13: error LinkChownByName /);
    expect(lint.code).toBe(1);

    const graph = run('npx', ['layerwise', 'graph', '--format', 'shape', 'clean.Dockerfile'], { cwd: consumer, env });
    expect(graph).toEqual({
      code: 0,
      stderr: '',
      stdout: '#0 src docker-image://docker.io/library/alpine\n#1 src local://context\n#2 file[#0,#1] copy->base:/dir1\nresult=#2\n',
    });
  }, 120_000);

  it('the analyzer API imports as `layerwise`', () => {
    const env = envWith(which());
    const script = "import { analyze } from 'layerwise'; const a = analyze('FROM alpine\\nMAINTAINER me\\n'); console.log(a.findings.map((f) => f.rule).join());";
    expect(run('node', ['--input-type=module', '-e', script], { cwd: consumer, env })).toEqual({ code: 0, stdout: 'MaintainerDeprecated\n', stderr: '' });
  });
});

describe('installed other ways', () => {
  it('npm install -g puts a working layerwise on PATH', () => {
    const prefix = join(work, 'global');
    const env = envWith(systemNode());
    const installed = run('npm', ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, tarball], { cwd: work, env });
    expect(installed.code, installed.stderr).toBe(0);
    const lint = run(join(prefix, 'bin/layerwise'), ['lint', '--format', 'json', '-'], { cwd: work, env, input: DOCKERFILE });
    expect(JSON.parse(lint.stdout).findings.map((f: { rule: string }) => f.rule)).toEqual(['LinkChownByName']);
    expect(lint.code).toBe(1);
  }, 120_000);

  it('npx --package=TARBALL runs it without a project', () => {
    const env = envWith(systemNode(), { npm_config_cache: join(work, 'npx-cache') });
    const r = run('npx', ['--yes', '--offline', `--package=${tarball}`, 'layerwise', 'lint', '--format', 'json', '-'], { cwd: work, env, input: DOCKERFILE });
    expect(JSON.parse(r.stdout).findings.map((f: { rule: string }) => f.rule)).toEqual(['LinkChownByName']);
    expect(r.code).toBe(1);
  }, 120_000);

  it('the declarations type-check an embedding program', () => {
    writeFileSync(
      join(consumer, 'embed.ts'),
      [
        "import { analyze, type Analysis, type AnalyzeOptions } from 'layerwise';",
        "const options: AnalyzeOptions = { target: 'build', buildArgs: { A: '1' } };",
        "const analysis: Analysis = analyze('FROM alpine AS build\\n', options);",
        'const lines: number[] = analysis.findings.map((finding) => finding.span.start);',
        'console.log(lines, analysis.graph.ops.length);',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', types: [] }, files: ['embed.ts'] }),
    );
    const tsc = run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: consumer });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.code).toBe(0);
  }, 60_000);
});

/** The Node binaries the package tests run the published CLI under. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { ROOT } from './harness.ts';

export interface NodeBinary {
  readonly path: string;
  readonly version: string;
}

function describeNode(path: string): NodeBinary {
  const run = spawnSync(path, ['--version'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${path} --version failed: ${run.stderr}`);
  return { path, version: run.stdout.trim() };
}

/** PATH without the repository's node_modules/.bin, where the node@24 shim lives. */
export function cleanPath(): string[] {
  return (process.env.PATH ?? '').split(delimiter).filter((dir) => dir && !dir.includes('node_modules'));
}

/** The machine's own Node: the first `node` on PATH outside any node_modules (Node 20 here). */
export function systemNode(): NodeBinary {
  for (const dir of cleanPath()) {
    const candidate = join(dir, 'node');
    if (existsSync(candidate)) return describeNode(candidate);
  }
  throw new Error('no system Node on PATH (outside node_modules)');
}

/** The Node 24 of the node@24 devDependency. */
export function node24(): NodeBinary {
  return describeNode(join(ROOT, 'node_modules/node/bin/node'));
}

/** An environment whose `node` (and so `npx`'s) is the given binary. */
export function envWith(node: NodeBinary, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra, PATH: [dirname(node.path), ...cleanPath()].join(delimiter) };
  // npm run sets these for its children; a consumer's shell has none of them.
  for (const key of Object.keys(env)) if (key.startsWith('npm_')) delete env[key];
  return env;
}

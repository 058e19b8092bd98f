import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT, spawnLayerwise } from './harness.ts';

describe('bin/layerwise.js', () => {
  it('prints help and exits 0 with --help', () => {
    const run = spawnLayerwise(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('layerwise lint');
  });

  it('stops quietly when the reader closes the pipe early', () => {
    // 400 findings of SARIF, of which `head` reads a few bytes: EPIPE must not become a stack trace.
    const dockerfile = Array.from({ length: 200 }, (_, i) => `FROM alpine AS s${i}\nCOPY --link --chmod=755 a /a\n`).join('');
    const run = spawnSync('bash', ['-c', '"$0" bin/layerwise.js lint --format sarif - | head -c 64 >/dev/null; echo "status=${PIPESTATUS[0]}"', process.execPath], {
      cwd: ROOT,
      input: dockerfile,
      encoding: 'utf8',
    });
    expect(run.stderr).not.toMatch(/Error|EPIPE/);
    expect(run.stdout.trim()).toBe('status=0');
  });

  // The machine's own Node (20 here) cannot run TypeScript: the bin hands over to node@24.
  it.skipIf(!existsSync('/usr/bin/node'))('runs under the system Node too', () => {
    const run = spawnLayerwise(['graph', '--format', 'shape', '-'], { node: '/usr/bin/node', input: 'FROM alpine\nCOPY /dir1 /dir1\n' });
    expect(run).toEqual({
      code: 0,
      stderr: '',
      stdout: '#0 src docker-image://docker.io/library/alpine\n#1 src local://context\n#2 file[#0,#1] copy->base:/dir1\nresult=#2\n',
    });
  });
});

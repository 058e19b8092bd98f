import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');

describe('bin/layerwise.js', () => {
  it('prints help and exits 0 with --help', () => {
    const run = spawnSync('npx', ['layerwise', '--help'], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('layerwise lint');
  });

  it('stops quietly when the reader closes the pipe early', () => {
    // 400 findings of SARIF, of which `head` reads a few bytes: EPIPE must not become a stack trace.
    const dockerfile = Array.from({ length: 200 }, (_, i) => `FROM alpine AS s${i}\nCOPY --link --chmod=755 a /a\n`).join('');
    const run = spawnSync('bash', ['-c', 'npx layerwise lint --format sarif - | head -c 64 >/dev/null; echo "status=${PIPESTATUS[0]}"'], {
      cwd: root,
      input: dockerfile,
      encoding: 'utf8',
    });
    expect(run.stderr).not.toMatch(/Error|EPIPE/);
    expect(run.stdout.trim()).toBe('status=0');
  });
});

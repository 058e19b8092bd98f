import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processIo } from '../../../src/cli/main.ts';
import { cli } from './harness.ts';

describe('layerwise ast', () => {
  it('reads files as bytes: a Latin-1 file dumps as BuildKit dumps it', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'layerwise-')), 'Dockerfile');
    writeFileSync(path, Buffer.from([...Buffer.from('FROM alpine\nMAINTAINER Jos'), 0xe9, 0x0a]));
    const r = await cli(['ast', 'Dockerfile'], { Dockerfile: await processIo.readFile(path) });
    expect(r.stdout).toBe('(from "alpine")\n(maintainer "Jos\\xe9")\n');
  });

  const dockerfile = 'FROM golang:1.22 AS build\nCOPY --link --chown=10001 ["a b", "/dst/"]\nENV A=1\n';

  it('prints the BuildKit dump and a final newline', async () => {
    const r = await cli(['ast', '--format', 'buildkit', 'Dockerfile'], { Dockerfile: dockerfile });
    expect(r).toEqual({
      code: 0,
      stdout: '(from "golang:1.22" "AS" "build")\n(copy ["--link" "--chown=10001"] "a b" "/dst/")\n(env "A" "1" "=")\n',
      stderr: '',
    });
  });

  it('defaults to the buildkit format and reads standard input for -', async () => {
    const r = await cli(['ast', '-'], {}, { stdin: 'from a\n' });
    expect(r).toEqual({ code: 0, stdout: '(from "a")\n', stderr: '' });
  });

  it('refuses what BuildKit refuses: one error line, exit 1', async () => {
    for (const source of ['', '# only a comment\n', 'FROM a\nENV PATH\n', 'CMD [1]\n', 'RUN <<EOF\nx\n']) {
      const r = await cli(['ast', '--format=buildkit', 'Dockerfile'], { Dockerfile: source });
      expect(r.code, source).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^error: .+\n$/);
      expect(r.stderr.split('\n')).toHaveLength(2);
    }
    expect((await cli(['ast', 'D'], { D: 'FROM a\nENV PATH\n' })).stderr).toBe('error: ENV must have two arguments (D:2)\n');
  });

  it('prints warnings on standard error and still succeeds', async () => {
    const r = await cli(['ast', 'D'], { D: 'FROM a\nRUN a \\\n\n  b\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('(from "a")\n(run "a   b")\n');
    expect(r.stderr).toBe('warning: NoEmptyContinuation: Empty continuation line (D:4)\n');
  });

  it('prints the tree as JSON with line, column and offset ranges', async () => {
    const r = await cli(['ast', '--format', 'json', 'D'], { D: dockerfile });
    expect(r.code).toBe(0);
    const tree = JSON.parse(r.stdout);
    expect(tree.version).toBe(1);
    expect(tree.instructions).toHaveLength(3);
    const copy = tree.instructions[1];
    expect(copy).toMatchObject({ keyword: 'COPY', command: 'copy', json: true, startLine: 2, endLine: 2 });
    expect(copy.flags[1]).toEqual({
      value: '--chown=10001',
      range: { start: { line: 2, column: 13, offset: 38 }, end: { line: 2, column: 26, offset: 51 } },
    });
    expect(copy.args.map((a: { value: string }) => a.value)).toEqual(['a b', '/dst/']);
    expect(tree.diagnostics).toEqual([]);
  });

  it('still prints the JSON tree for a refused file, with exit 1', async () => {
    const r = await cli(['ast', '--format', 'json', 'D'], { D: 'FROM a\nENV PATH\n' });
    expect(r.code).toBe(1);
    const tree = JSON.parse(r.stdout);
    expect(tree.diagnostics[0]).toMatchObject({ rule: 'BuildError', severity: 'error', message: 'ENV must have two arguments' });
    expect(tree.diagnostics[0].range.start).toEqual({ line: 2, column: 1, offset: 7 });
  });

  it.each([
    [['ast'], 'expects exactly one FILE'],
    [['ast', 'a', 'b'], 'expects exactly one FILE'],
    [['ast', '--format', 'xml', 'D'], '--format must be one of buildkit, json'],
    [['ast', 'missing'], 'cannot read missing: no such file'],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const r = await cli(argv, { D: 'FROM a' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

/** Input that is not a Dockerfile: one clear error, never its bytes, never a crash or a heap overflow. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ENV_ENTRIES, MAX_WORKDIR_CHARS, tooLarge } from '../../../src/cli/size-guard.ts';
import { decodeText } from '../../../src/cli/text.ts';
import { rawByteChar } from '../../../src/analyzer/core/raw-bytes.ts';
import { cli, spawnLayerwise } from './harness.ts';

describe('files that are not text', () => {
  const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...Array.from({ length: 4000 }, (_, i) => (i * 37) % 256)]);

  it.each([['lint'], ['graph'], ['ast'], ['simulate', '--change', 'line:1']])('%s refuses a binary with one line', async (...command) => {
    const r = await cli([...command, 'ls'], { ls: elf });
    expect(r).toEqual({ code: 2, stdout: '', stderr: `layerwise ${command[0]}: cannot read ls: not a text file (a NUL byte at offset 7)\n` });
  });

  it('refuses mostly invalid UTF-8 without NUL bytes, from a file or standard input', async () => {
    const noise = new Uint8Array(Array.from({ length: 600 }, (_, i) => 0x80 + (i % 64)));
    expect((await cli(['lint', 'x'], { x: noise })).stderr).toMatch(/^layerwise lint: cannot read x: not a text file \(\d+ of its \d+ characters are not valid UTF-8\)\n$/);
    expect((await cli(['lint', '-'], {}, { stdin: noise })).stderr).toMatch(/^layerwise lint: cannot read standard input: not a text file/);
  });

  it('keeps a stray Latin-1 byte as BuildKit does, as its raw-byte character', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('# caf'), 0xe9, ...new TextEncoder().encode('\nFROM alpine\nRUN echo "\u00fc\u00ef \uFFFD"\n')]);
    expect(decodeText(bytes)).toBe(`# caf${rawByteChar(0xe9)}\nFROM alpine\nRUN echo "\u00fc\u00ef \uFFFD"\n`);
  });
});

describe('memory stays bounded', () => {
  function envRun(envs: number, runs: number): string {
    const lines = ['FROM alpine'];
    for (let i = 0; i < envs; i++) lines.push(`ENV VARIABLE_${i}=value-${i}`);
    for (let i = 0; i < runs; i++) lines.push(`RUN echo step ${i}`);
    return lines.join('\n') + '\n';
  }
  function alternating(pairs: number): string {
    const lines = ['FROM alpine'];
    for (let i = 0; i < pairs; i++) lines.push(`ENV VARIABLE_${i}=value-${i}`, `RUN echo step ${i}`);
    return lines.join('\n') + '\n';
  }

  it('counts the environment lists RUN steps need: one per run of RUNs, following stages built FROM a named stage', () => {
    expect(tooLarge(envRun(40_000, 80_000))).toBeUndefined();
    expect(tooLarge(alternating(6000))).toBeUndefined();
    expect(tooLarge(alternating(7000))).toBe(
      'its ENV/ARG and RUN lines alternate so that 7000 RUN steps each need a new environment list (24503500 entries in all, over the limit of 20000000); group the ENV lines before the RUN lines',
    );
    const inherited = 'FROM alpine AS base\n' + 'ENV A=1\n'.repeat(5000) + 'FROM base\n' + 'ARG X\nRUN x\n'.repeat(4000);
    expect(tooLarge(inherited)).toMatch(/4000 RUN steps each need a new environment list \(28002000 entries/);
  });

  it('counts the working-directory paths ops carry: relative WORKDIRs nest, absolute ones reset', () => {
    const nested = (n: number, prefix = '') => 'FROM alpine\n' + Array.from({ length: n }, (_, i) => `WORKDIR ${prefix}d${i}\nRUN x\n`).join('');
    expect(tooLarge(nested(20_000, '/'))).toBeUndefined();
    expect(tooLarge(nested(3000))).toBeUndefined();
    expect(tooLarge(nested(20_000))).toMatch(
      new RegExp(`^its 20000 WORKDIR lines nest working directories so deep that the steps' paths add up to \\d+ characters \\(over the limit of ${MAX_WORKDIR_CHARS}\\); use absolute WORKDIR paths$`),
    );
  });

  // The file of the report: 37k ENV lines then 75k RUN lines, with a 1 GB heap. It finishes:
  // consecutive RUN steps share one environment list (graph/lowering/run.ts, graph/op-table.ts).
  it('lints the 37k ENV x 75k RUN file within 1 GB', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerwise-big-'));
    const file = join(dir, 'Dockerfile');
    writeFileSync(file, envRun(37_000, 75_000));
    const r = spawnLayerwise(['lint', '--format', 'json', file], { nodeArgs: ['--max-old-space-size=1024'], timeout: 170_000 });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ version: 1, findings: [] });
    expect(r.code).toBe(0);
  }, 180_000);

  it('graph --format json, which prints every exec op\'s environment, refuses what would print millions of entries', async () => {
    const D = envRun(1000, 6000);
    expect(await cli(['graph', '--format', 'json', 'D'], { D })).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'layerwise graph: cannot print the graph of D as JSON: its 6000 RUN steps would print 6006000 environment entries in all (over the limit of 5000000); use --format shape or mermaid\n',
    });
    expect((await cli(['graph', '--format', 'shape', 'D'], { D })).code).toBe(0);
    expect((await cli(['graph', '--format', 'json', 'D'], { D: envRun(1000, 4000) })).code).toBe(0);
  });

  it('refuses alternating ENV and RUN lines that would need more, clearly, before analysing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerwise-big-'));
    const file = join(dir, 'Dockerfile');
    writeFileSync(file, alternating(30_000));
    const r = spawnLayerwise(['lint', file], { nodeArgs: ['--max-old-space-size=1024'], timeout: 60_000 });
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `layerwise lint: cannot analyse ${file}: its ENV/ARG and RUN lines alternate so that 30000 RUN steps each need a new environment list (450015000 entries in all, over the limit of ${MAX_ENV_ENTRIES}); group the ENV lines before the RUN lines\n`,
    );
    expect(r.code).toBe(2);
  }, 60_000);
});

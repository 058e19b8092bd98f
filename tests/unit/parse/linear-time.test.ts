import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/analyzer/parse/parse.ts';
import { SHARED } from '../../conformance/shared.ts';

/**
 * Linear time, checked as a ratio: parsing an input 4 times larger must not take more than
 * 10 times longer (linear is 4; quadratic would be 16). Measured in CPU time, best of
 * several interleaved runs after a warm-up, so a busy shared machine does not decide.
 */
/** CPU time of this process in milliseconds: other processes loading the machine do not count. */
function time(source: string): number {
  const start = process.cpuUsage();
  parse(source);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function expectLinear(make: (n: number) => string, n: number): void {
  const small = make(n);
  const large = make(4 * n);
  expect(large.length).toBeGreaterThanOrEqual(3.5 * small.length);
  parse(small);
  // The input must really be what it claims, not a line the scanner refuses at once.
  expect(parse(large).diagnostics.map((d) => d.message)).not.toContain('dockerfile line greater than max allowed size of 65535');
  // Interleaved runs, best of each, so that load on the machine hits both sizes alike.
  let bestSmall = Infinity;
  let bestLarge = Infinity;
  for (let run = 0; run < 5; run++) {
    bestSmall = Math.min(bestSmall, time(small));
    bestLarge = Math.min(bestLarge, time(large));
  }
  // Tiny times are all noise; give the small input a floor of a millisecond.
  const ratio = bestLarge / Math.max(bestSmall, 1);
  expect(ratio, `${bestSmall.toFixed(1)} ms → ${bestLarge.toFixed(1)} ms`).toBeLessThan(10);
}

const corpus = (() => {
  const dir = join(SHARED, 'corpus');
  return readdirSync(dir)
    .filter((name) => name !== 'SOURCES.tsv')
    .sort()
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('\n');
})();

/**
 * One logical line of any length: `text` cut into physical lines under the scanner's limit,
 * joined by continuations (a cut never falls right after a backslash, which would escape it).
 */
function continued(text: string): string {
  const lines: string[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + 60000);
    while (end < text.length && end > at + 1 && text[end - 1] === '\\') end--;
    lines.push(text.slice(at, end));
    at = end;
  }
  return lines.join('\\\n');
}

describe('parse runs in linear time', () => {
  it('on a 1 MiB Dockerfile (against 4 MiB)', () => {
    expectLinear((n) => corpus.repeat(Math.ceil(n / corpus.length)).slice(0, n), 1024 * 1024);
  });

  it('on 100,000 backslashes, one per line', () => {
    expectLinear((n) => 'FROM a\nRUN x \\\n' + '\\\n'.repeat(n), 25_000);
  });

  it('on 100,000 backslashes in one instruction', () => {
    expectLinear((n) => continued('RUN x' + ' \\a'.repeat(n)), 25_000);
  });

  it('on lines of nothing but backslashes (millions of them)', () => {
    expectLinear((n) => 'FROM a\n' + ('\\'.repeat(50_000) + '\n').repeat(n / 50_000), 2_000_000);
  });

  it('on 100,000 escaped spaces in ENV and flags', () => {
    expectLinear((n) => continued('ENV A=' + '\\ '.repeat(n)), 25_000);
    expectLinear((n) => continued('COPY' + ' --a=\\"b'.repeat(n) + ' x y'), 10_000);
  });

  it('on deeply nested ${ in a heredoc line', () => {
    expectLinear((n) => continued('RUN <<EOF cat ' + '${a:-'.repeat(n) + '}'.repeat(n)) + '\nEOF\n', 25_000);
    expectLinear((n) => continued('RUN <<EOF cat ' + '"${a:-'.repeat(n) + '}"'.repeat(n)) + '\nEOF\n', 25_000);
    // Unclosed: the lexer fails at the end, after reading everything once.
    expectLinear((n) => continued('COPY <<EOF ' + '${a:-'.repeat(n)) + '\nEOF\n', 25_000);
  });

  it('on deep ONBUILD chains, long JSON arrays and many heredocs', () => {
    expectLinear((n) => continued('ONBUILD'.repeat(1) + ' ONBUILD'.repeat(n) + ' RUN x'), 10_000);
    expectLinear((n) => continued('CMD [' + '"a",'.repeat(n) + '"a"]'), 25_000);
    expectLinear((n) => 'FROM a\n' + 'RUN <<A <<B\na\nA\nb\nB\n'.repeat(n), 5_000);
    expectLinear((n) => 'FROM a\nCOPY <<EOF /x\n' + 'line\n'.repeat(n) + 'EOF\n', 50_000);
  });
});

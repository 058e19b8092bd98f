import { describe, expect, it } from 'vitest';
import { LogicalLine } from '../../../src/analyzer/parse/logical-line.ts';
import { scanLines } from '../../../src/analyzer/parse/scanner.ts';

const lines = (source: string) => {
  const l = scanLines(source);
  return Array.from({ length: l.count }, (_, i) => source.slice(l.start[i], l.contentEnd[i]));
};

describe('physical lines', () => {
  it.each([
    ['', []],
    ['a', ['a']],
    ['a\n', ['a']],
    ['a\n\n', ['a', '']],
    ['a\r\nb\r\r\n', ['a', 'b']],
    ['a\rb', ['a\rb']],
    ['\ufeffa\n\ufeffb', ['a', '\ufeffb']],
  ])('%j → %j', (source, expected) => {
    expect(lines(source)).toEqual(expected);
  });

  it('stops at the first line over 65535 UTF-8 bytes', () => {
    const source = `a\n${'é'.repeat(32768)}\nb\n`;
    const l = scanLines(source);
    expect(l.count).toBe(1);
    expect(l.tooLong).toBe(1);
    expect(l.stoppedAt).toBe(2);
  });

  it('counts the BOM against the limit of the first line', () => {
    expect(scanLines('\ufeff' + 'x'.repeat(65532)).tooLong).toBe(-1);
    expect(scanLines('\ufeff' + 'x'.repeat(65533)).tooLong).toBe(0);
  });
});

describe('logical lines', () => {
  it('map every index of the joined text back to the source', () => {
    const source = 'RUN a \\\n  b\\\n# c\nd';
    const line = new LogicalLine().reset(0);
    line.append(source, 0, 6);
    line.append(source, 8, 11);
    line.append(source, 17, 18);
    line.finish();
    expect(line.text).toBe('RUN a   bd');
    expect([...line.text].map((_, i) => line.offset(i))).toEqual([0, 1, 2, 3, 4, 5, 8, 9, 10, 17]);
    expect(line.span(4, 10)).toEqual({ start: 4, end: 18 });
    expect(line.span(10, 10)).toEqual({ start: 18, end: 18 });
  });
});

import { describe, expect, it } from 'vitest';
import { lineStarts, positionAt, rangeOf } from '../../../src/analyzer/core/span.ts';

describe('offsets to lines and columns', () => {
  const text = 'FROM alpine\nCOPY a /a\r\n\nRUN x';
  const starts = lineStarts(text);

  it('finds the start of every line, CRLF included', () => {
    expect(starts).toEqual([0, 12, 23, 24]);
  });

  it('maps offsets to 1-based lines and columns', () => {
    expect(positionAt(starts, 0)).toEqual({ line: 1, column: 1, offset: 0 });
    expect(positionAt(starts, 11)).toEqual({ line: 1, column: 12, offset: 11 });
    expect(positionAt(starts, 12)).toEqual({ line: 2, column: 1, offset: 12 });
    expect(positionAt(starts, 23)).toEqual({ line: 3, column: 1, offset: 23 });
    expect(positionAt(starts, text.length)).toEqual({ line: 4, column: 6, offset: text.length });
  });

  it('converts a span to a range', () => {
    expect(rangeOf(starts, { start: 17, end: 20 })).toEqual({
      start: { line: 2, column: 6, offset: 17 },
      end: { line: 2, column: 9, offset: 20 },
    });
  });

  it('handles an empty text', () => {
    expect(positionAt(lineStarts(''), 0)).toEqual({ line: 1, column: 1, offset: 0 });
  });
});

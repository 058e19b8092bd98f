/**
 * One coordinate system inside the analyzer: UTF-16 offsets into the source text.
 * Lines and columns exist only at the edges (CLI output, editor markers, JSON).
 */
export interface Span {
  /** Offset of the first character. */
  readonly start: number;
  /** Offset just past the last character (exclusive). */
  readonly end: number;
}

/** A point as shown to people: 1-based line and column, plus the offset it came from. */
export interface Position {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

export interface LineColumnRange {
  readonly start: Position;
  readonly end: Position;
}

export function span(start: number, end: number): Span {
  return { start, end };
}

/** Offsets of the first character of every line; built once per text, then binary-searched. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Converts an offset to a 1-based line and column, clamping offsets outside the text. */
export function positionAt(starts: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo] + 1, offset };
}

export function rangeOf(starts: readonly number[], s: Span): LineColumnRange {
  return { start: positionAt(starts, s.start), end: positionAt(starts, s.end) };
}

import { utf8Length } from '../core/go-strings.ts';

/**
 * Physical lines as BuildKit's line scanner sees them: split on `\n`, a last line without
 * `\n` only when it is not empty, trailing `\r`/`\n` trimmed from the content, a UTF-8 BOM
 * dropped from the first line, and scanning stopped at the first line longer than the
 * scanner's 64 KiB buffer.
 */
export interface PhysicalLines {
  readonly count: number;
  /** Offset of the line's first character (after the BOM on line 0). */
  readonly start: Int32Array;
  /** Offset just past the content, trailing `\r` characters excluded. */
  readonly contentEnd: Int32Array;
  /** Offset of the next line (just past the `\n`, or the end of the text). */
  readonly next: Int32Array;
  /** Index of the first line too long to scan; scanning stopped there. -1 when none. */
  readonly tooLong: number;
  /** Offset where scanning stopped: the start of the too-long line, or the end of the text. */
  readonly stoppedAt: number;
}

/** Largest line BuildKit's scanner accepts, in bytes, newline excluded. */
export const MAX_LINE_BYTES = 65535;

export function scanLines(source: string): PhysicalLines {
  // Count first, then fill flat arrays: no growing arrays, almost nothing for the GC.
  let lineCount = 1;
  for (let nl = source.indexOf('\n'); nl !== -1; nl = source.indexOf('\n', nl + 1)) lineCount++;
  const start = new Int32Array(lineCount);
  const contentEnd = new Int32Array(lineCount);
  const next = new Int32Array(lineCount);
  let count = 0;
  let tooLong = -1;
  let pos = 0;
  while (pos < source.length) {
    const nl = source.indexOf('\n', pos);
    const lineEnd = nl === -1 ? source.length : nl;
    // The BOM is part of what the scanner buffers, so it counts against the limit.
    const units = lineEnd - pos;
    if (units * 3 > MAX_LINE_BYTES && (units > MAX_LINE_BYTES || utf8Length(source, pos, lineEnd) > MAX_LINE_BYTES)) {
      tooLong = count;
      break;
    }
    let end = lineEnd;
    while (end > pos && source.charCodeAt(end - 1) === 13) end--;
    const first = pos === 0 && source.charCodeAt(0) === 0xfeff ? 1 : pos;
    start[count] = first;
    contentEnd[count] = Math.max(end, first);
    next[count] = nl === -1 ? source.length : nl + 1;
    count++;
    pos = nl === -1 ? source.length : nl + 1;
  }
  return { count, start, contentEnd, next, tooLong, stoppedAt: pos };
}

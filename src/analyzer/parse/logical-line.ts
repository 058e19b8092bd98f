import type { Span } from '../core/span.ts';

/**
 * An instruction's text with its continuation lines joined (BuildKit's `Node.Original`),
 * plus a map from every index of that text back to the source offset it came from.
 */
export class LogicalLine {
  text = '';
  /** Index in `text` where each piece starts. */
  private readonly at: number[] = [];
  /** Source offset of each piece's first character. */
  private readonly from: number[] = [];
  private readonly pieces: string[] = [];
  private length = 0;
  /** Source offset just past the last piece, for empty text and end positions. */
  private endOffset: number;

  constructor(startOffset = 0) {
    this.endOffset = startOffset;
  }

  /** Empties the line for reuse (one instance serves a whole file). */
  reset(startOffset: number): this {
    this.text = '';
    this.at.length = 0;
    this.from.length = 0;
    this.pieces.length = 0;
    this.length = 0;
    this.endOffset = startOffset;
    return this;
  }

  /** Appends `source[start, end)`. */
  append(source: string, start: number, end: number): void {
    if (end <= start) return;
    this.at.push(this.length);
    this.from.push(start);
    this.pieces.push(source.slice(start, end));
    this.length += end - start;
    this.endOffset = end;
  }

  /** Joins the pieces once (never by repeated concatenation). */
  finish(): this {
    this.text = this.pieces.length === 1 ? this.pieces[0] : this.pieces.join('');
    this.pieces.length = 0;
    return this;
  }

  /** Source offset of the character at `index` (or just past the text for `index` = length). */
  offset(index: number): number {
    const at = this.at;
    if (at.length === 0 || index >= this.length) return this.endOffset;
    let lo = 0;
    let hi = at.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (at[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    return this.from[lo] + (index < 0 ? 0 : index - at[lo]);
  }

  /** Source span of `text[start, end)`: from its first character to just past its last. */
  span(start: number, end: number): Span {
    if (end <= start) {
      const at = this.offset(start);
      return { start: at, end: at };
    }
    return { start: this.offset(start), end: this.offset(end - 1) + 1 };
  }
}

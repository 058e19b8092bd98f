import { codePointAt, skipGoSpace, trimGoSpaceEnd, unitWidth } from '../core/go-strings.ts';
import { rawBytesText, utf8Bytes } from '../core/raw-bytes.ts';

/** A piece of text cut from a logical line, with its indices in that line. */
export interface Piece {
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

export interface SplitCommand {
  readonly keyword: Piece;
  readonly flags: Piece[];
  /** What follows the flags, trimmed: what the per-instruction parser receives. */
  readonly rest: Piece;
  /**
   * When the flag scanner stopped inside a character (after its 0x85 or 0xA0 byte), the rest
   * starts with that character's remaining bytes: they replace the character at `rest.start`
   * (as raw-byte characters, core/raw-bytes.ts).
   */
  readonly cut?: string;
}

/** BuildKit's `[\t\v\f\r ]`, the separator of keyword/arguments and of plain word lists. */
export function isSplitSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0x0d;
}

/**
 * Splits `text[from, to)` into keyword, flags and rest: trims it, cuts at the first run
 * of `[\t\v\f\r ]`, then takes the leading `--` words as flags.
 */
export function splitCommand(text: string, from: number, to: number, escape: number): SplitCommand {
  const start = skipGoSpace(text, from, to);
  const end = trimGoSpaceEnd(text, start, to);
  let k = start;
  while (k < end && !isSplitSpace(text.charCodeAt(k))) k++;
  const keyword = { value: text.slice(start, k), start, end: k };
  if (k === end) return { keyword, flags: [], rest: { value: '', start: end, end } };
  let argsStart = k;
  while (argsStart < end && isSplitSpace(text.charCodeAt(argsStart))) argsStart++;
  const { flags, restStart, cut } = extractFlags(text, argsStart, end, escape);
  // A cut character is never a space, so trimming leaves it in place.
  const restFrom = skipGoSpace(text, restStart, end);
  const restTo = trimGoSpaceEnd(text, restFrom, end);
  return { keyword, flags, rest: { value: text.slice(restFrom, restTo), start: restFrom, end: restTo }, ...(cut ? { cut } : {}) };
}

/**
 * BuildKit reads flag words byte by byte and turns each byte into a rune, so outside
 * ASCII a flag holds one Latin-1 character per UTF-8 byte, and the bytes 0x85 and 0xA0
 * (inside characters such as `à`) count as spaces. We reproduce that, since it is what
 * BuildKit then reports in its messages. `ByteReader` walks the text as those bytes.
 */
export class ByteReader {
  private readonly text: string;
  private readonly to: number;
  private index: number;
  private pending: number[] = [];
  private pendingAt = 0;
  /** The current byte, and the character it belongs to. */
  value = -1;
  charStart = 0;
  charEnd = 0;
  first = true;

  constructor(text: string, from: number, to: number) {
    this.text = text;
    this.index = from;
    this.to = to;
  }

  next(): boolean {
    if (this.pendingAt < this.pending.length) {
      this.value = this.pending[this.pendingAt++];
      this.first = false;
      return true;
    }
    if (this.index >= this.to) return false;
    const c = this.text.charCodeAt(this.index);
    this.charStart = this.index;
    this.first = true;
    if (c < 0x80) {
      this.value = c;
      this.charEnd = ++this.index;
      return true;
    }
    const cp = codePointAt(this.text, this.index);
    this.index = Math.min(this.to, this.index + unitWidth(cp));
    this.charEnd = this.index;
    this.pending = utf8Bytes(cp);
    this.pendingAt = 1;
    this.value = this.pending[0];
    return true;
  }

  /** The bytes of the current character before the current byte (none at its first byte). */
  before(): number[] {
    return this.first ? [] : this.pending.slice(0, this.pendingAt - 1);
  }

  /** The current byte and the rest of its character, when it is not the character's first byte. */
  after(): number[] {
    return this.first ? [] : this.pending.slice(this.pendingAt - 1);
  }

  peek(): number {
    if (this.pendingAt < this.pending.length) return this.pending[this.pendingAt];
    if (this.index >= this.to) return -1;
    const c = this.text.charCodeAt(this.index);
    return c < 0x80 ? c : utf8Bytes(codePointAt(this.text, this.index))[0];
  }
}

/** Go's `unicode.IsSpace(rune(b))` for one byte. */
export function isByteSpace(b: number): boolean {
  return b === 0x20 || (b >= 0x09 && b <= 0x0d) || b === 0x85 || b === 0xa0;
}

/** Takes the leading `--` words of `text[from, to)` as flags; returns them and where the rest starts. */
export function extractFlags(text: string, from: number, to: number, escape: number): { flags: Piece[]; restStart: number; cut?: string } {
  // Most instructions have no flags: nothing to read byte by byte.
  if (text.charCodeAt(from) !== 0x2d || text.charCodeAt(from + 1) !== 0x2d) return { flags: [], restStart: from };
  const b = new ByteReader(text, from, to);
  // A rest that begins inside a character (after a 0x85/0xA0 byte) begins with its remaining bytes.
  const restAt = () => (b.first ? { flags, restStart: b.charStart } : { flags, restStart: b.charStart, cut: rawBytesText(b.after()) });

  const flags: Piece[] = [];
  let word = '';
  let wordStart = 0;
  let wordEnd = 0;
  let blankOK = false;
  let phase: 'spaces' | 'word' | 'quote' = 'spaces';
  let quote = 0;
  const emit = () => {
    if (word !== '--' && (blankOK || word.length > 0)) flags.push({ value: word, start: wordStart, end: wordEnd });
  };
  while (b.next()) {
    const v = b.value;
    if (phase === 'spaces') {
      if (isByteSpace(v)) continue;
      if (v !== 0x2d || b.peek() !== 0x2d) return restAt();
      phase = 'word';
      word = '';
      blankOK = false;
      wordStart = b.charStart;
    }
    if (phase === 'word' && isByteSpace(v)) {
      if (word === '--') return restAt();
      emit();
      phase = 'spaces';
      continue;
    }
    wordEnd = b.charEnd;
    if (phase === 'word' && (v === 0x27 || v === 0x22)) {
      quote = v;
      blankOK = true;
      phase = 'quote';
      continue;
    }
    if (phase === 'quote' && v === quote) {
      phase = 'word';
      continue;
    }
    if (v === escape) {
      if (!b.next()) break; // an escape token at the very end is dropped
      word += String.fromCharCode(b.value);
      wordEnd = b.charEnd;
      continue;
    }
    word += String.fromCharCode(v);
  }
  if (phase !== 'spaces') emit();
  return { flags, restStart: to };
}

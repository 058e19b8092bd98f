import type { Piece } from './split-command.ts';

/**
 * The exec (JSON) form, decided as BuildKit decides it with Go's `encoding/json`: the
 * whole text must be one JSON array (JSON whitespace around it), nested no deeper than
 * Go's limit, with every number representable as a float64. Then, and only then, a
 * non-string element is an error; any other failure silently means "not JSON".
 */
export type JsonForm =
  | { readonly kind: 'array'; readonly elements: Piece[] }
  | { readonly kind: 'not-strings' }
  | { readonly kind: 'invalid' };

export const NOT_STRINGS_ERROR = 'when using JSON array syntax, arrays must be comprised of strings only';

/** Go's `encoding/json` nesting limit. */
const MAX_DEPTH = 10000;

const INVALID: JsonForm = { kind: 'invalid' };
const LITERALS = ['true', 'false', 'null'];

function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/**
 * Parses `text[from, to)` (leading whitespace already skipped by the caller). Iterative,
 * so a deeply nested array cannot exhaust the stack.
 */
export function parseJsonForm(text: string, from: number, to: number): JsonForm {
  if (from >= to || text.charCodeAt(from) !== 0x5b) return INVALID;
  const elements: Piece[] = [];
  let allStrings = true;
  // Stack of open containers: 0x5b for arrays, 0x7b for objects.
  const stack: number[] = [];
  let i = from;

  const skip = () => {
    while (i < to && isJsonSpace(text.charCodeAt(i))) i++;
  };

  /** Reads a string starting at `i` (on the quote); returns its value or undefined. */
  const readString = (): string | undefined => {
    i++;
    let out = '';
    let run = i;
    while (i < to) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(run, i);
        i++;
        return out;
      }
      if (c < 0x20) return undefined;
      if (c !== 0x5c) {
        i++;
        continue;
      }
      out += text.slice(run, i);
      const e = text.charCodeAt(i + 1);
      i += 2;
      if (e === 0x22 || e === 0x5c || e === 0x2f) out += String.fromCharCode(e);
      else if (e === 0x62) out += '\b';
      else if (e === 0x66) out += '\f';
      else if (e === 0x6e) out += '\n';
      else if (e === 0x72) out += '\r';
      else if (e === 0x74) out += '\t';
      else if (e === 0x75) {
        const u = readHex4(i);
        if (u < 0) return undefined;
        i += 4;
        if (u >= 0xd800 && u <= 0xdbff && text.charCodeAt(i) === 0x5c && text.charCodeAt(i + 1) === 0x75) {
          const low = readHex4(i + 2);
          if (low >= 0xdc00 && low <= 0xdfff) {
            out += String.fromCharCode(u, low);
            i += 6;
            run = i;
            continue;
          }
        }
        // Go replaces a lone surrogate with U+FFFD.
        out += u >= 0xd800 && u <= 0xdfff ? '\ufffd' : String.fromCharCode(u);
      } else return undefined;
      run = i;
    }
    return undefined;
  };

  const readHex4 = (at: number): number => {
    if (at + 4 > to) return -1;
    let v = 0;
    for (let k = 0; k < 4; k++) {
      const h = hexValue(text.charCodeAt(at + k));
      if (h < 0) return -1;
      v = v * 16 + h;
    }
    return v;
  };

  /** Reads a number, true/false/null; returns false on a syntax error or a float64 overflow. */
  const readScalar = (): boolean => {
    const c = text.charCodeAt(i);
    for (const word of LITERALS) {
      if (c === word.charCodeAt(0)) {
        if (text.startsWith(word, i) && i + word.length <= to) {
          i += word.length;
          return true;
        }
        return false;
      }
    }
    const start = i;
    if (text.charCodeAt(i) === 0x2d) i++;
    const digits = () => {
      const s = i;
      while (i < to && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
      return i - s;
    };
    if (i < to && text.charCodeAt(i) === 0x30) i++;
    else if (digits() === 0) return false;
    if (i < to && text.charCodeAt(i) === 0x2e) {
      i++;
      if (digits() === 0) return false;
    }
    if (i < to && (text.charCodeAt(i) === 0x65 || text.charCodeAt(i) === 0x45)) {
      i++;
      if (i < to && (text.charCodeAt(i) === 0x2b || text.charCodeAt(i) === 0x2d)) i++;
      if (digits() === 0) return false;
    }
    return Number.isFinite(Number(text.slice(start, i)));
  };

  // The loop reads one value (or object key) per turn, then the `,` or closing brackets
  // after it; `stack` holds the open containers.
  stack.push(0x5b);
  i++;
  skip();
  if (i < to && text.charCodeAt(i) === 0x5d) {
    i++;
    stack.pop();
  } else {
    let expectKey = false;
    for (;;) {
      skip();
      if (i >= to) return INVALID;
      const top = stack.length === 1; // reading an element of the outer array
      const c = text.charCodeAt(i);
      if (expectKey) {
        if (c !== 0x22 || readString() === undefined) return INVALID;
        skip();
        if (text.charCodeAt(i) !== 0x3a) return INVALID;
        i++;
        expectKey = false;
        continue;
      }
      // A value.
      const valueStart = i;
      if (c === 0x22) {
        const value = readString();
        if (value === undefined) return INVALID;
        if (top) elements.push({ value, start: valueStart, end: i });
      } else if (c === 0x5b || c === 0x7b) {
        if (top) allStrings = false;
        if (stack.length >= MAX_DEPTH) return INVALID;
        stack.push(c);
        i++;
        skip();
        const close = c === 0x5b ? 0x5d : 0x7d;
        if (i < to && text.charCodeAt(i) === close) {
          i++;
          stack.pop();
        } else {
          expectKey = c === 0x7b;
          continue;
        }
      } else {
        if (top) allStrings = false;
        if (!readScalar()) return INVALID;
      }
      // After a value: `,` or the closing bracket of the innermost container.
      let closed = false;
      for (;;) {
        skip();
        if (i >= to) return INVALID;
        const d = text.charCodeAt(i);
        const open = stack[stack.length - 1];
        if (d === 0x2c) {
          i++;
          expectKey = open === 0x7b;
          break;
        }
        if (d !== (open === 0x5b ? 0x5d : 0x7d)) return INVALID;
        i++;
        stack.pop();
        if (stack.length === 0) {
          closed = true;
          break;
        }
      }
      if (closed) break;
    }
  }
  skip();
  if (i !== to) return INVALID;
  return allStrings ? { kind: 'array', elements } : { kind: 'not-strings' };
}

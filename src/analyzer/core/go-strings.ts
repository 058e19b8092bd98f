/**
 * The few Go string functions BuildKit's parser leans on, with Go's exact semantics:
 * `unicode.IsSpace`, `strings.TrimSpace`, `strings.ToLower` and `strconv.Quote`.
 * JavaScript's own versions differ at the edges (`\s` matches U+FEFF, `toLowerCase`
 * maps U+0130 to two characters and knows final sigma), so these are written out.
 */

/** Go's `unicode.IsSpace` for one code point. */
export function isGoSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0x85) return false;
  if (c === 0x85 || c === 0xa0) return true;
  if (c < 0x1680) return false;
  return (
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Code point at `i`, combining a surrogate pair. */
export function codePointAt(text: string, i: number): number {
  return text.codePointAt(i) ?? 0;
}

/** Width in UTF-16 units of the code point `c`. */
export function unitWidth(c: number): number {
  return c > 0xffff ? 2 : 1;
}

/** Index of the first character at or after `from` that is not a Go space. */
export function skipGoSpace(text: string, from: number, to = text.length): number {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (!(c === 0x20 || (c >= 0x09 && c <= 0x0d))) break;
      i++;
      continue;
    }
    const cp = codePointAt(text, i);
    if (!isGoSpace(cp)) break;
    i += unitWidth(cp);
  }
  return i;
}

/** Index just past the last character before `to` that is not a Go space (never below `from`). */
export function trimGoSpaceEnd(text: string, from: number, to = text.length): number {
  let j = to;
  while (j > from) {
    const c = text.charCodeAt(j - 1);
    if (c < 0x80) {
      if (!(c === 0x20 || (c >= 0x09 && c <= 0x0d))) break;
      j--;
      continue;
    }
    // Every Go space is in the Basic Multilingual Plane, so a low surrogate ends the trim.
    if (!isGoSpace(c)) break;
    j--;
  }
  return j;
}

/** Go's `strings.TrimSpace`. */
export function goTrimSpace(text: string): string {
  const start = skipGoSpace(text, 0);
  return text.slice(start, trimGoSpaceEnd(text, start));
}

/** Go's `strings.ToLower`: one code point maps to one code point. */
export function goToLower(text: string): string {
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return text.toLowerCase();
  let out = '';
  for (const ch of text) {
    if (ch === '\u0130') {
      out += 'i';
      continue;
    }
    const lower = ch.toLowerCase();
    // Go never changes the length of a code point; keep it when JavaScript would.
    out += [...lower].length === 1 ? lower : ch;
  }
  return out;
}

const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

function hex(c: number, width: number): string {
  return c.toString(16).padStart(width, '0');
}

/** Go's `strconv.Quote`: double quotes, Go escapes, printable Unicode kept as is. */
export function goQuote(text: string): string {
  let out = '"';
  let run = 0; // start of the pending run of characters that need no escaping
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f && c !== 0x22 && c !== 0x5c) {
      i++;
      continue;
    }
    const cp = codePointAt(text, i);
    const width = unitWidth(cp);
    let escaped: string | undefined;
    if (c === 0x22) escaped = '\\"';
    else if (c === 0x5c) escaped = '\\\\';
    else if (cp < 0x20 || cp === 0x7f) {
      escaped =
        cp === 0x07 ? '\\a'
        : cp === 0x08 ? '\\b'
        : cp === 0x0c ? '\\f'
        : cp === 0x0a ? '\\n'
        : cp === 0x0d ? '\\r'
        : cp === 0x09 ? '\\t'
        : cp === 0x0b ? '\\v'
        : `\\x${hex(cp, 2)}`;
    } else if (cp >= 0xdc80 && cp <= 0xdcff) {
      escaped = `\\x${hex(cp - 0xdc00, 2)}`; // a loose byte (core/raw-bytes.ts), as Go quotes it
    } else if (cp >= 0xd800 && cp <= 0xdfff) {
      escaped = '\ufffd'; // a lone surrogate cannot come from UTF-8; Go would see U+FFFD
    } else if (!printable.test(String.fromCodePoint(cp))) {
      escaped = cp < 0x10000 ? `\\u${hex(cp, 4)}` : `\\U${hex(cp, 8)}`;
    }
    if (escaped !== undefined) {
      out += text.slice(run, i) + escaped;
      run = i + width;
    }
    i += width;
  }
  return out + text.slice(run) + '"';
}

/** Number of bytes `text[from, to)` takes in UTF-8 (loose bytes count one, other lone surrogates as U+FFFD). */
export function utf8Length(text: string, from = 0, to = text.length): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || (c >= 0xdc80 && c <= 0xdcff)) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

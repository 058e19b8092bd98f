/**
 * Bytes that are not UTF-8, in our UTF-16 strings. BuildKit's parser works on Go strings, which
 * are bytes: a Latin-1 file keeps its `0xE9`, and a character cut in the middle (BuildKit scans
 * some words byte by byte) leaves loose bytes behind. We keep such a byte as one lone low
 * surrogate, U+DC80 + (byte − 0x80): no UTF-8 text decodes to a lone surrogate, so the two can
 * never be confused, and the byte stays one UTF-16 unit, so offsets and columns still count
 * it once. `goQuote` prints it back as `\xNN`, as Go's `%q` prints the byte.
 */

const BASE = 0xdc00;

/** The character standing for a loose byte (0x80–0xFF). */
export function rawByteChar(byte: number): string {
  return String.fromCharCode(BASE + byte);
}

/** The byte a character stands for, or -1 when it is an ordinary character. */
export function rawByteOf(unit: number): number {
  return unit >= 0xdc80 && unit <= 0xdcff ? unit - BASE : -1;
}

/** Loose bytes as their characters. */
export function rawBytesText(bytes: readonly number[]): string {
  let out = '';
  for (const b of bytes) out += b < 0x80 ? String.fromCharCode(b) : rawByteChar(b);
  return out;
}

/**
 * Bytes to text as Go sees them: valid UTF-8 as usual (a BOM included, the scanner drops it),
 * every byte of an invalid sequence as its raw-byte character. Go's rules: no overlong forms,
 * no surrogates, nothing above U+10FFFF. (No TextDecoder: the analyzer's pure code has no DOM
 * types, and the fatal decoder would reject the whole file at the first bad byte anyway.)
 */
export function decodeBytes(bytes: Uint8Array): string {
  const units: number[] = [];
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const width = sequenceWidth(bytes, i);
    if (width === 0) {
      units.push(0xdc00 + b);
      i++;
    } else {
      let cp = width === 1 ? b : b & (0xff >> (width + 1));
      for (let k = 1; k < width; k++) cp = (cp << 6) | (bytes[i + k] & 0x3f);
      if (cp > 0xffff) units.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
      else units.push(cp);
      i += width;
    }
    // Flush in chunks: String.fromCharCode takes its arguments on the stack.
    if (units.length >= 4096) out += String.fromCharCode(...units.splice(0));
  }
  return out + String.fromCharCode(...units);
}

/** The length of the valid UTF-8 sequence at `i`, or 0 when the byte there starts none. */
function sequenceWidth(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  if (b < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < bytes.length && bytes[i + k] >= lo && bytes[i + k] <= hi;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const lo = b === 0xe0 ? 0xa0 : 0x80;
    const hi = b === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const lo = b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** UTF-8 bytes of a code point (a raw-byte character is its one byte). */
export function utf8Bytes(cp: number): number[] {
  if (cp < 0x80) return [cp];
  const raw = rawByteOf(cp);
  if (raw !== -1) return [raw];
  if (cp >= 0xd800 && cp <= 0xdfff) return [0xef, 0xbf, 0xbd]; // a lone surrogate: Go would see U+FFFD
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 0x3f)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
}

const LOOSE = /[\udc80-\udcff]/;
const ALL_LOOSE = /[\udc80-\udcff]/g;

/**
 * The text as Go code that decodes runes sees it (`for range`, `utf8.DecodeRune`, text/scanner,
 * encoding/json): every loose byte becomes U+FFFD. One UTF-16 unit for one, so offsets hold.
 */
export function asRunes(text: string): string {
  return LOOSE.test(text) ? text.replace(ALL_LOOSE, '\ufffd') : text;
}

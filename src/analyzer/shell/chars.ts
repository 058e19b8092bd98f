/**
 * The character classes of BuildKit's shell lexer (`shell/lex.go`), by code point, shared by
 * the expanding lexer (expand.ts) and the parser's word splitter (words.ts).
 */

const letter = /^\p{L}$/u;
const digit = /^\p{Nd}$/u;

/** `unicode.IsDigit`. */
export function isDigit(c: number): boolean {
  if (c < 0x80) return c >= 0x30 && c <= 0x39;
  return digit.test(String.fromCodePoint(c));
}

/** `unicode.IsLetter`. */
export function isLetter(c: number): boolean {
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return letter.test(String.fromCodePoint(c));
}

/** The shell's special parameters: `@ * # ? - $ ! 0`. */
export function isSpecialParam(c: number): boolean {
  return c === 0x40 || c === 0x2a || c === 0x23 || c === 0x3f || c === 0x2d || c === 0x24 || c === 0x21 || c === 0x30;
}

/** The lexer's `isWhitespace` (after `<<`): tab, carriage return, space. */
export function isHeredocSpace(c: number): boolean {
  return c === 0x09 || c === 0x0d || c === 0x20;
}

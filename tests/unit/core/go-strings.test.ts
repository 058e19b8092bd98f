import { describe, expect, it } from 'vitest';
import { goQuote, goToLower, goTrimSpace, isGoSpace, utf8Length } from '../../../src/analyzer/core/go-strings.ts';

describe('goQuote (strconv.Quote)', () => {
  it.each([
    ['', '""'],
    ['plain text', '"plain text"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['a\\b', '"a\\\\b"'],
    ['\x07\b\f\n\r\t\v', '"\\a\\b\\f\\n\\r\\t\\v"'],
    ['\x00\x1b\x7f', '"\\x00\\x1b\\x7f"'],
    ['héllo ☃ 日本', '"héllo ☃ 日本"'],
    ['\u00a0', '"\\u00a0"'],
    ['\u200b', '"\\u200b"'],
    ['\u{1F600}', '"\u{1F600}"'],
    ['\u{E0001}', '"\\U000e0001"'],
  ])('%j → %s', (input, expected) => {
    expect(goQuote(input)).toBe(expected);
  });
});

describe('goToLower (strings.ToLower)', () => {
  it.each([
    ['RUN', 'run'],
    ['HealthCheck', 'healthcheck'],
    ['HEALTHCHEC\u212A', 'healthcheck'], // Kelvin sign lower-cases to k
    ['\u0130', 'i'], // one code point, as in Go, not "i̇"
    ['ΑΣ', 'ασ'], // no final-sigma rule in Go
  ])('%s → %s', (input, expected) => {
    expect(goToLower(input)).toBe(expected);
  });
});

describe('Go spaces', () => {
  it('matches unicode.IsSpace, not JavaScript \\s', () => {
    for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]) {
      expect(isGoSpace(c), c.toString(16)).toBe(true);
    }
    for (const c of [0x00, 0x1f, 0x41, 0x200b, 0xfeff, 0x180e]) expect(isGoSpace(c), c.toString(16)).toBe(false);
  });
  it('trims like strings.TrimSpace', () => {
    expect(goTrimSpace('\u00a0\t a b \v\u3000')).toBe('a b');
    expect(goTrimSpace('\ufeffx')).toBe('\ufeffx');
  });
  it('counts UTF-8 bytes', () => {
    expect(utf8Length('aé☃\u{1F600}')).toBe(1 + 2 + 3 + 4);
  });
});

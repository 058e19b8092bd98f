/**
 * BuildKit's parser works on bytes; ours on UTF-16 text with loose bytes kept as raw-byte
 * characters (core/raw-bytes.ts). These are the four cases where that shows, with the dumps
 * BuildKit's parser gives for them.
 */
import { describe, expect, it } from 'vitest';
import { decodeBytes, rawByteOf, utf8Bytes } from '../../../src/analyzer/core/raw-bytes.ts';
import { goQuote, utf8Length } from '../../../src/analyzer/core/go-strings.ts';
import { dump } from '../../../src/analyzer/parse/dump.ts';
import { parse } from '../../../src/analyzer/parse/parse.ts';
import { expandWord } from '../../../src/analyzer/shell/expand.ts';

const dumped = (source: string) => dump(parse(source));
const errors = (source: string) => parse(source).diagnostics.map((d) => d.message);

describe('HEALTHCHECK type cut byte by byte', () => {
  it.each([
    ['HEALTHCHECK CMD\u00a0true\n', '(healthcheck "CMD\\xc2" "true")'],
    ['HEALTHCHECK \u00e0\n', '(healthcheck "\\xc3")'],
    ['HEALTHCHECK CMD\u0085true\n', '(healthcheck "CMD\\xc2" "true")'],
    // U+0800 is E0 A0 80: the type keeps E0, the command starts with 80.
    ['HEALTHCHECK CMD\u0800x true\n', '(healthcheck "CMD\\xe0" "\\x80x true")'],
    ['HEALTHCHECK CMD true\n', '(healthcheck "CMD" "true")'],
    ['HEALTHCHECK NONE\n', '(healthcheck "NONE")'],
  ])('%j', (source, expected) => {
    expect(dumped(source)).toBe(expected);
  });
});

describe('the flag scanner ends inside a character', () => {
  it('RUN keeps the bytes after the cut as its command', () => {
    // 全 is E5 85 A8: the flag takes E5 (as U+00E5, byte to rune), 0x85 ends it, A8 starts the command.
    expect(dumped('RUN --mount=id=\u5168 ls\n')).toBe('(run ["--mount=id=\u00e5"] "\\xa8 ls")');
  });

  it('ENV is left with one argument', () => {
    expect(errors('ENV --a=\u5168\n')).toEqual(['ENV must have two arguments']);
  });

  it('a 4-byte character cut after its second byte', () => {
    // U+20000 is F0 A0 80 80: 0xA0 ends the flag, 80 80 start the rest.
    expect(dumped('RUN --x=\u{20000}y true\n')).toBe('(run ["--x=\u00f0"] "\\x80\\x80y true")');
  });
});

describe('a BOM right after <<', () => {
  it('is dropped from the heredoc name, as the shell lexer drops a leading BOM', () => {
    const tree = parse('RUN <<\uFEFFEOF\nhello\nEOF\nRUN true\n');
    expect(tree.instructions.map((i) => i.keyword)).toEqual(['RUN', 'RUN']);
    expect(tree.instructions[0].heredocs.map((h) => [h.name, h.content])).toEqual([['EOF', 'hello\n']]);
  });

  it('alone is no heredoc', () => {
    expect(dumped('RUN <<\uFEFF\nEOF\n')).toBe('(run "<<\\ufeff")\n(eof "")');
  });
});

describe('files that are not UTF-8', () => {
  it('keeps each invalid byte, and the dump prints it as BuildKit does', () => {
    const latin1 = decodeBytes(new Uint8Array([...new TextEncoder().encode('MAINTAINER Jos'), 0xe9, 0x0a]));
    expect(rawByteOf(latin1.charCodeAt(14))).toBe(0xe9);
    expect(dumped(latin1)).toBe('(maintainer "Jos\\xe9")');
  });

  it('decodes valid UTF-8 as usual and rejects what Go rejects', () => {
    const bytes = (...b: number[]) => decodeBytes(new Uint8Array(b));
    expect(bytes(0x61, 0xc3, 0xa9)).toBe('a\u00e9');
    expect(goQuote(bytes(0xc0, 0xaf))).toBe('"\\xc0\\xaf"'); // overlong
    expect(goQuote(bytes(0xed, 0xa0, 0x80))).toBe('"\\xed\\xa0\\x80"'); // a surrogate
    expect(goQuote(bytes(0xf4, 0x90, 0x80, 0x80))).toBe('"\\xf4\\x90\\x80\\x80"'); // above U+10FFFF
    expect(goQuote(bytes(0xe4, 0xbd))).toBe('"\\xe4\\xbd"'); // truncated
    expect(bytes(0xef, 0xbb, 0xbf, 0x41)).toBe('\ufeffA');
  });

  it('reads a loose byte as U+FFFD where BuildKit decodes runes (words, JSON, the shell lexer)', () => {
    const latin1 = (s: string) => decodeBytes(new Uint8Array([...s].map((c) => c.charCodeAt(0))));
    expect(dumped(latin1('ENV NAME=Jos\u00e9\n'))).toBe('(env "NAME" "Jos\ufffd" "=")');
    expect(dumped(latin1('CMD ["Jos\u00e9"]\n'))).toBe('(cmd "Jos\ufffd")');
    expect(dumped(latin1('RUN echo Jos\u00e9\n'))).toBe('(run "echo Jos\\xe9")');
    expect(expandWord(latin1('Jos\u00e9'), new Map()).value).toBe('Jos\ufffd');
  });

  it('counts a loose byte as one byte', () => {
    const text = decodeBytes(new Uint8Array([0x41, 0xff, 0x42]));
    expect(utf8Length(text)).toBe(3);
    expect(utf8Bytes(text.charCodeAt(1))).toEqual([0xff]);
  });
});

/**
 * A seeded, mutation-based differential test of the parser's byte-level behaviour: corpus and
 * conformance files, and generated lines, are mutated (CRLF, BOMs, comments inside
 * continuations, BOMs after heredoc markers, multi-byte characters inside flags and
 * HEALTHCHECK types and keywords), and the parse is compared with what BuildKit gives for them:
 * an unchanged dump where BuildKit's parser ignores the change, and for the byte-level cases a
 * reference written here on UTF-8 bytes, as BuildKit's Go code scans them.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/analyzer/core/raw-bytes.ts';
import { dump } from '../../../src/analyzer/parse/dump.ts';
import { parse } from '../../../src/analyzer/parse/parse.ts';
import { SHARED } from '../../conformance/shared.ts';

const SEED = 18;

function files(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const corpus = join(SHARED, 'corpus');
  for (const name of readdirSync(corpus).filter((n) => n !== 'SOURCES.tsv').sort()) out.push({ name, text: readFileSync(join(corpus, name), 'utf8') });
  const positive = join(SHARED, 'conformance/parser/positive');
  for (const name of readdirSync(positive).sort()) out.push({ name: `conformance/${name}`, text: readFileSync(join(positive, name, 'Dockerfile'), 'utf8') });
  return out;
}
const ALL = files();
/** Files BuildKit accepts: only for those is its dump defined. */
const ACCEPTED = ALL.filter((f) => parse(f.text).diagnostics.every((d) => d.severity !== 'error'));
const anyFile = fc.constantFrom(...ACCEPTED);

const heredocsOf = (text: string) => parse(text).instructions.map((i) => i.heredocs.map((h) => [h.name, h.content]));

describe('changes BuildKit ignores leave the dump as it was', () => {
  it('has files to mutate', () => {
    expect(ACCEPTED.length).toBeGreaterThan(350);
  });

  it('CRLF line ends', () => {
    fc.assert(
      fc.property(anyFile, ({ text }) => {
        expect(dump(parse(text.replace(/\r?\n/g, '\r\n')))).toBe(dump(parse(text)));
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('a BOM at the start of the file', () => {
    fc.assert(
      fc.property(anyFile, ({ text }) => {
        expect(dump(parse('\ufeff' + text))).toBe(dump(parse(text)));
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('a comment line inside a continuation', () => {
    const continued = ACCEPTED.filter((f) => /\\\n/.test(f.text) && !/<</.test(f.text) && !/^#\s*escape/im.test(f.text));
    fc.assert(
      fc.property(fc.constantFrom(...continued), fc.nat(), ({ text }, pick) => {
        const at = [...text.matchAll(/\\\n/g)].map((m) => m.index! + 2);
        const where = at[pick % at.length];
        const mutated = text.slice(0, where) + '# a comment inside the continuation\n' + text.slice(where);
        expect(dump(parse(mutated))).toBe(dump(parse(text)));
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('a BOM right after a heredoc marker', () => {
    const withHeredocs = ALL.filter((f) => heredocsOf(f.text).some((h) => h.length > 0));
    expect(withHeredocs.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.constantFrom(...withHeredocs), ({ text }) => {
        // Only markers the parser took as heredocs, on their instruction's first line.
        const tree = parse(text);
        let mutated = text;
        for (const node of [...tree.instructions].reverse()) {
          if (node.heredocs.length === 0) continue;
          const lineEnd = text.indexOf('\n', node.span.start);
          const first = text.slice(node.span.start, lineEnd === -1 ? text.length : lineEnd);
          const bom = first.replace(/(\d*<<-?)(?=["']?[A-Za-z_])/g, '$1\ufeff');
          mutated = mutated.slice(0, node.span.start) + bom + mutated.slice(node.span.start + first.length);
        }
        expect(heredocsOf(mutated)).toEqual(heredocsOf(text));
      }),
      { seed: SEED, numRuns: 50 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The byte-level reference: BuildKit's scanners on UTF-8 bytes, as its Go code reads them.

const utf8 = (s: string) => new TextEncoder().encode(s);
/** Go's `unicode.IsSpace(rune(b))` for a byte. */
const byteSpace = (b: number) => b === 0x20 || (b >= 0x09 && b <= 0x0d) || b === 0x85 || b === 0xa0;

/** `extractBuilderFlags`: flag words (each byte a rune) and the bytes of the rest. */
function referenceFlags(line: Uint8Array): { flags: string[]; rest: Uint8Array } {
  const flags: string[] = [];
  let phase: 'spaces' | 'word' | 'quote' = 'spaces';
  let word = '';
  let quote = 0;
  let blankOK = false;
  for (let pos = 0; pos <= line.length; pos++) {
    const ch = pos < line.length ? line[pos] : -1;
    if (phase === 'spaces') {
      if (pos === line.length) break;
      if (byteSpace(ch)) continue;
      if (ch !== 0x2d || pos + 1 === line.length || line[pos + 1] !== 0x2d) return { flags, rest: line.slice(pos) };
      phase = 'word';
    }
    if (pos === line.length) {
      if (word !== '--' && (blankOK || word.length > 0)) flags.push(word);
      break;
    }
    if (phase === 'word') {
      if (byteSpace(ch)) {
        phase = 'spaces';
        if (word === '--') return { flags, rest: line.slice(pos) };
        if (blankOK || word.length > 0) flags.push(word);
        word = '';
        blankOK = false;
        continue;
      }
      if (ch === 0x27 || ch === 0x22) {
        quote = ch;
        blankOK = true;
        phase = 'quote';
        continue;
      }
    } else if (ch === quote) {
      phase = 'word';
      continue;
    }
    let c = ch;
    if (c === 0x5c) {
      if (pos + 1 === line.length) {
        if (phase === 'quote') phase = 'word';
        continue;
      }
      c = line[++pos];
    }
    word += String.fromCharCode(c);
  }
  return { flags, rest: new Uint8Array() };
}

/** Go's `strings.TrimSpace` on text decoded as our parser holds it (loose bytes are no spaces). */
const trimGo = (s: string) => s.replace(/^[\s\u0085]+|[\s\u0085]+$/gu, '');

/** Characters whose UTF-8 bytes hold 0x85 or 0xA0 past the first, and some that do not. */
const AWKWARD = ['\u00a0', '\u0085', '\u00e0', '\u0160', '\u5168', '\u0800', '\u2085', '\u{20000}', '\u{10085}', '\u{1F600}', '\u00e9', '\u20ac'];
const awkward = fc.constantFrom(...AWKWARD);
const asciiWord = fc.stringMatching(/^[a-z0-9=,/._-]{0,8}$/);

describe('byte-level cases against the reference', () => {
  it('flags that end inside a multi-byte character', () => {
    const flagPart = fc.tuple(asciiWord, awkward, asciiWord, fc.constantFrom('', '"', "'", '\\')).map(([a, c, b, q]) => `${a}${q}${c}${q}${b}`);
    fc.assert(
      fc.property(fc.constantFrom('mount', 'network', 'x'), flagPart, fc.constantFrom('ls', ' true', 'echo hi'), (name, value, command) => {
        const args = `--${name}=${value} ${command}`;
        const expected = referenceFlags(utf8(args));
        const node = parse(`RUN ${args}\n`).instructions[0];
        expect(node.flags.map((f) => f.value)).toEqual(expected.flags);
        const rest = trimGo(decodeBytes(expected.rest));
        expect(node.args.map((a) => a.value)).toEqual(rest === '' ? [] : [rest]);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('a HEALTHCHECK type holding a multi-byte character', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z]{0,4}$/), awkward, fc.stringMatching(/^[a-z]{0,4}$/), fc.constantFrom('', ' true', ' echo ok'), (a, c, b, cmd) => {
        // The line is trimmed as text (Unicode spaces) before the type is cut as bytes.
        const rest = utf8(trimGo(`${a}${c}${b}${cmd}`));
        let sep = 0;
        while (sep < rest.length && !byteSpace(rest[sep])) sep++;
        let next = sep;
        while (next < rest.length && byteSpace(rest[next])) next++;
        const node = parse(`HEALTHCHECK ${a}${c}${b}${cmd}\n`).instructions[0];
        if (sep === 0) return void expect(node.args).toEqual([]);
        const command = trimGo(decodeBytes(rest.slice(next)));
        expect(node.args.map((x) => x.value)).toEqual([decodeBytes(rest.slice(0, sep)), ...(command === '' ? [] : [command])]);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('a multi-byte character inside a keyword makes it unknown', () => {
    fc.assert(
      fc.property(fc.constantFrom('RUN', 'COPY', 'ENV', 'FROM'), fc.nat(), awkward, (keyword, at, c) => {
        const i = 1 + (at % (keyword.length - 1));
        const mangled = keyword.slice(0, i) + c + keyword.slice(i);
        const tree = parse(`FROM alpine\n${mangled} x y\n`);
        expect(tree.instructions[1].keyword).toBe(mangled);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});

import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/analyzer/parse/parse.ts';
import { SHARED } from '../../conformance/shared.ts';
import { checkTree } from './invariants.ts';

const CORPUS = join(SHARED, 'corpus');
const corpusFiles = readdirSync(CORPUS)
  .filter((name) => name !== 'SOURCES.tsv')
  .sort();

/** Fragments that matter to the parser, so random text hits its corners often. */
const FRAGMENTS = [
  '\n', '\r\n', '\\\n', '\\', '`', ' ', '\t', '#', '# escape=`\n', '# syntax=x\n', '"', "'", '[', ']', '{', '}', ',',
  '<<', '<<EOF\n', '<<-EOF', '\nEOF\n', 'EOF', '$', '${', ':-', '--', '--from=a', '=', '\ufeff', '\u00a0', 'é', '\u{1F600}',
  'RUN ', 'COPY ', 'ADD ', 'ENV ', 'LABEL ', 'ARG ', 'FROM ', 'ONBUILD ', 'HEALTHCHECK ', 'CMD ', 'SHELL ', 'x', '1',
];

const dockerish = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join(''));

/** An edit of a text: insert a fragment, delete a range, or duplicate a range. */
const edit = fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('insert', 'delete', 'duplicate'), fc.constantFrom(...FRAGMENTS));

function applyEdits(text: string, edits: [number, number, string, string][]): string {
  let out = text;
  for (const [a, b, kind, fragment] of edits) {
    const at = out.length === 0 ? 0 : a % (out.length + 1);
    const len = b % 200;
    if (kind === 'insert') out = out.slice(0, at) + fragment + out.slice(at);
    else if (kind === 'delete') out = out.slice(0, at) + out.slice(at + len);
    else out = out.slice(0, at) + out.slice(at, at + len) + out.slice(at);
  }
  return out;
}

describe('parse never throws and keeps its invariants', () => {
  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => checkTree(parse(s))), { numRuns: 500 });
  });

  it('on arbitrary UTF-16, lone surrogates included', () => {
    const unit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    fc.assert(fc.property(fc.string({ unit, maxLength: 200 }), (s) => checkTree(parse(s))), { numRuns: 300 });
  });

  it('on strings built from Dockerfile fragments', () => {
    fc.assert(fc.property(dockerish, (s) => checkTree(parse(s))), { numRuns: 1000 });
  });

  it('on mutated corpus files', () => {
    const texts = corpusFiles.map((name) => readFileSync(join(CORPUS, name), 'utf8'));
    fc.assert(
      fc.property(fc.nat(texts.length - 1), fc.array(edit, { minLength: 1, maxLength: 8 }), (index, edits) => {
        checkTree(parse(applyEdits(texts[index], edits)));
      }),
      { numRuns: 400 },
    );
  });

  it('sees the same instructions whatever the line endings', () => {
    fc.assert(
      fc.property(dockerish, (s) => {
        const lf = parse(s.replace(/\r/g, ''));
        const crlf = parse(s.replace(/\r/g, '').replace(/\n/g, '\r\n'));
        expect(crlf.instructions.map((n) => n.original)).toEqual(lf.instructions.map((n) => n.original));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the corpus', () => {
  it('has files', () => expect(corpusFiles.length).toBeGreaterThan(300));

  it('parses every file with no exception and no BuildError', () => {
    const failures: string[] = [];
    for (const name of corpusFiles) {
      const tree = parse(readFileSync(join(CORPUS, name), 'utf8'));
      checkTree(tree);
      expect(tree.instructions.length, name).toBeGreaterThan(0);
      for (const d of tree.diagnostics) if (d.severity === 'error') failures.push(`${name}: ${d.message}`);
    }
    expect(failures).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/analyzer/parse/parse.ts';
import { dumpOf, errorsOf, textAt } from './helpers.ts';

describe('line continuation', () => {
  it.each([
    ['joins with no separator', 'RUN a\\\nb', '(run "ab")'],
    ['keeps the continuation line indentation', 'RUN a \\\n    b', '(run "a     b")'],
    ['drops spaces and tabs after the escape', 'RUN a \\ \t \nb', '(run "a b")'],
    ['drops comment lines inside', 'RUN a \\\n# note \\\n  # indented note\nb', '(run "a b")'],
    ['a line of only the escape adds nothing', 'RUN a \\\n\\\nb', '(run "a b")'],
    ['ends at the end of the file', 'FROM x\nRUN a \\', '(from "x")\n(run "a")'],
    ['an escaped escape does not continue', 'RUN a \\\\\nFROM b', '(run "a \\\\\\\\")\n(from "b")'],
    ['a first line of only the escape starts an instruction', '\\\nFROM a', '(from "a")'],
    ['an escape alone at the end gives an empty instruction', 'FROM a\n\\', '(from "a")\n("")'],
    ['the backtick is text with the default escape', 'RUN a `\nb', '(run "a `")\n(b "")'],
  ])('%s', (_, source, expected) => {
    expect(dumpOf(source)).toBe(expected);
  });

  it('records the joined text as the original and the line range', () => {
    const tree = parse('FROM a\n\nRUN x \\\n  y \\\n  z\n');
    const run = tree.instructions[1];
    expect(run.original).toBe('RUN x   y   z');
    expect([run.startLine, run.endLine]).toEqual([3, 5]);
  });
});

describe('empty continuation lines', () => {
  it('skips them and warns once, on the last line of the instruction', () => {
    const source = 'FROM a\nRUN one \\\n\n   \n  two \\\n\n  three\nRUN four\n';
    const tree = parse(source);
    expect(dumpOf(source)).toBe('(from "a")\n(run "one   two   three")\n(run "four")');
    expect(tree.diagnostics).toHaveLength(1);
    const [w] = tree.diagnostics;
    expect(w).toMatchObject({ rule: 'NoEmptyContinuation', severity: 'warning', message: 'Empty continuation line' });
    expect(textAt(source, w.span)).toBe('  three');
    expect(tree.instructions[1].emptyContinuation).toBe(true);
    expect(tree.instructions[2].emptyContinuation).toBe(false);
  });

  it('does not count comment lines or escape-only lines', () => {
    expect(parse('RUN a \\\n# c\n\\\n  b\n').diagnostics).toEqual([]);
  });

  it('warns when the empty line is the last line of the file', () => {
    const source = 'FROM a\nRUN b \\\n\n';
    const [w] = parse(source).diagnostics;
    expect(w.rule).toBe('NoEmptyContinuation');
    expect(w.span).toEqual({ start: 15, end: 15 });
  });
});

describe('physical lines', () => {
  it('treats CRLF like LF, spans excluding the carriage return', () => {
    const source = 'FROM a\r\nRUN b \\\r\n  c\r\n';
    const tree = parse(source);
    expect(dumpOf(source)).toBe('(from "a")\n(run "b   c")');
    expect(textAt(source, tree.instructions[0].span)).toBe('FROM a');
    expect(textAt(source, tree.instructions[1].span)).toBe('RUN b \\\r\n  c');
  });

  it('strips a BOM from the first line only', () => {
    expect(dumpOf('\ufeffFROM a\n\ufeffRUN b')).toBe('(from "a")\n(\ufeffrun "")');
    expect(parse('\ufeff# escape=`\nRUN a `\nb').escape).toBe('`');
    expect(parse('\ufeffFROM a').instructions[0].keywordSpan).toEqual({ start: 1, end: 5 });
  });

  it('matches keywords case-insensitively and keeps their spelling', () => {
    const tree = parse('from a\nRuN b\nHEALTHCHEC\u212A NONE\n');
    expect(tree.instructions.map((n) => [n.keyword, n.command])).toEqual([
      ['from', 'from'],
      ['RuN', 'run'],
      ['HEALTHCHEC\u212A', 'healthcheck'],
    ]);
    expect(dumpOf('from a\nRuN b')).toBe('(from "a")\n(run "b")');
  });

  it('accepts a line of 65535 bytes and refuses 65536', () => {
    const max = 'RUN ' + 'x'.repeat(65531);
    expect(errorsOf(`FROM a\n${max}\n`)).toEqual([]);
    expect(errorsOf(`FROM a\n${max}x\n`)).toEqual(['dockerfile line greater than max allowed size of 65535']);
    // Counted in UTF-8 bytes, a carriage return included.
    expect(errorsOf(`FROM a\nRUN ${'é'.repeat(32766)}\n`)).toEqual(['dockerfile line greater than max allowed size of 65535']);
    expect(errorsOf(`FROM a\n${max}\r\n`)).toEqual(['dockerfile line greater than max allowed size of 65535']);
    expect(errorsOf(`FROM a\n${max}`)).toEqual([]);
  });

  it('stops reading at an over-long line, keeping what came before', () => {
    const source = `FROM a\nRUN ${'x'.repeat(70000)}\nRUN b\n`;
    const tree = parse(source);
    expect(tree.instructions.map((n) => n.keyword)).toEqual(['FROM']);
    expect(tree.diagnostics[0].span).toEqual({ start: 7, end: 7 + 4 + 70000 });
  });

  it.each([
    ['a zero-byte file', '', 'the Dockerfile cannot be empty'],
    ['a newline', '\n', 'file with no instructions'],
    ['a BOM', '\ufeff', 'file with no instructions'],
    ['comments', '# just\n# comments\n\n', 'file with no instructions'],
    ['blank lines', '  \n\t\n', 'file with no instructions'],
    ['a directive', '# escape=`\n', 'file with no instructions'],
    ['one over-long line', 'x'.repeat(70000), 'file with no instructions'],
  ])('%s fails with %j', (_, source, message) => {
    const tree = parse(source);
    expect(errorsOf(source)).toEqual([message]);
    expect(tree.instructions).toEqual([]);
  });
});

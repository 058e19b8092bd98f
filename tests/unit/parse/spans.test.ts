import { describe, expect, it } from 'vitest';
import { lineStarts, rangeOf } from '../../../src/analyzer/core/span.ts';
import { parse } from '../../../src/analyzer/parse/parse.ts';
import { textAt } from './helpers.ts';

describe('spans', () => {
  const source = 'FROM a\n\nCOPY --link  src \\\n   dst\nENV A=1 B 2\n';

  it('cover keyword, flags and arguments, across continuation lines', () => {
    const copy = parse(source).instructions[1];
    expect(textAt(source, copy.keywordSpan)).toBe('COPY');
    expect(copy.flags.map((f) => textAt(source, f.span))).toEqual(['--link']);
    expect(copy.args.map((a) => textAt(source, a.span))).toEqual(['src', 'dst']);
    expect(copy.span).toEqual({ start: 8, end: 33 });
    expect(textAt(source, copy.span)).toBe('COPY --link  src \\\n   dst');
    expect([copy.startLine, copy.endLine]).toEqual([3, 4]);
    const starts = lineStarts(source);
    expect(rangeOf(starts, copy.args[1].span)).toEqual({
      start: { line: 4, column: 4, offset: 30 },
      end: { line: 4, column: 7, offset: 33 },
    });
  });

  it('run from the first to the last character of a word joined across lines', () => {
    const src = 'RUN ab\\\ncd';
    const [run] = parse(src).instructions;
    expect(run.args[0].value).toBe('abcd');
    expect(textAt(src, run.args[0].span)).toBe('ab\\\ncd');
  });

  it('point ENV triples at key, value and separator', () => {
    const src = 'ENV A=1 B=two';
    const [env] = parse(src).instructions;
    expect(env.args.map((a) => [a.value, textAt(src, a.span)])).toEqual([
      ['A', 'A'],
      ['1', '1'],
      ['=', '='],
      ['B', 'B'],
      ['two', 'two'],
      ['=', '='],
    ]);
    const legacy = parse('ENV A  one two').instructions[0];
    expect(legacy.args.map((a) => [a.value, textAt('ENV A  one two', a.span)])).toEqual([
      ['A', 'A'],
      ['one two', 'one two'],
      ['', ''],
    ]);
  });

  it('cover JSON elements with their quotes', () => {
    const src = 'CMD [ "a",  "b\\tc" ]';
    expect(parse(src).instructions[0].args.map((a) => textAt(src, a.span))).toEqual(['"a"', '"b\\tc"']);
  });

  it('cover the raw text of the shell form and the ONBUILD trigger', () => {
    const src = 'FROM x\nONBUILD   RUN  echo  hi  \n';
    const [, onbuild] = parse(src).instructions;
    expect(textAt(src, onbuild.trigger!.keywordSpan)).toBe('RUN');
    expect(textAt(src, onbuild.trigger!.args[0].span)).toBe('echo  hi');
    expect(textAt(src, onbuild.trigger!.span)).toBe('RUN  echo  hi  ');
  });

  it('are UTF-16 offsets', () => {
    const src = 'LABEL emoji=\u{1F600} x=é\n';
    const [label] = parse(src).instructions;
    expect(label.args.map((a) => textAt(src, a.span))).toEqual(['emoji', '\u{1F600}', '=', 'x', 'é', '=']);
    expect(label.args[1].span).toEqual({ start: 12, end: 14 });
  });

  it('locate errors on the lines of their instruction', () => {
    const src = 'FROM a\nENV A=1 \\\n  B\nRUN x\n';
    const [error] = parse(src).diagnostics;
    expect(textAt(src, error.span)).toBe('ENV A=1 \\\n  B');
  });
});

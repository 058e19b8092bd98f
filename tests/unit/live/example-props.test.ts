import { describe, expect, it } from 'vitest';
import { findLiveExamples, tidyCode, toExampleSpec } from '../../../src/authoring/example-props.ts';
import { parseLiteral } from '../../../src/authoring/js-literal.ts';
import { hasLink, linkVariant } from '../../../src/live/model/link-variant.ts';

describe('findLiveExamples', () => {
  it('reads string, template-literal, object, array, boolean and bare attributes', () => {
    const mdx = [
      "import LiveExample from '../src/live/components/LiveExample.astro';",
      '',
      'Some prose with <b>html</b> and a {expression}.',
      '',
      '<LiveExample',
      '  id="one"',
      "  title='It > works'",
      '  code={`FROM alpine',
      'COPY --link /a /a',
      '`}',
      "  buildArgs={{ V: '2', 'X-Y': \"z\" }}",
      "  simulate={['base:alpine', `file:a`]}",
      '  mergeOp={false}',
      '  playground',
      "  expect={{ ops: { merge: 1, file: 1 }, rules: [], fails: false }}",
      '/>',
      '',
      '<LiveExample id="two" file="copy.Dockerfile" compare="link"></LiveExample>',
    ].join('\n');
    const found = findLiveExamples(mdx);
    expect(found.map((f) => f.line)).toEqual([5, 18]);
    expect(found[0].props).toEqual({
      id: 'one',
      title: 'It > works',
      code: 'FROM alpine\nCOPY --link /a /a\n',
      buildArgs: { V: '2', 'X-Y': 'z' },
      simulate: ['base:alpine', 'file:a'],
      mergeOp: false,
      playground: true,
      expect: { ops: { merge: 1, file: 1 }, rules: [], fails: false },
    });
    expect(found[1].props).toEqual({ id: 'two', file: 'copy.Dockerfile', compare: 'link' });
  });

  it('names the line of a tag it cannot read', () => {
    expect(() => findLiveExamples('x\n<LiveExample id="a" code={someVariable} />')).toThrow(/line 2/);
    expect(() => findLiveExamples('<LiveExample code="x" />')).toThrow(/missing id/);
  });
});

describe('parseLiteral', () => {
  it('reads literals and refuses code', () => {
    expect(parseLiteral(" { a: [1, -2.5, 'x\\n'], \"b\": null, c: true, } ")).toEqual({ a: [1, -2.5, 'x\n'], b: null, c: true });
    expect(parseLiteral('`a\\`b`')).toBe('a`b');
    expect(() => parseLiteral('`${x}`')).toThrow(SyntaxError);
    expect(() => parseLiteral('alert(1)')).toThrow(SyntaxError);
    expect(() => parseLiteral('{ a: 1 } + 1')).toThrow(SyntaxError);
  });
});

describe('toExampleSpec', () => {
  const files: Record<string, string> = { 'a.Dockerfile': 'FROM alpine\nCOPY --link a /a\n', 'b.Dockerfile': 'FROM busybox\n' };
  const read = (name: string) => files[name];

  it('reads files and builds the --link pair', () => {
    const spec = toExampleSpec({ id: 'x', file: 'a.Dockerfile', compare: 'link' }, read);
    expect(spec.code).toBe('FROM alpine\nCOPY --link a /a\n');
    expect(spec.compare).toBe('FROM alpine\nCOPY a /a\n');
    expect([spec.label, spec.compareLabel]).toEqual(['COPY --link', 'plain COPY']);
    const other = toExampleSpec({ id: 'y', code: 'FROM a\n', compareFile: 'b.Dockerfile' }, read);
    expect(other.compare).toBe('FROM busybox\n');
    expect([other.label, other.compareLabel]).toEqual(['Dockerfile', 'Compare']);
  });

  it('tidies indented template literals', () => {
    expect(tidyCode('\n    FROM alpine\n      RUN x\n')).toBe('FROM alpine\n  RUN x\n');
  });
});

describe('linkVariant', () => {
  it('adds --link to every COPY and ADD, or removes it', () => {
    const plain = 'FROM alpine\nCOPY a /a\nadd b /b\nRUN cp a b\n# COPY c /c\n';
    const linked = linkVariant(plain);
    expect(linked).toBe('FROM alpine\nCOPY --link a /a\nadd --link b /b\nRUN cp a b\n# COPY c /c\n');
    expect(hasLink(linked)).toBe(true);
    expect(linkVariant(linked)).toBe(plain);
  });

  it('leaves heredoc bodies alone', () => {
    const text = 'FROM alpine\nCOPY <<EOF /x\nCOPY not an instruction\nEOF\nCOPY a /a\n';
    expect(linkVariant(text)).toBe('FROM alpine\nCOPY --link <<EOF /x\nCOPY not an instruction\nEOF\nCOPY --link a /a\n');
  });
});

import { describe, expect, it } from 'vitest';
import { parseFlags, type FlagSpec } from '../../../src/analyzer/instructions/flags.ts';
import { levenshtein, suggest } from '../../../src/analyzer/core/suggest.ts';
import type { Word } from '../../../src/analyzer/parse/tree.ts';

const COPY: FlagSpec = { chown: 'string', from: 'string', chmod: 'string', link: 'bool', exclude: 'strings', parents: 'bool' };

function words(...values: string[]): Word[] {
  let offset = 5;
  return values.map((value) => {
    const w = { value, span: { start: offset, end: offset + value.length } };
    offset += value.length + 1;
    return w;
  });
}

describe('parseFlags', () => {
  const errors: [string[], string][] = [
    [['--lnk'], 'unknown flag: --lnk (did you mean link?)'],
    [['--form=x'], 'unknown flag: --form (did you mean from?)'],
    [['--LINK'], 'unknown flag: --LINK'],
    [['--zzzzzz=1'], 'unknown flag: --zzzzzz'],
    [['--from=a', '--from=b'], 'duplicate flag specified: --from'],
    [['--link', '--link=false'], 'duplicate flag specified: --link'],
    [['--link='], 'missing a value on flag: --link'],
    [['--link=yes'], 'expecting boolean value for flag --link, not: yes'],
    [['--from'], 'missing a value on flag: --from'],
    [['--exclude'], 'missing a value on flag: --exclude'],
    [['-x'], 'arg should start with -- : -x'],
    [['--lnk', '--from'], 'unknown flag: --lnk (did you mean link?)'],
  ];
  it.each(errors)('%j → %s', (input, message) => {
    expect(parseFlags(words(...input), COPY).error).toBe(message);
  });

  it('accepts bare and explicit booleans case-insensitively', () => {
    const f = parseFlags(words('--link', '--parents=FALSE'), COPY);
    expect(f.error).toBeUndefined();
    expect(f.bool('link')).toBe(true);
    expect(f.bool('parents')).toBe(false);
    expect(f.bool('chown')).toBeUndefined();
    expect(f.flags.map((x) => [x.name, x.value])).toEqual([
      ['link', undefined],
      ['parents', 'false'],
    ]);
  });

  it('collects repeatable values in order and allows an empty string value', () => {
    const f = parseFlags(words('--exclude=*.md', '--from=', '--exclude=tmp'), COPY);
    expect(f.error).toBeUndefined();
    expect(f.strings('exclude').map((w) => w.value)).toEqual(['*.md', 'tmp']);
    expect(f.string('from')?.value).toBe('');
  });

  it('gives the value its own span', () => {
    const f = parseFlags(words('--from=build'), COPY);
    expect(f.string('from')).toEqual({ value: 'build', span: { start: 12, end: 17 } });
    expect(f.flags[0].span).toEqual({ start: 5, end: 17 });
  });

  it('stops at a bare --', () => {
    expect(parseFlags(words('--', '--bogus'), COPY).error).toBeUndefined();
  });
});

describe('suggest', () => {
  it('computes edit distances', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('run', 'run')).toBe(0);
  });
  it('suggests within distance 2 and matches case when asked', () => {
    expect(suggest('runn', ['RUN', 'CMD'], false)).toBe('run');
    expect(suggest('COPPY', ['COPY'], false)).toBe('COPY');
    expect(suggest('Copyy', ['COPY'], false)).toBe('copy');
    expect(suggest('xyzzy', ['COPY'], false)).toBeUndefined();
    expect(suggest('run', ['RUN'], false)).toBeUndefined();
  });
});

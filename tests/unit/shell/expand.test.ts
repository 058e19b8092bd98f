import { describe, expect, it } from 'vitest';
import {
  expandHeredoc,
  expandKnownOnly,
  expandWord,
  expandWords,
  MAX_DEPTH,
  processWord,
} from '../../../src/analyzer/shell/expand.ts';

const env = new Map([
  ['HOME', '/root'],
  ['EMPTY', ''],
  ['FILE', 'archive.tar.gz'],
  ['PATHS', '/a/b/c/d'],
  ['WORDS', 'one  two'],
  ['X', 'x'],
]);

// [input, expected output] with the default escape token.
const values: [string, string][] = [
  ['plain', 'plain'],
  ['$HOME', '/root'],
  ['${HOME}', '/root'],
  ['a${HOME}b', 'a/rootb'],
  ['$HOME.x', '/root.x'],
  ['$UNSET', ''],
  ['x$UNSET-y', 'x-y'],
  ['$', '$'],
  ['$.', '$.'],
  ['a$/b', 'a$/b'],
  ['$9x', 'x'],
  ['$12x', 'x'],
  ['$$', ''],
  ['$@', ''],
  ["'$HOME'", '$HOME'],
  ['"$HOME"', '/root'],
  ['"a b"c', 'a bc'],
  ["it'\"s'", 'it"s'],
  ['\\$HOME', '$HOME'],
  ['\\\\$HOME', '\\/root'],
  ['a\\ b', 'a b'],
  ['a\\', 'a'],
  ['"a\\"b"', 'a"b'],
  ['"a\\$X"', 'a$X'],
  ['"a\\nb"', 'a\\nb'],
  ["'a\\nb'", 'a\\nb'],
  ['${UNSET:-dflt}', 'dflt'],
  ['${EMPTY:-dflt}', 'dflt'],
  ['${EMPTY-dflt}', ''],
  ['${UNSET-dflt}', 'dflt'],
  ['${HOME:-dflt}', '/root'],
  ['${HOME:+alt}', 'alt'],
  ['${EMPTY:+alt}', ''],
  ['${EMPTY+alt}', 'alt'],
  ['${UNSET+alt}', ''],
  ['${UNSET:-${X:-no}}', 'x'],
  ['${UNSET:-${NOPE:-deep}}', 'deep'],
  ['${UNSET:-$HOME/x}', '/root/x'],
  ['${UNSET:-a b}', 'a b'],
  ['${UNSET:-"q}"}', 'q}'],
  ['${HOME?}', '/root'],
  ['${EMPTY?}', ''],
  ['${HOME:?}', '/root'],
  ['${FILE#*.}', 'tar.gz'],
  ['${FILE##*.}', 'gz'],
  ['${FILE%.*}', 'archive.tar'],
  ['${FILE%%.*}', 'archive'],
  ['${FILE#nomatch}', 'archive.tar.gz'],
  ['${FILE#arch?ve}', '.tar.gz'],
  ['${PATHS#/*/}', 'b/c/d'],
  ['${PATHS##/*/}', 'd'],
  ['${PATHS%/*}', '/a/b/c'],
  ['${PATHS%%/b*}', '/a'],
  ['${FILE#\\*}', 'archive.tar.gz'],
  ['${UNSET#x}', ''],
  ['${PATHS/\\//:}', ':a/b/c/d'],
  ['${PATHS//\\//:}', ':a:b:c:d'],
  ['${FILE/.tar/}', 'archive.gz'],
  ['${FILE/*./X}', 'Xgz'],
  ['${FILE//a/A}', 'Archive.tAr.gz'],
  ['${FILE/zz/y}', 'archive.tar.gz'],
  ['${X/x/${HOME}}', '/root'],
  ['안녕$X', '안녕x'],
  ['${X}${X}', 'xx'],
];

describe('expandWord', () => {
  it.each(values)('%s → %s', (input, expected) => {
    const r = expandWord(input, env);
    expect(r.error).toBeUndefined();
    expect(r.value).toBe(expected);
  });

  const errors: [string, string][] = [
    ["'abc", 'unexpected end of statement while looking for matching single-quote'],
    ['"abc', 'unexpected end of statement while looking for matching double-quote'],
    ['"abc\\"', 'unexpected end of statement while looking for matching double-quote'],
    ['${', "syntax error: missing '}'"],
    ['${}', 'syntax error: bad substitution'],
    ['${:x}', 'syntax error: bad substitution'],
    ['${{x}', 'syntax error: bad substitution'],
    ['${X', 'unsupported modifier (\uFFFD) in substitution'],
    ['${X:-abc', "syntax error: missing '}'"],
    ['${X:=a}', 'unsupported modifier (:=) in substitution'],
    ['${X:1}', 'unsupported modifier (:1) in substitution'],
    ['${X:#a}', 'unsupported modifier (:#) in substitution'],
    ['${X:%a}', 'unsupported modifier (:%) in substitution'],
    ['${#X}', 'unsupported modifier (X) in substitution'],
    ['${X.}', 'unsupported modifier (.) in substitution'],
    ['${X/a}', "syntax error: missing '/' in ${}"],
    ['${X/a/b', "syntax error: missing '}'"],
    ['${UNSET?}', 'UNSET: is not allowed to be unset'],
    ['${UNSET?custom $X}', 'UNSET: custom x'],
    ['${EMPTY:?}', 'EMPTY: is not allowed to be empty'],
    ['${UNSET:?}', 'UNSET: is not allowed to be unset'],
    ['${X#\\a}', "invalid pattern (\\a) in substitution: invalid escape '\\a'"],
  ];
  it.each(errors)('%s fails with %s', (input, message) => {
    const r = expandWord(input, env);
    expect(r.error).toBe(`failed to process ${JSON.stringify(input)}: ${message}`);
    expect(r.value).toBe(input);
  });

  it('records unset names once, in first-use order, and set names as matched', () => {
    const r = expandWord('$B ${A:-$C} $B $HOME ${EMPTY}', env);
    expect(r.unmatched).toEqual(['B', 'C', 'A']);
    expect(r.matched).toEqual(['HOME', 'EMPTY']);
  });

  it('records unset names inside quotes and default words but not inside single quotes', () => {
    expect(expandWord('"$Q1" \'$Q2\' ${Q3:+$Q4}', env).unmatched).toEqual(['Q1', 'Q4', 'Q3']);
  });

  it('uses the backtick escape token when the Dockerfile says so', () => {
    expect(expandWord('`$HOME', env, '`').value).toBe('$HOME');
    expect(expandWord('a\\b', env, '`').value).toBe('a\\b');
    expect(expandWord('"a`"b"', env, '`').value).toBe('a"b');
  });

  it('splits words after substitution, keeping quoted spaces', () => {
    expect(expandWords('80 $WORDS', env).words).toEqual(['80', 'one', 'two']);
    expect(expandWords('"$WORDS" x', env).words).toEqual(['one  two', 'x']);
    expect(expandWords('a\\ b c', env).words).toEqual(['a b', 'c']);
    expect(expandWord('a b', env).words).toEqual([]);
  });

  it('handles deep nesting in linear time and refuses absurd depth without throwing', () => {
    const depth = MAX_DEPTH - 5;
    const nested = '${U:-'.repeat(depth) + 'end' + '}'.repeat(depth);
    expect(expandWord(nested, env).value).toBe('end');
    const absurd = '${U:-'.repeat(100_000);
    const started = performance.now();
    const r = expandWord(absurd, env);
    expect(r.error).toMatch(/^failed to process /);
    expect(performance.now() - started).toBeLessThan(2000);
    const unterminated = '${'.repeat(100_000);
    expect(expandWord(unterminated, env).error).toContain('unsupported modifier ({) in substitution');
  });
});

describe('expandKnownOnly (RUN step names)', () => {
  it.each([
    ['RUN echo $HOME $UNSET', 'RUN echo /root $UNSET'],
    ['RUN echo ${HOME} ${UNSET}', 'RUN echo /root ${UNSET}'],
    ['RUN echo "$HOME" \'$HOME\'', 'RUN echo "/root" \'$HOME\''],
    ['RUN echo ${UNSET:-d} ${X:-d}', 'RUN echo ${UNSET:-d} x'],
    ['RUN a\\ b', 'RUN a b'],
  ])('%s → %s', (input, expected) => {
    expect(expandKnownOnly(input, env).value).toBe(expected);
  });
});

describe('expandHeredoc (COPY/ADD bodies)', () => {
  it('expands variables but leaves quotes alone', () => {
    expect(expandHeredoc('home="$HOME" \'$X\'\n', env).value).toBe('home="/root" \'x\'\n');
  });
  it('treats backslash as the escape regardless of the directive', () => {
    expect(expandHeredoc('\\$HOME $X\n', env).value).toBe('$HOME x\n');
  });
  it('records unset names', () => {
    expect(expandHeredoc('$NOPE\n', env).unmatched).toEqual(['NOPE']);
  });
});

describe('processWord options', () => {
  it('keeps escapes with rawEscapes', () => {
    expect(processWord('a\\$X', env, { rawEscapes: true }).value).toBe('a\\$X');
  });
});

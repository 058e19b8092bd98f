/** BuildKit's `check` configuration, applied to its rules and ours (buildkit-model.md §1.2, §7). */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.ts';
import {
  commentCheckConfig,
  findCheckDirective,
  parseCheckOptions,
} from '../../../src/analyzer/rules/check-config.ts';

function summary(dockerfile: string, options = {}): string[] {
  return analyze(dockerfile, options).findings.map((f) => `${f.severity} ${f.rule}`);
}

const CASING = 'FROM alpine AS Build\nMAINTAINER me\nCOPY --link --chmod=755 a /a/\n';

describe('parseCheckOptions', () => {
  it.each([
    ['skip=A,B', { skip: ['A', 'B'], skipAll: false, error: false }],
    [' skip = A , B ; error = true ', { skip: ['A', 'B'], skipAll: false, error: true }],
    ['skip=all;error=1', { skip: [], skipAll: true, error: true }],
    ['experimental=all', { skip: [], skipAll: false, error: false }],
  ])('%s', (text, expected) => {
    const parsed = parseCheckOptions(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect({ skip: [...parsed.value.skip], skipAll: parsed.value.skipAll, error: parsed.value.error }).toEqual(expected);
  });

  it.each([
    ['skip', 'invalid check option "skip"'],
    ['foo=bar', 'invalid check option "foo"'],
    ['error=maybe', 'failed to parse check option "error=maybe": strconv.ParseBool: parsing "maybe": invalid syntax'],
    ['skip=A;bogus', 'invalid check option "bogus"'],
  ])('rejects %s', (text, error) => {
    expect(parseCheckOptions(text)).toEqual({ ok: false, error });
  });
});

describe('the # check= directive', () => {
  it('finds it in the directive section only', () => {
    expect(findCheckDirective('# syntax=docker/dockerfile:1\n# check=skip=A\nFROM x\n')?.value).toBe('skip=A');
    expect(findCheckDirective('#!/usr/bin/env docker\n#check = skip=A // why\n')?.value).toBe('skip=A');
    expect(findCheckDirective('# a comment\n# check=skip=A\n')).toBeUndefined();
    expect(findCheckDirective('FROM x\n# check=skip=A\n')).toBeUndefined();
    expect(findCheckDirective('  # check=skip=A\n')).toBeUndefined();
  });

  it('reports everything by default', () => {
    expect(summary(CASING)).toEqual(['warning StageNameCasing', 'warning MaintainerDeprecated', 'warning LinkDisabledByChmod']);
  });

  it('skips BuildKit rules and ours by name', () => {
    expect(summary('# check=skip=StageNameCasing,LinkDisabledByChmod\n' + CASING)).toEqual(['warning MaintainerDeprecated']);
  });

  it('only holds the first lines: a directive, then anything else, ends the section', () => {
    expect(summary('# check=skip=StageNameCasing\nFROM alpine AS Build\n')).toEqual([]);
    // After a blank line it is an ordinary comment, attached to FROM only.
    expect(summary('\n# check=skip=MaintainerDeprecated\nFROM alpine\nMAINTAINER me\n')).toEqual(['warning MaintainerDeprecated']);
    expect(summary('# check=skip=MaintainerDeprecated\nFROM alpine\nMAINTAINER me\n')).toEqual([]);
  });

  it('matches names exactly (PascalCase)', () => {
    expect(summary('# check=skip=stagenamecasing\n' + CASING)).toContain('warning StageNameCasing');
  });

  it('skip=all silences every rule, not BuildError', () => {
    expect(summary('# check=skip=all\n' + CASING + 'COPY --nope a b\n')).toEqual(['error BuildError']);
  });

  it('error=true turns BuildKit rules into errors, ours keep their level', () => {
    expect(summary('# check=error=true\n' + CASING)).toEqual([
      'error StageNameCasing',
      'error MaintainerDeprecated',
      'warning LinkDisabledByChmod',
    ]);
  });

  it('an invalid directive is BuildKit\'s error and nothing else', () => {
    const analysis = analyze('# check=skip\n' + CASING);
    expect(analysis.findings.map((f) => [f.rule, f.message, f.span])).toEqual([
      ['BuildError', 'failed to parse check options: invalid check option "skip"', { start: 0, end: 12 }],
    ]);
  });

  it('BUILDKIT_DOCKERFILE_CHECK replaces the directive', () => {
    const text = '# check=skip=MaintainerDeprecated\n' + CASING;
    expect(summary(text, { buildArgs: { BUILDKIT_DOCKERFILE_CHECK: 'skip=StageNameCasing' } })).toEqual([
      'warning MaintainerDeprecated',
      'warning LinkDisabledByChmod',
    ]);
  });

  it('skip does not affect experimental rules; experimental= enables them', () => {
    const text = '# the stage\nFROM alpine AS build\n';
    expect(summary('# check=skip=all\n\n' + text)).toEqual([]);
    expect(summary('# check=skip=all;experimental=InvalidDefinitionDescription\n\n' + text)).toEqual([
      'warning InvalidDefinitionDescription',
    ]);
  });

  it('NoEmptyContinuation from the parser is reported once and can be skipped', () => {
    const text = 'FROM alpine\nRUN a \\\n\n  b\n';
    expect(summary(text)).toEqual(['warning NoEmptyContinuation']);
    expect(summary('# check=skip=NoEmptyContinuation\n' + text)).toEqual([]);
  });
});

describe('per-instruction # check= comments', () => {
  it('parses the first check comment; text after a space is ignored', () => {
    expect([...(commentCheckConfig(['note', 'check=skip=A,B // why', 'check=skip=C'])?.skip ?? [])]).toEqual(['A', 'B']);
    expect(commentCheckConfig(['just a note'])).toBeUndefined();
    expect(commentCheckConfig(['check=nonsense'])).toBeUndefined();
  });

  it('silences a rule for that instruction only, ours included', () => {
    const text =
      'FROM alpine\n# check=skip=MaintainerDeprecated\nMAINTAINER a\nMAINTAINER b\n' +
      '# check=skip=LinkDisabledByChmod\nCOPY --link --chmod=755 a /a/\nCOPY --link --chmod=755 b /b/\n';
    const analysis = analyze(text);
    expect(analysis.findings.map((f) => `${f.rule}@${analysis.source.slice(0, f.span.start).split('\n').length}`)).toEqual([
      'MaintainerDeprecated@4',
      'LinkDisabledByChmod@7',
    ]);
  });

  it('applies to checks of a FROM line', () => {
    expect(summary('FROM scratch\n# check=skip=StageNameCasing\nFROM alpine AS Build\n')).toEqual([]);
    expect(summary('FROM scratch\n# check=skip=MaintainerDeprecated\nFROM alpine AS Build\n')).toEqual(['warning StageNameCasing']);
  });

  it('does not silence the checks BuildKit runs file-wide', () => {
    expect(summary('FROM alpine AS a\n# check=skip=DuplicateStageName\nFROM alpine AS a\n')).toEqual(['warning DuplicateStageName']);
  });

  it('error= in a comment is not honoured', () => {
    expect(summary('FROM alpine\n# check=error=true\nMAINTAINER a\n')).toEqual(['warning MaintainerDeprecated']);
  });
});

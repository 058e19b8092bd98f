import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/analyzer/parse/parse.ts';
import { dumpOf, errorsOf, textAt } from './helpers.ts';

describe('parser directives', () => {
  it.each([
    ['# escape=`', '`'],
    ['#escape=`', '`'],
    ['# ESCAPE = `', '`'],
    ['#\tEscape\t=\t`  ', '`'],
    ['   # escape=`', '`'], // the line is left-trimmed before the test
    ['# escape=\\', '\\'],
  ])('%j sets the escape token to %s', (line, token) => {
    expect(parse(`${line}\nFROM a\n`).escape).toBe(token);
  });

  it('switches continuation to the backtick', () => {
    expect(dumpOf('# escape=`\nFROM a\nRUN echo `\n  b\nRUN c \\\nd\n')).toBe(
      '(from "a")\n(run "echo   b")\n(run "c \\\\")\n(d "")',
    );
  });

  it.each([
    ['after a comment', '# hello\n# escape=`\nRUN a `\nb\n'],
    ['after a blank line', '\n# escape=`\nRUN a `\nb\n'],
    ['after an unknown key', '# foo=bar\n# escape=`\nRUN a `\nb\n'],
    ['after a shebang', '#!/bin/sh\n# escape=`\nRUN a `\nb\n'],
    ['after an instruction', 'FROM x\n# escape=`\nRUN a `\nb\n'],
  ])('is an ordinary comment %s', (_, source) => {
    const tree = parse(source);
    expect(tree.escape).toBe('\\');
    expect(tree.instructions.map((n) => n.keyword).slice(-2)).toEqual(['RUN', 'b']);
    expect(tree.directives.filter((d) => d.name === 'escape')).toEqual([]);
  });

  it('records syntax, escape and check with their line spans', () => {
    const source = '# syntax = docker/dockerfile:1  \n#check=skip=JSONArgsRecommended\n# escape=`\n\nFROM a\n';
    const tree = parse(source);
    expect(tree.directives.map((d) => [d.name, d.value, textAt(source, d.span)])).toEqual([
      ['syntax', 'docker/dockerfile:1', '# syntax = docker/dockerfile:1  '],
      ['check', 'skip=JSONArgsRecommended', '#check=skip=JSONArgsRecommended'],
      ['escape', '`', '# escape=`'],
    ]);
    expect(tree.diagnostics).toEqual([]);
  });

  it.each([
    ['# escape=`\n# escape=\\\nFROM a', 'only one escape parser directive can be used'],
    ['# syntax=a\n# Syntax=b\nFROM a', 'only one syntax parser directive can be used'],
    ['# check=error=true\n# check=skip=all\nFROM a', 'only one check parser directive can be used'],
    ['# escape=x\nFROM a', "invalid escape token 'x' does not match ` or \\"],
    ['# escape=``\nFROM a', "invalid escape token '``' does not match ` or \\"],
    // The value is lazy but never empty: with only spaces after `=`, it is one space.
    ['# escape=  \nFROM a', "invalid escape token ' ' does not match ` or \\"],
  ])('%j fails with %j', (source, message) => {
    expect(errorsOf(source)).toEqual([message]);
  });

  it('gives a duplicate directive error the span of its line', () => {
    const source = '# escape=`\n# escape=`\nFROM a';
    const [d] = parse(source).diagnostics;
    expect(textAt(source, d.span)).toBe('# escape=`');
    expect(d.span.start).toBe(11);
  });

  it('does not treat a directive without a value as one', () => {
    const tree = parse('# escape=\n# escape=`\nRUN a `\nb');
    expect(tree.escape).toBe('\\');
    expect(tree.diagnostics).toEqual([]);
  });

  it('reads syntax and check as the frontend does: after a shebang, never indented', () => {
    const names = (source: string) => parse(source).directives.map((d) => `${d.name}=${d.value}`);
    expect(names('#!/usr/bin/env buildctl\n# check=skip=all\n# syntax=x\nFROM a\n')).toEqual(['check=skip=all', 'syntax=x']);
    expect(names('#!/bin/sh\n# escape=`\nFROM a\n')).toEqual([]);
    expect(names('  # check=skip=all\nFROM a\n')).toEqual([]);
    expect(names('# syntax=a\n# check=error=true\n  # escape=`\nFROM a\n')).toEqual(['syntax=a', 'check=error=true', 'escape=`']);
    expect(names('// syntax=docker/dockerfile:1\nFROM a\n')).toEqual(['syntax=docker/dockerfile:1']);
    expect(parse('  # check=skip=all\nFROM a\n').diagnostics).toEqual([]);
  });

  it('keeps directives out of the attached comments', () => {
    const tree = parse('# syntax=x\n# the build stage\nFROM a AS build\n');
    expect(tree.instructions[0].comments).toEqual(['the build stage']);
  });
});

describe('comments', () => {
  it('collects consecutive comment lines; blank lines do not clear them', () => {
    expect(parse('# one\n\n# two\nFROM a\nRUN b\n').instructions.map((n) => n.comments)).toEqual([['one', 'two'], []]);
  });
  it('a bare # clears them', () => {
    expect(parse('# one\n#\n# two\nFROM a\n').instructions[0].comments).toEqual(['two']);
  });
  it("keeps BuildKit's quirk for indented comments (it drops the first byte of the line)", () => {
    expect(parse('  # indented\nFROM a\n').instructions[0].comments).toEqual(['# indented']);
  });
  it('a # inside an instruction is text', () => {
    expect(dumpOf('RUN echo a # b\n')).toBe('(run "echo a # b")');
  });
});

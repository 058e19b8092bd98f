import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/analyzer/parse/parse.ts';
import { dump } from '../../../src/analyzer/parse/dump.ts';
import { dumpOf, errorsOf } from './helpers.ts';

describe('flags', () => {
  it.each([
    ['COPY --from=build --link a b', '(copy ["--from=build" "--link"] "a" "b")'],
    ['COPY -- --odd-name /d', '(copy "--odd-name" "/d")'],
    ['COPY --a=1 -- --b=2 /d', '(copy ["--a=1"] "--b=2" "/d")'],
    ["COPY --chown='a b' x y", '(copy ["--chown=a b"] "x" "y")'],
    ['COPY --x="a\\"b" s d', '(copy ["--x=a\\"b"] "s" "d")'],
    ["COPY --x='' s d", '(copy ["--x="] "s" "d")'],
    ['COPY --from builder a /d', '(copy ["--from"] "builder" "a" "/d")'],
    ['COPY --link', '(copy ["--link"])'],
    ['COPY -x a b', '(copy "-x" "a" "b")'],
    ['RUN --mount=type=cache,target=/root/.cache pip install x', '(run ["--mount=type=cache,target=/root/.cache"] "pip install x")'],
    ['FROM --platform=$BUILDPLATFORM golang AS build', '(from ["--platform=$BUILDPLATFORM"] "golang" "AS" "build")'],
    ['CMD --doit [ "a" ]', '(cmd ["--doit"] "a")'],
  ])('%s', (source, expected) => {
    expect(dumpOf(source)).toBe(expected);
  });

  it('reads flags byte by byte as BuildKit does, outside ASCII', () => {
    // é is C3 A9: two Latin-1 characters. à is C3 A0, and A0 counts as a space.
    expect(parse('COPY --chown=é a b').instructions[0].flags.map((f) => f.value)).toEqual(['--chown=\u00c3\u00a9']);
    const split = parse('COPY --x=à a b').instructions[0];
    expect(split.flags.map((f) => f.value)).toEqual(['--x=\u00c3']);
    expect(split.args.map((a) => a.value)).toEqual(['a', 'b']);
  });
});

describe('JSON and shell forms', () => {
  it.each([
    ['CMD []', '(cmd)', true],
    ['CMD [ ]', '(cmd)', true],
    ['ENTRYPOINT ["a", "b c"]', '(entrypoint "a" "b c")', true],
    ['RUN ["echo", "\\u0000\\t\\"\\\\\\/"]', '(run "echo" "\\x00\\t\\"\\\\/")', true],
    ['CMD ["\\ud83d\\ude00", "\\ud800"]', '(cmd "\u{1F600}" "\ufffd")', true],
    ["CMD ['a']", '(cmd "[\'a\']")', false],
    ['CMD ["a"', '(cmd "[\\"a\\"")', false],
    ['CMD ["a"] x', '(cmd "[\\"a\\"] x")', false],
    ['CMD ["a",]', '(cmd "[\\"a\\",]")', false],
    ['CMD echo ["a"]', '(cmd "echo [\\"a\\"]")', false],
    // A float64 overflow fails Go's decoding, so it is shell form, not a type error.
    ['CMD ["a", 1e999]', '(cmd "[\\"a\\", 1e999]")', false],
    ['SHELL ["/bin/sh", "-c"]', '(shell "/bin/sh" "-c")', true],
    ['COPY ["a b", "/dst/"]', '(copy "a b" "/dst/")', true],
    ['COPY "a b" /d', '(copy "\\"a" "b\\"" "/d")', false],
    ['COPY ["a", 1] /d', '(copy "[\\"a\\"," "1]" "/d")', false],
    ['VOLUME ["/a", "/b"]', '(volume "/a" "/b")', true],
    ['VOLUME /a  /b', '(volume "/a" "/b")', false],
    ['HEALTHCHECK CMD ["curl", "-f"]', '(healthcheck "CMD" "curl" "-f")', true],
    ['HEALTHCHECK --interval=5s CMD curl -f x', '(healthcheck ["--interval=5s"] "CMD" "curl -f x")', false],
  ])('%s', (source, expected, json) => {
    expect(dumpOf(source)).toBe(expected);
    expect(parse(source).instructions[0].json).toBe(json);
    expect(errorsOf(source)).toEqual([]);
  });

  it.each([
    'CMD ["a", 1]',
    'CMD [true]',
    'RUN ["a", null]',
    'CMD [ "echo", [ "nested json" ] ]',
    'ENTRYPOINT [{"a": "b"}]',
    'COPY ["a", 1]',
    'HEALTHCHECK CMD ["a", 1]',
  ])('%s: a JSON array of non-strings is an error', (source) => {
    expect(errorsOf(source)).toEqual(['when using JSON array syntax, arrays must be comprised of strings only']);
  });

  it("follows Go's nesting limit of 10000", () => {
    const nested = (depth: number) => 'CMD ' + '['.repeat(depth) + ']'.repeat(depth);
    expect(errorsOf(nested(10000))).toEqual(['when using JSON array syntax, arrays must be comprised of strings only']);
    expect(errorsOf(nested(10001))).toEqual([]);
    expect(parse(nested(10001)).instructions[0].json).toBe(false);
  });
});

describe('argument parsers', () => {
  it.each([
    ['ENV A 1 B 2', '(env "A" "1 B 2" "")'],
    ['ENV A=1 B=2', '(env "A" "1" "=" "B" "2" "=")'],
    ['ENV A="x y" B=a\\ b C=', '(env "A" "\\"x y\\"" "=" "B" "a\\\\ b" "=" "C" "" "=")'],
    ['ENV A==b', '(env "A" "=b" "=")'],
    ['ENV', '(env)'],
    ['LABEL "a b"=c d=\'e f\'', '(label "\\"a b\\"" "c" "=" "d" "\'e f\'" "=")'],
    ['LABEL maintainer foo <f@b.c>', '(label "maintainer" "foo <f@b.c>" "")'],
    ['ARG a b=c "d e"=f', '(arg "a" "b=c" "\\"d e\\"=f")'],
    ['ARG', '(arg)'],
    ['FROM golang:1.22 AS build', '(from "golang:1.22" "AS" "build")'],
    ['EXPOSE 80/tcp \t 443', '(expose "80/tcp" "443")'],
    ['USER app group', '(user "app group")'],
    ['WORKDIR /my dir', '(workdir "/my dir")'],
    ['STOPSIGNAL SIGKILL', '(stopsignal "SIGKILL")'],
    ['MAINTAINER a <b@c>', '(maintainer "a <b@c>")'],
    ['USER', '(user)'],
    ['HEALTHCHECK', '(healthcheck)'],
    ['HEALTHCHECK NONE', '(healthcheck "NONE")'],
    ['HEALTHCHECK   CMD   a b', '(healthcheck "CMD" "a b")'],
    ['RUN', '(run)'],
    ['COPY', '(copy)'],
    ['ONBUILD RUN make', '(onbuild (run "make"))'],
    ['ONBUILD --x COPY --from=a b c', '(onbuild ["--x"] (copy ["--from=a"] "b" "c"))'],
    ['ONBUILD ONBUILD run x', '(onbuild (onbuild (run "x")))'],
    ['ONBUILD', '(onbuild)'],
    ['FOO bar baz', '(foo "")'],
    ['FOO', '(foo "")'],
    ['RUNN --flag x', '(runn ["--flag"] "")'],
  ])('%s', (source, expected) => {
    expect(dumpOf(source)).toBe(expected);
    expect(errorsOf(source)).toEqual([]);
  });

  it.each([
    ['ENV PATH', 'ENV must have two arguments'],
    ['env PATH', 'ENV must have two arguments'],
    ['LABEL a', 'LABEL must have two arguments'],
    ['ENV A\u00a0B', 'ENV must have two arguments'],
    ['ENV A=1 B', 'Syntax error - can\'t find = in "B". Must be of the form: name=value'],
    ['LABEL a=1 "b c"', 'Syntax error - can\'t find = in "\\"b c\\"". Must be of the form: name=value'],
    ['ONBUILD ENV A', 'ENV must have two arguments'],
  ])('%s fails with %j', (source, message) => {
    expect(errorsOf(source)).toEqual([message]);
  });

  it('keeps quotes and escapes in ARG, ENV and LABEL words', () => {
    const args = (s: string) => parse(s).instructions[0].args.map((a) => a.value);
    expect(args(`ENV a='x\\'y'`)).toEqual(['a', "'x\\'y'", '=']);
    expect(args('ENV a="x\\"y z"')).toEqual(['a', '"x\\"y z"', '=']);
    expect(args('ARG a=x\\ y')).toEqual(['a=x\\ y']);
    expect(args('# escape=`\nARG a=x` y b')).toEqual(['a=x` y', 'b']);
  });

  it('gives ONBUILD its trigger as a nested instruction', () => {
    const [node] = parse('ONBUILD copy --link a /b').instructions;
    expect(node.args).toEqual([]);
    expect(node.trigger).toMatchObject({ keyword: 'copy', command: 'copy', original: 'copy --link a /b' });
    expect(node.trigger?.flags.map((f) => f.value)).toEqual(['--link']);
    expect(node.trigger?.args.map((a) => a.value)).toEqual(['a', '/b']);
  });
});

describe('quote-aware words (parseWords)', () => {
  const words = (rest: string) => parse(`ARG ${rest}`).instructions[0].args.map((a) => a.value);
  it.each([
    ['foo', ['foo']],
    ['foo bar', ['foo', 'bar']],
    ['foo\\ bar', ['foo\\ bar']],
    ["foo 'abc xyz' \"d e\"", ['foo', "'abc xyz'", '"d e"']],
    ['föo bàr "âbc xÿz"', ['föo', 'bàr', '"âbc xÿz"']],
    ['a\u00a0b\u3000c', ['a', 'b', 'c']],
    ["''", ["''"]],
    ['"a b', ['"a b']],
  ])('%j → %j', (rest, expected) => {
    expect(words(rest)).toEqual(expected);
  });
});

describe('deep nesting', () => {
  it('parses and dumps an ONBUILD chain 20,000 deep', () => {
    const source = 'ONBUILD ' + 'ONBUILD\\\n '.repeat(20_000) + 'RUN x';
    const tree = parse(source);
    let depth = 0;
    for (let n = tree.instructions[0].trigger; n; n = n.trigger) depth++;
    expect(depth).toBe(20_001);
    const text = dump(tree);
    expect(text.startsWith('(onbuild (onbuild (onbuild')).toBe(true);
    expect(text.endsWith('(run "x")' + ')'.repeat(20_001))).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { buildModel } from '../../../src/analyzer/instructions/build-model.ts';
import type { CopyCommand, RunCommand } from '../../../src/analyzer/instructions/model.ts';
import { parse } from '../../../src/analyzer/parse/parse.ts';
import { lineNode, tree } from './nodes.ts';

/**
 * The single BuildError of a one-stage file whose second instruction is `line`; the error must
 * cover that instruction.
 */
function errorOf(line: string): string | undefined {
  const source = `FROM alpine\n${line}`;
  const syntax = parse(source);
  expect(syntax.diagnostics).toEqual([]);
  const model = buildModel(syntax);
  expect(model.diagnostics.length).toBeLessThanOrEqual(1);
  const error = model.diagnostics[0];
  if (error !== undefined) expect(error.span).toEqual(syntax.instructions[1].span);
  return error?.message;
}

const P = 'dockerfile parse error on line 2: ';

describe('instruction errors (exact BuildKit text)', () => {
  const cases: [string, string][] = [
    // unknown instructions
    ['RUNN make', 'unknown instruction: RUNN (did you mean RUN?)'],
    ['copyy a b', 'unknown instruction: copyy (did you mean copy?)'],
    ['FOOBAR x', 'unknown instruction: FOOBAR'],
    // flags
    ['COPY --lnk a b', 'unknown flag: --lnk (did you mean link?)'],
    ['COPY --from=a --from=b x y', 'duplicate flag specified: --from'],
    ['COPY --link=maybe a b', 'expecting boolean value for flag --link, not: maybe'],
    ['COPY --from builder /a /b', 'missing a value on flag: --from'],
    ['ADD --from=x a b', 'unknown flag: --from'],
    ['ADD --parents a b', 'unknown flag: --parents'],
    ['ADD --keep-git-dir=nope a b', 'expecting boolean value for flag --keep-git-dir, not: nope'],
    ['RUN --mnt=type=cache,target=/x make', 'unknown flag: --mnt (did you mean mount?)'],
    ['RUN --network=bridge make', 'invalid network mode "bridge"'],
    ['RUN --security=privileged make', 'security "privileged" is not valid'],
    ['RUN --mount=type=cache,from=$X,target=/c make', "'from' doesn't support variable expansion, define alias stage instead"],
    ['RUN --mount=target=a\\"b make', 'failed to parse csv mounts: parse error on line 1, column 9: bare " in non-quoted-field'],
    ['RUN --mount=type=bind,\'"target=/x\' make', 'failed to parse csv mounts: parse error on line 1, column 12: extraneous or missing " in quoted-field'],
    ['RUN --mount= make', 'failed to parse csv mounts: EOF'],
    ['RUN --device=a,b make', "invalid field 'b' must be a key=value pair"],
    ['RUN --device=a,name=b make', 'device name already set to a'],
    ['ENV --x=1 A=b', 'unknown flag: --x'],
    ['WORKDIR --x=1 /a', 'unknown flag: --x'],
    ['CMD --x echo', 'unknown flag: --x'],
    // argument counts (before flags where BuildKit checks them first)
    ['COPY --lnk a', 'COPY requires at least two arguments, but only one was provided. Destination could not be determined'],
    ['ADD a', 'ADD requires at least two arguments, but only one was provided. Destination could not be determined'],
    ['COPY a <<EOF\nbody\nEOF', 'COPY cannot accept a heredoc as a destination'],
    ['ADD a <<-"EOF"\nbody\nEOF', 'ADD cannot accept a heredoc as a destination'],
    ['ENV', 'ENV requires at least one argument'],
    ['LABEL', 'LABEL requires at least one argument'],
    ['ARG', 'ARG requires at least one argument'],
    ['ARG =x', 'ARG names can not be blank'],
    ['USER', 'USER requires exactly one argument'],
    ['WORKDIR', 'WORKDIR requires exactly one argument'],
    ['MAINTAINER', 'MAINTAINER requires exactly one argument'],
    ['STOPSIGNAL', 'STOPSIGNAL requires exactly one argument'],
    ['VOLUME', 'VOLUME requires at least one argument'],
    ['EXPOSE', 'EXPOSE requires at least one argument'],
    ['EXPOSE --x 80', 'unknown flag: --x'],
    ['SHELL', 'SHELL requires at least one argument'],
    ['SHELL bash -c', 'SHELL requires the arguments to be in JSON form'],
    ['HEALTHCHECK', 'HEALTHCHECK requires at least one argument'],
    ['HEALTHCHECK NONE x', 'HEALTHCHECK NONE takes no arguments'],
    ['HEALTHCHECK CMD', 'Missing command after HEALTHCHECK CMD'],
    ['HEALTHCHECK RUN x', 'Unknown type "RUN" in HEALTHCHECK (try CMD)'],
    ['HEALTHCHECK --interval=0.5ms CMD x', 'Interval "interval" cannot be less than 1ms'],
    ['HEALTHCHECK --timeout=5 CMD x', 'time: missing unit in duration "5"'],
    ['HEALTHCHECK --timeout=5y CMD x', 'time: unknown unit "y" in duration "5y"'],
    ['HEALTHCHECK --timeout=abc CMD x', 'time: invalid duration "abc"'],
    ['HEALTHCHECK --retries=-1 CMD x', '--retries cannot be negative (-1)'],
    ['HEALTHCHECK --retries=x CMD x', 'strconv.ParseInt: parsing "x": invalid syntax'],
    ['HEALTHCHECK --intervall=1s CMD x', 'unknown flag: --intervall (did you mean interval?)'],
    ['ONBUILD', 'ONBUILD requires at least one argument'],
    ['ONBUILD ONBUILD RUN x', 'Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed'],
    ['ONBUILD FROM alpine', "FROM isn't allowed as an ONBUILD trigger"],
    ['ONBUILD maintainer me', "MAINTAINER isn't allowed as an ONBUILD trigger"],
    ['FROM a b', 'FROM requires either one or three arguments'],
    ['FROM', 'FROM requires either one or three arguments'],
    ['FROM a AS 1abc', 'invalid name for build stage: "1abc", name can\'t start with a number or contain symbols'],
    ['FROM a AS b$c', 'invalid name for build stage: "b$c", name can\'t start with a number or contain symbols'],
    ['FROM a IS b', 'FROM requires either one or three arguments'],
    ['FROM --platform a AS b', 'missing a value on flag: --platform'],
    ['FROM --pltform=x a', 'unknown flag: --pltform (did you mean platform?)'],
  ];
  it.each(cases)('%s', (line, message) => {
    expect(errorOf(line)).toBe(P + message);
  });

  const fine = [
    'ARG --whatever=1 A=b',
    'STOPSIGNAL --x SIGTERM',
    'HEALTHCHECK --bogus NONE',
    'HEALTHCHECK --interval=30s --timeout=0 --start-period=1m30s --retries=3 CMD curl -f http://x/',
    'COPY --link --chmod=755 --chown=1:2 --exclude=*.md --exclude=x --parents a b /c/',
    'ADD --checksum=sha256:abc --keep-git-dir --unpack=true https://x/y.tar /z',
    'RUN --mount=type=secret,id=x,env=TOKEN --network=none --security=insecure make',
    'RUN --mount=type=bind,from=build$,target=/x make',
    'ONBUILD RUN --bogus make',
    'FROM a AS My-Stage.1_x',
    'CMD []',
    'ENTRYPOINT ["/bin/app"]',
    'SHELL ["/bin/bash", "-c"]',
    'EXPOSE 80/tcp 443',
    'VOLUME /data',
  ];
  it.each(fine)('%s is valid', (line) => {
    expect(errorOf(line)).toBeUndefined();
  });
});

describe('buildModel', () => {
  it('wraps errors with the start line and gives them the instruction span', () => {
    const source = 'FROM alpine\n\nCOPY --lnk a b\n';
    const model = buildModel(tree(source));
    expect(model.diagnostics).toEqual([
      {
        rule: 'BuildError',
        severity: 'error',
        message: 'dockerfile parse error on line 3: unknown flag: --lnk (did you mean link?)',
        span: { start: 13, end: 27 },
      },
    ]);
  });

  it('rejects instructions before the first FROM except ARG, without the line prefix', () => {
    const model = buildModel(tree('ARG A=1\nRUN x\nFROM alpine'));
    expect(model.globalArgs).toHaveLength(1);
    expect(model.diagnostics.map((d) => [d.message, d.span])).toEqual([
      ['no build stage in current context', { start: 8, end: 13 }],
    ]);
  });

  it('groups commands into stages with lower-cased names and spans', () => {
    const source = 'ARG V\nFROM alpine AS Build\nRUN make\nfrom scratch\nCOPY --from=build /a /b';
    const model = buildModel(tree(source));
    expect(model.diagnostics).toEqual([]);
    expect(model.stages.map((s) => [s.index, s.name, s.commands.map((c) => c.kind)])).toEqual([
      [0, 'build', ['run']],
      [1, undefined, ['copy']],
    ]);
    expect(model.stages[0].from.stageName?.value).toBe('build');
    expect(model.stages[0].span).toEqual({ start: 6, end: 35 });
    expect(model.stages[1].span).toEqual({ start: 36, end: source.length });
    expect(model.escape).toBe('\\');
  });

  it('keeps a stage for a FROM with an error so later commands group correctly', () => {
    const model = buildModel(tree('FROM a AS 9\nRUN x\nFROM b\nRUN y'));
    expect(model.stages.map((s) => s.commands.length)).toEqual([1, 1]);
    expect(model.stages[0].from.invalid).toBe(true);
  });

  it('types COPY flags and sources', () => {
    const model = buildModel(tree('FROM a\nCOPY --from=b --link --exclude=x --exclude=y --chmod=644 s1 s2 /d/'));
    const copy = model.stages[0].commands[0] as CopyCommand;
    expect(copy.kind).toBe('copy');
    expect(copy.from?.value).toBe('b');
    expect(copy.link).toBe(true);
    expect(copy.parents).toBe(false);
    expect(copy.excludes).toEqual(['x', 'y']);
    expect(copy.chmod?.value).toBe('644');
    expect(copy.sources.map((s) => s.value)).toEqual(['s1', 's2']);
    expect(copy.dest.value).toBe('/d/');
    expect(copy.flags.map((f) => f.name)).toEqual(['from', 'link', 'exclude', 'exclude', 'chmod']);
  });

  it('keeps RUN mounts raw with their spans', () => {
    const model = buildModel(tree('FROM a\nRUN --mount=type=cache,target=$D --network=host make all'));
    const run = model.stages[0].commands[0] as RunCommand;
    expect(run.mounts).toEqual([{ raw: 'type=cache,target=$D', span: { start: 19, end: 39 } }]);
    expect(run.network).toBe('host');
    expect(run.args).toEqual(['make all']);
    expect(run.shellForm).toBe(true);
  });

  it('splits ARG declarations and records ENV legacy form', () => {
    const model = buildModel(tree('FROM a\nARG A B=2 C=\nENV K some value'));
    const [arg, env] = model.stages[0].commands;
    if (arg.kind !== 'arg' || env.kind !== 'env') throw new Error('unexpected kinds');
    expect(arg.args.map((a) => [a.name.value, a.defaultValue?.value])).toEqual([
      ['A', undefined],
      ['B', '2'],
      ['C', ''],
    ]);
    expect(arg.args[1].name.span).toEqual({ start: 13, end: 14 });
    expect(env.pairs.map((p) => [p.key.value, p.value.value, p.legacy])).toEqual([['K', 'some value', true]]);
  });

  it('stores ONBUILD expressions and converts triggers, deferring trigger errors', () => {
    const model = buildModel(tree('FROM a\nONBUILD COPY --lnk a b\nonbuild  RUN make'));
    const [bad, good] = model.stages[0].commands;
    if (bad.kind !== 'onbuild' || good.kind !== 'onbuild') throw new Error('unexpected kinds');
    expect(model.diagnostics).toEqual([]);
    expect(bad.triggerError).toBe('unknown flag: --lnk (did you mean link?)');
    expect(bad.expression).toBe('COPY --lnk a b');
    expect(good.trigger?.kind).toBe('run');
    expect(good.expression).toBe('RUN make');
  });

  it('appends heredoc bodies to ONBUILD expressions', () => {
    const node = lineNode('ONBUILD RUN <<EOF', 7, 2, {
      heredocs: [
        {
          name: 'EOF',
          expand: true,
          chomp: false,
          fileDescriptor: 0,
          content: 'echo hi\n',
          span: { start: 19, end: 24 },
          bodySpan: { start: 25, end: 37 },
        },
      ],
    });
    const t = tree('FROM a');
    const model = buildModel({ ...t, instructions: [...t.instructions, node] });
    const onbuild = model.stages[0].commands[0];
    if (onbuild.kind !== 'onbuild') throw new Error('unexpected kind');
    expect(onbuild.expression).toBe('RUN <<EOF\necho hi\nEOF');
  });

  it('reports every erroneous instruction, in order', () => {
    const model = buildModel(tree('FROM a\nRUNN x\nCOPY a\nUSER'));
    expect(model.diagnostics.map((d) => d.message)).toEqual([
      'dockerfile parse error on line 2: unknown instruction: RUNN (did you mean RUN?)',
      'dockerfile parse error on line 3: COPY requires at least two arguments, but only one was provided. Destination could not be determined',
      'dockerfile parse error on line 4: USER requires exactly one argument',
    ]);
  });
});

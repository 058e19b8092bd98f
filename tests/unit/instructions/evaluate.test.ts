import { describe, expect, it } from 'vitest';
import { buildModel } from '../../../src/analyzer/instructions/build-model.ts';
import { evaluate } from '../../../src/analyzer/instructions/evaluate.ts';
import type { BuildOptions, EvaluatedBuild, EvaluatedCommand } from '../../../src/analyzer/instructions/model.ts';
import { parse } from '../../../src/analyzer/parse/parse.ts';
import type { Heredoc } from '../../../src/analyzer/parse/tree.ts';
import { lineNode, tree } from './nodes.ts';
import { baseImageConfig } from '../../../src/analyzer/image/base-image.ts';
import { unknownImage } from '../../../src/analyzer/image/model.ts';

const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

function run(source: string, options: BuildOptions = {}): EvaluatedBuild {
  const syntax = parse(source);
  expect(syntax.diagnostics).toEqual([]);
  const model = buildModel(syntax);
  expect(model.diagnostics).toEqual([]);
  return evaluate(model, options);
}

function messages(build: EvaluatedBuild): string[] {
  return build.diagnostics.map((d) => d.message);
}

function command(build: EvaluatedBuild, stage: number, index: number): EvaluatedCommand {
  return build.stages[stage].commands[index];
}

describe('global scope', () => {
  it('defines the built-in platform args and TARGETSTAGE', () => {
    const b = run('FROM alpine AS final');
    expect(b.globalArgs).toMatchObject({
      BUILDPLATFORM: 'linux/amd64',
      BUILDOS: 'linux',
      BUILDARCH: 'amd64',
      BUILDVARIANT: '',
      TARGETPLATFORM: 'linux/amd64',
      TARGETOS: 'linux',
      TARGETARCH: 'amd64',
      TARGETSTAGE: 'final',
    });
    expect(run('FROM alpine').globalArgs.TARGETSTAGE).toBe('default');
    expect(run('FROM a AS x\nFROM b AS y', { target: 'X' }).globalArgs.TARGETSTAGE).toBe('X');
  });

  it('evaluates global ARGs in order, with build-arg overrides used verbatim', () => {
    const source = 'ARG A=1\nARG B=${A}2 C\nARG D=$TARGETARCH\nFROM img:$B';
    const b = run(source, { buildArgs: { A: '$x', TARGETARCH: 'arm64' } });
    expect(b.globalArgs).toMatchObject({ A: '$x', B: '$x2', D: 'arm64' });
    expect('C' in b.globalArgs).toBe(false);
    expect(b.stages[0].base).toEqual({ kind: 'image', ref: 'img:$x2', config: unknownImage('img:$x2') });
    expect(b.stages[0].baseName).toBe('img:$x2');
  });

  it('expands FROM against the global scope only and records unset names', () => {
    const b = run('ARG TAG=3.20\nFROM alpine:${TAG}-$NOPE');
    expect(b.stages[0].baseName).toBe('alpine:3.20-');
    expect(b.froms[0].image).toMatchObject({ value: 'alpine:3.20-', matched: ['TAG'], unmatched: ['NOPE'] });
    expect(b.froms[0].platform).toBeUndefined();
  });

  it('expands --platform', () => {
    const b = run('FROM --platform=$BUILDPLATFORM golang');
    expect(b.stages[0].platform).toBe('linux/amd64');
    expect(b.stages[0].base).toEqual({ kind: 'image', ref: 'golang', platform: 'linux/amd64', config: baseImageConfig('golang') });
  });

  it('reports blank base names and bad platforms', () => {
    expect(messages(run('ARG X\nFROM $X'))).toEqual(['base name ($X) should not be blank']);
    expect(messages(run('FROM --platform=$NOPE alpine'))).toEqual(['empty platform value from expression $NOPE']);
    expect(messages(run('ARG P=linux\nFROM --platform=$P alpine'))).toEqual([]);
    expect(messages(run('FROM --platform=linux/arm64/v8 alpine'))).toEqual([]);
    expect(messages(run('FROM --platform=xyz alpine'))).toEqual([
      'failed to parse platform xyz: "xyz": unknown operating system or architecture: invalid argument',
    ]);
    expect(messages(run('FROM --platform=linux/* alpine'))).toEqual([
      'failed to parse platform linux/*: "linux/*": wildcards not yet supported: invalid argument',
    ]);
    expect(messages(run('FROM --platform=a/b/c/d alpine'))).toEqual([
      'failed to parse platform a/b/c/d: "a/b/c/d": cannot parse platform specifier: invalid argument',
    ]);
    // BuildKit decorates the platform parser's error with a suggestion for an unset variable.
    expect(messages(run('ARG MY_ARCH=amd64\nFROM --platform=linux/${MYARCH} busybox'))).toEqual([
      'failed to parse platform linux/${MYARCH}: "" is an invalid component of "linux/": platform specifier component must match "^[A-Za-z0-9_.-]+$": invalid argument (did you mean MY_ARCH?)',
    ]);
    expect(messages(run('ARG MY_ARCH=amd64\nFROM --platform=${MYARCH} busybox'))).toEqual([
      'empty platform value from expression ${MYARCH} (did you mean MY_ARCH?)',
    ]);
    expect(messages(run('FROM --platform=linux/${ZZZZZZ} busybox'))).toEqual([
      'failed to parse platform linux/${ZZZZZZ}: "" is an invalid component of "linux/": platform specifier component must match "^[A-Za-z0-9_.-]+$": invalid argument',
    ]);
    expect(messages(run('FROM alpine:${X'))).toEqual([
      'failed to process "alpine:${X": unsupported modifier (\uFFFD) in substitution',
    ]);
  });

  it('checks image references of every stage, reachable or not', () => {
    expect(messages(run('FROM Alpine AS x\nFROM alpine'))).toEqual([
      'failed to parse stage name "Alpine": invalid reference format: repository name (library/Alpine) must be lowercase',
    ]);
    expect(messages(run('FROM a\nCOPY --from=bad:ref:x /a /b'))).toEqual([
      'failed to parse stage name "bad:ref:x": invalid reference format',
    ]);
    expect(messages(run('FROM a AS build\nFROM build\nFROM scratch\nFROM ghcr.io/o/app:1@sha256:' + 'a'.repeat(64)))).toEqual([]);
  });

  it('reports a file with only global ARGs', () => {
    const model = buildModel(tree('ARG A'));
    expect(messages(evaluate(model, {}))).toEqual(['dockerfile contains no stages to build']);
  });
});

describe('stage scope', () => {
  it('starts images and scratch with the default PATH, root workdir and the default shell', () => {
    const b = run('FROM scratch\nRUN x');
    expect(b.stages[0].base).toEqual({ kind: 'scratch' });
    expect(b.stages[0].initial).toEqual({ env: [PATH], workdir: '/', user: '', shell: ['/bin/sh', '-c'] });
  });

  it('hides global ARGs until re-declared; a declaration takes the global value', () => {
    const b = run('ARG V=g\nFROM a\nENV X=$V\nARG V\nENV Y=$V');
    expect(command(b, 0, 0).expanded).toEqual({ kind: 'env', keys: ['X'], values: [''] });
    expect(command(b, 0, 0).unmatched).toEqual(['V']);
    expect(command(b, 0, 1).expanded).toEqual({ kind: 'arg', args: ['V=g'] });
    expect(command(b, 0, 2).expanded).toEqual({ kind: 'env', keys: ['Y'], values: ['g'] });
    expect(command(b, 0, 2).state.env).toEqual([PATH, 'X=', 'V=g']);
  });

  it('resolves stage ARGs: build arg, else default expanded with the stage env, else global', () => {
    const source = 'ARG G=glob\nFROM a\nENV E=env\nARG A=$E-x B=$A C G D\nRUN x';
    const b = run(source, { buildArgs: { C: 'cli' } });
    expect(command(b, 0, 1).expanded).toEqual({ kind: 'arg', args: ['A=env-x', 'B=env-x', 'C=cli', 'G=glob', 'D'] });
    expect(command(b, 0, 2).state.env).toEqual([PATH, 'E=env', 'A=env-x', 'B=env-x', 'C=cli', 'G=glob']);
  });

  it('gives all pairs of one ENV the values from before it; a later key moves to the end', () => {
    const b = run('FROM a\nENV A=1\nENV A=2 B=$A\nRUN x');
    expect(command(b, 0, 1).expanded).toEqual({ kind: 'env', keys: ['A', 'B'], values: ['2', '1'] });
    expect(command(b, 0, 2).state.env).toEqual([PATH, 'A=2', 'B=1']);
  });

  it('shares unchanged states, and env behaves as plain data', () => {
    const b = run('FROM a\nENV A=1\nRUN x\nCOPY a b\nENV A=2\nRUN y');
    const [, run1, copy, , run2] = b.stages[0].commands;
    expect(copy.state).toBe(run1.state);
    expect(run2.state.env).toEqual([PATH, 'A=2']);
    expect(structuredClone(run1.state)).toEqual({ env: [PATH, 'A=1'], workdir: '/', user: '', shell: ['/bin/sh', '-c'] });
    expect(JSON.parse(JSON.stringify(run2.state)).env).toEqual([PATH, 'A=2']);
    expect({ ...run1.state }.env).toEqual([PATH, 'A=1']);
  });

  it('exempts declared ARGs (even unset ones) from unmatched', () => {
    const b = run('FROM a\nARG U\nCOPY $U/$W /d\nUSER ${V:-x}');
    expect(command(b, 0, 1).unmatched).toEqual(['W']);
    expect(command(b, 0, 2).unmatched).toEqual(['V']);
  });

  it('resolves WORKDIR against the current directory', () => {
    const b = run('FROM a\nWORKDIR app\nWORKDIR ../srv/./x/\nWORKDIR /opt//y/..\nENV D=sub\nWORKDIR $D\nRUN x');
    const dirs = b.stages[0].commands.filter((c) => c.command.kind === 'workdir').map((c) => (c.expanded.kind === 'workdir' ? c.expanded.workdir : undefined));
    expect(dirs).toEqual(['/app', '/srv/x', '/opt', '/opt/sub']);
    expect(command(b, 0, 5).state.workdir).toBe('/opt/sub');
    expect(command(b, 0, 4).expanded).toMatchObject({ kind: 'workdir', path: 'sub' });
  });

  it('tracks USER and SHELL', () => {
    const b = run('FROM a\nENV U=app\nUSER $U:grp\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN x');
    expect(command(b, 0, 1).expanded).toEqual({ kind: 'user', user: 'app:grp' });
    expect(command(b, 0, 3).state).toMatchObject({ user: 'app:grp', shell: ['/bin/bash', '-eo', 'pipefail', '-c'] });
  });

  it('inherits env, workdir, user, shell and declared ARGs through FROM <stage>', () => {
    const b = run('FROM a AS base\nARG X\nENV E=1\nWORKDIR /w\nUSER u\nFROM base AS child\nCOPY $X /d\nFROM Base\nCOPY --from=child /a /b');
    expect(b.stages.map((s) => s.stage.index)).toEqual([0, 1, 2]);
    expect(b.stages[1].base).toEqual({ kind: 'stage', index: 0 });
    expect(b.stages[1].initial).toEqual({ env: [PATH, 'E=1'], workdir: '/w', user: 'u', shell: ['/bin/sh', '-c'] });
    expect(command(b, 1, 0).unmatched).toEqual([]);
    // Base names match stage names exactly: `Base` is an image reference.
    expect(b.stages[2].base).toEqual({ kind: 'image', ref: 'Base', config: unknownImage('Base') });
  });

  it('does not match a stage declared later', () => {
    const b = run('FROM later AS first\nFROM a AS later\nCOPY --from=first /a /b');
    expect(b.stages[0].base).toEqual({ kind: 'image', ref: 'later', config: unknownImage('later') });
  });

  it('expands what BuildKit expands for each instruction', () => {
    const source = [
      'FROM a',
      'ENV P=80 S=TERM N=name V=/vol',
      'EXPOSE $P 443/udp',
      'STOPSIGNAL SIG$S',
      'VOLUME $V /other',
      'LABEL $N=$P',
      'ADD --chown=$N --chmod=7$P --checksum=sha256:$P http://x/$N.tgz /$N/',
      'CMD echo $P',
    ].join('\n');
    const b = run(source);
    const e = b.stages[0].commands.map((c) => c.expanded);
    // BuildKit sorts the written arguments before expanding them.
    expect(e[1]).toEqual({ kind: 'expose', ports: ['80', '443/udp'], exposed: ['80/tcp', '443/udp'] });
    expect(e[2]).toEqual({ kind: 'stopsignal', signal: 'SIGTERM' });
    expect(e[3]).toEqual({ kind: 'volume', volumes: ['/vol', '/other'] });
    expect(e[4]).toEqual({ kind: 'label', keys: ['name'], values: ['80'] });
    expect(e[5]).toEqual({ kind: 'add', chown: 'name', chmod: '780', checksum: 'sha256:80', sources: ['http://x/name.tgz'], dest: '/name/' });
    expect(e[6]).toEqual({ kind: 'cmd' });
  });

  it('reports dispatch errors with the command span', () => {
    const b = run('FROM a\nSTOPSIGNAL SIGFOO\nSTOPSIGNAL 0\nCOPY "a /b\nVOLUME $NOPE');
    expect(b.diagnostics.map((d) => [d.message, d.span.start])).toEqual([
      ['invalid signal: SIGFOO', 7],
      ['invalid signal: 0', 25],
      ['failed to process "\\"a": unexpected end of statement while looking for matching double-quote', 38],
      ['VOLUME specified can not be an empty string', 49],
    ]);
  });
});

describe('EXPOSE', () => {
  it('splits expanded values into ports and expands ranges', () => {
    const b = run('FROM a\nENV PORTS="80 8000-8002/UDP"\nEXPOSE $PORTS 127.0.0.1:53:53/udp');
    expect(command(b, 0, 1).expanded).toEqual({
      kind: 'expose',
      ports: ['80', '8000-8002/UDP', '127.0.0.1:53:53/udp'],
      exposed: ['80/tcp', '8000/udp', '8001/udp', '8002/udp', '53/udp'],
    });
  });
  it.each([
    ['/tcp', 'invalid port: "/tcp": no port specified'],
    ['80/http', 'invalid port: "80/http": invalid proto: http'],
    ['x', 'invalid containerPort: x'],
    ['70000', 'invalid containerPort: 70000'],
    ['90-80', 'invalid containerPort: 90-80'],
    ['y:80', 'invalid hostPort: y'],
    ['1.2.3.999:80:80', 'invalid IP address: 1.2.3.999'],
    ['8000-8001:80-82', 'invalid ranges specified for container and host Ports: 80-82 and 8000-8001'],
  ])('%s fails with %s', (spec, message) => {
    expect(messages(run(`FROM a\nEXPOSE ${spec}`))).toEqual([message]);
  });
  it('accepts IPv6 addresses in brackets', () => {
    expect(messages(run('FROM a\nEXPOSE [::1]:80:80'))).toEqual([]);
  });
});

describe('targets and pruning', () => {
  const source = 'FROM a AS one\nFROM b AS two\nFROM c AS three\nCOPY --from=one /x /y';
  it('defaults to the last stage and keeps only reachable stages in file order', () => {
    const b = run(source);
    expect(b.target).toBe(2);
    expect(b.stages.map((s) => s.stage.name)).toEqual(['one', 'three']);
  });
  it('selects --target case-insensitively', () => {
    const b = run(source, { target: 'TWO' });
    expect(b.target).toBe(1);
    expect(b.stages.map((s) => s.stage.name)).toEqual(['two']);
  });
  it('reports an unknown target with a suggestion', () => {
    expect(messages(run(source, { target: 'thre' }))).toEqual([
      'target stage "thre" could not be found (did you mean three?)',
    ]);
    expect(messages(run(source, { target: 'nothing' }))).toEqual(['target stage "nothing" could not be found']);
  });
});

describe('--from and mount references', () => {
  it('resolves an index, a name at any position, else an image', () => {
    const b = run('FROM a AS x\nFROM b\nCOPY --from=0 /a /a\nCOPY --from=X /b /b\nCOPY --from=nginx:1 /c /c\nADD a /d');
    expect(b.stages[1].commands.map((c) => c.origin)).toEqual([
      { kind: 'stage', index: 0 },
      { kind: 'stage', index: 0 },
      { kind: 'image', ref: 'nginx:1' },
      { kind: 'context' },
    ]);
    expect(b.stages.map((s) => s.displayName)).toEqual(['x', 'stage-1']);
  });

  it('refuses variables, bad indexes, later stages and cycles with BuildKit texts', () => {
    expect(messages(run('FROM a\nCOPY --from=$X /a /b'))).toEqual([
      'variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround',
    ]);
    expect(messages(run('FROM a\nCOPY --from=3 /a /b'))).toEqual(['invalid stage index 3']);
    expect(messages(run('FROM a\nCOPY --from=-1 /a /b'))).toEqual(['invalid stage index -1']);
    expect(messages(run('FROM a AS one\nCOPY --from=two /a /b\nFROM b AS two'))).toEqual([]);
    expect(messages(run('FROM a AS one\nCOPY --from=two /a /b\nFROM b AS two\nCOPY --from=one /c /d'))).toEqual([
      'circular dependency detected on stage: one',
    ]);
    const later = run('FROM a AS one\nCOPY --from=two /a /b\nFROM b AS two', { target: 'one' });
    expect(messages(later)).toEqual(['cannot copy from stage "two", it needs to be defined before current stage "one"']);
    expect(messages(run('FROM a AS one\nCOPY --from=one /a /b'))).toEqual(['circular dependency detected on stage: one']);
  });

  it('follows RUN --mount from= for reachability and checks mounts at evaluation', () => {
    const b = run('FROM a AS deps\nFROM b AS unused\nFROM c\nRUN --mount=from=deps,target=/d --mount=type=cache,target=/c make');
    expect(b.stages.map((s) => s.stage.index)).toEqual([0, 2]);
    const r = command(b, 1, 0);
    expect(r.mountStages).toEqual([0, undefined]);
    expect(r.expanded.kind === 'run' && r.expanded.mounts.map((m) => [m.type, m.from, m.target, m.readonly])).toEqual([
      ['bind', 'deps', '/d', true],
      ['cache', '', '/c', false],
    ]);
    const errors = run('FROM a\nWORKDIR /\nRUN --mount=size=1m,type=tmpfs make\nRUN --mount=type=cache make');
    expect(messages(errors)).toEqual([
      "unexpected key 'size' for mount type 'bind'",
      'invalid mount target "/"',
    ]);
  });

  it('expands mount values and records unset names', () => {
    const b = run('FROM a\nENV T=/cache\nRUN --mount=type=cache,id=$ID,target=$T make');
    expect(command(b, 0, 1).expanded).toMatchObject({ kind: 'run', mountTexts: ['type=cache,id=,target=/cache'] });
    expect(command(b, 0, 1).unmatched).toEqual(['ID']);
  });

  it('names the stage only when there is more than one dispatch state', () => {
    expect(run('FROM a\nRUN x').stages[0].displayName).toBe('');
    expect(run('FROM a\nRUN --mount=type=cache,target=/c x').stages[0].displayName).toBe('stage-0');
    expect(run('FROM a\nCOPY --from=img /a /b').stages[0].displayName).toBe('stage-0');
  });
});

describe('ONBUILD', () => {
  it('runs the base stage triggers first in the child, with their references', () => {
    const source = 'FROM a AS tools\nFROM b AS base\nONBUILD COPY --from=tools /t /t\nONBUILD RUN make\nFROM base\nRUN test';
    const b = run(source);
    expect(b.stages.map((s) => s.stage.name ?? s.stage.index)).toEqual(['tools', 'base', 2]);
    const child = b.stages[2].commands;
    expect(child.map((c) => [c.command.kind, c.onbuild, c.stepText])).toEqual([
      ['copy', true, 'COPY --from=tools /t /t'],
      ['run', true, 'RUN make'],
      ['run', false, 'RUN test'],
    ]);
    expect(child[0].origin).toEqual({ kind: 'stage', index: 0 });
    // The base stage itself does not run its own triggers.
    expect(b.stages[1].commands.map((c) => c.onbuild)).toEqual([false, false]);
  });

  it('does not carry triggers further than one level and reports bad triggers in the child', () => {
    const b = run('FROM a AS base\nONBUILD RUN one\nFROM base AS mid\nFROM mid\nRUN x');
    expect(b.stages[2].commands.map((c) => c.onbuild)).toEqual([false]);
    const bad = buildModel(tree('FROM a AS base\nONBUILD COPY a\nFROM base'));
    expect(evaluate(bad, {}).diagnostics.map((d) => [d.message, d.span.start])).toEqual([
      ['COPY requires at least two arguments, but only one was provided. Destination could not be determined', 30],
    ]);
  });
});

describe('ONBUILD with heredocs', () => {
  it('carries trigger heredocs into the child', () => {
    const b = run('FROM a AS base\nONBUILD RUN <<EOF\necho hi\necho there\nEOF\nONBUILD COPY <<EOF /x\nv=$V\nEOF\nFROM base\nARG V=1');
    const child = b.stages[1].commands;
    expect(child.map((c) => c.stepText)).toEqual(['RUN <<EOF (echo hi...)', 'COPY <<EOF /x', 'ARG V=1']);
    expect(child[1].expanded).toMatchObject({ heredocs: ['v=\n'] });
    expect(child[1].unmatched).toEqual(['V']);
  });
  it('reports an unknown trigger instruction in the child only', () => {
    const model = buildModel(parse('FROM a AS base\nONBUILD RUNN x\nFROM base'));
    expect(model.diagnostics).toEqual([]);
    expect(messages(evaluate(model, {}))).toEqual(['unknown instruction: RUNN (did you mean RUN?)']);
  });
});

describe('step texts', () => {
  it('substitutes only known variables in RUN and keeps quotes', () => {
    const b = run('FROM a\nARG V=1\nrun echo "$V" \'$V\' $UNSET ${V}');
    expect(command(b, 0, 1).stepText).toBe('RUN echo "1" \'$V\' $UNSET 1');
  });

  it('processes COPY, ADD and WORKDIR normally', () => {
    const b = run('FROM a\nENV D=/dst\ncopy --chown=$U a "$D"\nworkdir $D/x');
    expect(command(b, 0, 1).stepText).toBe('COPY --chown= a /dst');
    expect(command(b, 0, 2).stepText).toBe('WORKDIR /dst/x');
  });

  it('keeps the text as written when the lexer fails', () => {
    expect(run('FROM a\nRUN echo "unclosed').stages[0].commands[0].stepText).toBe('RUN echo "unclosed');
  });

  it('masks secret env mounts', () => {
    const b = run('FROM a\nENV TOKEN=plain\nRUN --mount=type=secret,id=t,env=TOKEN echo $TOKEN');
    expect(command(b, 0, 1).stepText).toBe('RUN --mount=type=secret,id=t,env=TOKEN echo ****');
  });

  it('summarises a single RUN heredoc', () => {
    const heredoc: Heredoc = {
      name: 'EOF',
      expand: true,
      chomp: false,
      fileDescriptor: 0,
      content: '  apt-get update\napt-get install -y x\n',
      span: { start: 11, end: 16 },
      bodySpan: { start: 17, end: 50 },
    };
    const t = tree('FROM a');
    const node = lineNode('RUN <<EOF', 7, 2, { heredocs: [heredoc] });
    const b = evaluate(buildModel({ ...t, instructions: [...t.instructions, node] }), {});
    expect(b.stages[0].commands[0].stepText).toBe('RUN <<EOF (apt-get update...)');
  });

  it('expands COPY heredoc bodies unless the delimiter was quoted, chomping <<-', () => {
    const doc = (name: string, content: string, chomp = false): Heredoc => ({
      name,
      expand: true,
      chomp,
      fileDescriptor: 0,
      content,
      span: { start: 0, end: 0 },
      bodySpan: { start: 0, end: 0 },
    });
    const t = tree('FROM a\nENV X=1');
    const node = lineNode('COPY <<A <<-B <<"C" /d/', 15, 3, {
      heredocs: [doc('A', 'a=$X\n'), doc('B', '\tb=$X\n', true), doc('C', 'c=$X $Y\n')],
    });
    const b = evaluate(buildModel({ ...t, instructions: [...t.instructions, node] }), {});
    const c = b.stages[0].commands[1];
    expect(c.expanded).toMatchObject({ sources: ['<<A', '<<-B', '<<"C"'], heredocs: ['a=1\n', 'b=1\n', 'c=$X $Y\n'] });
    expect(c.unmatched).toEqual([]);
  });
});

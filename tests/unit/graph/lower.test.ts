import { describe, expect, it } from 'vitest';
import { lower } from '../../../src/analyzer/graph/lower.ts';
import { renderShape } from '../../../src/analyzer/render/shape.ts';
import { buildOf, heredoc, modelOf, stage, type StageBuilder } from './fixture.ts';

function shape(stages: StageBuilder[], opts: { mergeOp?: boolean; target?: number } = {}) {
  const graph = lower(buildOf(stages, opts.target), { mergeOp: opts.mergeOp }, modelOf(stages.length) as never);
  expect(graph.diagnostics).toEqual([]);
  return renderShape(graph).trim();
}

describe('lowering: plain and linked copies', () => {
  it('plain COPY copies onto the base', () => {
    expect(shape([stage(0, 'alpine').copy(['/dir1'], '/dir1')])).toBe(
      ['#0 src docker-image://docker.io/library/alpine', '#1 src local://context', '#2 file[#0,#1] copy->base:/dir1', 'result=#2'].join('\n'),
    );
  });

  it('COPY --link copies onto scratch and merges', () => {
    expect(shape([stage(0, 'alpine').copy(['/dir1'], '/dir1', { link: true })])).toBe(
      ['#0 src docker-image://docker.io/library/alpine', '#1 src local://context', '#2 file[#1] copy->scratch:/dir1', '#3 merge[#0,#2]', 'result=#3'].join('\n'),
    );
  });

  it('--chmod turns --link off; --no-merge-op too', () => {
    const plain = '#0 src docker-image://docker.io/library/alpine\n#1 src local://context\n#2 file[#0,#1] copy->base:/dir1\nresult=#2';
    expect(shape([stage(0, 'alpine').copy(['/dir1'], '/dir1', { link: true, chmod: '755' })])).toBe(plain);
    expect(shape([stage(0, 'alpine').copy(['/dir1'], '/dir1', { link: true })], { mergeOp: false })).toBe(plain);
  });

  it('first link of a scratch stage has no merge; the next one does', () => {
    expect(shape([stage(0, 'scratch').copy(['app'], '/app', { link: true }).copy(['conf'], '/etc/conf', { link: true, chown: '1000:1000' })])).toBe(
      ['#0 src local://context', '#1 file[#0] copy->scratch:/app', '#2 file[#0] copy->scratch:/etc/conf', '#3 merge[#1,#2]', 'result=#3'].join('\n'),
    );
  });

  it('multiple sources chain as prev actions; heredoc makes an inline file', () => {
    expect(shape([stage(0, 'alpine').copy(['a.txt', 'b/', 'c*.conf'], '/dst/', { link: true })])).toContain(
      '#2 file[#1] copy->scratch:/dst/;copy->prev:/dst/;copy->prev:/dst/',
    );
    expect(shape([stage(0, 'alpine').copy(['<<EOF'], '/hello.txt', { link: true, heredocs: [heredoc('EOF', 'hello\n')] })])).toBe(
      ['#0 src docker-image://docker.io/library/alpine', '#1 file[] mkfile:/EOF', '#2 file[#1] copy->scratch:/hello.txt', '#3 merge[#0,#2]', 'result=#3'].join('\n'),
    );
  });

  it('WORKDIR makes a mkdir and relative destinations resolve against it', () => {
    const s = stage(0, 'alpine').workdir('/app').copy(['a.txt'], '.').copy(['b.txt'], './sub/', { link: true }).workdir('rel').copy(['c.txt'], 'c2.txt', { link: true }).run('pwd');
    expect(shape([s])).toBe(
      [
        '#0 src docker-image://docker.io/library/alpine',
        '#1 file[#0] mkdir:/app',
        '#2 src local://context',
        '#3 file[#1,#2] copy->base:/app/',
        '#4 file[#2] copy->scratch:/app/sub/',
        '#5 merge[#3,#4]',
        '#6 file[#5] mkdir:/app/rel',
        '#7 file[#2] copy->scratch:/app/rel/c2.txt',
        '#8 merge[#6,#7]',
        '#9 exec[#8]',
        'result=#9',
      ].join('\n'),
    );
  });

  it('WORKDIR / makes no op and takes no step number', () => {
    const graph = lower(buildOf([stage(0, 'alpine').workdir('/').run('true')]), {}, modelOf(1) as never);
    expect(graph.ops.map((o) => o.kind)).toEqual(['source', 'exec']);
    expect(graph.ops[1].name).toBe('[2/3] RUN true');
  });
});

describe('lowering: multi-stage', () => {
  it('COPY --from a stage, linked, across a cross-platform build', () => {
    const build = stage(0, 'golang:1.21', 'build').workdir('/src').copy(['.'], '.', { link: true }).run('go build -o /out/app .');
    const final = stage(1, 'alpine')
      .copy(['/out/app'], '/app', { link: true, from: 'build', origin: { kind: 'stage', index: 0 } })
      .copy(['<<EOF'], '/etc/x.conf', { link: true, heredocs: [heredoc('EOF', 'k=v\n')] });
    expect(shape([build, final])).toBe(
      [
        '#0 src docker-image://docker.io/library/alpine',
        '#1 src docker-image://docker.io/library/golang:1.21',
        '#2 file[#1] mkdir:/src',
        '#3 src local://context',
        '#4 file[#3] copy->scratch:/src/',
        '#5 merge[#2,#4]',
        '#6 exec[#5]',
        '#7 file[#6] copy->scratch:/app',
        '#8 merge[#0,#7]',
        '#9 file[] mkfile:/EOF',
        '#10 file[#9] copy->scratch:/etc/x.conf',
        '#11 merge[#8,#10]',
        'result=#11',
      ].join('\n'),
    );
  });

  it('identical ops are one op (same WORKDIR on the same image in two stages)', () => {
    const a = stage(0, 'alpine', 'a').workdir('/app').run('echo a');
    const b = stage(1, 'alpine', 'b').workdir('/app').copy(['/x'], '/x', { from: 'a', origin: { kind: 'stage', index: 0 } });
    const graph = lower(buildOf([a, b]), {}, modelOf(2) as never);
    expect(graph.ops.filter((o) => o.role === 'workdir')).toHaveLength(1);
    expect(graph.ops.filter((o) => o.role === 'from')).toHaveLength(1);
  });

  it('COPY --from an image adds an image source without a step prefix', () => {
    const graph = lower(buildOf([stage(0, 'alpine').copy(['/bin/busybox'], '/bin/busybox', { link: true, from: 'busybox:1.36', origin: { kind: 'image', ref: 'busybox:1.36' } })]), {}, modelOf(1) as never);
    expect(renderShape(graph)).toContain('#1 src docker-image://docker.io/library/busybox:1.36');
    const image = graph.ops.find((o) => o.role === 'image');
    expect(image?.name).toBe('FROM docker.io/library/busybox:1.36');
    // A hidden source state gives every step its stage part.
    expect(graph.ops.find((o) => o.role === 'copy')?.name).toMatch(/^\[stage-0 2\/2\] COPY/);
  });
});

describe('lowering: RUN', () => {
  it('mount inputs follow target order; the context once; cache/tmpfs/secret/ssh add none', () => {
    const s = stage(0, 'alpine')
      .run('apk add git', { mounts: ['type=cache,target=/var/cache/apk'] })
      .run('echo hi', { mounts: ['type=cache,id=gomod,target=/go/pkg/mod,sharing=locked', 'type=bind,source=go.mod,target=/src/go.mod', 'type=tmpfs,target=/tmp', 'type=secret,id=tok', 'type=ssh'] });
    expect(shape([s])).toBe(['#0 src docker-image://docker.io/library/alpine', '#1 exec[#0]', '#2 src local://context', '#3 exec[#1,#2]', 'result=#3'].join('\n'));
  });

  it('a cache mount with uid adds a mkdir on scratch', () => {
    const g = shape([stage(0, 'alpine').run('x', { mounts: ['type=cache,target=/c,uid=1000'] })]);
    expect(g).toBe(['#0 src docker-image://docker.io/library/alpine', '#1 file[] mkdir:/cache', '#2 exec[#0,#1]', 'result=#2'].join('\n'));
  });

  it('a shebang heredoc is a file mounted at /dev/pipes/; a plain one is not', () => {
    const s = stage(0, 'alpine').run('<<EOF', { heredocs: [heredoc('EOF', 'apk add git\necho done\n')] }).run('<<EOF', { heredocs: [heredoc('EOF', '#!/bin/sh\necho shebang\n')] });
    expect(shape([s])).toBe(['#0 src docker-image://docker.io/library/alpine', '#1 exec[#0]', '#2 file[] mkfile:/EOF', '#3 exec[#1,#2]', 'result=#3'].join('\n'));
  });

  it('mounts sorted by target: a stage mounted at /a comes before the context at /b', () => {
    const a = stage(0, 'busybox', 'tools').run('make');
    const b = stage(1, 'alpine').run('x', { mounts: ['type=bind,target=/z,source=.', 'type=bind,from=tools,target=/a'] });
    const lines = shape([a, b]).split('\n');
    expect(lines.at(-2)).toMatch(/^#\d+ exec\[#\d+,#\d+,#\d+\]$/);
    const graph = lower(buildOf([a, b]), {}, modelOf(2) as never);
    const exec = graph.ops.find((o) => o.stage === 1 && o.kind === 'exec')!;
    const kinds = exec.inputs.map((id) => graph.ops.find((o) => o.id === id)!.role);
    expect(kinds).toEqual(['from', 'run', 'context']);
  });
});

describe('lowering: step names', () => {
  it('single stage: [i/N], no stage part; link merge shares the index', () => {
    const graph = lower(buildOf([stage(0, 'alpine').run('apk add curl').copy(['app'], '/app', { link: true })]), {}, modelOf(1) as never);
    expect(graph.ops.map((o) => o.name)).toEqual([
      'FROM docker.io/library/alpine:latest',
      '[1/3] FROM docker.io/library/alpine:latest',
      '[2/3] RUN apk add curl',
      '[internal] load build context',
      '[3/3] COPY --link app /app',
      '[3/3] LINK COPY --link app /app',
    ].slice(1));
  });

  it('pads the index to the width of N and names unnamed stages stage-N', () => {
    let s = stage(1, 'alpine');
    for (let i = 0; i < 10; i++) s = s.run(`echo ${i}`);
    const graph = lower(buildOf([stage(0, 'alpine', 'base'), s]), {}, modelOf(2) as never);
    expect(graph.ops.find((o) => o.name.includes('echo 0'))?.name).toBe('[stage-1  2/11] RUN echo 0');
  });

  it('ONBUILD triggers count and are marked', () => {
    const parent = stage(0, 'alpine', 'base');
    const child = stage(1, 0).onbuild().run('echo trigger').run('echo own');
    const graph = lower(buildOf([parent, child]), {}, modelOf(2) as never);
    expect(graph.ops.map((o) => o.name)).toContain('[stage-1 1/2] ONBUILD RUN echo trigger');
    expect(graph.ops.map((o) => o.name)).toContain('[stage-1 2/2] RUN echo own');
  });
});

describe('lowering: sources and errors', () => {
  it('ADD of URLs and Git repositories', () => {
    const s = stage(0, 'alpine')
      .copy(['https://example.com/archive.tar.gz'], '/opt/', { add: true })
      .copy(['https://github.com/moby/buildkit.git#v0.11.6'], '/bk', { add: true });
    expect(shape([s])).toBe(
      [
        '#0 src docker-image://docker.io/library/alpine',
        '#1 src https://example.com/archive.tar.gz',
        '#2 file[#0,#1] copy->base:/opt/',
        '#3 src git://github.com/moby/buildkit.git#v0.11.6',
        '#4 file[#2,#3] copy->base:/bk',
        'result=#4',
      ].join('\n'),
    );
  });

  it('COPY of a URL is refused with BuildKit\'s message, and lowering does not throw', () => {
    const graph = lower(buildOf([stage(0, 'alpine').copy(['https://example.com/x'], '/x')]), {}, modelOf(1) as never);
    expect(graph.diagnostics.map((d) => d.message)).toEqual(["source can't be a URL for COPY"]);
    const git = lower(buildOf([stage(0, 'alpine').copy(['git@github.com:moby/buildkit.git'], '/x')]), {}, modelOf(1) as never);
    expect(git.diagnostics.map((d) => d.message)).toEqual(["source can't be a git ref for COPY"]);
  });

  it('lowers a target outside the reachable stages to no ops', () => {
    expect(lower({ target: 3, stages: [], linted: [], globalArgs: {}, froms: [], diagnostics: [], lintDiagnostics: [] }, {}, modelOf(0) as never).ops).toEqual([]);
  });
});

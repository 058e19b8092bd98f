import { describe, expect, it } from 'vitest';
import { lower } from '../../../src/analyzer/graph/lower.ts';
import type { Analysis } from '../../../src/analyzer/index.ts';
import type { Change, OpStatus } from '../../../src/analyzer/simulate/model.ts';
import { parseChange, simulate } from '../../../src/analyzer/simulate/simulate.ts';
import { buildOf, modelOf, stage, type StageBuilder } from '../graph/fixture.ts';

/** Lowers fixture stages and simulates; returns `role:status` per op in graph order, plus the summary. */
function sim(stages: StageBuilder[], changes: Change[]) {
  const build = buildOf(stages);
  const graph = lower(build, {}, modelOf(stages.length) as never);
  const analysis = { source: '', lineStarts: [0], tree: { source: '', directives: [], escape: '\\', instructions: [], diagnostics: [] }, model: modelOf(stages.length), build, graph, findings: [] } as unknown as Analysis;
  const result = simulate(analysis, changes);
  const byId = new Map(graph.ops.map((op) => [op.id, op]));
  const statuses = result.outcomes.map((o) => `${byId.get(o.op)!.role}${byId.get(o.op)!.linked && byId.get(o.op)!.kind === 'file' ? '(link)' : ''}:${o.status}`);
  for (const o of result.outcomes) expect(o.reason.length, `reason for ${o.op}`).toBeGreaterThan(0);
  return { statuses, summary: result.summary, reasons: result.outcomes.map((o) => o.reason) };
}

const base = (image: string): Change => ({ kind: 'base', image });
const file = (path: string): Change => ({ kind: 'file', path });
const line = (n: number): Change => ({ kind: 'line', line: n });
const status = (s: string[], role: string) => s.filter((x) => x.startsWith(`${role}:`)).map((x) => x.split(':')[1] as OpStatus);

describe('table 6.3: base image got a new digest', () => {
  it('without --link: RUN, COPY and WORKDIR all rebuild', () => {
    const r = sim([stage(0, 'alpine').workdir('/app').copy(['app'], '/app').run('make')], [base('alpine')]);
    expect(r.statuses).toEqual(['from:rebuilt', 'workdir:rebuilt', 'context:cached', 'copy:rebuilt', 'run:rebuilt']);
    expect(r.summary).toBe('4 of 4 steps rebuild');
  });

  it('with --link: the linked copy is reused, its merge is remerged, a later RUN rebuilds', () => {
    const r = sim([stage(0, 'alpine').run('apk add curl').copy(['app'], '/app', { link: true }).run('/app --version')], [base('alpine')]);
    expect(r.statuses).toEqual(['from:rebuilt', 'run:rebuilt', 'context:cached', 'copy(link):cached', 'link-merge:remerged', 'run:rebuilt']);
    // Counted in steps as the nodes are numbered: FROM is [1/4], the linked copy and its merge are one step.
    expect(r.summary).toBe('4 of 4 steps rebuild (1 only re-merge); the linked copy is reused');
  });

  it('only the image that changed: another base is untouched', () => {
    const r = sim([stage(0, 'golang:1.21', 'build').run('go build'), stage(1, 'alpine').copy(['/out'], '/out', { link: true, from: 'build', origin: { kind: 'stage', index: 0 } })], [base('alpine:latest')]);
    expect(r.statuses).toEqual(['from:rebuilt', 'from:cached', 'run:cached', 'copy(link):cached', 'link-merge:remerged']);
  });
});

describe('table 6.3: a context file changed', () => {
  const build = (link: boolean) => stage(0, 'alpine').copy(['package.json'], '/app/', { link }).run('npm ci').copy(['src'], '/app/src', { link }).run('npm run build');

  it('without --link: the copy that selects it and everything after rebuild; earlier steps stay', () => {
    const r = sim([build(false)], [file('src/index.js')]);
    expect(r.statuses).toEqual(['from:cached', 'context:rebuilt', 'copy:cached', 'run:cached', 'copy:rebuilt', 'run:rebuilt']);
  });

  it('with --link: the same copies rebuild, merges follow their linked layer', () => {
    const r = sim([build(true)], [file('./src/index.js')]);
    expect(r.statuses).toEqual(['from:cached', 'context:rebuilt', 'copy(link):cached', 'link-merge:cached', 'run:cached', 'copy(link):rebuilt', 'link-merge:rebuilt', 'run:rebuilt']);
  });

  it('a file no COPY selects changes nothing; COPY . . selects everything; wildcards match', () => {
    expect(sim([build(false)], [file('README.md')]).statuses.filter((s) => s.endsWith('rebuilt'))).toEqual([]);
    expect(sim([build(true)], [file('README.md')]).summary).toBe('Nothing rebuilds: all 5 steps are cached');
    expect(status(sim([stage(0, 'alpine').copy(['.'], '.')], [file('README.md')]).statuses, 'copy')).toEqual(['rebuilt']);
    expect(status(sim([stage(0, 'alpine').copy(['*.json'], '/app/')], [file('package.json')]).statuses, 'copy')).toEqual(['rebuilt']);
    expect(status(sim([stage(0, 'alpine').copy(['*.json'], '/app/')], [file('src/a.json')]).statuses, 'copy')).toEqual(['cached']);
  });

  it('a bind mount reads only its source path', () => {
    const s = () => stage(0, 'alpine').run('go mod download', { mounts: ['type=bind,source=go.mod,target=/src/go.mod'] });
    expect(status(sim([s()], [file('go.mod')]).statuses, 'run')).toEqual(['rebuilt']);
    expect(status(sim([s()], [file('main.go')]).statuses, 'run')).toEqual(['cached']);
  });

  it('child stages built FROM the stage rebuild too', () => {
    const r = sim([stage(0, 'alpine', 'base').copy(['conf'], '/etc/conf'), stage(1, 0).run('cat /etc/conf')], [file('conf')]);
    expect(status(r.statuses, 'run')).toEqual(['rebuilt']);
  });
});

describe('table 6.3: instructions edited (line:N)', () => {
  it('ENV: later RUNs rebuild; COPY only when it expands the variable', () => {
    const s = stage(0, 'alpine').env('APP', '/srv').copy(['a'], '/a').copy(['b'], '$APP/b').run('echo');
    const envLine = s.commands[0].command.node.startLine;
    expect(sim([s], [line(envLine)]).statuses).toEqual(['from:cached', 'context:cached', 'copy:cached', 'copy:rebuilt', 'run:rebuilt']);
  });

  it('ENV with --link: the linked copy that does not expand it is reused', () => {
    const s = stage(0, 'alpine').env('X', '1').copy(['a'], '/a', { link: true }).run('echo');
    expect(sim([s], [line(s.commands[0].command.node.startLine)]).statuses).toEqual(['from:cached', 'context:cached', 'copy(link):cached', 'link-merge:cached', 'run:rebuilt']);
  });

  it('USER: later RUNs and WORKDIR mkdirs rebuild; COPY does not', () => {
    const s = stage(0, 'alpine').user('app').copy(['a'], '/a').workdir('/w').run('id');
    const r = sim([s], [line(s.commands[0].command.node.startLine)]);
    expect(r.statuses).toEqual(['from:cached', 'context:cached', 'copy:cached', 'workdir:rebuilt', 'run:rebuilt']);
  });

  it('WORKDIR: its mkdir, later RUNs and relative destinations (also --link) rebuild', () => {
    const s = stage(0, 'alpine').workdir('/app').copy(['a'], '/abs/a', { link: true }).copy(['b'], 'b', { link: true }).run('pwd');
    const r = sim([s], [line(s.commands[0].command.node.startLine)]);
    expect(r.statuses).toEqual(['from:cached', 'workdir:rebuilt', 'context:cached', 'copy(link):cached', 'link-merge:remerged', 'copy(link):rebuilt', 'link-merge:rebuilt', 'run:rebuilt']);
  });

  it('SHELL: later shell-form RUNs rebuild', () => {
    const s = stage(0, 'alpine').meta('shell', '["/bin/bash","-c"]').run('echo');
    expect(status(sim([s], [line(s.commands[0].command.node.startLine)]).statuses, 'run')).toEqual(['rebuilt']);
  });

  it('LABEL/EXPOSE/CMD/STOPSIGNAL: nothing rebuilds', () => {
    const s = stage(0, 'alpine').run('make').meta('expose', '80').meta('cmd', '["app"]');
    expect(sim([s], [line(s.lastLine)]).summary).toBe('Nothing rebuilds: both steps are cached');
  });

  it('an earlier RUN: later plain COPY rebuilds; a linked copy is reused and remerged', () => {
    const plain = stage(0, 'alpine').run('apk add curl').copy(['app'], '/app').run('x');
    expect(sim([plain], [line(plain.commands[0].command.node.startLine)]).statuses).toEqual(['from:cached', 'run:rebuilt', 'context:cached', 'copy:rebuilt', 'run:rebuilt']);
    const linked = stage(0, 'alpine').run('apk add curl').copy(['app'], '/app', { link: true }).run('x');
    const r = sim([linked], [line(linked.commands[0].command.node.startLine)]);
    expect(r.statuses).toEqual(['from:cached', 'run:rebuilt', 'context:cached', 'copy(link):cached', 'link-merge:remerged', 'run:rebuilt']);
    expect(r.summary).toBe('3 of 4 steps rebuild (1 only re-merge); the linked copy is reused');
  });

  it('the edited COPY itself and everything after it', () => {
    const s = stage(0, 'alpine').copy(['a'], '/a', { link: true }).run('x');
    expect(sim([s], [line(s.commands[0].command.node.startLine)]).statuses).toEqual(['from:cached', 'context:cached', 'copy(link):rebuilt', 'link-merge:rebuilt', 'run:rebuilt']);
  });

  it('a --from stage rebuilt: the copy from it is assumed to see new content (conservative)', () => {
    const b = stage(0, 'golang', 'build').run('go build');
    const f = stage(1, 'alpine').copy(['/out/app'], '/app', { link: true, from: 'build', origin: { kind: 'stage', index: 0 } });
    const r = sim([b, f], [line(b.commands[0].command.node.startLine)]);
    expect(r.statuses).toEqual(['from:cached', 'from:cached', 'run:rebuilt', 'copy(link):rebuilt', 'link-merge:rebuilt']);
    expect(r.reasons[3]).toMatch(/may differ/);
  });
});

describe('parseChange', () => {
  it('reads the four kinds and refuses others', () => {
    expect(parseChange('base:alpine:3.20')).toEqual({ kind: 'base', image: 'alpine:3.20' });
    expect(parseChange('file:src/a.go')).toEqual({ kind: 'file', path: 'src/a.go' });
    expect(parseChange('arg:V=2=3')).toEqual({ kind: 'arg', key: 'V', value: '2=3' });
    expect(parseChange('line:4')).toEqual({ kind: 'line', line: 4 });
    for (const bad of ['line:x', 'line:0', 'arg:V', 'nope:1', 'base:']) expect(typeof parseChange(bad)).toBe('string');
  });
});

describe('table 6.3: the same rows with the other copy mode', () => {
  it('USER with --link: the linked copy and its merge are untouched', () => {
    const s = stage(0, 'alpine').user('app').copy(['a'], '/a', { link: true }).workdir('/w').run('id');
    expect(sim([s], [line(s.commands[0].command.node.startLine)]).statuses).toEqual(['from:cached', 'context:cached', 'copy(link):cached', 'link-merge:cached', 'workdir:rebuilt', 'run:rebuilt']);
  });

  it('WORKDIR without --link: its mkdir and everything on top rebuild', () => {
    const s = stage(0, 'alpine').workdir('/app').copy(['a'], '/abs/a').copy(['b'], 'b').run('pwd');
    expect(sim([s], [line(s.commands[0].command.node.startLine)]).statuses).toEqual(['from:cached', 'workdir:rebuilt', 'context:cached', 'copy:rebuilt', 'copy:rebuilt', 'run:rebuilt']);
  });

  it('the edited COPY without --link', () => {
    const s = stage(0, 'alpine').run('a').copy(['a'], '/a').run('x');
    expect(sim([s], [line(s.commands[1].command.node.startLine)]).statuses).toEqual(['from:cached', 'run:cached', 'context:cached', 'copy:rebuilt', 'run:rebuilt']);
  });

  it('a --from stage rebuilt, plain COPY', () => {
    const b = stage(0, 'golang', 'build').run('go build');
    const f = stage(1, 'alpine').copy(['/out/app'], '/app', { from: 'build', origin: { kind: 'stage', index: 0 } });
    expect(sim([b, f], [line(b.commands[0].command.node.startLine)]).statuses).toEqual(['from:cached', 'from:cached', 'run:rebuilt', 'copy:rebuilt']);
  });

  it('SHELL and LABEL-like edits around copies leave the copies alone, with and without --link', () => {
    for (const link of [false, true]) {
      const s = stage(0, 'alpine').meta('shell', '["/bin/bash","-c"]').copy(['a'], '/a', { link }).run('echo').meta('expose', '80');
      expect(status(sim([s], [line(s.commands[0].command.node.startLine)]).statuses, 'run')).toEqual(['rebuilt']);
      expect(sim([s], [line(s.commands[0].command.node.startLine)]).statuses.filter((x) => x.startsWith('copy'))).toEqual([link ? 'copy(link):cached' : 'copy:cached']);
      expect(sim([s], [line(s.lastLine)]).summary).toMatch(/^Nothing rebuilds/);
    }
  });
});

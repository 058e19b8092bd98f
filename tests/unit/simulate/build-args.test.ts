import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.ts';
import { simulate } from '../../../src/analyzer/simulate/simulate.ts';

/** `name:status` per op of the simulated graph, names without the step prefix. */
function run(dockerfile: string, key: string, value: string, buildArgs: Record<string, string> = {}) {
  const analysis = analyze(dockerfile, { buildArgs });
  const result = simulate(analysis, [{ kind: 'arg', key, value }], { buildArgs });
  const names = new Map(result.graph.ops.map((op) => [op.id, op.name.replace(/^\[[^\]]*\] /, '')]));
  return { rows: result.outcomes.map((o) => `${names.get(o.op)}:${o.status}`), summary: result.summary };
}

describe('table 6.3: a build argument changed (end to end)', () => {
  const df = ['FROM alpine', 'ARG VERSION=1.0', 'COPY a /a', 'COPY --link b /b', 'RUN echo build', 'COPY c /opt/$VERSION/', 'COPY --link d /d'].join('\n');

  it('every later RUN of a stage that declares it rebuilds; COPY only where it is expanded', () => {
    expect(run(df, 'VERSION', '2.0').rows).toEqual([
      'FROM docker.io/library/alpine:latest:cached',
      'load build context:cached',
      'COPY a /a:cached',
      'COPY --link b /b:cached',
      'LINK COPY --link b /b:cached',
      'RUN echo build:rebuilt',
      'COPY c /opt/2.0/:rebuilt',
      'COPY --link d /d:cached',
      'LINK COPY --link d /d:remerged',
    ]);
  });

  it('a build arg no ARG declares changes nothing', () => {
    expect(run(df, 'UNDECLARED', 'x').summary).toMatch(/^Nothing rebuilds/);
  });

  it('a global ARG used only in FROM changes the base: as a base-image change', () => {
    const r = run('ARG BASE=alpine\nFROM ${BASE}\nCOPY --link a /a\nRUN make\n', 'BASE', 'debian');
    expect(r.rows).toEqual([
      'FROM docker.io/library/debian:latest:rebuilt',
      'load build context:cached',
      'COPY --link a /a:cached',
      'LINK COPY --link a /a:remerged',
      'RUN make:rebuilt',
    ]);
  });

  it('a global ARG not redeclared in the stage does not reach RUN', () => {
    expect(run('ARG V=1\nFROM alpine\nRUN echo $V\n', 'V', '2').summary).toMatch(/^Nothing rebuilds/);
  });

  it('child stages see the parent stage ARG in their RUN env', () => {
    const r = run('FROM alpine AS base\nARG V=1\nFROM base\nRUN echo child\n', 'V', '2');
    expect(r.rows.at(-1)).toBe('RUN echo child:rebuilt');
  });
});

describe('table 6.3: editing a global ARG used in FROM (line:N)', () => {
  it('is a base change for the stages whose FROM expands it', () => {
    const analysis = analyze('ARG BASE=alpine\nFROM ${BASE}\nCOPY --link a /a\nRUN make\n');
    const result = simulate(analysis, [{ kind: 'line', line: 1 }]);
    expect(result.outcomes.map((o) => o.status)).toEqual(['rebuilt', 'cached', 'cached', 'remerged', 'rebuilt']);
  });
});

describe('table 6.3: proxy and global args, both copy modes', () => {
  it('an undeclared proxy build arg changes nothing', () => {
    expect(run('FROM alpine\nCOPY a /a\nCOPY --link b /b\nRUN curl x\n', 'HTTP_PROXY', 'http://p:3128').summary).toMatch(/^Nothing rebuilds/);
  });

  it('a global ARG in FROM without --link: every step rebuilds', () => {
    expect(run('ARG BASE=alpine\nFROM ${BASE}\nCOPY a /a\nRUN make\n', 'BASE', 'debian').rows.map((r) => r.split(':').at(-1))).toEqual(['rebuilt', 'cached', 'rebuilt', 'rebuilt']);
  });
});

describe('table 6.3: .dockerignore', () => {
  it('COPY . . selects every file except those .dockerignore excludes', () => {
    const df = 'FROM alpine\nCOPY . .\nRUN make\n';
    const statuses = (path: string) => simulate(analyze(df, { dockerignore: 'node_modules\n*.md\n' }), [{ kind: 'file', path }], { dockerignore: 'node_modules\n*.md\n' }).outcomes.map((o) => o.status);
    expect(statuses('src/a.c')).toEqual(['cached', 'rebuilt', 'rebuilt', 'rebuilt']);
    expect(statuses('README.md')).toEqual(['cached', 'cached', 'cached', 'cached']);
    expect(statuses('node_modules/x/index.js')).toEqual(['cached', 'cached', 'cached', 'cached']);
  });
});

describe('a build argument that makes BuildKit refuse the file', () => {
  it('says so in the summary', () => {
    expect(run('ARG BASE=alpine\nFROM $BASE\nRUN x\n', 'BASE', 'Bad:x').summary).toBe(
      'With BASE=Bad:x BuildKit would refuse the file: failed to parse stage name "Bad:x": invalid reference format: repository name (library/Bad) must be lowercase',
    );
  });
});

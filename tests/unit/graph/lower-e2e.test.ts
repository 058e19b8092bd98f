import { describe, expect, it } from 'vitest';
import { firstBuildError } from '../../../src/analyzer/analysis.ts';
import { analyze, type AnalyzeOptions } from '../../../src/analyzer/index.ts';
import { renderShape } from '../../../src/analyzer/render/shape.ts';

function shape(dockerfile: string, options: AnalyzeOptions = {}): string {
  const analysis = analyze(dockerfile, options);
  const error = firstBuildError(analysis);
  return error ? `ERROR ${error.message}` : renderShape(analysis.graph).trimEnd();
}

const lines = (...l: string[]) => l.join('\n');

describe('lowering end to end: inputs', () => {
  it('two bind mounts of the context are one input', () => {
    expect(shape('FROM alpine\nRUN --mount=source=a,target=/a --mount=source=b,target=/b make\n')).toBe(
      lines('#0 src docker-image://docker.io/library/alpine', '#1 src local://context', '#2 exec[#0,#1]', 'result=#2'),
    );
  });

  it('a stage mounted that is also the root is one input', () => {
    expect(shape('FROM alpine AS a\nFROM a\nRUN --mount=from=a,target=/x true\n')).toBe(lines('#0 src docker-image://docker.io/library/alpine', '#1 exec[#0]', 'result=#1'));
  });

  it('COPY --from the base image itself: base and source are one input', () => {
    expect(shape('FROM alpine\nCOPY --from=alpine /etc/os-release /x\n')).toBe(lines('#0 src docker-image://docker.io/library/alpine', '#1 file[#0] copy->base:/x', 'result=#1'));
  });

  it('a cache mount from a stage with uid makes the mkdir on that stage', () => {
    expect(shape('FROM busybox AS tools\nFROM alpine\nRUN --mount=type=cache,from=tools,target=/c,uid=1000 true\n')).toBe(
      lines('#0 src docker-image://docker.io/library/alpine', '#1 src docker-image://docker.io/library/busybox', '#2 file[#1] mkdir:/cache', '#3 exec[#0,#2]', 'result=#3'),
    );
  });

  it('a mount from an image is an image source; tmpfs/secret/ssh add nothing', () => {
    expect(shape('FROM alpine\nRUN --mount=from=golang:1.22,source=/usr/local/go,target=/go --mount=type=tmpfs,target=/tmp --mount=type=secret,id=x true\n')).toBe(
      lines('#0 src docker-image://docker.io/library/alpine', '#1 src docker-image://docker.io/library/golang:1.22', '#2 exec[#0,#1]', 'result=#2'),
    );
  });

  it('a RUN on scratch has no root input', () => {
    expect(shape('FROM busybox AS b\nFROM scratch\nRUN --mount=from=b,target=/bin sh -c true\n')).toBe(lines('#0 src docker-image://docker.io/library/busybox', '#1 exec[#0]', 'result=#1'));
  });
});

describe('lowering end to end: destinations and sources', () => {
  it('resolves destinations against WORKDIR, keeping a trailing slash', () => {
    const s = shape('FROM alpine\nWORKDIR /a/b\nCOPY x ..\nCOPY y ../c/\nCOPY z ./\nCOPY w /abs/./d/\n');
    expect(s).toContain('copy->base:/a');
    expect(s).toContain('copy->base:/a/c/');
    expect(s).toContain('copy->base:/a/b/');
    expect(s).toContain('copy->base:/abs/d/');
  });

  it('identifies images with docker.io/library/, keeps only a written tag, never a digest', () => {
    expect(shape('FROM ghcr.io/owner/app:1.0 AS a\nFROM user/tool AS b\nFROM alpine@sha256:0123456789012345678901234567890123456789012345678901234567890123\nCOPY --from=a /a /a\nCOPY --from=b /b /b\n')).toBe(
      lines(
        '#0 src docker-image://docker.io/library/alpine',
        '#1 src docker-image://ghcr.io/owner/app:1.0',
        '#2 file[#0,#1] copy->base:/a',
        '#3 src docker-image://docker.io/user/tool',
        '#4 file[#2,#3] copy->base:/b',
        'result=#4',
      ),
    );
  });

  it('same image with and without a digest pin are two sources', () => {
    const s = shape('FROM alpine:3.19 AS a\nFROM alpine:3.19@sha256:0123456789012345678901234567890123456789012345678901234567890123\nCOPY --from=a /a /a\n');
    expect(s.split('\n').filter((l) => l.includes('src docker-image'))).toHaveLength(2);
  });

  it('ADD: URL without a file name, Git over SSH with a subdirectory', () => {
    const analysis = analyze('FROM alpine\nADD https://example.com/ /x\nADD git@github.com:moby/buildkit.git#v0.12:docs /docs\n');
    const files = analysis.graph.ops.filter((o) => o.kind === 'file');
    expect(files[0].details.actions?.[0]).toMatchObject({ src: '__unnamed__', dest: '/x' });
    expect(renderShape(analysis.graph)).toContain('src git://github.com/moby/buildkit.git#v0.12:docs');
  });

  it('heredoc sources come after path sources, one inline file each', () => {
    expect(shape('FROM alpine\nCOPY <<A b.txt /d/\nhello\nA\n')).toBe(
      lines('#0 src docker-image://docker.io/library/alpine', '#1 src local://context', '#2 file[] mkfile:/A', '#3 file[#0,#1,#2] copy->base:/d/;copy->prev:/d/', 'result=#3'),
    );
  });

  it('--no-merge-op lowers ADD --link as a plain copy', () => {
    expect(shape('FROM alpine\nADD --link https://example.com/f /f\n', { mergeOp: false })).toBe(
      lines('#0 src docker-image://docker.io/library/alpine', '#1 src https://example.com/f', '#2 file[#0,#1] copy->base:/f', 'result=#2'),
    );
  });
});

describe('lowering end to end: step names', () => {
  const names = (df: string) => analyze(df).graph.ops.map((o) => o.name);

  it('a single stage with a mount gets the stage-0 part', () => {
    expect(names('FROM alpine\nRUN --mount=type=cache,target=/c true\n')).toEqual(['[stage-0 1/2] FROM docker.io/library/alpine:latest', '[stage-0 2/2] RUN --mount=type=cache,target=/c true']);
  });

  it('internal ops: inline documents and cache permissions', () => {
    expect(names('FROM alpine\nRUN --mount=type=cache,target=/c,mode=0777 true\n')).toContain('[internal] setting cache mount permissions');
    expect(names('FROM alpine\nCOPY <<EOF /x\nhi\nEOF\n')).toContain('[internal] preparing inline document');
  });
});

describe('lowering end to end: BuildKit errors', () => {
  it.each([
    ['FROM alpine\nCOPY https://example.com/x /x\n', "source can't be a URL for COPY"],
    ['FROM alpine\nCOPY https://github.com/moby/buildkit.git /x\n', "source can't be a git ref for COPY"],
    ['FROM alpine\nADD --checksum=sha256:abc a b /x/\n', "checksum can't be specified for multiple sources"],
    ['FROM alpine\nADD --checksum=sha256:abc a /x\n', 'checksum requires HTTP(S) or Git sources'],
    ['FROM alpine\nADD --keep-git-dir=false https://github.com/a/b.git?keep-git-dir=true /x\n', 'inconsistent keep-git-dir configuration'],
    ['FROM alpine\nCOPY --chmod=99999 a /a\n', "invalid chmod parameter: '99999'. it should be octal string and between 0 and 07777"],
    ['FROM alpine AS x\nCOPY --from=y /a /a\nFROM alpine AS y\nFROM alpine\nCOPY --from=x / /\n', 'cannot copy from stage "y", it needs to be defined before current stage "x"'],
  ])('%j', (df, message) => {
    expect(shape(df)).toBe(`ERROR ${message}`);
  });
});

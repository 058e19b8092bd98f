/** Property: the rules never throw and report ranges inside the text, whatever the Dockerfile. */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.ts';

const word = fc.constantFrom(
  'a', 'b/', '.', '/usr/local/bin', '/tmp/x', '/bin/', '$X', '${Y:-z}', '"q', 'r"', "'s", '*.txt', 'x.tar.gz',
  'https://example.com/f', '<<EOF', '--link', '--chmod=755', '--chown=app', '--chown=1:1', '--from=buidler', '--from=0',
);
const keyword = fc.constantFrom('FROM', 'from', 'From', 'COPY', 'copy', 'ADD', 'RUN', 'WORKDIR', 'ENV', 'ARG', 'LABEL',
  'EXPOSE', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'SHELL', 'MAINTAINER', 'ONBUILD', 'USER', 'VOLUME');
const line = fc.oneof(
  fc.tuple(keyword, fc.array(word, { maxLength: 5 })).map(([k, ws]) => [k, ...ws].join(' ')),
  fc.constantFrom('# check=skip=all', '# check=error=true;experimental=all', '# check=skip', '# syntax=docker/dockerfile:1.3',
    '# escape=`', '#', '# build the app', 'FROM scratch AS Build', 'FROM alpine AS build', 'EXPOSE 80/TCP 1:2:3', 'EOF',
    'RUN a \\', '', '  ', 'ENV A B', 'ARG TOKEN', 'FROM --platform=linux/arm64 $IMG'),
  fc.string({ maxLength: 20 }),
);

it('lints any sequence of lines without an internal error', () => {
  fc.assert(
    fc.property(fc.array(line, { maxLength: 14 }), fc.boolean(), (lines, mergeOp) => {
      const source = lines.join('\n');
      const { findings } = analyze(source, { mergeOp, dockerignore: '*.txt\nb\n' });
      for (const finding of findings) {
        expect(finding.message).not.toMatch(/internal analyzer error/);
        expect(0 <= finding.span.start && finding.span.start <= finding.span.end && finding.span.end <= source.length).toBe(true);
      }
    }),
    { numRuns: 500 },
  );
});

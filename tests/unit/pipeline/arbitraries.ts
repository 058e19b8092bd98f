import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { SHARED } from '../../conformance/shared.ts';

/**
 * Generators of Dockerfile text for the pipeline properties: grammar-shaped random files
 * (keywords, flags, variables, heredocs, continuations, directives, hostile strings) and
 * real Dockerfiles from ../shared/corpus with random edits.
 */

/** Text that must come out of every view as inert text: HTML, Mermaid syntax, script ends. */
export const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '"]',
  '"] --> B[evil',
  '%%{init: {"theme":"dark","securityLevel":"loose"}}%%',
  'click A call alert()',
  'click n_op0 "javascript:alert(1)"',
  '</script><script>alert(1)</script>',
  '<svg onload=alert(1)>',
  '`<b>md</b>`',
  'end',
  'subgraph x',
  '};alert(1);//',
  '\u202e\u0000\ufffd',
  '#34;',
  'classDef x fill:red',
  'style n_op0 fill:#f00',
  '&lt;&amp;',
  '{{x}}',
  '|x|',
];

const KEYWORDS = [
  'FROM', 'COPY', 'ADD', 'RUN', 'WORKDIR', 'ARG', 'ENV', 'LABEL', 'USER', 'EXPOSE', 'ENTRYPOINT', 'CMD',
  'SHELL', 'ONBUILD', 'HEALTHCHECK', 'VOLUME', 'STOPSIGNAL', 'MAINTAINER', 'from', 'Copy', 'run', 'BOGUS',
];

const FLAGS = [
  '--link', '--link=false', '--from=build', '--from=0', '--from=alpine', '--chmod=755', '--chown=app:app', '--chown=1000',
  '--mount=type=cache,target=/root/.cache', '--mount=type=bind,from=build,source=/out,target=/in', '--mount=type=secret,id=tok',
  '--platform=$BUILDPLATFORM', '--network=none', '--exclude=*.md', '--parents', '--checksum=sha256:00', '--keep-git-dir',
  '--bogus', '--', '-',
];

const WORDS = [
  'alpine', 'alpine:3.20', 'golang:1.21 AS build', 'scratch', 'build', 'AS', 'as', '/app', 'app/', '.', './', '*', '**/*.go',
  '/usr/local/bin/', 'a b', '"a b"', "'x'", '$VAR', '${VAR}', '${VAR:-def}', '${VAR:+alt}', '${VAR?err}', '$', '\\$X', 'VAR=1',
  'K="v w"', '["sh","-c","echo hi"]', '["a",', '[]', '{}', '8080/tcp', '80/UDP', 'https://example.com/f.tgz',
  'git@github.com:moby/buildkit.git#v0.11.6', '&&', '||', ';', '#', '# comment', 'echo', 'apk add --no-cache git', '<<EOF',
  '<<-"EOT"', '<<EOF1 <<EOF2', '\t', '    ',
];

const token = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...FLAGS) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
);

const instruction = fc
  .tuple(fc.constantFrom(...KEYWORDS), fc.array(token, { maxLength: 6 }), fc.constantFrom('', '', '', ' \\', ' `', ' \\  '))
  .map(([keyword, args, tail]) => `${keyword} ${args.join(' ')}${tail}`);

const heredoc = fc
  .tuple(fc.constantFrom('RUN', 'COPY', 'COPY --link'), fc.constantFrom('EOF', '"EOT"', '-EOF'), fc.array(token, { maxLength: 4 }), fc.boolean())
  .map(([keyword, marker, body, closed]) => {
    const word = marker.replace(/["-]/g, '');
    return `${keyword} <<${marker}${keyword.startsWith('COPY') ? ' /out' : ''}\n${body.join('\n')}${closed ? `\n${word}` : ''}`;
  });

const directive = fc.constantFrom(
  '# syntax=docker/dockerfile:1',
  '# syntax=docker/dockerfile:1.4',
  '# escape=`',
  '# escape=\\',
  '# check=skip=all',
  '# check=error=true;skip=JSONArgsRecommended',
  '# check=skip=LinkRebaseDefeated',
  '#escape=x',
);

const line = fc.oneof(
  { weight: 8, arbitrary: instruction },
  { weight: 2, arbitrary: heredoc },
  { weight: 1, arbitrary: fc.constantFrom('', '# note', '   ', '\\', '\r', 'FROM scratch', 'FROM alpine AS base', 'COPY --link --from=base / /') },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);

/** A grammar-shaped, often invalid Dockerfile. */
export const dockerfile: fc.Arbitrary<string> = fc
  .tuple(fc.array(directive, { maxLength: 2 }), fc.boolean(), fc.array(line, { maxLength: 25 }), fc.constantFrom('\n', '\r\n'))
  .map(([directives, startsWithFrom, lines, eol]) => [...directives, ...(startsWithFrom ? ['FROM alpine'] : []), ...lines].join(eol));

/** The corpus: 370 real Dockerfiles, read by path (never copied into the repository). */
export function corpusFiles(): string[] {
  const dir = join(SHARED, 'corpus');
  return readdirSync(dir)
    .filter((name) => name.endsWith('Dockerfile'))
    .sort()
    .map((name) => join(dir, name));
}

const corpusCache = new Map<string, string>();
export function readCorpus(path: string): string {
  let text = corpusCache.get(path);
  if (text === undefined) corpusCache.set(path, (text = readFileSync(path, 'utf8')));
  return text;
}

type Edit = (text: string) => string;

const edit: fc.Arbitrary<Edit> = fc.oneof(
  // Delete a slice: a half-typed line, a cut heredoc, a lost quote.
  fc.tuple(fc.nat(), fc.nat({ max: 40 })).map(([at, n]): Edit => (t) => { const i = at % (t.length + 1); return t.slice(0, i) + t.slice(i + n); }),
  // Insert a token somewhere.
  fc.tuple(fc.nat(), token).map(([at, s]): Edit => (t) => { const i = at % (t.length + 1); return t.slice(0, i) + s + t.slice(i); }),
  // Truncate, as if the reader is still typing.
  fc.nat().map((at): Edit => (t) => t.slice(0, at % (t.length + 1))),
  // Duplicate, drop or swap whole lines.
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): Edit => (t) => {
    const lines = t.split('\n');
    const i = a % lines.length;
    const j = b % lines.length;
    [lines[i], lines[j]] = [lines[j], lines[i]];
    return lines.join('\n');
  }),
  fc.nat().map((a): Edit => (t) => { const lines = t.split('\n'); lines.splice(a % lines.length, 1); return lines.join('\n'); }),
  fc.nat().map((a): Edit => (t) => { const lines = t.split('\n'); const i = a % lines.length; lines.splice(i, 0, lines[i]); return lines.join('\n'); }),
  // Turn COPY into COPY --link (and the reverse): the heart of the site.
  fc.constant<Edit>((t) => t.replace(/^(COPY|ADD) (?!--link)/m, '$1 --link ')),
  fc.constant<Edit>((t) => t.replace(/--link /, '')),
  // Put a hostile string into a label, a path or a RUN line.
  fc.tuple(fc.nat(), fc.constantFrom(...HOSTILE)).map(([a, s]): Edit => (t) => {
    const lines = t.split('\n');
    const i = a % lines.length;
    lines[i] = `${lines[i]} ${s}`;
    return lines.join('\n');
  }),
);

/** A real Dockerfile from the corpus with 1–4 random edits. */
export const mutatedCorpus: fc.Arbitrary<string> = fc
  .tuple(fc.nat(), fc.array(edit, { minLength: 1, maxLength: 4 }))
  .map(([pick, edits]) => {
    const files = corpusFiles();
    const text = readCorpus(files[pick % files.length]);
    return edits.reduce((t, e) => e(t), text);
  });

/** Changes in the CLI's syntax, for the simulation. */
export const changeText = fc.oneof(
  fc.constantFrom('base:alpine', 'base:golang:1.22', 'file:app/main.go', 'file:.', 'file:go.mod', 'arg:VERSION=2', 'line:1', 'line:3', 'line:999'),
  fc.string({ maxLength: 20 }).map((s) => `file:${s}`),
  fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 })).map(([k, v]) => `arg:${k}=${v}`),
  fc.nat({ max: 60 }).map((n) => `line:${n}`),
  fc.constantFrom(...HOSTILE).map((s) => `base:${s}`),
  fc.constantFrom(...HOSTILE).map((s) => `file:${s}`),
);

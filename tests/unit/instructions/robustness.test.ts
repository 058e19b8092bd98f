import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../../src/analyzer/instructions/build-model.ts';
import { evaluate } from '../../../src/analyzer/instructions/evaluate.ts';
import { expandKnownOnly, expandWord } from '../../../src/analyzer/shell/expand.ts';
import { parseMount } from '../../../src/analyzer/instructions/mounts.ts';
import type { BuildOptions } from '../../../src/analyzer/instructions/model.ts';
import { parse } from '../../../src/analyzer/parse/parse.ts';
import { tree } from './nodes.ts';

const CORPUS = join(import.meta.dirname, '../../../../shared/corpus');
const corpus = readdirSync(CORPUS)
  .filter((f) => !f.endsWith('.tsv'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(CORPUS, name), 'utf8') }));

/** Runs both instruction-layer steps; fails the property if anything throws or a span escapes. */
function check(source: string, fromParser: boolean, options: BuildOptions = {}): void {
  const syntax = fromParser ? parse(source) : tree(source);
  const model = buildModel(syntax);
  const build = evaluate(model, options);
  for (const d of [...model.diagnostics, ...build.diagnostics]) {
    expect(d.span.start).toBeGreaterThanOrEqual(0);
    expect(d.span.end).toBeGreaterThanOrEqual(d.span.start);
    expect(d.span.end).toBeLessThanOrEqual(source.length);
  }
  // Results are plain data.
  expect(() => structuredClone(build)).not.toThrow();
}

const WORDS = [
  'FROM', 'from', 'AS', 'as', 'COPY', 'ADD', 'RUN', 'ARG', 'ENV', 'LABEL', 'WORKDIR', 'USER', 'VOLUME', 'EXPOSE',
  'STOPSIGNAL', 'SHELL', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'ONBUILD', 'MAINTAINER', 'NONE', 'RUNN', 'alpine', 'scratch',
  'build', '0', '1', '-1', '/a', 'a/', '.', '--from=build', '--from=0', '--from=$X', '--link', '--link=x', '--chmod=7',
  '--mount=type=cache,target=/c', '--mount=from=build,target=/x', '--mount=type=secret,env=T,id=t', '--mount=size=1m',
  '--mount=type=tmpfs,size=', '--network=none', '--platform=$BUILDPLATFORM', '--interval=1', '--retries=-2', '--exclude',
  '--', '$X', '${X:-y}', '${X', '${}', "'", '"', '\\', '`', 'X=1', 'X=', '=', 'A="b c"', '["a","b"]', '[1]', '<<EOF',
  '<<-"E"', '80/tcp', 'SIGKILL', '${X:?boom}', '${X//a/b}', '${X#*}',
];

const line = fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), {
  minLength: 0,
  maxLength: 7,
}).map((ws) => ws.join(' '));
const dockerfile = fc.array(line, { maxLength: 25 }).map((ls) => ls.join('\n'));
const options = fc.record(
  {
    target: fc.constantFrom('build', 'BUILD', 'nope', '0', ''),
    buildArgs: fc.dictionary(fc.constantFrom('X', 'TARGETARCH', 'A', 'V'), fc.string({ maxLength: 5 })),
  },
  { requiredKeys: [] },
);

describe('never throws', () => {
  it('on grammar-shaped random files, through the real parser and through hand-built nodes', () => {
    fc.assert(
      fc.property(dockerfile, options, (text, opts) => {
        check(text, true, opts);
        check(text, false, opts);
      }),
      { numRuns: 400 },
    );
  });

  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        check(text, true);
        check(text, false);
      }),
      { numRuns: 300 },
    );
  });

  it('on mutated corpus files', () => {
    const mutation = fc.record({
      file: fc.integer({ min: 0, max: corpus.length - 1 }),
      at: fc.nat(),
      cut: fc.nat({ max: 40 }),
      insert: fc.oneof(fc.constantFrom(...WORDS.map((w) => ` ${w} `), '\n', '\\\n', '"', "'"), fc.string({ maxLength: 10 })),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = corpus[edits[0].file].text;
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert + text.slice(at + e.cut);
        }
        check(text, true);
      }),
      { numRuns: 300 },
    );
  });

  it('in the lexer and the mount reader on arbitrary words', () => {
    const env = new Map([['X', 'value'], ['E', '']]);
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.constantFrom<'\\' | '`'>('\\', '`'), (word, escape) => {
        const a = expandWord(word, env, escape);
        const b = expandKnownOnly(word, env, escape);
        expect(typeof a.value).toBe('string');
        expect(typeof b.value).toBe('string');
        const m = parseMount(word, (w) => expandWord(w, env));
        expect(m.mount !== undefined || m.error !== undefined).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('corpus', () => {
  it.each(corpus.map((c) => [c.name, c.text]))('%s yields no BuildError from the instruction layer', (_name, text) => {
    const model = buildModel(parse(text));
    const build = evaluate(model, {});
    expect([...model.diagnostics, ...build.diagnostics]).toEqual([]);
    expect(build.stages.length).toBeGreaterThan(0);
  });
});

describe('linear time', () => {
  function time(source: string): number {
    const started = performance.now();
    evaluate(buildModel(parse(source)), {});
    return performance.now() - started;
  }
  it('grows linearly with the number of stages and commands', () => {
    const unit = 'FROM alpine AS s\nARG V=1\nENV A=$V\nCOPY --from=s /a /b\nRUN --mount=type=cache,target=/c echo $A\nWORKDIR x\n';
    time(unit.repeat(200));
    const small = Math.max(time(unit.repeat(500)), 1);
    const large = time(unit.repeat(4000));
    expect(large / small).toBeLessThan(8 * 4);
  });
  it('handles a long nested expansion in one argument', () => {
    const nested = 'FROM a\nENV X=' + '${U:-'.repeat(900) + 'v' + '}'.repeat(900) + '\n';
    const started = performance.now();
    const build = evaluate(buildModel(parse(nested)), {});
    expect(build.stages[0].commands[0].expanded).toMatchObject({ values: ['v'] });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.ts';
import { renderGraphJson } from '../../../src/analyzer/render/graph-json.ts';
import { renderMermaid } from '../../../src/analyzer/render/mermaid.ts';
import { renderShape } from '../../../src/analyzer/render/shape.ts';
import { simulate } from '../../../src/analyzer/simulate/simulate.ts';

/** Dockerfile-shaped text: real instructions with odd arguments, so lowering is reached. */
const word = fc.oneof(
  fc.constantFrom('alpine', 'a', '.', './', '/', '/x/', '$V', '${V:-y}', 'https://e.com/f', 'git@h:r.git', 'https://h/r.git#m:d', '<<EOF', '*.c', '..', '"q"', 'build', '0', 'scratch'),
  fc.string({ maxLength: 6 }),
);
const flag = fc.constantFrom('', '--link ', '--from=build ', '--from=0 ', '--chmod=755 ', '--chown=app ', '--parents ', '--mount=type=cache,target=/c,uid=1 ', '--mount=from=build,target=/b ', '--mount=type=secret,id=s ', '--link=false ');
const instruction = fc.oneof(
  fc.tuple(fc.constantFrom('FROM'), word, fc.constantFrom('', ' AS build', ' AS b2')).map(([k, w, a]) => `${k} ${w}${a}`),
  fc.tuple(fc.constantFrom('COPY', 'ADD', 'RUN', 'WORKDIR', 'ENV', 'ARG', 'USER', 'ONBUILD RUN', 'ONBUILD COPY'), flag, fc.array(word, { minLength: 0, maxLength: 3 })).map(
    ([k, f, ws]) => `${k} ${f}${ws.join(' ')}`,
  ),
  fc.constantFrom('EOF', 'hello', '#!/bin/sh', ''),
);
const dockerfile = fc.array(instruction, { minLength: 1, maxLength: 12 }).map((lines) => lines.join('\n'));

describe('lowering never throws', () => {
  it('on Dockerfile-shaped input, through every renderer and the simulation', () => {
    fc.assert(
      fc.property(dockerfile, fc.boolean(), (text, mergeOp) => {
        const analysis = analyze(text, { mergeOp });
        expect(analysis.findings.filter((f) => f.message.startsWith('internal analyzer error'))).toEqual([]);
        renderShape(analysis.graph);
        renderMermaid(analysis.graph);
        renderGraphJson(analysis.graph);
        const sim = simulate(analysis, [{ kind: 'base', image: 'alpine' }, { kind: 'file', path: 'a' }, { kind: 'line', line: 2 }, { kind: 'arg', key: 'V', value: 'z' }]);
        expect(sim.summary).not.toMatch(/internal error/);
        for (const op of analysis.graph.ops) for (const input of op.inputs) expect(analysis.graph.ops.some((o) => o.id === input)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

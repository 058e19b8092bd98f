import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.ts';
import { graphJson } from '../../../src/analyzer/render/graph-json.ts';
import { renderShape } from '../../../src/analyzer/render/shape.ts';
import { renderSimulationJson } from '../../../src/analyzer/render/simulation-json.ts';
import { renderSimulationText } from '../../../src/analyzer/render/simulation-text.ts';
import { simulate } from '../../../src/analyzer/simulate/simulate.ts';

const MULTI = 'FROM golang:1.21 AS build\nWORKDIR /src\nCOPY . .\nRUN --mount=type=cache,target=/root/.cache go build -o /out/app .\n\nFROM alpine\nCOPY --link --from=build /out/app /usr/local/bin/app\n';

describe('graph JSON', () => {
  it('is versioned, plain data, and references only its own op ids', () => {
    const json = graphJson(analyze(MULTI).graph);
    expect(json.version).toBe(1);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    const ids = new Set(json.ops.map((o) => o.id));
    expect(ids.has(json.result!)).toBe(true);
    for (const op of json.ops) for (const input of op.inputs) expect(ids.has(input)).toBe(true);
    expect(json.stages).toEqual([
      { index: 0, name: 'build', result: expect.any(String) },
      { index: 1, name: 'stage-1', result: json.result },
    ]);
  });

  it('carries exec mounts and file actions with their flags', () => {
    const json = graphJson(analyze(MULTI).graph);
    const run = json.ops.find((o) => o.kind === 'exec')!;
    expect(run.details).toMatchObject({
      args: ['/bin/sh', '-c', 'go build -o /out/app .'],
      cwd: '/src',
      mounts: [{ type: 'cache', target: '/root/.cache', readonly: false, id: '/root/.cache', sharing: 'shared' }],
    });
    const copy = json.ops.find((o) => o.role === 'copy' && o.linked)!;
    expect(copy).toMatchObject({ stage: 1, lines: { start: 7, end: 7 }, name: '[stage-1 2/2] COPY --link --from=build /out/app /usr/local/bin/app' });
    expect(copy.details).toMatchObject({ actions: [{ type: 'copy', onto: 'scratch', src: '/out/app', dest: '/usr/local/bin/app', sourceOp: run.id }] });
  });
});

describe('shape', () => {
  it('an empty target prints only its result line', () => {
    expect(renderShape(analyze('FROM scratch\nENV A=1\n').graph)).toBe('result=scratch\n');
  });
});

describe('simulation text and JSON', () => {
  it('one line per op in shape order, then the summary', () => {
    const analysis = analyze(MULTI);
    const simulation = simulate(analysis, [{ kind: 'base', image: 'golang:1.21' }]);
    const text = renderSimulationText(simulation).trimEnd().split('\n');
    expect(text[0]).toBe('changes: base:golang:1.21');
    expect(text.slice(1, -1).map((l) => l.split(/\s+/)[1])).toEqual(['cached', 'rebuilt', 'rebuilt', 'cached', 'rebuilt', 'rebuilt', 'rebuilt', 'rebuilt']);
    expect(text.at(-1)).toBe('5 of 6 steps rebuild');
    const json = JSON.parse(renderSimulationJson(simulation));
    expect(json).toMatchObject({ version: 1, summary: '5 of 6 steps rebuild' });
    expect(json.outcomes[0]).toMatchObject({ index: 0, status: 'cached' });
  });
});

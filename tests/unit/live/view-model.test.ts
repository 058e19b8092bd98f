import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.ts';
import { rulePage, viewOf } from '../../../src/live/model/view-model.ts';
import { compareText, countsText, nodeName, nodeTitle } from '../../../src/live/model/texts.ts';

describe('analysis view', () => {
  it('lists steps with their lines, findings with rule pages, and what the controls offer', () => {
    const view = viewOf(analyze('ARG V=1\nFROM alpine AS base\nARG V\nCOPY --link --chmod=755 app/ /app/\nCOPY go.mod ./\n'));
    expect(view.steps.map((s) => s.kind)).toContain('file');
    expect(view.steps.find((s) => s.kind === 'file')?.startLine).toBe(4);
    const finding = view.findings.find((f) => f.rule === 'LinkDisabledByChmod')!;
    expect(finding).toMatchObject({ line: 4, href: '/rules/link-disabled-by-chmod/', severity: 'warning' });
    expect(view.copiedPaths).toEqual(['app', 'go.mod']);
    expect(view.baseImages).toEqual(['alpine']);
    expect(view.argNames).toEqual(['V']);
    expect(view.stageNames).toEqual(['base']);
    expect(view.error).toBeUndefined();
  });

  it("carries where a base image's config came from into its step, its node's name and its tooltip", () => {
    const view = viewOf(analyze('FROM golang:1.23-alpine\nRUN go build\nCOPY --from=example.com/tools:1 /t /t\n'));
    const step = (name: string) => view.steps.find((s) => s.name.includes(name))!;
    const [golang, run, tools] = [step('FROM docker.io/library/golang'), step('RUN'), step('FROM example.com/tools')];
    expect(golang.config).toMatch(/^built-in table golang:1\.23-alpine; docker-library\/golang@[0-9a-f]+ .*, \d{4}-\d{2}-\d{2}$/);
    expect(run.config).toBeUndefined();
    expect(tools.config).toBe('unknown');
    expect(nodeName(golang)).toBe(`source op: ${golang.name}; image config: ${golang.config}`);
    expect(nodeName(run)).toBe(`exec op: ${run.name}`);
    expect(nodeTitle(tools)).toBe(`${tools.name}\nimage config: unknown`);
  });

  it('reports the first build error and links it to its page', () => {
    const view = viewOf(analyze('FROM alpine\nCOPY --bogus a b\n'));
    expect(view.error).toContain('unknown flag: --bogus');
    expect(view.findings[0].href).toBe('/rules/build-error/');
  });

  it("gives the graph's height in rows: its longest chain of inputs", () => {
    // image → COPY → RUN in one chain, the context beside it: three rows.
    expect(viewOf(analyze('FROM alpine\nCOPY a /a\nRUN make\n')).rows).toBe(3);
    // --link: the copy onto scratch and the image meet in a merge, under the RUN.
    expect(viewOf(analyze('FROM alpine\nCOPY --link a /a\nRUN make\n')).rows).toBe(4);
    expect(viewOf(analyze('')).rows).toBe(1);
  });

  it('links only rules that have a page', () => {
    expect(rulePage('UndefinedVar')).toBe('/rules/undefined-var/');
    expect(rulePage('NoSuchRule')).toBeUndefined();
  });

  it('says counts and differences in words', () => {
    const a = { source: 2, file: 1, exec: 0, merge: 0 };
    const b = { source: 2, file: 1, exec: 0, merge: 1 };
    expect(countsText(b)).toBe('2 sources, 1 file op, 0 exec ops, 1 merge op');
    expect(compareText(a, b)).toBe('The second graph has 4 ops against 3: +1 merge.');
    expect(compareText(a, a)).toBe('Both graphs have 3 ops of the same kinds.');
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.ts';
import { label, renderMermaid, shorten } from '../../../src/analyzer/render/mermaid.ts';
import { simulate } from '../../../src/analyzer/simulate/simulate.ts';
import { SHARED } from '../../conformance/shared.ts';
import { mermaidParse } from './mermaid-parser.ts';

const HOSTILE = [
  'FROM alpine AS evil',
  'RUN echo "]) --> x click n_op0 call alert(1) %%{init: {"securityLevel":"loose"}}%%',
  'RUN echo <img src=x onerror=alert(1)> `md` #quot; &lt; ; end',
  'COPY ["a\\"]", "/b"]',
  'FROM evil',
  'RUN echo done',
].join('\n');

/** Every line the renderer writes has one of these forms; labels are quoted and hold no raw quote. */
const LINE = [
  /^flowchart (TB|LR)$/,
  /^ {2,4}[A-Za-z0-9_]+(\(|\[\/|\{\{|\[\[|\[)"[^"]*"(\)|\/\]|\}\}|\]\]|\])$/,
  /^ {2}subgraph [A-Za-z0-9_]+\["[^"]*"\]$/,
  /^ {4}direction (LR|TB)$/,
  /^ {2}end$/,
  /^ {2}[A-Za-z0-9_]+ --> [A-Za-z0-9_]+$/,
  /^ {2}[A-Za-z0-9_]+ ~~~ legend$/,
  /^ {4}legend_[a-z]+( ~~~ legend_[a-z]+)+$/,
  /^ {2}classDef [A-Za-z]+ [a-z-]+:[#A-Za-z0-9 ]+(,[a-z-]+:[#A-Za-z0-9 ]+)*$/,
  /^ {2}class [A-Za-z0-9_,]+ [A-Za-z]+$/,
];

describe('mermaid renderer', () => {
  it('escapes every character that could be syntax or HTML', () => {
    expect(label('a"]b')).toBe('"a#34;#93;b"');
    expect(label('%%{init}%%')).toBe('"#37;#37;#123;init#125;#37;#37;"');
    expect(label('<img onerror=x>')).toBe('"#60;img onerror=x#62;"');
    expect(label('#quot;')).toBe('"#35;quot#59;"');
    expect(label('x'.repeat(100), 10)).toBe(`"${'x'.repeat(9)}#8230;"`);
    expect(label('multi\nline')).toBe('"multi line"');
  });

  it('shortens long text in the middle, keeping the step number and the end', () => {
    expect(shorten('short', 10)).toBe('short');
    const cut = shorten(`[builder 12/15] RUN ${'x'.repeat(80)} --output /out`, 40);
    expect(Array.from(cut).length).toBeLessThanOrEqual(40);
    expect(cut.startsWith('[builder 12/15] RUN')).toBe(true);
    expect(cut.endsWith('/out')).toBe(true);
    expect(cut).toContain('…');
    // At a space when one is near: every word left is whole.
    const text = '[buildkit-linux 1/3] LINK COPY --link --from=binaries / /usr/bin/ --chmod=0755 /opt/very/long/path';
    const words = new Set([...text.split(' '), '…']);
    const short = shorten(text, 60);
    expect(short.startsWith('[buildkit-linux 1/3] LINK')).toBe(true);
    expect(short.split(' ').filter((w) => !words.has(w))).toEqual([]);
  });

  it("never cuts a node's simulation status, and keeps flags whole when asked", async () => {
    const analysis = analyze(`FROM alpine\nCOPY --link ${'very-long-directory-name/'.repeat(6)} /app\n`);
    const simulation = simulate(analysis, [{ kind: 'base', image: 'alpine' }]);
    const text = renderMermaid(simulation.graph, { simulation, maxLabel: 30 });
    expect(text).toMatch(/#8230;[^"]*\((remerged|cached|rebuilt)\)"/);
    const drawn = renderMermaid(simulation.graph, { simulation, nonBreaking: true });
    expect(drawn).toContain('#8209;#8209;link');
    expect(drawn).not.toMatch(/"[^"]*--link/);
    await expect((await mermaidParse())(drawn)).resolves.toBeTruthy();
  });

  it('draws collapsed stages as one node each, with counts, statuses and the edges between stages', async () => {
    const code = 'FROM golang AS build\nRUN go build\nRUN go vet\nFROM alpine AS tools\nRUN apk add git\nFROM alpine\nCOPY --from=build /out /out\nRUN --mount=from=tools,target=/t ls /t\n';
    const analysis = analyze(code);
    const simulation = simulate(analysis, [{ kind: 'base', image: 'golang' }]);
    const stages = new Set(simulation.graph.stages.map((s) => s.index));
    const text = renderMermaid(simulation.graph, { simulation, legend: false, collapsed: stages });
    expect(text).toMatch(/stage_0\[\["stage build #183; 3 ops: 1 source, 2 exec #183; 3 rebuilt"\]\]/);
    expect(text).toContain('stage_0 --> stage_2');
    expect(text).toContain('stage_1 --> stage_2');
    expect(text).not.toContain('subgraph');
    expect(text).toMatch(/class [a-z_0-9,]*stage_0[a-z_0-9,]* statusRebuilt/);
    for (const line of text.trimEnd().split('\n')) expect(LINE.some((re) => re.test(line)), line).toBe(true);
    // One stage expanded: its ops inside its subgraph, laid out downwards, edges to the collapsed ones.
    const one = renderMermaid(simulation.graph, { simulation, legend: false, collapsed: new Set([0, 1]) });
    expect(one).toMatch(/subgraph stage_2\["stage 2"\]\n {4}direction TB/);
    expect(one).toMatch(/stage_0 --> n_op\d+/);
    const parse = await mermaidParse();
    await expect(parse(text)).resolves.toBeTruthy();
    await expect(parse(one)).resolves.toBeTruthy();
  });

  it('renders hostile Dockerfile text as labels only, and Mermaid accepts it', async () => {
    const text = renderMermaid(analyze(HOSTILE).graph);
    for (const line of text.trimEnd().split('\n')) expect(LINE.some((re) => re.test(line)), line).toBe(true);
    expect(text).not.toMatch(/<img|%%|onerror=alert\(1\)>/);
    expect(text).not.toMatch(/^\s*click\b/m);
    const parse = await mermaidParse();
    await expect(parse(text)).resolves.toBeTruthy();
  });

  it('draws stages as subgraphs, one shape per kind, classes and a legend; ids are stable', () => {
    const text = renderMermaid(analyze('FROM golang AS build\nRUN go build\nFROM alpine\nCOPY --link --from=build /out /out\n').graph);
    expect(text).toContain('subgraph stage_0["build"]');
    expect(text).toContain('subgraph stage_1["stage 1"]');
    expect(text).toMatch(/n_op\d+\("#91;build 1\/2#93; FROM docker/);
    expect(text).toMatch(/n_op\d+\[\/"#91;stage-1 2\/2#93; COPY --link/);
    expect(text).toMatch(/n_op\d+\{\{"#91;stage-1 2\/2#93; LINK COPY/);
    expect(text).toMatch(/class [a-z_0-9,]+ kindMerge/);
    expect(text).toContain('subgraph legend["Legend"]');
    expect(renderMermaid(analyze('FROM golang AS build\nRUN go build\nFROM alpine\nCOPY --link --from=build /out /out\n').graph)).toBe(text);
  });

  it('colours ops by simulation status', async () => {
    const analysis = analyze('FROM alpine\nRUN apk add curl\nCOPY --link app /app\nRUN /app\n');
    const simulation = simulate(analysis, [{ kind: 'base', image: 'alpine' }]);
    const text = renderMermaid(simulation.graph, { simulation });
    expect(text).toMatch(/class [a-z_0-9,]+ statusRemerged/);
    expect(text).toMatch(/class [a-z_0-9,]+ statusCached/);
    expect(text).toMatch(/class [a-z_0-9,]+ statusRebuilt/);
    // The base image with a new digest is pulled again, not "rebuilt".
    expect(text).toMatch(/FROM docker\.io\/library\/alpine[^"]*\(new base image\)\\nconfig: table, \d{4}-\d{2}-\d{2}"/);
    expect(text).not.toMatch(/FROM [^"]*\(rebuilt\)/);
    await expect((await mermaidParse())(text)).resolves.toBeTruthy();
  });

  it("gives a base image's node a second line saying where its config came from, never cut", async () => {
    const code = `FROM golang:1.23-alpine AS build\nRUN go build\nFROM registry.example.com/team/${'x'.repeat(80)}:1\nCOPY --from=build /out /out\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n`;
    const text = renderMermaid(analyze(code).graph, { maxLabel: 30, legend: false });
    // A table entry with its date, an image nothing is known about, and one reached by COPY --from.
    expect(text).toMatch(/\("#91;build 1\/2#93; FROM[^"]*-alpine\\nconfig: table, \d{4}-\d{2}-\d{2}"\)/);
    expect(text).toMatch(/\("#91;stage-1 1\/3#93;[^"]*#8230;[^"]*\\nconfig: unknown"\)/);
    expect(text).toMatch(/\("FROM[^"]*nginx:1\.27\\nconfig: table, \d{4}-\d{2}-\d{2}"\)/);
    // Only base images have the second line; the renderer's `\n` is the only one in the text.
    expect(text.match(/\\n/g)?.length).toBe(3);
    expect(text.match(/\\nconfig: /g)?.length).toBe(3);
    await expect((await mermaidParse())(text)).resolves.toBeTruthy();
  });

  it('writes a backslash-n from the Dockerfile as codes, so only the renderer makes line breaks', () => {
    const text = renderMermaid(analyze('FROM alpine\nRUN printf "a\\nb"\nCOPY ["x\\n", "/y"]\n').graph, { legend: false });
    expect(text).toContain('printf #34;a#92;nb#34;');
    expect([...text.matchAll(/\\n(.{7})/g)].map((m) => m[1])).toEqual(['config:']);
  });

  it('an empty build still renders a valid diagram', async () => {
    const text = renderMermaid(analyze('FROM scratch\nENV A=1\n').graph);
    await expect((await mermaidParse())(text)).resolves.toBeTruthy();
  });
});

describe('corpus', () => {
  const dir = join(SHARED, 'corpus');
  const files = readdirSync(dir).filter((f) => f !== 'SOURCES.tsv').sort();

  it('has the corpus', () => expect(files.length).toBeGreaterThan(300));

  it('every Dockerfile lowers without exception or BuildError, and Mermaid parses its graph', async () => {
    const parse = await mermaidParse();
    const failures: string[] = [];
    for (const f of files) {
      const analysis = analyze(readFileSync(join(dir, f), 'utf8'));
      const errors = [...analysis.graph.diagnostics, ...analysis.findings].filter((d) => d.rule === 'BuildError');
      if (errors.length) failures.push(`${f}: ${errors[0].message}`);
      if (analysis.graph.ops.length === 0 && analysis.graph.result !== undefined) failures.push(`${f}: result without ops`);
      try {
        await parse(renderMermaid(analysis.graph));
      } catch (error) {
        failures.push(`${f}: mermaid: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});

describe('mermaid escaping, property-based', () => {
  it('any text in a RUN, a COPY or an image name stays inside its label', async () => {
    const fc = (await import('fast-check')).default;
    const parse = await mermaidParse();
    const hostile = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom('"]) --> x', '%%{init:{}}%%', 'click n_op0 href "javascript:alert(1)"', '<script>alert(1)</script>', '`**md**`', '#quot;#35;', 'end', 'subgraph x', ':::kindExec', '\\u0000\\n'));
    await fc.assert(
      fc.asyncProperty(hostile, hostile, async (a, b) => {
        const text = renderMermaid(analyze(`FROM alpine AS st\nRUN ${a.replace(/\n/g, ' ')}\nCOPY ${JSON.stringify(b)} /x\n`).graph);
        for (const line of text.trimEnd().split('\n')) expect(LINE.some((re) => re.test(line)), line).toBe(true);
        await parse(text);
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});

import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.ts';
import { renderFindingsJson } from '../../../src/analyzer/render/findings-json.ts';
import { renderFindingsText } from '../../../src/analyzer/render/findings-text.ts';
import { renderGraphJson } from '../../../src/analyzer/render/graph-json.ts';
import { renderMermaid } from '../../../src/analyzer/render/mermaid.ts';
import { renderSarif } from '../../../src/analyzer/render/sarif.ts';
import { renderSimulationText } from '../../../src/analyzer/render/simulation-text.ts';
import { simulate } from '../../../src/analyzer/simulate/simulate.ts';
import { HOSTILE } from './arbitraries.ts';
import { findingsTextProblems, jsonProblems, mermaidProblems, sarifProblems } from './formats.ts';

/**
 * Hostile Dockerfile text in every place a Dockerfile can carry text, through every
 * renderer: it comes out as inert text (escaped in Mermaid, string data in JSON and SARIF,
 * one line per finding in text), never as syntax of the output format.
 */

/** Dockerfiles that put `evil` where each renderer shows user text: step names, stage names, images, paths, messages. */
function placements(evil: string): Record<string, string> {
  const oneLine = evil.replace(/[\r\n]/g, ' ');
  return {
    'RUN line': `FROM alpine\nRUN echo ${oneLine}\n`,
    'COPY paths': `FROM alpine\nCOPY ${oneLine} /dst/\nCOPY --link ${oneLine} /dst/\n`,
    'stage name': `FROM alpine AS ${oneLine}\nRUN true\n`,
    'image name': `FROM ${oneLine}\nRUN true\n`,
    'COPY --from': `FROM alpine\nCOPY --from=${oneLine} /a /b\n`,
    'ARG default in FROM': `ARG IMG="${oneLine}"\nFROM $IMG\nRUN true\n`,
    'unknown instruction (parse error message)': `FROM alpine\n${oneLine} x\n`,
    'unknown flag (error message)': `FROM alpine\nCOPY --${oneLine}=1 a /a\n`,
    'heredoc body': `FROM alpine\nRUN <<EOF\n${oneLine}\nEOF\n`,
    'LABEL and ENV': `FROM alpine\nLABEL x="${oneLine}"\nENV Y="${oneLine}"\nRUN echo $Y\n`,
    'chown by name (a --link rule message)': `FROM alpine\nCOPY --link --chown=${oneLine} a /a\n`,
  };
}

/** Mermaid labels turned back into text: `#34;` → `"`. */
function labelTexts(mermaid: string): string[] {
  return [...mermaid.matchAll(/"([^"]*)"/g)].map(([, body]) => body.replace(/#(\d+);/g, (_, n) => String.fromCodePoint(Number(n))));
}

describe('hostile text through every renderer', () => {
  for (const evil of HOSTILE) {
    describe(JSON.stringify(evil), () => {
      for (const [where, source] of Object.entries(placements(evil))) {
        it(where, () => {
          const analysis = analyze(source);
          const simulation = simulate(analysis, [{ kind: 'base', image: evil }, { kind: 'file', path: evil }]);

          for (const mermaid of [renderMermaid(analysis.graph), renderMermaid(simulation.graph, { simulation })]) {
            expect(mermaidProblems(mermaid)).toEqual([]);
            // Letters pass through (`onerror` is harmless text once `<` and `"` are codes).
            expect(mermaid).not.toMatch(/<|%%|^\s*(click|style|linkStyle)\b/m);
          }

          const graphJson = renderGraphJson(analysis.graph, simulation);
          expect(jsonProblems(graphJson)).toEqual([]);
          // Names survive as data: what the JSON holds is exactly what the graph holds.
          expect(JSON.parse(graphJson).ops.map((op: { name: string }) => op.name)).toEqual(analysis.graph.ops.map((op) => op.name));

          const files = [{ file: 'Dockerfile', source, findings: analysis.findings }];
          const findings = JSON.parse(renderFindingsJson(files)).findings as { message: string }[];
          expect(findings.map((f) => f.message)).toEqual(analysis.findings.map((f) => f.message));
          expect(jsonProblems(renderSarif(files), sarifProblems)).toEqual([]);
          expect(findingsTextProblems(renderFindingsText(files), analysis.findings.length)).toEqual([]);
          expect(renderSimulationText(simulation).split('\n').length).toBeLessThanOrEqual(simulation.outcomes.length + 3);
        });
      }
    });
  }

  it('labels keep the hostile text, escaped rather than dropped', () => {
    const evil = '<img src=x onerror=alert(1)> "] %%{init: {}}%% click A call alert()';
    const mermaid = renderMermaid(analyze(`FROM alpine\nRUN echo ${evil}\n`).graph, { maxLabel: 500 });
    expect(labelTexts(mermaid).some((text) => text.includes(evil))).toBe(true);
  });
});

describe('the format checks themselves catch what they must', () => {
  it('Mermaid: raw HTML, a broken quote, directives, click, unbalanced subgraphs', () => {
    const ok = 'flowchart TB\n  subgraph s["stage"]\n    n_op0(["FROM alpine"])\n  end\n  n_op0 --> n_op1\n';
    expect(mermaidProblems(ok)).toEqual([]);
    expect(mermaidProblems(ok.replace('FROM alpine', '<img src=x onerror=alert(1)>'))).not.toEqual([]);
    expect(mermaidProblems(ok.replace('FROM alpine', 'a"] --> x["b'))).not.toEqual([]);
    expect(mermaidProblems(`%%{init: {"securityLevel":"loose"}}%%\n${ok}`)).not.toEqual([]);
    expect(mermaidProblems(`${ok}  click n_op0 call alert()\n`)).not.toEqual([]);
    expect(mermaidProblems(ok.replace('  end\n', ''))).not.toEqual([]);
  });

  it('SARIF: a log without runs or with a result without a location', () => {
    expect(sarifProblems({ version: '2.1.0' })).not.toEqual([]);
    expect(sarifProblems({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, locations: [] }] }] })).not.toEqual([]);
  });

  it('text: a finding split over two lines', () => {
    expect(findingsTextProblems('Dockerfile:1:1: error BuildError a\nb (https://layerwise.dev/rules/x/)\n', 1)).not.toEqual([]);
  });
});

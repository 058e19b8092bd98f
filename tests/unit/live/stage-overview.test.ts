import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeState, outlineMermaid, outlineStages, plain, STAGE_OVERVIEW_OPS } from '../../../src/live/model/analyze-state.ts';
import { SHARED } from '../../conformance/shared.ts';

const corpus = (name: string) => readFileSync(join(SHARED, 'corpus', name), 'utf8');

describe('stage overview of big graphs', () => {
  it("opens moby/buildkit's Dockerfile (59 ops) as one node per stage, and draws any stage expanded", () => {
    const { main } = analyzeState({ code: corpus('moby_buildkit__Dockerfile') });
    expect(main.view.steps.length).toBeGreaterThan(STAGE_OVERVIEW_OPS);
    const outline = main.mermaid!.outline!;
    expect(outline).toBeDefined();
    const drawn = main.mermaid!.drawn!;
    expect(drawn).not.toContain('subgraph');
    // A stage with no ops of its own (`FROM <stage>` and nothing more) has no node.
    const withOps = new Set(main.view.steps.map((s) => s.stage));
    const stages = outlineStages(outline).filter((i) => withOps.has(i));
    expect(stages.length).toBeGreaterThan(10);
    for (const i of stages) expect(drawn).toContain(`stage_${i}[["stage `);
    // Expanded: that stage's ops in its subgraph, the others still one node each.
    const one = outlineMermaid(outline, new Set([stages[0]]));
    expect(one).toContain(`subgraph stage_${stages[0]}[`);
    expect(one).not.toContain(`stage_${stages[0]}[["`);
    expect(one).toContain(`stage_${stages[1]}[["`);
    // The outline crosses the worker boundary with the rest.
    expect(structuredClone(plain({ main })).main.mermaid?.outline?.graph.ops.length).toBe(main.view.steps.length);
  });

  it('draws smaller graphs, and one stage of any size, whole', () => {
    const php = analyzeState({ code: corpus('docker-library_php__8.2_bookworm_apache_Dockerfile') }).main;
    expect(php.view.steps.length).toBeLessThanOrEqual(STAGE_OVERVIEW_OPS);
    expect(php.mermaid?.outline).toBeUndefined();
    const long = ['FROM alpine', ...Array.from({ length: 40 }, (_, i) => `RUN echo ${i}`)].join('\n');
    const one = analyzeState({ code: long }).main;
    expect(one.view.steps.length).toBeGreaterThan(STAGE_OVERVIEW_OPS);
    expect(one.mermaid?.outline).toBeUndefined();
    expect(one.mermaid?.drawn).toContain('direction TB');
  });
});

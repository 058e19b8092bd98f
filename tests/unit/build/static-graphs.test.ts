import { describe, expect, it } from 'vitest';
import { inlineGraphs, type DrawGraph } from '../../../src/build/static-graphs.ts';
import { scriptJson } from '../../../src/components/script-json.ts';

/** A graph box as LivePane.astro writes it. */
const box = (id: string, source: string) =>
  `<div class="lw-graph" data-lw-graph style="height:240px"><p class="lw-graph-placeholder" data-lw-placeholder>The build graph appears here.</p><script type="application/json" data-lw-graph-source>${scriptJson({ id, source })}</script></div>`;
const page = (...boxes: string[]) => `<!doctype html><html><head><title>t</title></head><body>${boxes.join('')}</body></html>`;

/** Stands in for Mermaid: an SVG with a scoped stylesheet and over-precise coordinates. */
const fakeDraw: DrawGraph = async (source, theme, id) =>
  `<svg id="${id}" data-lw-theme="${theme}" viewBox="0 0 100.123456 50"><style>#${id}{fill:${theme === 'dark' ? '#fff' : '#000'};}#${id} .node rect{stroke:red;}</style><g transform="translate(10.98765, -3.14159)"><path d="M-62.0001 -24 C-30.63943926 -24"></path><text>${source.length}</text></g></svg>`;

describe('inlineGraphs', () => {
  it('replaces each placeholder with a light and a dark drawing, and keeps the Mermaid text for the island', async () => {
    const html = page(box('ex-main', 'flowchart TB\n  a("x")'), box('ex-compare', 'flowchart TB\n  b("</script><img src=x>")'));
    const asked: [string, string, string][] = [];
    const { html: out, drawn } = await inlineGraphs(html, (source, theme, id) => {
      asked.push([source, theme, id]);
      return fakeDraw(source, theme, id);
    });
    expect(drawn).toBe(2);
    expect(out).not.toContain('data-lw-placeholder');
    expect(asked).toEqual([
      ['flowchart TB\n  a("x")', 'light', 'lw-graph-ex-main-light'],
      ['flowchart TB\n  a("x")', 'dark', 'lw-graph-ex-main-dark'],
      ['flowchart TB\n  b("</script><img src=x>")', 'light', 'lw-graph-ex-compare-light'],
      ['flowchart TB\n  b("</script><img src=x>")', 'dark', 'lw-graph-ex-compare-dark'],
    ]);
    const boxes = out.match(/<div class="lw-graph"[\s\S]*?<\/div>/g)!;
    expect(boxes).toHaveLength(2);
    expect(boxes[0]).toMatch(/^<div[^>]*><svg id="lw-graph-ex-main-light"[\s\S]*<\/svg><svg id="lw-graph-ex-main-dark"[\s\S]*<\/svg><script type="application\/json" data-lw-graph-source>/);
    // The hostile label stays escaped inside the JSON: nothing closes the script element.
    expect(out).not.toContain('</script><img');
  });

  it('moves the stylesheet out of every drawing into one per theme in the head, with the id specificity kept', async () => {
    const { html: out } = await inlineGraphs(page(box('a-main', 'x'), box('b-main', 'y')), fakeDraw);
    expect(out.match(/<style/g)).toHaveLength(2);
    const head = out.slice(0, out.indexOf('</head>'));
    expect(head).toContain(
      '<style data-lw-graph-style="light">:is(#lw-graph-a-main-light,.lw-graph>svg[data-lw-theme="light"]){fill:#000;}:is(#lw-graph-a-main-light,.lw-graph>svg[data-lw-theme="light"]) .node rect{stroke:red;}</style>',
    );
    expect(head).toContain('<style data-lw-graph-style="dark">:is(#lw-graph-a-main-dark,.lw-graph>svg[data-lw-theme="dark"]){fill:#fff;}');
  });

  it('writes coordinates to a tenth of a pixel', async () => {
    const { html: out } = await inlineGraphs(page(box('a-main', 'x')), fakeDraw);
    expect(out).toContain('viewBox="0 0 100.1 50"');
    expect(out).toContain('transform="translate(11, -3.1)"');
    expect(out).toContain('d="M-62 -24 C-30.6 -24"');
  });

  it('keeps the placeholder of a graph that cannot be drawn, says which, and draws the others', async () => {
    const failures: string[] = [];
    const draw: DrawGraph = (source, theme, id) => (source === 'bad' && theme === 'dark' ? Promise.reject(new Error('Parse error')) : fakeDraw(source, theme, id));
    const html = page(box('bad-main', 'bad'), box('good-main', 'good'));
    const { html: out, drawn } = await inlineGraphs(html, draw, (id, error) => failures.push(`${id}: ${(error as Error).message}`));
    expect(drawn).toBe(1);
    expect(failures).toEqual(['bad-main: Parse error']);
    expect(out).toContain(box('bad-main', 'bad'));
    expect(out).not.toContain('lw-graph-bad-main-light');
    expect(out).toContain('id="lw-graph-good-main-dark"');
  });

  it('leaves a page without graph boxes as it is', async () => {
    const html = page('<p>no examples</p>');
    expect(await inlineGraphs(html, fakeDraw)).toEqual({ html, drawn: 0 });
  });
});

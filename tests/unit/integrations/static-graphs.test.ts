import { describe, expect, it } from 'vitest';
import { inlineGraphs, linkStylesheet, type DrawGraph, type GraphStyles } from '../../../src/integrations/static-graphs.ts';
import { scriptJson } from '../../../src/live/components/script-json.ts';

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
    const { html: out, drawn } = await inlineGraphs(
      html,
      (source, theme, id) => {
        asked.push([source, theme, id]);
        return fakeDraw(source, theme, id);
      },
      new Map(),
    );
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
    expect(boxes[0]).toMatch(/^<div[^>]*><svg [^>]*id="lw-graph-ex-main-light"[\s\S]*<\/svg><svg [^>]*id="lw-graph-ex-main-dark"[\s\S]*<\/svg><script type="application\/json" data-lw-graph-source>/);
    // The hostile label stays escaped inside the JSON: nothing closes the script element.
    expect(out).not.toContain('</script><img');
  });

  it('moves the stylesheets out of the drawings, once each, keyed, with the id specificity kept', async () => {
    const styles: GraphStyles = new Map();
    const { html: out } = await inlineGraphs(page(box('a-main', 'x'), box('b-main', 'y')), fakeDraw, styles);
    await inlineGraphs(page(box('c-main', 'z')), fakeDraw, styles);
    expect(out).not.toContain('<style');
    // One per theme for all three graphs on both pages.
    expect(styles.size).toBe(2);
    const [light, dark] = [...styles.keys()];
    expect(styles.get(light)).toBe(
      `:is(#lw-graphs,.lw-graph>svg[data-lw-style="${light}"]){fill:#000;}:is(#lw-graphs,.lw-graph>svg[data-lw-style="${light}"]) .node rect{stroke:red;}`,
    );
    expect(styles.get(dark)).toContain(`:is(#lw-graphs,.lw-graph>svg[data-lw-style="${dark}"]){fill:#fff;}`);
    expect(out.match(new RegExp(`<svg data-lw-style="${light}" id="lw-graph-[ab]-main-light"`, 'g'))).toHaveLength(2);
    expect(out.match(new RegExp(`<svg data-lw-style="${dark}" id="lw-graph-[ab]-main-dark"`, 'g'))).toHaveLength(2);
  });

  it('links the stylesheet at the end of the head', () => {
    expect(linkStylesheet(page(), '/_astro/graphs.abc.css')).toBe(
      '<!doctype html><html><head><title>t</title><link rel="stylesheet" href="/_astro/graphs.abc.css"></head><body></body></html>',
    );
  });

  it('writes coordinates to a tenth of a pixel', async () => {
    const { html: out } = await inlineGraphs(page(box('a-main', 'x')), fakeDraw, new Map());
    expect(out).toContain('viewBox="0 0 100.1 50"');
    expect(out).toContain('transform="translate(11, -3.1)"');
    expect(out).toContain('d="M-62 -24 C-30.6 -24"');
  });

  it('keeps the placeholder of a graph that cannot be drawn, says which, and draws the others', async () => {
    const failures: string[] = [];
    const draw: DrawGraph = (source, theme, id) => (source === 'bad' && theme === 'dark' ? Promise.reject(new Error('Parse error')) : fakeDraw(source, theme, id));
    const html = page(box('bad-main', 'bad'), box('good-main', 'good'));
    const { html: out, drawn } = await inlineGraphs(html, draw, new Map(), (id, error) => failures.push(`${id}: ${(error as Error).message}`));
    expect(drawn).toBe(1);
    expect(failures).toEqual(['bad-main: Parse error']);
    expect(out).toContain(box('bad-main', 'bad'));
    expect(out).not.toContain('lw-graph-bad-main-light');
    expect(out).toContain('id="lw-graph-good-main-dark"');
  });

  it('leaves a page without graph boxes as it is', async () => {
    const html = page('<p>no examples</p>');
    expect(await inlineGraphs(html, fakeDraw, new Map())).toEqual({ html, drawn: 0 });
  });
});

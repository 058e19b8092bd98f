import { describe, expect, it } from 'vitest';
import { imagePath, pageCard, withImageMeta } from '../../../src/integrations/og-images.ts';

/** Preview cards: read from a page's own Open Graph tags, written back as absolute image URLs. */

const head = (url: string, title: string, description?: string) =>
  `<html><head><meta property="og:title" content="${title}"/><meta property="og:url" content="${url}"/>` +
  (description === undefined ? '' : `<meta property="og:description" content="${description}"/>`) +
  `<meta name="twitter:card" content="summary_large_image"/></head><body></body></html>`;

describe('preview cards', () => {
  it('take the title and description of the page, and say "rule" on rule pages', () => {
    expect(pageCard(head('https://layerwise.dev/rules/link-disabled-by-chmod/', 'LinkDisabledByChmod', '--chmod turns --link off'))).toEqual({
      title: 'LinkDisabledByChmod',
      summary: '--chmod turns --link off',
      url: 'https://layerwise.dev/rules/link-disabled-by-chmod/',
      kicker: 'Layerwise rule',
    });
    expect(pageCard(head('https://layerwise.dev/rules/', 'Rules', 'All rules'))?.kicker).toBe('Layerwise');
    expect(pageCard(head('https://layerwise.dev/start/', 'Quotes &quot;&amp;&lt;', 'x'))?.title).toBe('Quotes "&<');
  });

  it('are not made for embeds, the 404 page, or a page without Open Graph tags', () => {
    expect(pageCard(head('https://layerwise.dev/embed/copy-link/canonical-pair/', 'x'))).toBeUndefined();
    expect(pageCard(head('https://layerwise.dev/404/', 'Not found'))).toBeUndefined();
    expect(pageCard('<html><head></head></html>')).toBeUndefined();
  });

  it('live at /og/<page>.png', () => {
    expect(imagePath('/')).toBe('/og/index.png');
    expect(imagePath('/start/')).toBe('/og/start.png');
    expect(imagePath('/rules/undefined-var/')).toBe('/og/rules/undefined-var.png');
  });

  it('are referenced with absolute URLs, with escaped alt text', () => {
    const html = head('https://layerwise.dev/start/', 'Start', 'A &quot;quoted&quot; &lt;summary&gt;');
    const card = pageCard(html)!;
    const out = withImageMeta(html, card, imagePath('/start/'));
    expect(out).toContain('<meta property="og:image" content="https://layerwise.dev/og/start.png"/>');
    expect(out).toContain('<meta name="twitter:image" content="https://layerwise.dev/og/start.png"/>');
    expect(out).toContain('content="Start: A &quot;quoted&quot; &lt;summary&gt;"');
    // Right after Starlight's twitter:card, inside the head.
    expect(out.indexOf('og:image')).toBeGreaterThan(out.indexOf('twitter:card'));
    expect(out.indexOf('og:image')).toBeLessThan(out.indexOf('</head>'));
  });
});

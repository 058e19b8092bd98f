import { describe, expect, it } from 'vitest';
import { dropOnDemandStyles } from '../../../src/integrations/lazy-styles.ts';

const head = (...links: string[]) => `<html><head>${links.join('')}</head><body></body></html>`;
const editorCss = '<link rel="stylesheet" href="/_astro/monaco.D8EC5Svl.css">';
const pageCss = '<link rel="stylesheet" href="/_astro/LiveExample.BZJWp7jJ.css">';

describe('dropOnDemandStyles', () => {
  it("drops the editor's stylesheet when a script's preload list loads it with the editor", () => {
    const scripts = 'm.f=["_astro/monaco.B4H_A8Bw.js","_astro/monaco.D8EC5Svl.css"]';
    expect(dropOnDemandStyles(head(pageCss, editorCss), scripts)).toBe(head(pageCss));
  });

  it('keeps it when no script would load it (the page would lose the styles)', () => {
    expect(dropOnDemandStyles(head(pageCss, editorCss), 'm.f=["_astro/controller.js"]')).toBe(head(pageCss, editorCss));
  });

  it('never touches other stylesheets', () => {
    const scripts = '"_astro/LiveExample.BZJWp7jJ.css"';
    expect(dropOnDemandStyles(head(pageCss), scripts)).toBe(head(pageCss));
  });
});

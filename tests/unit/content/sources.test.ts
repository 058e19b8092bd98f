import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

/**
 * The guide's sourcing rules, checked mechanically where they can be: claims about build
 * times and the cache garbage-collection bug are the vendor's, so every paragraph making one
 * names and links the vendor post; BuildKit issues are cited by link.
 */

const VENDOR_POST = 'https://depot.dev/blog/why-you-should-avoid-copy-link-in-your-dockerfile';
// start.mdx and playground.mdx belong to the live-example island's pages.
const pages = readdirSync('content')
  .filter((name) => name.endsWith('.mdx') && !['start.mdx', 'playground.mdx'].includes(name))
  .map((name) => ({ name, text: readFileSync(`content/${name}`, 'utf8') }));

/** Prose paragraphs and list items, without code blocks and example props. */
function paragraphs(text: string): string[] {
  const prose = text.replace(/```[\s\S]*?```/g, '').replace(/<LiveExample[\s\S]*?\/>/g, '');
  return prose.split(/\n\s*\n|\n(?=- )/).map((p) => p.trim()).filter(Boolean);
}

const timingClaim = /\b(slower|faster|slows?|speeds? (?:them |builds )?up|build times?|garbage[- ]collection)\b/i;

describe('sources', () => {
  test('the guide pages exist', () => {
    expect(pages.map((p) => p.name)).toEqual(
      expect.arrayContaining(['buildkit-graph.mdx', 'cli.mdx', 'copy-link.mdx', 'copy.mdx', 'fidelity.mdx', 'index.mdx', 'style-guide.mdx', 'when-to-link.mdx']),
    );
  });

  test('every claim about build speed or the cache GC bug is attributed to the vendor post', () => {
    const unattributed: string[] = [];
    for (const { name, text } of pages) {
      for (const paragraph of paragraphs(text)) {
        if (/costs nothing at build time|at build time/.test(paragraph) && !/slow|fast|garbage/i.test(paragraph)) continue;
        if (timingClaim.test(paragraph) && !(paragraph.includes(VENDOR_POST) || /same post/.test(paragraph))) {
          unattributed.push(`${name}: ${paragraph.slice(0, 100)}…`);
        }
      }
    }
    expect(unattributed).toEqual([]);
  });

  test('BuildKit issue numbers are links to the issue', () => {
    const bare: string[] = [];
    for (const { name, text } of pages) {
      for (const m of text.matchAll(/(?<!\[)#(\d{3,5})\b(?!\]\()/g)) {
        // `#N` inside a code span or a Markdown link label is fine; a bare number is not a citation.
        const before = text.slice(Math.max(0, m.index - 1), m.index);
        if (before === '`') continue;
        bare.push(`${name}: #${m[1]}`);
      }
    }
    expect(bare).toEqual([]);
  });
});

/**
 * Every <LiveExample> in the guide states facts (op counts, rules, whether BuildKit refuses
 * it); this runs each one through the analyzer, so a page can never claim what the analyzer
 * does not show.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkExample } from '../../../src/authoring/example-facts.ts';
import { findLiveExamples, toExampleSpec } from '../../../src/authoring/example-props.ts';

const contentDir = join(import.meta.dirname, '../../../content');
const readExample = (name: string) => readFileSync(join(contentDir, 'examples', name), 'utf8');
const pages = (readdirSync(contentDir, { recursive: true }) as string[]).filter((f) => f.endsWith('.mdx')).sort();
const examples = pages.flatMap((page) =>
  findLiveExamples(readFileSync(join(contentDir, page), 'utf8')).map((found) => ({ page, ...found })),
);

describe('guide examples', () => {
  it('finds the examples (at least the Start page pair)', () => {
    expect(examples.some((e) => e.page === 'start.mdx' && e.props.id === 'start-canonical')).toBe(true);
  });

  it('gives every example a unique id per page', () => {
    const ids = examples.map((e) => `${e.page}#${e.props.id}`);
    expect(ids.length).toBe(new Set(ids).size);
  });

  it.each(examples.map((e) => [`${relative('.', e.page)}:${e.line} ${e.props.id}`, e] as const))('%s says only what is true', (_name, e) => {
    const spec = toExampleSpec(e.props, readExample);
    expect(checkExample(spec)).toEqual([]);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { decisions } from '../../../src/guide/decision-flow.ts';
import { ruleSlug } from '../../../src/analyzer/rules/define-rule.ts';
import { rules } from '../../../src/analyzer/rules/registry.ts';
import { descriptionHtml, referencePages, ruleStaticPaths } from '../../../src/pages/rules/_rules.ts';
import { POLICY_POINTS } from '../../../src/policy/policy-points.ts';

const registrySlugs = rules.map((rule) => ruleSlug(rule.name));
const knownSlugs = new Set([...registrySlugs, 'build-error']);
const knownNames = new Set([...rules.map((rule) => rule.name), 'BuildError']);

/** Every guide page and the decision-flow data, with their paths for messages. */
function guideSources(): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(mdx?|ts|astro)$/.test(entry.name)) out.push({ path, text: readFileSync(path, 'utf8') });
    }
  };
  walk('content');
  return out;
}

describe('rule reference', () => {
  test('every registered rule has exactly one page, and every page has a rule', () => {
    const paths = ruleStaticPaths().map((p) => p.params.slug);
    expect(new Set(paths).size).toBe(paths.length);
    expect([...paths].sort()).toEqual([...knownSlugs].sort());
  });

  test('each page carries the rule it is named after', () => {
    for (const { params, props } of ruleStaticPaths()) {
      expect(ruleSlug(props.page.name)).toBe(params.slug);
      const rule = rules.find((r) => r.name === props.page.name);
      if (props.page.name === 'BuildError') continue;
      expect(rule, props.page.name).toBeDefined();
      expect(props.page.message).toBe(rule!.message);
      expect(props.page.severity).toBe(rule!.severity);
    }
  });

  test('pages have what the template shows: a title, a description and a reported example', () => {
    for (const page of referencePages()) {
      expect(page.title.trim(), page.name).not.toBe('');
      expect(page.description.trim(), page.name).not.toBe('');
      expect(page.examples.bad.length, page.name).toBeGreaterThan(0);
    }
  });

  test('descriptions are rendered as Markdown with raw HTML escaped', () => {
    expect(descriptionHtml('Use `COPY`, not <script>alert(1)</script>')).toBe(
      '<p>Use <code>COPY</code>, not &lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
  });
});

describe('the guide names only rules that exist', () => {
  test('every /rules/<slug>/ link in content/ points at a rule page', () => {
    const bad: string[] = [];
    for (const { path, text } of guideSources()) {
      for (const m of text.matchAll(/\/rules\/([a-z0-9-]+)\//g)) {
        if (!knownSlugs.has(m[1])) bad.push(`${path}: /rules/${m[1]}/`);
      }
    }
    expect(bad).toEqual([]);
  });

  test('a link text that is a rule name links to that rule', () => {
    const bad: string[] = [];
    for (const { path, text } of guideSources()) {
      for (const m of text.matchAll(/\[`?([A-Z][A-Za-z]+)`?\]\(\/rules\/([a-z0-9-]+)\/\)/g)) {
        if (ruleSlug(m[1]) !== m[2] || !knownNames.has(m[1])) bad.push(`${path}: [${m[1]}](/rules/${m[2]}/)`);
      }
    }
    expect(bad).toEqual([]);
  });

  test('the decision guide names registered rules', () => {
    for (const d of decisions) for (const name of d.rules) expect(knownNames, `${d.id}: ${name}`).toContain(name);
  });

  test('the ready-to-paste policy names registered rules, and only those', () => {
    // The policy's points live in src/policy/policy-points.ts; the page renders them.
    expect(readFileSync('content/style-guide.mdx', 'utf8')).toContain('<PolicyBuilder />');
    const named = POLICY_POINTS.flatMap((point) => point.rules);
    expect(named.length).toBeGreaterThan(10);
    for (const name of named) expect(knownNames, name).toContain(name);
    const layerwiseRules = rules.filter((r) => r.origin === 'layerwise').map((r) => r.name);
    for (const name of layerwiseRules) expect(named, `the policy does not mention ${name}`).toContain(name);
  });
});

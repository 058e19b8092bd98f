import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleSlug } from '../../../src/analyzer/rules/define-rule.ts';
import { rules } from '../../../src/analyzer/rules/registry.ts';
import {
  choicesFromQuery,
  choicesQuery,
  defaultChoices,
  FAIL_ON,
  policyMarkdown,
  policyYaml,
  RULE_LEVELS,
  type PolicyChoices,
  type PolicyContext,
  type RuleLevel,
} from '../../../src/policy/policy-output.ts';
import { POLICY_POINTS } from '../../../src/policy/policy-points.ts';

/**
 * The policy builder's outputs: the Markdown links to real anchors, the YAML says exactly the
 * choices (and, where the CLI's config reader is in the tree, the CLI reads it back to the
 * same config), and the share query restores any choices.
 */

const named = new Set(POLICY_POINTS.flatMap((p) => p.rules));
const context: PolicyContext = {
  points: POLICY_POINTS,
  rules: rules.filter((r) => named.has(r.name)).map((r) => ({ name: r.name, slug: ruleSlug(r.name), severity: r.severity })),
  site: 'https://layerwise.dev',
};
const baseline = JSON.parse(readFileSync('tests/fixtures/permalinks-baseline.json', 'utf8')) as Record<string, string[]>;
const ruleNames = [...named];

const choices: fc.Arbitrary<PolicyChoices> = fc.record({
  points: fc.subarray(POLICY_POINTS.map((p) => p.id)),
  severity: fc.dictionary(fc.constantFrom(...ruleNames), fc.constantFrom(...RULE_LEVELS)),
  failOn: fc.constantFrom(...FAIL_ON),
});

/** Choices as the builder reads them from its form: only levels that differ from the rule's own. */
const normal = (c: PolicyChoices): PolicyChoices => ({
  ...c,
  severity: Object.fromEntries(Object.entries(c.severity).filter(([name, level]) => level !== context.rules.find((r) => r.name === name)!.severity)),
});

describe('the Markdown policy', () => {
  it('with the defaults, has every point and every rule, each linked to a page and anchor that exist', () => {
    const md = policyMarkdown(context, defaultChoices(context));
    const links = [...md.matchAll(/\]\((https:\/\/layerwise\.dev[^)\s]*)\)/g)].map((m) => new URL(m[1]));
    expect(links.length).toBe(POLICY_POINTS.length + named.size);
    for (const link of links) {
      const anchors = baseline[link.pathname];
      expect(anchors, link.href).toBeDefined();
      if (link.hash) expect(anchors, link.href).toContain(link.hash.slice(1));
    }
    for (const point of POLICY_POINTS) expect(md).toContain(`**[${point.id}](https://layerwise.dev/style-guide/#${point.anchor})**`);
    expect(md).toContain('findings of severity error fail the build');
    expect(md).not.toContain('{failOn}');
  });

  it('leaves out points not chosen and rules turned off, and shows changed levels', () => {
    const md = policyMarkdown(context, { points: ['P3', 'P8'], severity: { LinkDisabledByChmod: 'error', LinkChownByName: 'off' }, failOn: 'warning' });
    expect(md).toContain('**[P3]');
    expect(md).not.toContain('**[P1]');
    expect(md).toContain('[LinkDisabledByChmod](https://layerwise.dev/rules/link-disabled-by-chmod/) (error)');
    expect(md).not.toContain('LinkChownByName');
    expect(md).toContain('findings of severity warning or error fail the build');
  });
});

describe('.layerwise.yaml', () => {
  it('with the defaults, only fails on errors', () => {
    expect(policyYaml(context, defaultChoices(context))).toBe(
      '# .layerwise.yaml: the COPY and COPY --link policy from https://layerwise.dev/style-guide/\nfailOn: error\n',
    );
  });

  it('ignores the rules of points left out and lists changed levels', () => {
    const yaml = policyYaml(context, { points: POLICY_POINTS.map((p) => p.id).filter((id) => id !== 'P5'), severity: { LinkRebaseDefeated: 'error', LinkMergeChain: 'off' }, failOn: 'none' });
    expect(yaml).toContain('failOn: none\n');
    expect(yaml).toContain('ignore: [LinkMergeChain, LinkOnScratchNoop]\n');
    expect(yaml).toContain('severity:\n  LinkRebaseDefeated: error\n');
    // An ignored rule's level does not matter.
    expect(yaml).not.toContain('LinkMergeChain: off');
  });

  // The CLI's config reader (issue 16, src/cli/config/) decides what the file means: where it
  // is in the tree, it must read every generated file back to exactly the builder's choices.
  const cliConfig = resolve('src/cli/config/schema.ts');
  it.skipIf(!existsSync(cliConfig))('is read by the CLI to the same choices, for any choices', async () => {
    type Loaded = { ok: boolean; value?: unknown; config?: Record<string, unknown>; errors?: string[]; error?: string };
    const yaml = (await import(pathToFileURL(resolve('src/cli/config/yaml-subset.ts')).href)) as { parseYaml(text: string): Loaded };
    const schema = (await import(pathToFileURL(cliConfig).href)) as { validateConfig(value: unknown): Loaded };
    fc.assert(
      fc.property(choices, (raw) => {
        const c = normal(raw);
        const parsed = yaml.parseYaml(policyYaml(context, c));
        expect(parsed.ok, parsed.error).toBe(true);
        const validated = schema.validateConfig(parsed.value);
        expect(validated.errors ?? []).toEqual([]);
        const config = validated.config!;
        const left = POLICY_POINTS.filter((p) => !c.points.includes(p.id)).flatMap((p) => p.rules);
        expect(config.failOn).toBe(c.failOn);
        expect(config.ignore ?? []).toEqual(left);
        expect(config.severity ?? {}).toEqual(Object.fromEntries(Object.entries(c.severity).filter(([name]) => !left.includes(name))));
      }),
      { numRuns: 200 },
    );
  });
});

describe('the share link', () => {
  it('restores any choices', () => {
    fc.assert(
      fc.property(choices, (raw) => {
        const c = normal(raw);
        const restored = choicesFromQuery(context, `?${choicesQuery(context, c)}`);
        expect(restored.failOn).toBe(c.failOn);
        expect(restored.points).toEqual(POLICY_POINTS.map((p) => p.id).filter((id) => c.points.includes(id)));
        expect(restored.severity).toEqual(c.severity);
      }),
      { numRuns: 300 },
    );
  });

  it('is empty for the defaults, readable otherwise, and ignores what it does not know', () => {
    expect(choicesQuery(context, defaultChoices(context))).toBe('');
    expect(choicesQuery(context, { points: ['P1', 'P3'], severity: { LinkMergeChain: 'off' }, failOn: 'warning' })).toBe(
      'points=1,3&severity=LinkMergeChain:off&failOn=warning',
    );
    const odd = choicesFromQuery(context, '?points=1,99,x&severity=Nope:error,LinkMergeChain:loud,LinkRebaseDefeated:error&failOn=<b>');
    expect(odd).toEqual({ points: ['P1'], severity: { LinkRebaseDefeated: 'error' as RuleLevel }, failOn: 'error' });
    expect(choicesFromQuery(context, '?points=none').points).toEqual([]);
  });
});

/**
 * The rule reference, derived from the rule registry through `rules/docs.ts`: one page per
 * rule at `/rules/<slug>/`, plus BuildError (the findings that carry BuildKit's own refusal),
 * so a page can never exist without its rule, nor a rule without its page.
 * (The leading underscore keeps this module out of Astro's routes.)
 */
import { micromark } from 'micromark';
import { analyze } from '../../analyzer/index.ts';
import type { Severity } from '../../analyzer/core/diagnostic.ts';
import type { RuleExample } from '../../analyzer/rules/define-rule.ts';
import type { LiveExampleProps } from '../../authoring/example-props.ts';
import { buildErrorRule, rulePage, rulePages, type RulePage } from '../../analyzer/rules/docs.ts';

export type { RulePage };

/** Every page of the rule reference: the registry's rules, then BuildError. */
export function referencePages(): RulePage[] {
  return [...rulePages(), rulePage(buildErrorRule)];
}

/** Astro's `getStaticPaths` for `/rules/[slug]/`. */
export function ruleStaticPaths() {
  return referencePages().map((page) => ({ params: { slug: page.slug }, props: { page } }));
}

/**
 * A rule's description is Markdown we write ourselves; it is still rendered by a Markdown
 * parser that escapes raw HTML (micromark's default), never injected as HTML.
 */
export function descriptionHtml(markdown: string): string {
  return micromark(markdown);
}

/** One line of our Markdown (a rule's title) as inline HTML: `code` shows as code, not backticks. */
export function inlineHtml(markdown: string): string {
  return micromark(markdown).replace(/^<p>([\s\S]*)<\/p>\s*$/, '$1');
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);

/**
 * A rule's message template as HTML, each Go verb shown as a placeholder (`%q` in its quotes):
 * a reader sees where a name from the Dockerfile goes, not a `%s`.
 */
export function messageTemplateHtml(message: string): string {
  const numbered = (message.match(/%[sqvd]/g) ?? []).length > 1;
  let n = 0;
  return escapeHtml(message).replace(/%[sqvd]/g, (verb) => {
    const slot = `<var>value${numbered ? ` ${++n}` : ''}</var>`;
    return verb === '%q' ? `"${slot}"` : slot;
  });
}

/** The message the rule gives for its first "reported" example, as the analyzer writes it. */
export function exampleMessage(page: RulePage): string | undefined {
  const example = page.examples.bad[0];
  if (!example) return undefined;
  const analysis = analyze(example.dockerfile, { ...example.options, dockerignore: example.dockerignore });
  return analysis.findings.find((f) => f.rule === page.name)?.message;
}

export const severityLabel: Record<Severity, string> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Info',
};

export const originLabel: Record<RulePage['origin'], string> = {
  buildkit: 'BuildKit build check',
  layerwise: 'Layerwise',
};

/** The rule page's examples, as `<LiveExample>` props (the page and its embeds render the same). */
export interface RuleExampleGroup {
  readonly id: 'reported' | 'not-reported';
  readonly heading: string;
  readonly items: readonly LiveExampleProps[];
}

/**
 * Readable ids, which are also the anchors: `bad`, `bad-2`, `good`… The pages numbered them
 * `example-bad-1`, `example-good-2` before: those stay as aliases, so old links still land.
 */
export function ruleExampleGroups(page: RulePage): RuleExampleGroup[] {
  const isBuildError = page.name === 'BuildError';
  const items = (list: readonly RuleExample[], kind: 'bad' | 'good'): LiveExampleProps[] => {
    const label =
      kind === 'bad'
        ? isBuildError
          ? 'BuildKit refuses this Dockerfile'
          : `${page.name} reports this`
        : isBuildError
          ? 'BuildKit accepts this Dockerfile'
          : `${page.name} does not report this`;
    return list.map((example, i) => {
      const id = i === 0 ? kind : `${kind}-${i + 1}`;
      return {
        id,
        anchor: id,
        aliases: [`example-${kind}-${i + 1}`],
        title: list.length > 1 ? `${label} (${i + 1} of ${list.length})` : label,
        code: example.dockerfile,
        dockerignore: example.dockerignore,
        buildArgs: example.options?.buildArgs,
        target: example.options?.target,
        mergeOp: example.options?.mergeOp,
      };
    });
  };
  const groups: RuleExampleGroup[] = [
    { id: 'reported', heading: isBuildError ? 'Refused' : 'Reported', items: items(page.examples.bad, 'bad') },
    { id: 'not-reported', heading: isBuildError ? 'Accepted' : 'Not reported', items: items(page.examples.good, 'good') },
  ];
  return groups.filter((group) => group.items.length > 0);
}

/** A rule page's path. */
export const rulePath = (page: RulePage) => `/rules/${page.slug}/`;

/**
 * The rule reference, derived from the rule registry through `rules/docs.ts`: one page per
 * rule at `/rules/<slug>/`, plus BuildError (the findings that carry BuildKit's own refusal),
 * so a page can never exist without its rule, nor a rule without its page.
 * (The leading underscore keeps this module out of Astro's routes.)
 */
import { micromark } from 'micromark';
import { analyze } from '../../analyzer/index.ts';
import type { Severity } from '../../analyzer/core/diagnostic.ts';
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

/**
 * The rule reference, derived from the rule registry through `rules/docs.ts`: one page per
 * rule at `/rules/<slug>/`, plus BuildError (the findings that carry BuildKit's own refusal),
 * so a page can never exist without its rule, nor a rule without its page.
 * (The leading underscore keeps this module out of Astro's routes.)
 */
import { micromark } from 'micromark';
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

export const severityLabel: Record<Severity, string> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Info',
};

export const originLabel: Record<RulePage['origin'], string> = {
  buildkit: 'BuildKit build check',
  layerwise: 'Layerwise',
};

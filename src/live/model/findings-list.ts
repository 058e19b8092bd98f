/**
 * The findings list as the island shows it: findings of one rule that repeat are one group,
 * and a filter per severity present. Pure, shared by FindingsList.astro (first render) and
 * lists.ts (every later one), so both build the same markup from the same data.
 */
import type { Severity } from '../../analyzer/index.ts';
import type { FindingView } from './view-model.ts';

/** Severities in the order the filter shows them. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export interface FindingGroup {
  readonly rule: string;
  readonly severity: Severity;
  readonly href?: string;
  /** In file order; one item for a finding that does not repeat. */
  readonly items: readonly FindingView[];
}

/**
 * One group per rule and severity, placed where its first finding is (the findings arrive in
 * file order), so a rule that fires on many lines takes one line of the list until opened.
 */
export function groupFindings(findings: readonly FindingView[]): FindingGroup[] {
  const groups = new Map<string, { rule: string; severity: Severity; href?: string; items: FindingView[] }>();
  for (const finding of findings) {
    const key = `${finding.severity} ${finding.rule}`;
    const group = groups.get(key);
    if (group) group.items.push(finding);
    else groups.set(key, { rule: finding.rule, severity: finding.severity, href: finding.href, items: [finding] });
  }
  return [...groups.values()];
}

/** How many findings of each severity there are, for the severities present. */
export function severityCounts(findings: readonly FindingView[]): { severity: Severity; count: number }[] {
  return SEVERITIES.map((severity) => ({ severity, count: findings.filter((f) => f.severity === severity).length })).filter((s) => s.count > 0);
}

const LABELS: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Info' };

/** The severity's name in the filter: `Warnings`. */
export const severityName = (severity: Severity) => LABELS[severity];

/** The filter button's text: `Warnings (3)`. */
export const severityLabel = (severity: Severity, count: number) => `${LABELS[severity]} (${count})`;

/** Where a finding is: `line 3`, and its stage when the file has several. */
export const findingPlace = (f: FindingView) => `line ${f.line}${f.stage ? `, stage ${f.stage}` : ''}`;

/** A group's summary after the rule name: `7 findings`. */
export const groupCount = (group: FindingGroup) => `${group.items.length} findings`;

/**
 * The policy builder's outputs, pure: the Markdown policy to paste (each point and rule
 * linked to its anchor on the site), the `.layerwise.yaml` the CLI reads (keys `ignore`,
 * `severity`, `failOn`, as the CLI's config schema defines them), and the share link's query
 * that restores the choices. The page renders the defaults at build time (the policy readable
 * without JavaScript); the builder script reruns these on every change.
 */
import type { PolicyPoint } from './policy-points.ts';

export type Level = 'error' | 'warning' | 'info';
export type RuleLevel = Level | 'off';
export type FailOn = Level | 'none';
export const RULE_LEVELS: readonly RuleLevel[] = ['error', 'warning', 'info', 'off'];
export const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'info', 'none'];

/** What the builder needs to know about a rule: its page and its own severity. */
export interface PolicyRule {
  readonly name: string;
  readonly slug: string;
  readonly severity: Level;
}

export interface PolicyChoices {
  /** The chosen points' ids, in the policy's order. */
  readonly points: readonly string[];
  /** Levels that differ from the rules' own. */
  readonly severity: Readonly<Record<string, RuleLevel>>;
  readonly failOn: FailOn;
}

export interface PolicyContext {
  readonly points: readonly PolicyPoint[];
  readonly rules: readonly PolicyRule[];
  /** The site's origin, e.g. `https://layerwise.dev`: the policy's links are absolute. */
  readonly site: string;
}

export const defaultChoices = (context: PolicyContext): PolicyChoices => ({ points: context.points.map((p) => p.id), severity: {}, failOn: 'error' });

const ruleOf = (context: PolicyContext, name: string) => context.rules.find((r) => r.name === name);

/** A rule's level under the choices: its own unless changed. */
export function levelOf(context: PolicyContext, choices: PolicyChoices, name: string): RuleLevel {
  return choices.severity[name] ?? ruleOf(context, name)?.severity ?? 'warning';
}

const failText: Record<FailOn, string> = {
  error: 'findings of severity error fail the build',
  warning: 'findings of severity warning or error fail the build',
  info: 'any finding fails the build',
  none: 'findings are reported and never fail the build',
};

/** The Markdown policy for a team's style guide. */
export function policyMarkdown(context: PolicyContext, choices: PolicyChoices): string {
  const url = (path: string) => `${context.site}${path}`;
  const lines = ['## COPY and COPY --link', ''];
  for (const point of context.points) {
    if (!choices.points.includes(point.id)) continue;
    let line = `- **[${point.id}](${url(`/style-guide/#${point.anchor}`)})** ${point.text.replace('{failOn}', failText[choices.failOn])}`;
    const checked = point.rules
      .filter((name) => levelOf(context, choices, name) !== 'off')
      .map((name) => `[${name}](${url(`/rules/${ruleOf(context, name)?.slug ?? ''}/`)}) (${levelOf(context, choices, name)})`);
    if (checked.length > 0) line += ` Checked by ${checked.join(', ')}.`;
    lines.push(line);
  }
  if (lines.length === 2) lines.push('_No points chosen._');
  lines.push('', `Rules: ${url('/rules/')} · Enforced with \`layerwise lint\` and \`.layerwise.yaml\`: ${url('/cli/')}`);
  return `${lines.join('\n')}\n`;
}

/**
 * The CLI config: `failOn`; `ignore` for the rules of points left out; `severity` for every
 * level that differs from the rule's own (`off` included).
 */
export function policyYaml(context: PolicyContext, choices: PolicyChoices): string {
  const ignored = context.points.filter((p) => !choices.points.includes(p.id)).flatMap((p) => p.rules);
  const changed = Object.entries(choices.severity).filter(
    ([name, level]) => !ignored.includes(name) && ruleOf(context, name) && level !== ruleOf(context, name)!.severity,
  );
  const lines = [`# .layerwise.yaml: the COPY and COPY --link policy from ${context.site}/style-guide/`, `failOn: ${choices.failOn}`];
  if (ignored.length > 0) lines.push(`ignore: [${ignored.join(', ')}]`);
  if (changed.length > 0) lines.push('severity:', ...changed.map(([name, level]) => `  ${name}: ${level}`));
  return `${lines.join('\n')}\n`;
}

/** The share link's query: `points=1,2,5&severity=LinkMergeChain:off&failOn=warning` (defaults left out). */
export function choicesQuery(context: PolicyContext, choices: PolicyChoices): string {
  const params = new URLSearchParams();
  if (choices.points.length !== context.points.length) params.set('points', choices.points.map((id) => id.replace(/^P/, '')).join(',') || 'none');
  const changed = Object.entries(choices.severity).filter(([name, level]) => ruleOf(context, name) && level !== ruleOf(context, name)!.severity);
  if (changed.length > 0) params.set('severity', changed.map(([name, level]) => `${name}:${level}`).join(','));
  if (choices.failOn !== 'error') params.set('failOn', choices.failOn);
  return params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
}

/** Choices from a share link's query; anything unknown is left out, never an error. */
export function choicesFromQuery(context: PolicyContext, search: string): PolicyChoices {
  const params = new URLSearchParams(search);
  const defaults = defaultChoices(context);
  const points = params.get('points');
  const chosen =
    points === null
      ? defaults.points
      : context.points.map((p) => p.id).filter((id) => points.split(',').some((n) => `P${n.trim()}` === id || n.trim() === id));
  const severity: Record<string, RuleLevel> = {};
  for (const pair of (params.get('severity') ?? '').split(',')) {
    const [name, level] = pair.split(':');
    const rule = name ? ruleOf(context, name) : undefined;
    if (rule && (RULE_LEVELS as readonly string[]).includes(level) && level !== rule.severity) severity[rule.name] = level as RuleLevel;
  }
  const failOn = params.get('failOn');
  return { points: chosen, severity, failOn: (FAIL_ON as readonly string[]).includes(failOn ?? '') ? (failOn as FailOn) : defaults.failOn };
}

/** Whether a query carries builder choices at all (the page then wakes the builder at once). */
export const hasChoices = (search: string) => /[?&](points|severity|failOn)=/.test(search);

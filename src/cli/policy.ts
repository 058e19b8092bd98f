/**
 * A team's rule policy on top of what the analyzer reports. Precedence, highest first:
 *
 *   1. flags: --ignore RULE, --severity RULE=LEVEL, --fail-on LEVEL, --no-fail, --preset NAME
 *   2. the config file: ignore, severity, failOn (over its preset's settings)
 *   3. the Dockerfile: BuildKit's `# check=` directive, or the BUILDKIT_DOCKERFILE_CHECK build
 *      arg, which replaces it as in BuildKit (skip=, experimental=, error=true)
 *
 * A finding a directive skipped is never produced, so a policy can only see it when the config
 * sets `allowInlineSkips: false` (the analyzer's `inlineSkips: false`): the file's directive and
 * the `# check=skip=` comments above instructions then skip nothing (their `experimental=` and
 * `error=` stay). A BUILDKIT_DOCKERFILE_CHECK given as a flag or in the config is the team's own
 * choice and applies as given.
 */
import type { Diagnostic } from '../analyzer/core/diagnostic.ts';
import type { OptionSpec, OptionValues } from './args.ts';
import { PRESETS } from './config/presets.ts';
import { checkRuleName, type Config, FAIL_ON, type FailOn, LEVELS, type Level, PRESET_NAMES, type PresetName, RULE_LEVELS, type RuleLevel } from './config/schema.ts';
import { UsageError } from './io.ts';

export const POLICY_OPTIONS = {
  preset: {
    kind: 'string',
    value: PRESET_NAMES.join('|'),
    help: 'Start from a named policy (the config may name one too).',
    default: 'recommended',
    example: '--preset link-focus',
  },
  ignore: { kind: 'repeat', value: 'RULE', help: 'Never report this rule; repeatable.', default: 'none', example: '--ignore LegacyKeyValueFormat' },
  severity: {
    kind: 'repeat',
    value: 'RULE=LEVEL',
    help: `Report a rule at this level (${RULE_LEVELS.join(', ')}); repeatable.`,
    default: "the rule's own level",
    example: '--severity JSONArgsRecommended=info',
  },
  'fail-on': {
    kind: 'string',
    value: FAIL_ON.join('|'),
    help: 'Exit 1 when a finding is at this level or above.',
    default: 'error',
    example: '--fail-on warning',
  },
  'no-fail': { kind: 'boolean', help: 'Exit 0 whatever the findings (same as --fail-on none).', default: 'off', example: '--no-fail' },
} as const satisfies OptionSpec;

export interface Policy {
  readonly levels: ReadonlyMap<string, RuleLevel>;
  readonly failOn: FailOn;
  readonly allowInlineSkips: boolean;
}

export function resolvePolicy(config: Config, flags: Readonly<OptionValues>): Policy {
  const presetName = (flags.preset as string | undefined) ?? config.preset ?? 'recommended';
  if (!(PRESET_NAMES as readonly string[]).includes(presetName)) throw new UsageError(`--preset must be one of ${PRESET_NAMES.join(', ')}`);
  const preset = PRESETS[presetName as PresetName];
  const levels = new Map<string, RuleLevel>();
  for (const layer of [preset, config, flagLayer(flags)]) {
    for (const [rule, level] of Object.entries(layer.severity ?? {})) levels.set(rule, level);
    for (const rule of layer.ignore ?? []) levels.set(rule, 'off');
  }
  const failOnFlag = flags['no-fail'] === true ? 'none' : (flags['fail-on'] as string | undefined);
  if (failOnFlag !== undefined && !(FAIL_ON as readonly string[]).includes(failOnFlag)) throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}`);
  return {
    levels,
    failOn: (failOnFlag as FailOn | undefined) ?? config.failOn ?? preset.failOn ?? 'error',
    allowInlineSkips: config.allowInlineSkips ?? true,
  };
}

function flagLayer(flags: Readonly<OptionValues>): Config {
  const errors: string[] = [];
  const ignore = ((flags.ignore as string[] | undefined) ?? []).filter((rule) => checkRuleName('--ignore', rule, errors));
  const severity: Record<string, RuleLevel> = {};
  for (const pair of (flags.severity as string[] | undefined) ?? []) {
    const eq = pair.indexOf('=');
    const [rule, level] = eq === -1 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
    if (!checkRuleName('--severity', rule, errors)) continue;
    if ((RULE_LEVELS as readonly string[]).includes(level)) severity[rule] = level as RuleLevel;
    else errors.push(`--severity needs RULE=LEVEL with LEVEL one of ${RULE_LEVELS.join(', ')}, got ${JSON.stringify(pair)}`);
  }
  if (errors.length) throw new UsageError(errors.join('; '));
  return { ignore, severity };
}

/** The findings the policy keeps, at the levels it gives them. BuildError is never touched. */
export function applyPolicy(findings: readonly Diagnostic[], policy: Policy): Diagnostic[] {
  if (policy.levels.size === 0) return [...findings];
  const out: Diagnostic[] = [];
  for (const finding of findings) {
    const level = policy.levels.get(finding.rule);
    if (level === 'off') continue;
    out.push(level === undefined || level === finding.severity ? finding : { ...finding, severity: level });
  }
  return out;
}

/** Whether any finding reaches the fail level. */
export function fails(findings: Iterable<Diagnostic>, failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  const threshold = LEVELS.indexOf(failOn);
  for (const finding of findings) if (LEVELS.indexOf(finding.severity as Level) <= threshold) return true;
  return false;
}

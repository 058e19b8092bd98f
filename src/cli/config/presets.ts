/**
 * Named starting points for a policy (`preset:` in the config, or `--preset`). A config's own
 * settings apply on top of its preset.
 */
import type { Config, PresetName } from './schema.ts';

/** BuildKit's checks about spelling and form rather than what the build does. */
export const BUILDKIT_STYLE_RULES = [
  'ConsistentInstructionCasing',
  'ExposeProtoCasing',
  'FromAsCasing',
  'JSONArgsRecommended',
  'LegacyKeyValueFormat',
  'MaintainerDeprecated',
  'NoEmptyContinuation',
  'StageNameCasing',
] as const;

export const PRESETS: Readonly<Record<PresetName, Config>> = {
  /** Every rule at its own level; fail on errors. The default. */
  recommended: {},
  /** BuildKit's style checks at info, so the --link and COPY findings stand out. */
  'link-focus': { severity: Object.fromEntries(BUILDKIT_STYLE_RULES.map((rule) => [rule, 'info'])) },
  /** Fail on warnings too. */
  strict: { failOn: 'warning' },
};

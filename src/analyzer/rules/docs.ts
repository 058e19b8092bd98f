/**
 * What rule pages, hovers and reports need, derived from the rule modules: one source of truth.
 */
import { BUILD_ERROR, type Severity } from '../core/diagnostic.ts';
import { ruleSlug, type Rule, type RuleChange, type RuleExample } from './define-rule.ts';
import { ruleByName, rules } from './registry.ts';

/** The site the rule pages live on; the CLI takes `--docs-base` or `LAYERWISE_DOCS_BASE` instead. */
export const DEFAULT_DOCS_BASE = 'https://layerwise.dev';

/** `https://layerwise.dev/rules/link-chown-by-name/` for a rule name (BuildError included). */
export function docsUrl(name: string, base: string = DEFAULT_DOCS_BASE): string {
  return `${base.replace(/\/+$/, '')}/rules/${ruleSlug(name)}/`;
}

/** BuildKit's own page for its checks (InvalidBaseImagePlatform has none). */
export function buildkitDocsUrl(rule: Rule): string | undefined {
  if (rule.origin !== 'buildkit' || rule.name === 'InvalidBaseImagePlatform') return undefined;
  return `https://docs.docker.com/go/dockerfile/rule/${ruleSlug(rule.name)}/`;
}

export interface RulePage {
  readonly name: string;
  readonly slug: string;
  readonly title: string;
  readonly severity: Severity;
  readonly message: string;
  readonly description: string;
  readonly origin: 'buildkit' | 'layerwise';
  readonly experimental: boolean;
  /** Set when the analyzer documents the rule but cannot check it. */
  readonly unchecked?: string;
  readonly examples: { readonly bad: readonly RuleExample[]; readonly good: readonly RuleExample[] };
  /** The comment that silences it: as a directive for the file, or above one instruction. */
  readonly silence: string;
  /** How to turn it on, for experimental rules. */
  readonly enable?: string;
  /** BuildKit's page, for BuildKit's checks. */
  readonly upstream?: string;
  /** Whether a `# check=skip=` comment above a single instruction silences it (BuildKit: not for file-wide checks). */
  readonly perInstruction: boolean;
  /** The version that added it, and its changes since, oldest first. */
  readonly since: string;
  readonly changes: readonly RuleChange[];
}

/**
 * The pseudo-rule of findings that make BuildKit refuse the Dockerfile. It is not in the
 * registry (it cannot be skipped) but has a page, and SARIF lists it.
 */
export const buildErrorRule: Omit<Rule, 'check'> = {
  name: BUILD_ERROR,
  since: '0.1.0',
  title: 'BuildKit refuses this Dockerfile',
  severity: 'error',
  message: '%s',
  description:
    'A finding of this kind carries the error BuildKit itself reports when it refuses to build the ' +
    'Dockerfile (a parse error, an unknown flag, a stage that does not exist, …), in BuildKit\'s own ' +
    'words. Unlike the checks, it cannot be skipped: the build fails until the file is fixed.',
  origin: 'buildkit',
  examples: {
    bad: [{ dockerfile: 'FROM alpine\nRUNN make\n' }],
    good: [{ dockerfile: 'FROM alpine\nRUN make\n' }],
  },
};

export function rulePage(rule: Omit<Rule, 'check'>): RulePage {
  const experimental = rule.experimental === true;
  const upstream = 'check' in rule ? buildkitDocsUrl(rule as Rule) : undefined;
  return {
    name: rule.name,
    slug: ruleSlug(rule.name),
    since: rule.since,
    changes: rule.changes ?? [],
    title: rule.title,
    severity: rule.severity,
    message: rule.message,
    description: rule.description,
    origin: rule.origin,
    experimental,
    ...(rule.unchecked ? { unchecked: rule.unchecked } : {}),
    examples: rule.examples,
    silence:
      rule.name === BUILD_ERROR
        ? 'It cannot be silenced.'
        : experimental
          ? `Off unless enabled: leave it out of # check=experimental=`
          : `# check=skip=${rule.name}`,
    ...(experimental ? { enable: `# check=experimental=${rule.name}` } : {}),
    ...(upstream ? { upstream } : {}),
    perInstruction: rule.name !== BUILD_ERROR && rule.instructionComments !== false,
  };
}

/** Every rule page, sorted by name (BuildError not included: see `buildErrorRule`). */
export function rulePages(): RulePage[] {
  return rules.map(rulePage);
}

/** Metadata for a finding's rule name: a registered rule or BuildError. */
export function ruleInfo(name: string): Omit<Rule, 'check'> | undefined {
  return name === BUILD_ERROR ? buildErrorRule : ruleByName(name);
}

import type { Severity } from '../core/diagnostic.ts';
import type { Span } from '../core/span.ts';
import type { BuildGraph } from '../graph/model.ts';
import type { DockerfileModel, EvaluatedBuild } from '../instructions/model.ts';
import type { SyntaxTree } from '../parse/tree.ts';

/** Everything upstream of the rules, read-only. */
export interface RuleContext {
  readonly tree: SyntaxTree;
  readonly model: DockerfileModel;
  readonly build: EvaluatedBuild;
  readonly graph: BuildGraph;
  /** Text of the `.dockerignore` beside the Dockerfile, when there is one. */
  readonly dockerignore?: string;
}

export type Report = (at: Span, ...data: readonly string[]) => void;

export interface RuleExample {
  readonly dockerfile: string;
  readonly dockerignore?: string;
}

/**
 * A rule, declared once. Its docs page, editor hover, SARIF metadata and CLI output are
 * all derived from this object, so none of them can drift from the check itself.
 */
export interface Rule {
  /** PascalCase, permanent: BuildKit's name for its checks. */
  readonly name: string;
  /** One line, for the rules index and hovers. */
  readonly title: string;
  readonly severity: Severity;
  /** `%s` placeholders filled from the data passed to `report`, in order. */
  readonly message: string;
  /** Why it matters, in a few sentences of Markdown. */
  readonly description: string;
  /** `buildkit`: one of BuildKit's build checks; `layerwise`: ours. */
  readonly origin: 'buildkit' | 'layerwise';
  /** BuildKit experimental rules run only when enabled with `# check=experimental=`. */
  readonly experimental?: boolean;
  /** Rules we document but cannot check (e.g. they need registry data). */
  readonly unchecked?: string;
  readonly examples: { readonly bad: readonly RuleExample[]; readonly good: readonly RuleExample[] };
  readonly check: (context: RuleContext, report: Report) => void;
}

/** Only types the declaration; the slug is derived, never written by hand. */
export function defineRule(rule: Rule): Rule {
  return rule;
}

/** `LinkDisabledByChmod` → `link-disabled-by-chmod`; `JSONArgsRecommended` → `json-args-recommended`. */
export function ruleSlug(name: string): string {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
}

import { goQuote } from '../core/go-strings.ts';
import type { Severity } from '../core/diagnostic.ts';
import type { Span } from '../core/span.ts';
import type { BuildGraph } from '../graph/model.ts';
import type { BuildOptions, DockerfileModel, EvaluatedBuild } from '../instructions/model.ts';
import type { SyntaxTree } from '../parse/tree.ts';

/** Everything upstream of the rules, read-only. */
export interface RuleContext {
  readonly tree: SyntaxTree;
  readonly model: DockerfileModel;
  readonly build: EvaluatedBuild;
  readonly graph: BuildGraph;
  /** Text of the `.dockerignore` beside the Dockerfile, when there is one. */
  readonly dockerignore?: string;
  /**
   * false: the Dockerfile's own `# check=skip=` (file directive and comments above
   * instructions) hides nothing, for a team policy that must see every finding. Default true.
   */
  readonly inlineSkips?: boolean;
  /** The build request (target, build args, MergeOp support) the build was evaluated for. */
  readonly options?: BuildOptions;
  /** Set by lint() for one run: the views several rules share, computed once (support/shared.ts). */
  readonly shared?: Map<object, unknown>;
}

export type Report = (at: Span, ...data: readonly string[]) => void;

export interface RuleExample {
  readonly dockerfile: string;
  readonly dockerignore?: string;
  /** Build options the example needs (e.g. a target), when not the defaults. */
  readonly options?: BuildOptions;
}

/** One change to a rule after it was added: the Layerwise version, and what changed (one Markdown sentence). */
export interface RuleChange {
  readonly version: string;
  readonly change: string;
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
  /**
   * The Layerwise version (package.json's) that added the rule: style guides pin what they
   * link to. The rule page and /changelog/ read it from here.
   */
  readonly since: string;
  /** Later changes to what the rule reports or says, oldest first (a new version each). */
  readonly changes?: readonly RuleChange[];
  readonly severity: Severity;
  /**
   * The message template: `%s` (and `%v`) are replaced by the data passed to `report`, in
   * order; `%q` by the same data quoted as Go's `%q` quotes it (BuildKit's templates use both).
   */
  readonly message: string;
  /**
   * For messages with an optional tail (BuildKit's `(did you mean …?)`): builds the text from
   * the reported data instead of the template. The template stays what the docs show.
   */
  readonly format?: (...data: readonly string[]) => string;
  /** Why it matters, in a few sentences of Markdown. */
  readonly description: string;
  /** `buildkit`: one of BuildKit's build checks; `layerwise`: ours. */
  readonly origin: 'buildkit' | 'layerwise';
  /** BuildKit experimental rules run only when enabled with `# check=experimental=`. */
  readonly experimental?: boolean;
  /** Rules we document but cannot check (e.g. they need registry data): why not. */
  readonly unchecked?: string;
  /**
   * BuildKit runs a few checks with the file-wide configuration only, so a
   * `# check=skip=` comment above one instruction does not silence them. False for those.
   */
  readonly instructionComments?: boolean;
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

/** Fills a message template from reported data (see `Rule.message`). */
export function formatMessage(rule: Pick<Rule, 'message' | 'format'>, data: readonly string[]): string {
  if (rule.format) return rule.format(...data);
  let next = 0;
  return rule.message.replace(/%[sqv%]/g, (verb) => {
    if (verb === '%%') return '%';
    const value = data[next++] ?? '';
    return verb === '%q' ? goQuote(value) : value;
  });
}

import type { Span } from './span.ts';

export type Severity = 'error' | 'warning' | 'info';

/**
 * Everything the analyzer has to say about a Dockerfile, from any stage of the pipeline.
 *
 * `rule` is a PascalCase rule name (BuildKit's build checks and ours, see `rules/`),
 * or `BuildError` for the errors that make BuildKit refuse the Dockerfile. For a
 * `BuildError` the message is BuildKit's own text, exactly as it prints it after
 * `ERROR ` (for example `dockerfile parse error on line 2: unknown flag: exclude`).
 */
export interface Diagnostic {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  /** The stage the finding lies in (set by `analyze()`); absent before the first FROM. */
  readonly stage?: StageRef;
}

/** A stage as BuildKit names it: its `AS` name (lower-cased), else `stage-<index>`. */
export interface StageRef {
  readonly index: number;
  readonly name: string;
}

export const BUILD_ERROR = 'BuildError';

export function buildError(message: string, at: Span): Diagnostic {
  return { rule: BUILD_ERROR, severity: 'error', message, span: at };
}

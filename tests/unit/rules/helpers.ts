import { analyze, type AnalyzeOptions } from '../../../src/analyzer/index.ts';
import { rangeOf } from '../../../src/analyzer/core/span.ts';

/** A finding as the tables state it: `LINE:COL-LINE:COL` (1-based, end exclusive), severity and message. */
export interface Hit {
  readonly at: string;
  readonly severity: string;
  readonly message: string;
}

export function hitsOf(rule: string, dockerfile: string, options: AnalyzeOptions = {}): Hit[] {
  const analysis = analyze(dockerfile, options);
  return analysis.findings
    .filter((finding) => finding.rule === rule)
    .map((finding) => {
      const range = rangeOf(analysis.lineStarts, finding.span);
      return {
        at: `${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column}`,
        severity: finding.severity,
        message: finding.message,
      };
    });
}

export interface Case {
  readonly name: string;
  readonly dockerfile: string;
  readonly options?: AnalyzeOptions;
  /** `[range, message]` pairs, in source order; empty for a good case. */
  readonly expect: readonly (readonly [string, string])[];
}

/** Table rows for `it.each`: the rule's findings must be exactly the expected ones. */
export function expectHits(rule: string, severity: string, row: Case): { actual: Hit[]; expected: Hit[] } {
  return {
    actual: hitsOf(rule, row.dockerfile, row.options),
    expected: row.expect.map(([at, message]) => ({ at, severity, message })),
  };
}

/**
 * Findings as versioned JSON:
 * `{"version":1,"findings":[{"file","rule","severity","message","range":{"start":{"line","column"},"end":{…}},"docs","stage"?}]}`,
 * lines and columns 1-based, columns in UTF-16 code units, `end` exclusive. `stage` (`{"index","name"}`)
 * is added for findings inside a stage; version 1 consumers ignore it.
 */
import type { Diagnostic } from '../core/diagnostic.ts';
import { lineStarts, rangeOf, type LineColumnRange } from '../core/span.ts';
import { DEFAULT_DOCS_BASE, docsUrl } from '../rules/docs.ts';

export interface FileFindings {
  /** The path as the user gave it (`-` for standard input). */
  readonly file: string;
  readonly source: string;
  readonly findings: readonly Diagnostic[];
  /** Line starts of `source`, when already computed (e.g. by `analyze()`). */
  readonly lineStarts?: readonly number[];
}

export interface RenderOptions {
  /** Base URL of the site with the rule pages (default https://layerwise.dev). */
  readonly docsBase?: string;
}

export interface LocatedFinding extends Diagnostic {
  readonly file: string;
  readonly range: LineColumnRange;
  readonly docs: string;
}

/** Every finding with its file, 1-based range and docs URL, in file order then position. */
export function locate(files: readonly FileFindings[], options: RenderOptions = {}): LocatedFinding[] {
  const base = options.docsBase ?? DEFAULT_DOCS_BASE;
  return files.flatMap(({ file, source, findings, lineStarts: starts }) => {
    const lines = starts ?? lineStarts(source);
    return [...findings]
      .sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end)
      .map((finding) => ({ ...finding, file, range: rangeOf(lines, finding.span), docs: docsUrl(finding.rule, base) }));
  });
}

export interface FindingsJson {
  readonly version: 1;
  readonly findings: readonly {
    readonly file: string;
    readonly rule: string;
    readonly severity: 'error' | 'warning' | 'info';
    readonly message: string;
    readonly range: {
      readonly start: { readonly line: number; readonly column: number };
      readonly end: { readonly line: number; readonly column: number };
    };
    readonly docs: string;
    readonly stage?: { readonly index: number; readonly name: string };
  }[];
}

export function findingsJson(files: readonly FileFindings[], options: RenderOptions = {}): FindingsJson {
  return {
    version: 1,
    findings: locate(files, options).map((f) => ({
      file: f.file,
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      range: {
        start: { line: f.range.start.line, column: f.range.start.column },
        end: { line: f.range.end.line, column: f.range.end.column },
      },
      docs: f.docs,
      ...(f.stage ? { stage: { index: f.stage.index, name: f.stage.name } } : {}),
    })),
  };
}

export function renderFindingsJson(files: readonly FileFindings[], options: RenderOptions = {}): string {
  return JSON.stringify(findingsJson(files, options), null, 2) + '\n';
}

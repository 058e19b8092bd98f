/**
 * Compiler-style lines: `FILE:LINE:COL: SEVERITY RULE-ID message [stage NAME] (DOCS-URL)`; the
 * stage note is left out for findings before the first FROM.
 */
import { type FileFindings, locate, type RenderOptions } from './findings-json.ts';

export function renderFindingsText(files: readonly FileFindings[], options: RenderOptions = {}): string {
  return locate(files, options)
    .map((f) => `${f.file}:${f.range.start.line}:${f.range.start.column}: ${f.severity} ${f.rule} ${oneLine(f.message)}${f.stage ? ` [stage ${f.stage.name}]` : ''} (${f.docs})\n`)
    .join('');
}

/** Messages are one line; BuildKit's parse errors can quote text with newlines. */
function oneLine(message: string): string {
  return message.replace(/\r?\n/g, '\\n');
}

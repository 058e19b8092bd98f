/**
 * Compiler-style lines, exactly as interfaces.md fixes them: `FILE:LINE:COL: SEVERITY RULE-ID
 * message (DOCS-URL)`. A finding's stage is in the JSON and SARIF output, which may add fields;
 * this line may not, since scripts split it.
 */
import { type FileFindings, locate, type RenderOptions } from './findings-json.ts';

export function renderFindingsText(files: readonly FileFindings[], options: RenderOptions = {}): string {
  return locate(files, options)
    .map((f) => `${f.file}:${f.range.start.line}:${f.range.start.column}: ${f.severity} ${f.rule} ${oneLine(f.message)} (${f.docs})\n`)
    .join('');
}

/** Messages are one line; BuildKit's parse errors can quote text with newlines. */
function oneLine(message: string): string {
  return message.replace(/\r?\n/g, '\\n');
}

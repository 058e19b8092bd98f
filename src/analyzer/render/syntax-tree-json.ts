/**
 * `layerwise ast --format json`: the syntax tree's own fields, every span replaced by a
 * line/column/offset range (documented in the README, versioned with `version`).
 */
import type { Diagnostic } from '../core/diagnostic.ts';
import { rangeOf, type LineColumnRange, type Span } from '../core/span.ts';
import type { InstructionNode, SyntaxTree, Word } from '../parse/tree.ts';

export function syntaxTreeJson(tree: SyntaxTree, starts: readonly number[]) {
  const range = (s: Span): LineColumnRange => rangeOf(starts, s);
  const word = (w: Word) => ({ value: w.value, range: range(w.span) });
  const instruction = (n: InstructionNode): Record<string, unknown> => ({
    keyword: n.keyword,
    command: n.command,
    range: range(n.span),
    keywordRange: range(n.keywordSpan),
    startLine: n.startLine,
    endLine: n.endLine,
    flags: n.flags.map(word),
    args: n.args.map(word),
    json: n.json,
    original: n.original,
    heredocs: n.heredocs.map((h) => ({
      name: h.name,
      expand: h.expand,
      chomp: h.chomp,
      fileDescriptor: h.fileDescriptor,
      content: h.content,
      range: range(h.span),
      bodyRange: range(h.bodySpan),
    })),
    comments: n.comments,
    emptyContinuation: n.emptyContinuation,
    ...(n.trigger ? { trigger: instruction(n.trigger) } : {}),
  });
  const diagnostic = (d: Diagnostic) => ({ rule: d.rule, severity: d.severity, message: d.message, range: range(d.span) });
  return {
    version: 1,
    escape: tree.escape,
    directives: tree.directives.map((d) => ({ name: d.name, value: d.value, range: range(d.span) })),
    instructions: tree.instructions.map(instruction),
    diagnostics: tree.diagnostics.map(diagnostic),
  };
}

export function renderSyntaxTreeJson(tree: SyntaxTree, starts: readonly number[]): string {
  return JSON.stringify(syntaxTreeJson(tree, starts), null, 2) + '\n';
}

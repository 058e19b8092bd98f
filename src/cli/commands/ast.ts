import { BUILD_ERROR, type Diagnostic } from '../../analyzer/core/diagnostic.ts';
import { lineStarts, rangeOf, type LineColumnRange, type Span } from '../../analyzer/core/span.ts';
import { dump } from '../../analyzer/parse/dump.ts';
import { parse } from '../../analyzer/parse/parse.ts';
import type { InstructionNode, SyntaxTree, Word } from '../../analyzer/parse/tree.ts';
import { oneOf, parseArgs } from '../args.ts';
import { IMAGE_OPTIONS } from '../images.ts';
import { readDockerfile, UsageError, type Io } from '../io.ts';

/**
 * `layerwise ast [--format buildkit|json] FILE|-`: the syntax tree, either as BuildKit's
 * parser test files print it, or as JSON with source ranges (documented in the README).
 * Exit 1, with one `error:` line on standard error, when BuildKit's parser refuses the file.
 */
export async function run(argv: string[], io: Io): Promise<number> {
  // Image options are accepted on every command; the syntax tree does not depend on them.
  const { options, positionals } = parseArgs(argv, { format: 'string', ...IMAGE_OPTIONS });
  const format = oneOf('format', options.format, ['buildkit', 'json'] as const, 'buildkit');
  if (positionals.length !== 1) throw new UsageError('expects exactly one FILE (or - for standard input)');
  const path = positionals[0];
  const source = await readDockerfile(io, path);
  const tree = parse(source);
  const starts = lineStarts(source);
  const error = tree.diagnostics.find((d) => d.rule === BUILD_ERROR);

  if (format === 'json') io.stdout(JSON.stringify(treeJson(tree, starts), null, 2) + '\n');
  if (error) {
    const { start } = rangeOf(starts, error.span);
    io.stderr(`error: ${error.message} (${path === '-' ? 'stdin' : path}:${start.line})\n`);
    return 1;
  }
  for (const warning of tree.diagnostics) {
    const { start } = rangeOf(starts, warning.span);
    io.stderr(`warning: ${warning.rule}: ${warning.message} (${path === '-' ? 'stdin' : path}:${start.line})\n`);
  }
  if (format === 'buildkit') io.stdout(dump(tree) + '\n');
  return 0;
}

/** The JSON form: the tree's own fields, every span replaced by a line/column/offset range. */
export function treeJson(tree: SyntaxTree, starts: readonly number[]) {
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

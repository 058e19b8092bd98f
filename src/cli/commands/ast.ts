import { BUILD_ERROR } from '../../analyzer/core/diagnostic.ts';
import { lineStarts, rangeOf } from '../../analyzer/core/span.ts';
import { dump } from '../../analyzer/parse/dump.ts';
import { parse } from '../../analyzer/parse/parse.ts';
import { renderSyntaxTreeJson } from '../../analyzer/render/syntax-tree-json.ts';
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

  if (format === 'json') io.stdout(renderSyntaxTreeJson(tree, starts));
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

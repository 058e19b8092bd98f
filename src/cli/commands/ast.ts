import { BUILD_ERROR } from '../../analyzer/core/diagnostic.ts';
import { lineStarts, rangeOf } from '../../analyzer/core/span.ts';
import { dump } from '../../analyzer/parse/dump.ts';
import { parse } from '../../analyzer/parse/parse.ts';
import { renderSyntaxTreeJson } from '../../analyzer/render/syntax-tree-json.ts';
import { formatOption, oneOf } from '../args.ts';
import type { Command } from '../command.ts';
import { IMAGE_OPTIONS } from '../images.ts';
import { readText, UsageError } from '../io.ts';

const FORMATS = ['buildkit', 'json'] as const;

/**
 * `layerwise ast`: the syntax tree, either as BuildKit's parser test files print it, or as
 * JSON with source ranges (documented in the README). Exit 1, with one `error:` line on
 * standard error, when BuildKit's parser refuses the file.
 */
export const ast: Command = {
  name: 'ast',
  summary: "the syntax tree, as BuildKit's parser prints it or as JSON with source ranges",
  operands: 'FILE|-',
  // Image options are accepted on every command; the syntax tree does not depend on them.
  options: { format: formatOption(FORMATS, 'buildkit', 'json'), ...IMAGE_OPTIONS },
  examples: ['layerwise ast Dockerfile', 'layerwise ast --format json - < Dockerfile'],
  exitStatus: "0 parsed, 1 BuildKit's parser refuses the file (one error: line on standard error), 2 usage error.",
  async run({ options, positionals }, io) {
    const format = oneOf('format', options.format, FORMATS, 'buildkit');
    if (positionals.length !== 1) throw new UsageError('expects exactly one FILE (or - for standard input)');
    const path = positionals[0];
    const source = await readText(io, path);
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
  },
};

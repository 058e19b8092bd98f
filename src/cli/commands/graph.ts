import { analyze, firstBuildError } from '../../analyzer/index.ts';
import { renderGraphJson } from '../../analyzer/render/graph-json.ts';
import { renderMermaid } from '../../analyzer/render/mermaid.ts';
import { renderShape } from '../../analyzer/render/shape.ts';
import { ANALYSIS_OPTIONS, analysisOptions } from '../analysis-options.ts';
import { oneOf, parseArgs } from '../args.ts';
import { IMAGE_OPTIONS, imagesOption } from '../images.ts';
import { readDockerfile, UsageError, type Io } from '../io.ts';

/** `layerwise graph [--format shape|json|mermaid] [--target] [--build-arg K=V]… [--no-merge-op] FILE|-` */
export async function run(argv: string[], io: Io): Promise<number> {
  const { options, positionals } = parseArgs(argv, { format: 'string', ...ANALYSIS_OPTIONS, ...IMAGE_OPTIONS });
  const format = oneOf('format', options.format, ['shape', 'json', 'mermaid'] as const, 'mermaid');
  const analyzeOptions = analysisOptions(options);
  if (positionals.length !== 1) throw new UsageError('expects exactly one Dockerfile path (or - for standard input)');
  const text = await readDockerfile(io, positionals[0]);
  const analysis = analyze(text, { ...analyzeOptions, ...(await imagesOption(options, io, text, analyzeOptions)) });
  const error = firstBuildError(analysis);
  if (error) {
    // The shape is what conformance compares: the error is its one line of output.
    if (format === 'shape') io.stdout(`ERROR ${error.message}\n`);
    else io.stderr(`ERROR ${error.message}\n`);
    return 1;
  }
  if (format === 'shape') io.stdout(renderShape(analysis.graph));
  else if (format === 'json') io.stdout(renderGraphJson(analysis.graph));
  else io.stdout(renderMermaid(analysis.graph));
  return 0;
}

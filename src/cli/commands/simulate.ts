import { analyze, firstBuildError } from '../../analyzer/index.ts';
import { renderMermaid } from '../../analyzer/render/mermaid.ts';
import { renderSimulationJson } from '../../analyzer/render/simulation-json.ts';
import { renderSimulationText } from '../../analyzer/render/simulation-text.ts';
import type { Change } from '../../analyzer/simulate/model.ts';
import { parseChange, simulate } from '../../analyzer/simulate/simulate.ts';
import { ANALYSIS_OPTIONS, analysisOptions } from '../analysis-options.ts';
import { oneOf, parseArgs } from '../args.ts';
import { readDockerignore } from '../dockerignore.ts';
import { IMAGE_OPTIONS, imagesOption } from '../images.ts';
import { readDockerfile, UsageError, type Io } from '../io.ts';

/** `layerwise simulate --change base:IMAGE|file:PATH|arg:K=V|line:N … [--format text|json|mermaid] FILE|-` */
export async function run(argv: string[], io: Io): Promise<number> {
  const { options, positionals } = parseArgs(argv, { change: 'repeat', format: 'string', ...ANALYSIS_OPTIONS, ...IMAGE_OPTIONS });
  const format = oneOf('format', options.format, ['text', 'json', 'mermaid'] as const, 'text');
  const written = (options.change as string[] | undefined) ?? [];
  if (written.length === 0) throw new UsageError('needs at least one --change base:IMAGE|file:PATH|arg:KEY=VALUE|line:N');
  const changes: Change[] = [];
  for (const w of written) {
    const change = parseChange(w);
    if (typeof change === 'string') throw new UsageError(change);
    changes.push(change);
  }
  const flags = analysisOptions(options);
  if (positionals.length !== 1) throw new UsageError('expects exactly one Dockerfile path (or - for standard input)');
  const text = await readDockerfile(io, positionals[0]);
  const dockerignore = positionals[0] === '-' ? undefined : await readDockerignore(io, positionals[0]);
  const baseOptions = { ...(dockerignore !== undefined ? { dockerignore } : {}), ...flags };
  const analyzeOptions = { ...baseOptions, ...(await imagesOption(options, io, text, baseOptions)) };
  const analysis = analyze(text, analyzeOptions);
  const error = firstBuildError(analysis);
  if (error) {
    io.stderr(`ERROR ${error.message}\n`);
    return 1;
  }
  const simulation = simulate(analysis, changes, analyzeOptions);
  if (format === 'json') io.stdout(renderSimulationJson(simulation));
  else if (format === 'mermaid') io.stdout(renderMermaid(simulation.graph, { simulation }));
  else io.stdout(renderSimulationText(simulation));
  return 0;
}

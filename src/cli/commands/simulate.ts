import { analyze, firstBuildError } from '../../analyzer/index.ts';
import { renderMermaid } from '../../analyzer/render/mermaid.ts';
import { renderSimulationJson } from '../../analyzer/render/simulation-json.ts';
import { renderSimulationText } from '../../analyzer/render/simulation-text.ts';
import type { Change } from '../../analyzer/simulate/model.ts';
import { parseChange, simulate } from '../../analyzer/simulate/simulate.ts';
import { ANALYSIS_OPTIONS } from '../analysis-options.ts';
import { formatOption, oneOf } from '../args.ts';
import type { Command } from '../command.ts';
import { IMAGE_OPTIONS, imagesOption } from '../images.ts';
import { CONTEXT_OPTION, readDockerignore } from '../dockerignore.ts';
import { UsageError } from '../io.ts';
import { CONFIG_OPTION, contextOption, readAnalysable, setup } from '../setup.ts';

const FORMATS = ['text', 'json', 'mermaid'] as const;

/** `layerwise simulate`: which ops are reused from cache and which rebuild after a change. */
export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'which steps BuildKit reuses from cache and which rebuild after a change',
  operands: 'FILE|-',
  options: {
    change: {
      kind: 'repeat',
      value: 'base:IMAGE|file:PATH|arg:K=V|line:N',
      help: 'What changed: a base image digest, a file in the build context, a build arg, or the instruction on line N; repeatable, at least one.',
      example: '--change file:package.json',
    },
    format: formatOption(FORMATS, 'text', 'json'),
    ...ANALYSIS_OPTIONS,
    ...IMAGE_OPTIONS,
    context: CONTEXT_OPTION,
    config: CONFIG_OPTION,
  },
  examples: ['layerwise simulate --change file:src/main.go Dockerfile', 'layerwise simulate --change base:golang:1.22 --change arg:VERSION=2 --format json Dockerfile'],
  exitStatus: '0 printed, 1 BuildKit would refuse the file (one ERROR line on standard error), 2 usage error.',
  async run({ options, positionals }, io) {
    const format = oneOf('format', options.format, FORMATS, 'text');
    const written = (options.change as string[] | undefined) ?? [];
    if (written.length === 0) throw new UsageError('needs at least one --change base:IMAGE|file:PATH|arg:KEY=VALUE|line:N');
    const changes: Change[] = [];
    for (const w of written) {
      const change = parseChange(w);
      if (typeof change === 'string') throw new UsageError(change);
      changes.push(change);
    }
    const { flags } = await setup(io, options);
    const context = await contextOption(io, options.context);
    if (positionals.length !== 1) throw new UsageError('expects exactly one Dockerfile path (or - for standard input)');
    const [path] = positionals;
    const text = await readAnalysable(io, path);
    const lines = text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    for (const change of changes) {
      if (change.kind === 'line' && change.line > lines) {
        throw new UsageError(`--change line:${change.line} is past the end of ${path === '-' ? 'standard input' : path} (${lines} line${lines === 1 ? '' : 's'})`);
      }
    }
    const dockerignore = await readDockerignore(io, path, context);
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
  },
};

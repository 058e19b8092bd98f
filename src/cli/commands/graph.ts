import { analyze, firstBuildError } from '../../analyzer/index.ts';
import { renderGraphJson } from '../../analyzer/render/graph-json.ts';
import { renderMermaid } from '../../analyzer/render/mermaid.ts';
import { renderShape } from '../../analyzer/render/shape.ts';
import { ANALYSIS_OPTIONS } from '../analysis-options.ts';
import { formatOption, oneOf } from '../args.ts';
import type { Command } from '../command.ts';
import { IMAGE_OPTIONS, imagesOption } from '../images.ts';
import { UsageError } from '../io.ts';
import { CONFIG_OPTION, readAnalysable, setup } from '../setup.ts';
import { graphJsonTooLarge } from '../size-guard.ts';

const FORMATS = ['shape', 'json', 'mermaid'] as const;

/** `layerwise graph`: the BuildKit build graph (LLB) of the target stage. */
export const graph: Command = {
  name: 'graph',
  summary: 'the build graph (LLB) BuildKit makes of the target stage',
  operands: 'FILE|-',
  options: { format: formatOption(FORMATS, 'mermaid', 'shape'), ...ANALYSIS_OPTIONS, ...IMAGE_OPTIONS, config: CONFIG_OPTION },
  examples: ['layerwise graph Dockerfile', 'layerwise graph --format shape --target build --build-arg GO_VERSION=1.22 Dockerfile'],
  exitStatus: '0 printed, 1 BuildKit would refuse the file (one ERROR line on standard error), 2 usage error.',
  notes: ['The config file supplies target and buildArgs; flags win over it.'],
  async run({ options, positionals }, io) {
    const format = oneOf('format', options.format, FORMATS, 'mermaid');
    const { flags } = await setup(io, options);
    if (positionals.length !== 1) throw new UsageError('expects exactly one Dockerfile path (or - for standard input)');
    const [path] = positionals;
    const text = await readAnalysable(io, path);
    const analysis = analyze(text, { ...flags, ...(await imagesOption(options, io, text, flags)) });
    const error = firstBuildError(analysis);
    if (error) {
      io.stderr(`ERROR ${error.message}\n`);
      return 1;
    }
    const tooLarge = format === 'json' ? graphJsonTooLarge(analysis.graph) : undefined;
    if (tooLarge) throw new UsageError(`cannot print the graph of ${path === '-' ? 'standard input' : path} as JSON: ${tooLarge}`);
    if (format === 'shape') io.stdout(renderShape(analysis.graph));
    else if (format === 'json') io.stdout(renderGraphJson(analysis.graph));
    else io.stdout(renderMermaid(analysis.graph));
    return 0;
  },
};

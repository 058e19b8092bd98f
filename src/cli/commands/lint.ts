import { analyze } from '../../analyzer/index.ts';
import { type FileFindings, renderFindingsJson } from '../../analyzer/render/findings-json.ts';
import { renderFindingsText } from '../../analyzer/render/findings-text.ts';
import { renderSarif } from '../../analyzer/render/sarif.ts';
import { DEFAULT_DOCS_BASE } from '../../analyzer/rules/docs.ts';
import { ANALYSIS_OPTIONS, analysisOptions } from '../analysis-options.ts';
import { oneOf, parseArgs } from '../args.ts';
import { readDockerignore } from '../dockerignore.ts';
import { IMAGE_OPTIONS, imagesOption } from '../images.ts';
import { type Io, readDockerfile, UsageError } from '../io.ts';

const FORMATS = ['text', 'json', 'sarif'] as const;

/** Environment variable naming the site that hosts the rule pages (`--docs-base` wins). */
export const DOCS_BASE_ENV = 'LAYERWISE_DOCS_BASE';
/** The site's own deployment setting (astro.config.mjs), used when the docs base is not given. */
export const SITE_ENV = 'LAYERWISE_SITE';

/**
 * `layerwise lint [--format text|json|sarif] [--target STAGE] [--build-arg K=V]… [--no-merge-op]
 * [--docs-base URL] FILE…`: exit 0 without error findings, 1 with one, 2 for usage errors.
 */
export async function run(argv: string[], io: Io): Promise<number> {
  const { options, positionals } = parseArgs(argv, { format: 'string', ...ANALYSIS_OPTIONS, 'docs-base': 'string', ...IMAGE_OPTIONS });
  const format = oneOf('format', options.format, FORMATS, 'text');
  if (positionals.length === 0) throw new UsageError('needs at least one Dockerfile (or - for standard input)');
  if (positionals.filter((file) => file === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
  const flags = analysisOptions(options);
  const docsBase = docsBaseOption(options['docs-base'], io.env);

  // Read everything first, so an unreadable file stops the run before any output.
  const inputs: { file: string; source: string; dockerignore?: string }[] = [];
  for (const file of positionals) {
    const source = await readDockerfile(io, file);
    inputs.push({ file, source, dockerignore: file === '-' ? undefined : await readDockerignore(io, file) });
  }

  const files: FileFindings[] = [];
  for (const { file, source, dockerignore } of inputs) {
    const analyzeOptions = { ...flags, ...(dockerignore !== undefined ? { dockerignore } : {}) };
    const analysis = analyze(source, { ...analyzeOptions, ...(await imagesOption(options, io, source, analyzeOptions)) });
    files.push({ file, source, findings: analysis.findings, lineStarts: analysis.lineStarts });
  }

  const render = format === 'json' ? renderFindingsJson : format === 'sarif' ? renderSarif : renderFindingsText;
  io.stdout(render(files, { docsBase }));
  return files.some((file) => file.findings.some((finding) => finding.severity === 'error')) ? 1 : 0;
}

function docsBaseOption(value: unknown, env: Io['env']): string {
  const base = typeof value === 'string' ? value : (env[DOCS_BASE_ENV] ?? env[SITE_ENV] ?? DEFAULT_DOCS_BASE);
  if (!/^https?:\/\/[^\s]+$/.test(base) && !base.startsWith('/')) {
    throw new UsageError(`--docs-base must be an http(s) URL or an absolute path, got ${JSON.stringify(base)}`);
  }
  return base;
}


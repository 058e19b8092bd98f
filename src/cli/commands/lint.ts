import { analyze } from '../../analyzer/index.ts';
import { renderCheckstyle } from '../../analyzer/render/checkstyle.ts';
import { type FileFindings, renderFindingsJson } from '../../analyzer/render/findings-json.ts';
import { renderFindingsText } from '../../analyzer/render/findings-text.ts';
import { renderGithub } from '../../analyzer/render/github.ts';
import { renderGitlab } from '../../analyzer/render/gitlab.ts';
import { renderSarif } from '../../analyzer/render/sarif.ts';
import { DEFAULT_DOCS_BASE } from '../../analyzer/rules/docs.ts';
import { ANALYSIS_OPTIONS } from '../analysis-options.ts';
import { formatOption, oneOf } from '../args.ts';
import type { Command } from '../command.ts';
import { IMAGE_OPTIONS, imagesOption } from '../images.ts';
import { CONTEXT_OPTION, readDockerignore } from '../dockerignore.ts';
import { expandInputs } from '../inputs.ts';
import { type Io, UsageError } from '../io.ts';
import { applyPolicy, fails, POLICY_OPTIONS, resolvePolicy } from '../policy.ts';
import { CONFIG_OPTION, contextOption, readAnalysable, setup } from '../setup.ts';
import { version } from '../version.ts';

const FORMATS = ['text', 'json', 'sarif', 'github', 'checkstyle', 'gitlab'] as const;

/** Environment variable naming the site that hosts the rule pages (`--docs-base` wins). */
export const DOCS_BASE_ENV = 'LAYERWISE_DOCS_BASE';
/** The site's own deployment setting (astro.config.mjs), used when nothing else names the docs base. */
export const SITE_ENV = 'LAYERWISE_SITE';

/** `layerwise lint`: every rule over every Dockerfile given, under the team's policy. */
export const lint: Command = {
  name: 'lint',
  summary: "BuildKit's build checks and Layerwise's --link and COPY rules",
  operands: 'PATH…',
  options: {
    format: {
      ...formatOption(FORMATS, 'text', 'sarif'),
      help: 'Output format: compiler-style text, JSON, SARIF 2.1.0, GitHub annotations, Checkstyle XML, GitLab Code Quality.',
    },
    ...ANALYSIS_OPTIONS,
    ...POLICY_OPTIONS,
    ...IMAGE_OPTIONS,
    context: CONTEXT_OPTION,
    config: CONFIG_OPTION,
    'docs-base': {
      kind: 'string',
      value: 'URL',
      help: 'Where the rule pages live (http(s) URL or absolute path).',
      default: `$${DOCS_BASE_ENV}, the config's docsBase, $${SITE_ENV}, then ${DEFAULT_DOCS_BASE}`,
      example: '--docs-base https://docs.example.com/layerwise',
    },
  },
  notes: [
    'PATH is a Dockerfile, - for standard input, a directory (searched for Dockerfile, *.Dockerfile,\n' +
      'Dockerfile.* and Containerfile, skipping .git and node_modules) or a quoted glob ("services/**/Dockerfile").',
    'Precedence: flags, then the config file (.layerwise.yaml), then the Dockerfile\'s own\n' +
      '# check= directive, which a BUILDKIT_DOCKERFILE_CHECK build arg replaces as in BuildKit.',
  ],
  examples: [
    'layerwise lint Dockerfile',
    'layerwise lint --fail-on warning --ignore LegacyKeyValueFormat .',
    'layerwise lint --format sarif "**/Dockerfile" > layerwise.sarif',
    'layerwise lint --preset link-focus --context . docker/app.Dockerfile',
  ],
  exitStatus: '0 when no finding reaches the fail level (--fail-on, default error), 1 when one does, 2 for a usage error or an unreadable file.',
  async run({ options, positionals }, io) {
    const format = oneOf('format', options.format, FORMATS, 'text');
    if (positionals.length === 0) throw new UsageError('needs at least one Dockerfile (or - for standard input)');
    if (positionals.filter((file) => file === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
    const { loaded, flags } = await setup(io, options);
    const policy = resolvePolicy(loaded.config, options);
    const docsBase = docsBaseOption(options['docs-base'], loaded.config.docsBase, io.env);
    const context = await contextOption(io, options.context);
    const paths = await expandInputs(io, positionals);

    // Read everything first, so an unreadable file stops the run before any output.
    const inputs: { file: string; source: string; dockerignore?: string }[] = [];
    for (const file of paths) {
      const source = await readAnalysable(io, file);
      inputs.push({ file, source, dockerignore: await readDockerignore(io, file, context) });
    }

    const files: FileFindings[] = [];
    for (const { file, source, dockerignore } of inputs) {
      const analyzeOptions = {
        ...flags,
        inlineSkips: policy.allowInlineSkips,
        ...(dockerignore !== undefined ? { dockerignore } : {}),
      };
      const analysis = analyze(source, { ...analyzeOptions, ...(await imagesOption(options, io, source, analyzeOptions)) });
      files.push({ file, source, findings: applyPolicy(analysis.findings, policy), lineStarts: analysis.lineStarts });
    }

    io.stdout(render(format, files, docsBase, io));
    return files.some((file) => fails(file.findings, policy.failOn)) ? 1 : 0;
  },
};

function render(format: (typeof FORMATS)[number], files: readonly FileFindings[], docsBase: string, io: Io): string {
  switch (format) {
    case 'json':
      return renderFindingsJson(files, { docsBase });
    case 'sarif':
      return renderSarif(files, { docsBase, version: version(), srcRoot: io.cwd });
    case 'github':
      return renderGithub(files, { docsBase });
    case 'checkstyle':
      return renderCheckstyle(files, { docsBase });
    case 'gitlab':
      return renderGitlab(files, { docsBase });
    case 'text':
      return renderFindingsText(files, { docsBase });
  }
}

function docsBaseOption(flag: unknown, config: string | undefined, env: Io['env']): string {
  const base = typeof flag === 'string' ? flag : (env[DOCS_BASE_ENV] ?? config ?? env[SITE_ENV] ?? DEFAULT_DOCS_BASE);
  if (!/^https?:\/\/[^\s]+$/.test(base) && !base.startsWith('/')) {
    throw new UsageError(`--docs-base must be an http(s) URL or an absolute path, got ${JSON.stringify(base)}`);
  }
  return base;
}

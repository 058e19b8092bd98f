/**
 * The pipeline: `analyze()` runs every step once and returns every intermediate result as
 * plain, structured-clone-safe data; `firstBuildError()` reads the error BuildKit stops with.
 *
 *   text → parse → SyntaxTree → buildModel → DockerfileModel → evaluate → EvaluatedBuild
 *        → lower → BuildGraph → lint → findings        (simulate and render on demand)
 *
 * Pure TypeScript: no DOM, no `node:` imports. Never throws on any input.
 */
import type { Diagnostic } from './core/diagnostic.ts';
import { BUILD_ERROR, buildError } from './core/diagnostic.ts';
import { lineStarts } from './core/span.ts';
import { lower } from './graph/lower.ts';
import type { BuildGraph } from './graph/model.ts';
import { buildModel } from './instructions/build-model.ts';
import { evaluate } from './instructions/evaluate.ts';
import type { BuildOptions, DockerfileModel, EvaluatedBuild } from './instructions/model.ts';
import { parse } from './parse/parse.ts';
import type { SyntaxTree } from './parse/tree.ts';
import { isRuleDiagnostic, lint } from './rules/lint.ts';

export interface AnalyzeOptions extends BuildOptions {
  /** Text of a `.dockerignore`, for CopyIgnoredFile. */
  readonly dockerignore?: string;
  /** false: `# check=skip=` in the Dockerfile hides nothing (BUILDKIT_DOCKERFILE_CHECK still applies). */
  readonly inlineSkips?: boolean;
}

export interface Analysis {
  readonly source: string;
  readonly lineStarts: readonly number[];
  readonly tree: SyntaxTree;
  readonly model: DockerfileModel;
  readonly build: EvaluatedBuild;
  readonly graph: BuildGraph;
  /** Every diagnostic of every stage plus rule findings, sorted by position. */
  readonly findings: readonly Diagnostic[];
}

export function analyze(source: string, options: AnalyzeOptions = {}): Analysis {
  const starts = lineStarts(source);
  try {
    const tree = parse(source);
    const model = buildModel(tree);
    const build = evaluate(model, options);
    const graph = lower(build, options, model);
    // Diagnostics of registered rules (the parser's NoEmptyContinuation) reach the findings
    // through lint, so `# check=skip=` applies to them too.
    // Errors of stages only the lint request converts count too: `docker build --check` fails on them.
    const findings = withStages(model, [
      ...[...tree.diagnostics, ...model.diagnostics, ...build.diagnostics, ...build.lintDiagnostics, ...graph.diagnostics].filter(
        (diagnostic) => !isRuleDiagnostic(diagnostic),
      ),
      ...lint({ tree, model, build, graph, dockerignore: options.dockerignore, inlineSkips: options.inlineSkips, options }),
    ].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end));
    return { source, lineStarts: starts, tree, model, build, graph, findings };
  } catch (error) {
    // An exception here is a bug in the analyzer, never the reader's fault: report it as a finding.
    return crashed(source, starts, error);
  }
}

/**
 * Each finding (sorted by position) gets the stage it lies in: the last FROM at or before its
 * start (an instruction that failed to parse is not in any stage's commands, but belongs there).
 */
function withStages(model: DockerfileModel, sorted: readonly Diagnostic[]): Diagnostic[] {
  const stages = model.stages;
  let at = -1;
  return sorted.map((finding) => {
    while (at + 1 < stages.length && stages[at + 1].span.start <= finding.span.start) at++;
    const stage = stages[at];
    if (!stage) return finding;
    return { ...finding, stage: { index: stage.index, name: stage.name ?? `stage-${stage.index}` } };
  });
}

function crashed(source: string, starts: number[], error: unknown): Analysis {
  const message = `internal analyzer error: ${error instanceof Error ? error.message : String(error)}`;
  const tree: SyntaxTree = { source, directives: [], escape: '\\', instructions: [], diagnostics: [] };
  return {
    source,
    lineStarts: starts,
    tree,
    model: { globalArgs: [], stages: [], diagnostics: [] },
    build: { target: -1, stages: [], linted: [], globalArgs: {}, froms: [], diagnostics: [], lintDiagnostics: [] },
    graph: { ops: [], stages: [], diagnostics: [] },
    findings: [buildError(message, { start: 0, end: 0 })],
  };
}

/**
 * The error BuildKit would stop with: the first `BuildError` in pipeline order (parser,
 * instructions, evaluation, lowering), as `layerwise graph` prints it after `ERROR `.
 */
export function firstBuildError(analysis: Pick<Analysis, 'tree' | 'model' | 'build' | 'graph'>): Diagnostic | undefined {
  for (const step of [analysis.tree, analysis.model, analysis.build, analysis.graph]) {
    const error = step.diagnostics.find((d) => d.rule === BUILD_ERROR && d.severity === 'error');
    if (error) return error;
  }
  return undefined;
}

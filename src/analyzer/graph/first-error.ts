import { BUILD_ERROR, type Diagnostic } from '../core/diagnostic.ts';

interface Staged {
  readonly tree: { readonly diagnostics: readonly Diagnostic[] };
  readonly model: { readonly diagnostics: readonly Diagnostic[] };
  readonly build: { readonly diagnostics: readonly Diagnostic[] };
  readonly graph: { readonly diagnostics: readonly Diagnostic[] };
}

/**
 * The error BuildKit would stop with: the first `BuildError` in pipeline order (parser,
 * instructions, evaluation, lowering), as `layerwise graph` prints it after `ERROR `.
 */
export function firstBuildError(analysis: Staged): Diagnostic | undefined {
  for (const stage of [analysis.tree, analysis.model, analysis.build, analysis.graph]) {
    const error = stage.diagnostics.find((d) => d.rule === BUILD_ERROR && d.severity === 'error');
    if (error) return error;
  }
  return undefined;
}

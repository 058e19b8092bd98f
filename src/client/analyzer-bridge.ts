/**
 * The one place the islands reach into the analyzer beyond `analyze()`: the Mermaid renderer,
 * the cache simulation, change strings and rule slugs.
 */
import type { Analysis, AnalyzeOptions } from '../analyzer/index.ts';
import { firstBuildError } from '../analyzer/index.ts';
import { renderMermaid } from '../analyzer/render/mermaid.ts';
import { ruleSlug } from '../analyzer/rules/define-rule.ts';
import { ruleInfo } from '../analyzer/rules/docs.ts';
import type { Change, Simulation } from '../analyzer/simulate/model.ts';
import { parseChange, simulate } from '../analyzer/simulate/simulate.ts';

export { firstBuildError, ruleInfo, ruleSlug };

/** Change strings in the CLI's syntax; unreadable ones (from a damaged link) are dropped. */
export function parseChanges(texts: readonly string[]): Change[] {
  return texts.map(parseChange).filter((c): c is Change => typeof c !== 'string');
}

export function simulateChanges(analysis: Analysis, changes: readonly Change[], options: AnalyzeOptions): Simulation | undefined {
  if (changes.length === 0 || firstBuildError(analysis)) return undefined;
  return simulate(analysis, changes, options);
}

/** Mermaid's node id for an op, as the renderer writes it. */
export const mermaidNodeId = (opId: string) => `n_${opId.replace(/[^A-Za-z0-9_]/g, '_')}`;

/**
 * Mermaid text for an analysis. The island draws without the in-graph legend (it shows one
 * legend in HTML for all its graphs, and fewer nodes lay out faster); copies keep it.
 */
export function mermaidSource(analysis: Analysis, simulation?: Simulation, legend = true): string {
  return renderMermaid(simulation?.graph ?? analysis.graph, { simulation, legend });
}

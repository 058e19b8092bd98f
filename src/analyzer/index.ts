/**
 * The analyzer's public face, re-exports only: the pipeline lives in analysis.ts.
 *
 *   text → parse → SyntaxTree → buildModel → DockerfileModel → evaluate → EvaluatedBuild
 *        → lower → BuildGraph → lint → findings        (simulate and render on demand)
 *
 * Pure TypeScript: no DOM, no `node:` imports. Never throws on any input.
 */
export { analyze, firstBuildError, type Analysis, type AnalyzeOptions } from './analysis.ts';
export type { Diagnostic, Severity } from './core/diagnostic.ts';
export type { Span, Position } from './core/span.ts';
export type { BuildGraph, Op, OpKind } from './graph/model.ts';
export type { BuildOptions, DockerfileModel, EvaluatedBuild } from './instructions/model.ts';
export type { SyntaxTree } from './parse/tree.ts';
export type { Change, OpStatus, Simulation } from './simulate/model.ts';

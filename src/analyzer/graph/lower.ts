import type { BuildOptions, EvaluatedBuild } from '../instructions/model.ts';
import type { BuildGraph } from './model.ts';

// Stub until lowering lands.
export function lower(_build: EvaluatedBuild, _options: BuildOptions): BuildGraph {
  return { ops: [], stages: [], diagnostics: [] };
}

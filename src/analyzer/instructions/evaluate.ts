import type { BuildOptions, DockerfileModel, EvaluatedBuild } from './model.ts';

// Stub until evaluation lands.
export function evaluate(_model: DockerfileModel, _options: BuildOptions): EvaluatedBuild {
  return { target: -1, stages: [], globalArgs: {}, diagnostics: [] };
}

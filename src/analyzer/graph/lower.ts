/**
 * Lowering: the target stage and the stages it reaches become the LLB ops BuildKit's
 * Dockerfile frontend emits (`dockerfile2llb`): sources, exec, file and merge ops, with
 * inputs in BuildKit's order, step names, stages and lines. Never throws.
 *
 * One module per step in lowering/: stage, run (with mounts), copy, workdir.
 */
import { buildError } from '../core/diagnostic.ts';
import type { BuildOptions, DockerfileModel, EvaluatedBuild } from '../instructions/model.ts';
import { LowerContext, LowerError } from './lowering/context.ts';
import { isSingleDispatchState, lowerStage } from './lowering/stage.ts';
import type { BuildGraph } from './model.ts';

/**
 * Lowers an evaluated build. `model` gives the number of stages in the whole file (pruned
 * ones included), which decides whether step names carry a stage part.
 */
export function lower(build: EvaluatedBuild, options: BuildOptions, model: DockerfileModel): BuildGraph {
  try {
    return lowerBuild(new LowerContext(build, options, model));
  } catch (error) {
    const message = `internal analyzer error while lowering: ${error instanceof Error ? error.message : String(error)}`;
    return { ops: [], stages: [], diagnostics: [buildError(message, { start: 0, end: 0 })] };
  }
}

function lowerBuild(ctx: LowerContext): BuildGraph {
  const stages = ctx.build.stages;
  const single = isSingleDispatchState(ctx, stages);
  for (const stage of stages) {
    try {
      lowerStage(ctx, stage, single);
    } catch (error) {
      if (!(error instanceof LowerError)) throw error;
      break; // BuildKit stops at its first error.
    }
  }
  const result = ctx.stageResults.get(ctx.build.target)?.fs;
  const roots = stages.map((s) => ctx.stageResults.get(s.stage.index)?.fs);
  const { ops, ids } = ctx.table.finish(result, roots);
  return {
    ops,
    ...(result !== undefined ? { result: ids.get(result) } : {}),
    stages: stages.map((s) => {
      const fs = ctx.stageResults.get(s.stage.index)?.fs;
      return {
        index: s.stage.index,
        name: s.stage.name ?? `stage-${s.stage.index}`,
        ...(fs !== undefined ? { result: ids.get(fs) } : {}),
      };
    }),
    diagnostics: ctx.diagnostics,
  };
}

/** One stage: its base (image, earlier stage or scratch), then each command that makes an op. */
import type { EvaluatedStage } from '../../instructions/model.ts';
import { lowerCopy } from './copy.ts';
import { LowerError, nodeLines, normalizePlatform, type FsState, type LowerContext, type Steps } from './context.ts';
import { lowerRun } from './run.ts';
import { lowerWorkdir } from './workdir.ts';

/**
 * BuildKit drops the stage part of step names when the build has exactly one dispatch
 * state: one stage, and no hidden source state (`COPY --from=<image>`, any `RUN --mount`).
 */
export function isSingleDispatchState(ctx: LowerContext, stages: readonly EvaluatedStage[]): boolean {
  const count = ctx.model.stages.length;
  if (count !== 1 || stages.length !== 1) return false;
  for (const c of stages[0].commands) {
    if (c.onbuild) continue;
    const command = c.command;
    if ((command.kind === 'copy' || command.kind === 'add') && c.origin?.kind === 'image') return false;
    if (command.kind === 'copy' && command.from && c.origin === undefined && !/^\d+$/.test(command.from.value)) return false;
    if (command.kind === 'run' && command.mounts.length > 0) return false;
  }
  return true;
}

export function lowerStage(ctx: LowerContext, stage: EvaluatedStage, single: boolean): void {
  const own = stage.commands.filter((c) => !c.onbuild);
  const triggers = stage.commands.length - own.length;
  const counted = own.filter((c) => ['add', 'copy', 'run', 'workdir'].includes(c.command.kind)).length;
  const steps: Steps = {
    stageName: stage.displayName ?? (single ? '' : (stage.stage.name ?? `stage-${stage.stage.index}`)),
    total: (stage.base.kind === 'image' ? 1 : 0) + counted + triggers,
    index: 0,
  };
  let state: FsState;
  const base = stage.base;
  if (base.kind === 'image') {
    const platform = normalizePlatform(base.platform ?? stage.platform, ctx.targetPlatform);
    const name = ctx.prefix(steps, `FROM ${ctx.imageName(base.ref)}`, false);
    const fs = ctx.imageSource(base.ref, platform, {
      name,
      role: 'from',
      stage: stage.stage.index,
      ...nodeLines(stage.stage.from.node),
      details: {},
    });
    state = { fs, platform };
  } else if (base.kind === 'stage') {
    const parent = ctx.stageResults.get(base.index);
    state = parent ?? { platform: ctx.targetPlatform };
  } else {
    const platform = normalizePlatform(stage.platform ?? stage.stage.from.platform?.value, ctx.targetPlatform);
    state = { platform: platform.includes('$') ? ctx.targetPlatform : platform };
  }
  ctx.stageResults.set(stage.stage.index, state);
  for (const c of stage.commands) {
    const command = c.command;
    try {
      if (command.kind === 'run') state = lowerRun(ctx, stage, steps, state, c, command);
      else if (command.kind === 'copy' || command.kind === 'add') state = lowerCopy(ctx, stage, steps, state, c, command);
      else if (command.kind === 'workdir') state = lowerWorkdir(ctx, stage, steps, state, c);
    } catch (error) {
      if (!(error instanceof LowerError)) throw error;
      // BuildKit stops at its first error; keep what was lowered so far.
      ctx.stageResults.set(stage.stage.index, state);
      throw error;
    }
    ctx.stageResults.set(stage.stage.index, state);
  }
}

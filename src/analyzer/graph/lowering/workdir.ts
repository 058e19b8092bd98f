/** WORKDIR: a mkdir of the resolved directory, owned by the current user (none for `/`). */
import { resolveWorkdir } from '../../core/paths.ts';
import type { EvaluatedCommand, EvaluatedStage } from '../../instructions/model.ts';
import type { FileAction } from '../model.ts';
import type { FsState, LowerContext, Steps } from './context.ts';

export function lowerWorkdir(ctx: LowerContext, stage: EvaluatedStage, steps: Steps, state: FsState, c: EvaluatedCommand): FsState {
  if (c.expanded.kind !== 'workdir') throw new Error('WORKDIR without its evaluated path');
  const wd = resolveWorkdir(c.state.workdir || '/', c.expanded.path);
  if (wd === '/') return state;
  const name = ctx.prefix(steps, ctx.stepText(c), c.onbuild);
  const user = c.state.user && c.state.user !== '' ? c.state.user : undefined;
  const action: FileAction = { type: 'mkdir', path: wd, onto: state.fs ? 'base' : 'scratch', mode: 0o755, ...(user ? { owner: user } : {}) };
  const fs = ctx.table.add(
    'file',
    { actions: [{ mkdir: wd, mode: 0o755, parents: true, user: user ?? null, time: ctx.epoch ?? null, base: state.fs ? 0 : -1 }] },
    state.fs ? [state.fs] : [],
    { ...ctx.commandMeta(stage, c, name, 'workdir'), details: { actions: [action] } },
  );
  return { ...state, fs };
}

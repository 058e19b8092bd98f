/**
 * `RUN --mount`s as the exec op marshals them: bind, cache, tmpfs with their inputs and
 * selectors; secrets and SSH sockets apart, as BuildKit keeps them.
 */
import { clean, isAbs, join } from '../../core/paths.ts';
import type { EvaluatedCommand, EvaluatedStage, Mount, RunCommand } from '../../instructions/model.ts';
import type { ExecMount } from '../model.ts';
import { nodeLines, type LowerContext } from './context.ts';

/** A mount with an input, before the inputs are numbered and the mounts sorted by target. */
export interface PendingMount {
  readonly target: string;
  readonly input?: string;
  readonly spec: ExecMount;
  readonly def: Record<string, unknown>;
}

export interface LoweredMounts {
  readonly mounts: PendingMount[];
  readonly secrets: Record<string, unknown>[];
  readonly sshes: Record<string, unknown>[];
  /** Secret and SSH mounts as the op details show them. */
  readonly shownMounts: ExecMount[];
}

export function lowerMounts(
  ctx: LowerContext,
  stage: EvaluatedStage,
  c: EvaluatedCommand,
  run: RunCommand,
  workdir: string,
  evaluated: readonly Mount[],
): LoweredMounts {
  const mounts: PendingMount[] = [];
  const secrets: Record<string, unknown>[] = [];
  const sshes: Record<string, unknown>[] = [];
  const shownMounts: ExecMount[] = [];
  const specs = evaluated.map(fromEvaluatedMount);
  let sshIndex = 0;
  for (const [i, m] of specs.entries()) {
    if (m.type === 'secret') {
      const id = m.source || m.id || (m.target ? baseName(m.target) : '');
      const target = m.env !== undefined && !m.target ? undefined : (m.target ?? `/run/secrets/${baseName(id)}`);
      secrets.push({ id, target: target ?? null, env: m.env ?? null, required: m.required, uid: m.uid ?? null, gid: m.gid ?? null, mode: m.mode ?? null });
      shownMounts.push({ type: 'secret', target: target ?? '', readonly: true, id });
      continue;
    }
    if (m.type === 'ssh') {
      const target = m.target ?? `/run/buildkit/ssh_agent.${sshIndex}`;
      sshIndex++;
      sshes.push({ id: m.id ?? 'default', target, required: m.required, uid: m.uid ?? null, gid: m.gid ?? null, mode: m.mode ?? null });
      shownMounts.push({ type: 'ssh', target, readonly: true, id: m.id ?? 'default' });
      continue;
    }
    let from = m.from;
    if (!from && m.type === 'cache') from = 'scratch';
    let input: string | undefined;
    if (m.type === 'tmpfs') input = undefined;
    else if (from === undefined || from === '') input = ctx.context();
    else input = mountOrigin(ctx, stage, c, from, m.target ?? '', c.mountStages?.[i]);
    const rawTarget = m.target ?? '';
    let target = rawTarget;
    if (!isAbs(clean(rawTarget))) target = join('/', workdir, rawTarget);
    if (target === '/') ctx.fail(`invalid mount target ${JSON.stringify(target)}`, c);
    let selector: string | undefined;
    const src = join('/', m.source ?? '');
    if (src !== '/') selector = src;
    else if (m.type !== 'tmpfs' && (m.uid !== undefined || m.gid !== undefined || m.mode !== undefined)) {
      const mode = m.mode ?? 0o755;
      const owner = `${m.uid ?? 0}:${m.gid ?? 0}`;
      input = ctx.table.add('file', { actions: [{ mkdir: '/cache', mode, owner, base: input ? 0 : -1 }] }, input ? [input] : [], {
        name: '[internal] setting cache mount permissions',
        role: 'cache-permissions',
        stage: stage.stage.index,
        ...nodeLines(run.node),
        details: { actions: [{ type: 'mkdir', path: '/cache', onto: input ? 'base' : 'scratch', mode, owner }] },
      });
      selector = '/cache';
    }
    const cacheId = m.type === 'cache' ? (m.id || clean(rawTarget)) : undefined;
    const sharing = m.type === 'cache' ? (m.sharing === 'private' || m.sharing === 'locked' ? m.sharing : 'shared') : undefined;
    const spec: ExecMount = {
      type: m.type,
      target,
      readonly: m.readonly,
      ...(input !== undefined ? { input } : {}),
      ...(selector ? { selector } : {}),
      ...(m.source ? { source: m.source } : {}),
      ...(cacheId ? { id: cacheId, sharing } : {}),
    };
    mounts.push({
      target,
      input,
      spec,
      def: { target, type: m.type, readonly: m.readonly, selector: selector ?? null, cache: cacheId ?? null, sharing: sharing ?? null },
    });
  }
  return { mounts, secrets, sshes, shownMounts };
}

/** `RUN --mount from=X`: a stage name, `scratch`, or an image. */
function mountOrigin(ctx: LowerContext, stage: EvaluatedStage, c: EvaluatedCommand, from: string, target: string, index?: number): string | undefined {
  const lower = from.toLowerCase();
  const named = index !== undefined ? ctx.byIndex.get(index) : ctx.byName.get(lower);
  if (named) {
    const result = ctx.stageResults.get(named.stage.index);
    if (result === undefined || named.stage.index >= stage.stage.index) {
      ctx.fail(`cannot mount from stage ${JSON.stringify(from)} to ${JSON.stringify(target)}, stage needs to be defined before current command`, c);
    }
    return result.fs;
  }
  if (from === 'scratch') return undefined;
  return ctx.imageSource(from, ctx.targetPlatform, { name: `FROM ${ctx.imageName(from)}`, role: 'image', details: {} });
}

/** A mount as lowering reads it: absent fields instead of empty strings. */
interface MountSpec {
  readonly type: Mount['type'];
  readonly from?: string;
  readonly source?: string;
  readonly target?: string;
  readonly readonly: boolean;
  readonly id?: string;
  readonly sharing?: string;
  readonly uid?: number;
  readonly gid?: number;
  readonly mode?: number;
  readonly required: boolean;
  readonly env?: string;
}

function fromEvaluatedMount(m: Mount): MountSpec {
  return {
    type: m.type,
    readonly: m.readonly,
    required: m.required,
    ...(m.from ? { from: m.from } : {}),
    ...(m.source ? { source: m.source } : {}),
    ...(m.target ? { target: m.target } : {}),
    ...(m.id ? { id: m.id } : {}),
    ...(m.sharing ? { sharing: m.sharing } : {}),
    ...(m.uid !== undefined ? { uid: m.uid } : {}),
    ...(m.gid !== undefined ? { gid: m.gid } : {}),
    ...(m.mode !== undefined ? { mode: m.mode } : {}),
    ...(m.env !== undefined ? { env: m.env } : {}),
  };
}

function baseName(p: string): string {
  const c = clean(p);
  if (c === '/') return '/';
  return c.split('/').pop() ?? c;
}

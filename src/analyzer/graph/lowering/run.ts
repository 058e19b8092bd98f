/**
 * RUN: an exec op over the stage's filesystem, with its mounts (mounts.ts), the shell for the
 * shell form, and heredocs as BuildKit's `dispatchRun` handles them.
 */
import { join } from '../../core/paths.ts';
import type { EvaluatedCommand, EvaluatedStage, RunCommand } from '../../instructions/model.ts';
import type { ExecMount } from '../model.ts';
import { inputList, nodeLines, type FsState, type LowerContext, type Steps } from './context.ts';
import { isSingleHeredoc } from './heredoc.ts';
import { lowerMounts, type PendingMount } from './mounts.ts';

export function lowerRun(ctx: LowerContext, stage: EvaluatedStage, steps: Steps, state: FsState, c: EvaluatedCommand, run: RunCommand): FsState {
  if (c.expanded.kind !== 'run') throw new Error('RUN without its evaluated mounts');
  const workdir = c.state.workdir || '/';
  let args: string[] = [...run.args];
  const mounts: PendingMount[] = [];

  // Heredocs (`dispatchRun`): a lone shebang heredoc becomes a file mounted at /dev/pipes/.
  if (run.heredocs.length > 0 && run.shellForm) {
    const text = (args[0] ?? '').trim();
    if (isSingleHeredoc(text)) {
      const doc = run.heredocs[0];
      const data = doc.chomp ? doc.content.replace(/^\t+/gm, '') : doc.content;
      if (data.startsWith('#!')) {
        const file = join('/', doc.name);
        const pipe = ctx.table.add('file', { actions: [{ mkfile: file, mode: 0o755, data }] }, [], {
          name: '[internal] preparing inline document',
          role: 'heredoc',
          stage: stage.stage.index,
          ...nodeLines(run.node),
          details: { actions: [{ type: 'mkfile', path: file, onto: 'scratch', mode: 0o755, data }] },
        });
        const spec: ExecMount = { type: 'bind', target: '/dev/pipes/', input: pipe, readonly: true };
        mounts.push({ target: '/dev/pipes/', input: pipe, spec, def: { target: '/dev/pipes/', readonly: true, selector: '/' } });
        args = [join('/dev/pipes/', doc.name)];
      } else {
        args = [data];
      }
    } else {
      let b = args[0] ?? '';
      for (const doc of run.heredocs) b += `\n${doc.content}${doc.name}`;
      args = [b];
    }
  }
  if (run.shellForm) args = [...(c.state.shell?.length ? c.state.shell : ['/bin/sh', '-c']), ...args];

  const lowered = lowerMounts(ctx, stage, c, run, workdir, c.expanded.mounts);
  mounts.push(...lowered.mounts);
  const { secrets, sshes, shownMounts } = lowered;

  // Mounts are marshalled sorted by target (a byte-wise string comparison); the root `/`
  // comes first. An output mounted twice is a single input.
  mounts.sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
  const { inputs, indexOf } = inputList();
  const rootIndex = indexOf(state.fs);
  const mountDefs = mounts.map((m) => ({ ...m.def, input: indexOf(m.input) }));

  // The stage's environment array itself, shared by consecutive RUN steps (and hashed once, see
  // op-table.ts); a copy only when SSH adds its socket.
  const addSsh = sshes.length > 0 && !c.state.env.some((e) => e.startsWith('SSH_AUTH_SOCK='));
  const env = addSsh ? [...c.state.env, `SSH_AUTH_SOCK=${sshes[0].target as string}`] : c.state.env;
  const network = run.network ?? 'default';
  const security = run.security ?? 'sandbox';
  const cwd = workdir;
  const user = c.state.user ?? '';
  // What the op runs: the same fields in its definition and in its details (same order, for the digest).
  const command = { args, env, cwd, user, network, security };
  const definition = {
    ...command,
    platform: state.platform,
    root: rootIndex,
    mounts: mountDefs,
    secrets,
    ssh: sshes,
  };
  const name = ctx.prefix(steps, ctx.stepText(c), c.onbuild);
  const fs = ctx.table.add('exec', definition, inputs, {
    ...ctx.commandMeta(stage, c, name, 'run'),
    details: {
      ...command,
      mounts: [...mounts.map((m) => m.spec), ...shownMounts],
      ...(state.fs !== undefined ? { root: state.fs } : {}),
      ...(state.platform !== ctx.targetPlatform ? { platform: state.platform } : {}),
    },
  });
  return { ...state, fs };
}

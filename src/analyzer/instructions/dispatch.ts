/**
 * Dispatch of one command (BuildKit's `dispatch` in `convert.go`): expand what BuildKit expands
 * for that instruction (§3.2), record unset variables, compute the step text, and update the
 * stage state (env, workdir, user, shell, declared ARGs).
 */
import type { Span } from '../core/span.ts';
import { chompHeredoc, heredocWord } from './commands/heredoc-word.ts';
import { goQuote } from '../core/go-strings.ts';
import { expandHeredoc, expandWord, expandWords, type Env, type ExpandResult } from '../shell/expand.ts';
import { parsePort } from './expose.ts';
import type { ArgCommand, Command, CopyCommand, CopyOrigin, EvaluatedCommand, Expanded, ExpandedCopy, Mount, RunCommand } from './model.ts';
import { parseMount } from './mounts.ts';
import { join as joinPath, resolveWorkdir } from '../core/paths.ts';
import { checkSignal, NON_ENV_ARGS, setEnv, snapshot, type DispatchState } from './state.ts';
import { stepText } from './step-text.ts';

export interface CommandContext {
  readonly escape: '\\' | '`';
  /** `--build-arg` values. */
  readonly buildArgs: Readonly<Record<string, string>>;
  /** The global scope (built-ins and global ARGs), for `ARG NAME` without a default. */
  readonly globals: Env;
  readonly report: (message: string, at: Span) => void;
  /** Where errors about this command point. */
  readonly at: Span;
  readonly onbuild: boolean;
  readonly origin?: CopyOrigin;
  readonly mountStages?: readonly (number | undefined)[];
  readonly isDispatched: (stage: number) => boolean;
}


/** Expansions of one command: unset names and the first error (BuildKit stops there). */
class Expansion {
  readonly unmatched = new Set<string>();
  private failed = false;
  private readonly ctx: CommandContext;
  /** The live environment: every instruction expands before it changes it. */
  readonly env: Env;

  constructor(env: Env, ctx: CommandContext) {
    this.env = env;
    this.ctx = ctx;
  }

  fail(message: string): void {
    if (this.failed) return;
    this.failed = true;
    this.ctx.report(message, this.ctx.at);
  }

  /** The result's value, or `raw` when it failed; records unset names either way. */
  take(r: ExpandResult, raw: string, skip?: ReadonlySet<string>): string {
    for (const u of r.unmatched) if (skip === undefined || !skip.has(u)) this.unmatched.add(u);
    if (r.error === undefined) return r.value;
    this.fail(r.error);
    return raw;
  }

  word(raw: string): string {
    return this.take(expandWord(raw, this.env, this.ctx.escape), raw);
  }

  words(raw: string): string[] {
    const r = expandWords(raw, this.env, this.ctx.escape);
    this.take(r, raw);
    return r.error === undefined ? [...r.words] : [];
  }
}

export function dispatchCommand(state: DispatchState, command: Command, ctx: CommandContext): EvaluatedCommand {
  const before = snapshot(state);
  const x = new Expansion(state.env, ctx);
  // Step texts read the environment before the command changes it.
  const text = (env: Env = state.env, heredocBody?: string) => stepText(command, env, ctx.escape, heredocBody);
  let step = '';
  let expanded: Expanded;
  switch (command.kind) {
    case 'copy':
    case 'add':
      expanded = expandCopy(command, x);
      step = text();
      break;
    case 'run': {
      const run = expandRun(state, command, x, ctx);
      expanded = { kind: 'run', mountTexts: run.list, mounts: run.mounts };
      step = text(run.stepEnv, run.heredocBody);
      break;
    }
    case 'workdir': {
      const path = x.word(command.args[0]?.value ?? '');
      step = text();
      const workdir = resolveWorkdir(state.workdir, path);
      expanded = { kind: 'workdir', path, workdir };
      state.workdir = workdir;
      state.configWorkdir = workdir;
      state.workdirSet = true;
      break;
    }
    case 'user':
      state.user = x.word(command.args[0]?.value ?? '');
      expanded = { kind: 'user', user: state.user };
      break;
    case 'volume': {
      const volumes = command.args.map((a) => x.word(a.value.trim()));
      if (volumes.some((v) => v === '')) x.fail('VOLUME specified can not be an empty string');
      expanded = { kind: 'volume', volumes };
      break;
    }
    case 'stopsignal': {
      const signal = x.word(command.args[0]?.value ?? '');
      const bad = checkSignal(signal);
      if (bad !== undefined) x.fail(bad);
      expanded = { kind: 'stopsignal', signal };
      break;
    }
    case 'expose': {
      // Each argument is expanded and then split: one variable may hold several ports.
      const ports = command.args.flatMap((a) => x.words(a.value));
      const exposed: string[] = [];
      for (const port of ports) {
        const spec = parsePort(port);
        if (!spec.ok) x.fail(spec.error);
        else exposed.push(...spec.value.ports);
      }
      expanded = { kind: 'expose', ports, exposed };
      break;
    }
    case 'env':
    case 'label': {
      // All pairs see the environment from before the instruction.
      const keys: string[] = [];
      const values: string[] = [];
      for (const pair of command.pairs) {
        keys.push(x.word(pair.key.value));
        values.push(x.word(pair.value.value));
      }
      expanded = { kind: command.kind, keys, values };
      if (command.kind === 'env') keys.forEach((k, i) => setEnv(state, k, values[i]));
      break;
    }
    case 'arg':
      expanded = { kind: 'arg', args: dispatchArg(state, command, x, ctx) };
      break;
    case 'shell':
      state.shell = command.args.map((a) => a.value);
      expanded = { kind: 'shell' };
      break;
    default:
      expanded = { kind: command.kind };
      break;
  }
  // Names declared by ARG (BuildKit's d.buildArgs) are exempt; ARG already filtered each
  // declaration against the names declared before it.
  const unmatched = [...x.unmatched].filter(
    (u) => (command.kind === 'arg' || !state.declaredArgs.has(u)) && !NON_ENV_ARGS.has(u),
  );
  return {
    command,
    state: before,
    onbuild: ctx.onbuild,
    expanded,
    ...(ctx.origin !== undefined ? { origin: ctx.origin } : {}),
    ...(ctx.mountStages !== undefined ? { mountStages: ctx.mountStages } : {}),
    stepText: step !== '' ? step : text(),
    unmatched,
  };
}

/** COPY/ADD: flags, then sources and destination, then heredoc bodies (BuildKit's order). */
function expandCopy(command: CopyCommand, x: Expansion): ExpandedCopy {
  const chown = command.chown !== undefined ? x.word(command.chown.value) : undefined;
  const chmod = command.chmod !== undefined ? x.word(command.chmod.value) : undefined;
  const checksum = command.kind === 'add' && command.checksum !== undefined ? x.word(command.checksum.value) : undefined;
  const docs = new Map(command.heredocs.map((h) => [h.name, h]));
  const heredocs = command.sources.map((s) => heredocWord(s.value));
  const sources = command.sources.map((s, i) => (heredocs[i] !== undefined ? s.value : x.word(s.value)));
  const dest = x.word(command.dest.value);
  const bodies: string[] = [];
  for (const doc of heredocs) {
    if (doc === undefined) continue;
    let body = docs.get(doc.name)?.content ?? '';
    if (doc.chomp) body = chompHeredoc(body);
    bodies.push(doc.expand ? x.take(expandHeredoc(body, x.env), body) : body);
  }
  return {
    kind: command.kind,
    ...(chown !== undefined ? { chown } : {}),
    ...(chmod !== undefined ? { chmod } : {}),
    ...(checksum !== undefined ? { checksum } : {}),
    sources,
    dest,
    ...(bodies.length > 0 ? { heredocs: bodies } : {}),
  };
}

/** RUN: only `--mount` values are expanded; then the mount checks of BuildKit's dispatch. */
function expandRun(
  state: DispatchState,
  command: RunCommand,
  x: Expansion,
  ctx: CommandContext,
): { list: string[]; mounts: Mount[]; stepEnv: Env; heredocBody?: string } {
  const list: string[] = [];
  const mounts: Mount[] = [];
  command.mounts.forEach((raw, k) => {
    const r = parseMount(raw.raw, (word) => expandWord(word, x.env, ctx.escape));
    for (const u of r.unmatched) x.unmatched.add(u);
    list.push(r.expanded);
    if (r.mount === undefined) {
      x.fail(r.error ?? 'invalid mount');
      return;
    }
    const mount = r.mount;
    mounts.push(mount);
    const stage = ctx.mountStages?.[k];
    if (mount.from !== '' && stage !== undefined && !ctx.isDispatched(stage)) {
      x.fail(`cannot mount from stage ${goQuote(mount.from)} to ${goQuote(mount.target)}, stage needs to be defined before current command`);
    }
    if (mount.type !== 'secret' && mount.type !== 'ssh') {
      const target = mount.target.startsWith('/') ? joinPath('/', mount.target) : joinPath('/', state.workdir, mount.target);
      if (target === '/') x.fail(`invalid mount target ${goQuote(target)}`);
    }
  });
  if (command.devices !== undefined && command.devices.length > 0) {
    x.fail('device feature is only supported in Dockerfile frontend 1.14.0-labs or later');
  }
  // Secret env mounts show as **** in the step name.
  let stepEnv: Env = x.env;
  const secrets = mounts.filter((m) => m.type === 'secret' && m.env !== undefined);
  if (secrets.length > 0) {
    const masked = new Map(x.env);
    for (const m of secrets) {
      masked.delete(m.env as string);
      masked.set(m.env as string, '****');
    }
    stepEnv = masked;
  }
  // A RUN that is exactly one heredoc shows the body's first line in its step name.
  const single = command.heredocs.length > 0 && command.args.length === 1 && command.shellForm && heredocWord(command.args[0]) !== undefined;
  return { list, mounts, stepEnv, ...(single ? { heredocBody: command.heredocs[0].content } : {}) };
}

/**
 * ARG in a stage: a build arg wins; else the default expanded with the stage env (each
 * declaration sees the ones before it); else the global value; else declared without value.
 * A value enters the environment (not the image config).
 */
function dispatchArg(state: DispatchState, command: ArgCommand, x: Expansion, ctx: CommandContext): string[] {
  const out: string[] = [];
  for (const decl of command.args) {
    const key = decl.name.value;
    let value: string | undefined;
    if (Object.hasOwn(ctx.buildArgs, key)) value = ctx.buildArgs[key];
    else if (decl.defaultValue !== undefined) {
      const raw = decl.defaultValue.value;
      value = x.take(expandWord(raw, state.env, ctx.escape), raw, state.declaredArgs);
    } else if (ctx.globals.has(key)) value = ctx.globals.get(key);
    if (value !== undefined && !NON_ENV_ARGS.has(key)) setEnv(state, key, value);
    state.declaredArgs.add(key);
    out.push(value !== undefined ? `${key}=${value}` : key);
  }
  return out;
}

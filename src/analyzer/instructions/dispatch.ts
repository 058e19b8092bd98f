/**
 * Dispatch of one command (BuildKit's `dispatch` in `convert.go`): expand what BuildKit expands
 * for that instruction (§3.2), record unset variables, compute the step text, and update the
 * stage state (env, workdir, user, shell, declared ARGs).
 */
import type { Span } from '../core/span.ts';
import { chompHeredoc, heredocWord } from './commands/heredoc-word.ts';
import { parsePort } from './expose.ts';
import { expandHeredoc, expandWord, expandWords, goQuote, type Env, type ExpandResult } from './expand.ts';
import type { Command, CopyOrigin, EvaluatedCommand, Mount } from './model.ts';
import { parseMount } from './mounts.ts';
import {
  checkSignal,
  joinPath,
  NON_ENV_ARGS,
  resolveWorkdir,
  setEnv,
  snapshot,
  type DispatchState,
} from './state.ts';
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

export function dispatchCommand(state: DispatchState, command: Command, ctx: CommandContext): EvaluatedCommand {
  const before = snapshot(state);
  // Expansions read the live environment: every instruction expands before it changes it.
  const env: Env = state.env;
  const unmatched = new Set<string>();
  let error: string | undefined;
  const fail = (message: string) => {
    if (error === undefined) {
      error = message;
      ctx.report(message, ctx.at);
    }
  };
  const take = (r: ExpandResult, raw: string): string => {
    for (const u of r.unmatched) unmatched.add(u);
    if (r.error !== undefined) {
      fail(r.error);
      return raw;
    }
    return r.value;
  };
  const ex = (word: string): string => take(expandWord(word, env, ctx.escape), word);
  const expanded: Record<string, string | readonly string[]> = {};
  let mounts: Mount[] | undefined;
  let singleHeredocBody: string | undefined;
  let stepEnv: Env = env;

  switch (command.kind) {
    case 'copy':
    case 'add': {
      if (command.chown !== undefined) expanded.chown = ex(command.chown.value);
      if (command.chmod !== undefined) expanded.chmod = ex(command.chmod.value);
      if (command.kind === 'add' && command.checksum !== undefined) expanded.checksum = ex(command.checksum.value);
      const docs = new Map(command.heredocs.map((h) => [h.name, h]));
      const heredocWords = command.sources.map((s) => heredocWord(s.value));
      expanded.sources = command.sources.map((s, i) => (heredocWords[i] !== undefined ? s.value : ex(s.value)));
      expanded.dest = ex(command.dest.value);
      const bodies: string[] = [];
      for (const doc of heredocWords) {
        if (doc === undefined) continue;
        let body = docs.get(doc.name)?.content ?? '';
        if (doc.chomp) body = chompHeredoc(body);
        bodies.push(doc.expand ? take(expandHeredoc(body, env), body) : body);
      }
      if (bodies.length > 0) expanded.heredocs = bodies;
      break;
    }
    case 'workdir': {
      const path = ex(command.args[0]?.value ?? '');
      const workdir = resolveWorkdir(state.workdir, path);
      expanded.path = path;
      expanded.workdir = workdir;
      state.workdir = workdir;
      state.configWorkdir = workdir;
      state.workdirSet = true;
      break;
    }
    case 'user':
      expanded.user = ex(command.args[0]?.value ?? '');
      state.user = expanded.user;
      break;
    case 'volume': {
      const volumes = command.args.map((a) => ex(a.value.trim()));
      expanded.volumes = volumes;
      if (volumes.some((v) => v === '')) fail('VOLUME specified can not be an empty string');
      break;
    }
    case 'stopsignal': {
      const signal = ex(command.args[0]?.value ?? '');
      expanded.signal = signal;
      const bad = checkSignal(signal);
      if (bad !== undefined) fail(bad);
      break;
    }
    case 'expose': {
      const ports: string[] = [];
      for (const a of command.args) {
        const r = expandWords(a.value, env, ctx.escape);
        for (const u of r.unmatched) unmatched.add(u);
        if (r.error !== undefined) fail(r.error);
        else ports.push(...r.words);
      }
      expanded.ports = ports;
      const exposed: string[] = [];
      for (const port of ports) {
        const spec = parsePort(port);
        if (typeof spec === 'string') fail(spec);
        else exposed.push(...spec.ports);
      }
      expanded.exposed = exposed;
      break;
    }
    case 'env':
    case 'label': {
      const keys: string[] = [];
      const values: string[] = [];
      for (const pair of command.pairs) {
        keys.push(ex(pair.key.value));
        values.push(ex(pair.value.value));
      }
      expanded.keys = keys;
      expanded.values = values;
      if (command.kind === 'env') keys.forEach((k, i) => setEnv(state, k, values[i]));
      break;
    }
    case 'arg': {
      const args: string[] = [];
      for (const decl of command.args) {
        const key = decl.name.value;
        let value: string | undefined;
        if (Object.hasOwn(ctx.buildArgs, key)) value = ctx.buildArgs[key];
        else if (decl.defaultValue !== undefined) {
          // Each declaration sees the values set by the ones before it.
          const r = expandWord(decl.defaultValue.value, state.env, ctx.escape);
          for (const u of r.unmatched) if (!state.declaredArgs.has(u)) unmatched.add(u);
          if (r.error !== undefined) fail(r.error);
          value = r.error !== undefined ? decl.defaultValue.value : r.value;
        } else if (ctx.globals.has(key)) value = ctx.globals.get(key);
        if (value !== undefined && !NON_ENV_ARGS.has(key)) setEnv(state, key, value);
        state.declaredArgs.add(key);
        args.push(value !== undefined ? `${key}=${value}` : key);
      }
      expanded.args = args;
      break;
    }
    case 'run': {
      mounts = [];
      const list: string[] = [];
      command.mounts.forEach((raw, k) => {
        const r = parseMount(raw.raw, (word) => {
          const e = expandWord(word, env, ctx.escape);
          return { value: e.value, error: e.error, unmatched: e.unmatched };
        });
        for (const u of r.unmatched) unmatched.add(u);
        list.push(r.expanded);
        if (r.error !== undefined || r.mount === undefined) {
          fail(r.error ?? 'invalid mount');
          return;
        }
        const mount = r.mount;
        mounts?.push(mount);
        const stage = ctx.mountStages?.[k];
        if (mount.from !== '' && stage !== undefined && !ctx.isDispatched(stage)) {
          fail(
            `cannot mount from stage ${goQuote(mount.from)} to ${goQuote(mount.target)}, stage needs to be defined before current command`,
          );
        }
        if (mount.type !== 'secret' && mount.type !== 'ssh') {
          const target = mount.target.startsWith('/') ? cleanAbs(mount.target) : joinPath('/', state.workdir, mount.target);
          if (target === '/') fail(`invalid mount target ${goQuote(target)}`);
        }
      });
      expanded.mounts = list;
      if (command.devices !== undefined && command.devices.length > 0) {
        fail('device feature is only supported in Dockerfile frontend 1.14.0-labs or later');
      }
      // Secret env mounts show as **** in the step name.
      const secrets = mounts.filter((m) => m.type === 'secret' && m.env !== undefined);
      if (secrets.length > 0) {
        const masked = new Map(state.env);
        for (const m of secrets) {
          masked.delete(m.env as string);
          masked.set(m.env as string, '****');
        }
        stepEnv = masked;
      }
      if (command.heredocs.length > 0 && command.args.length === 1 && command.shellForm) {
        if (heredocWord(command.args[0]) !== undefined) singleHeredocBody = command.heredocs[0].content;
      }
      break;
    }
    case 'shell':
      state.shell = command.args.map((a) => a.value);
      break;
    default:
      break;
  }

  // Names declared by ARG are exempt from UndefinedVar (BuildKit's d.buildArgs); ARG
  // filtered each declaration against the names declared before it.
  const names = [...unmatched].filter(
    (u) => (command.kind === 'arg' || !state.declaredArgs.has(u)) && !NON_ENV_ARGS.has(u),
  );
  return {
    command,
    state: before,
    onbuild: ctx.onbuild,
    expanded,
    ...(ctx.origin !== undefined ? { origin: ctx.origin } : {}),
    ...(mounts !== undefined ? { mounts } : {}),
    ...(ctx.mountStages !== undefined ? { mountStages: ctx.mountStages } : {}),
    stepText: stepText(command, stepEnv, ctx.escape, singleHeredocBody),
    unmatched: names,
  };
}

function cleanAbs(p: string): string {
  return joinPath('/', p);
}

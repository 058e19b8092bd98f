/**
 * The mutable dispatch state of one stage while it is evaluated, plus the small path and
 * signal helpers BuildKit's dispatch uses. Snapshots of it become `StageState` values.
 */
import { resolveWorkdir } from '../core/paths.ts';
import type { StageState } from './model.ts';

export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
export const DEFAULT_SHELL: readonly string[] = ['/bin/sh', '-c'];

/** ARG names that never enter the environment. */
export const NON_ENV_ARGS: ReadonlySet<string> = new Set(['BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE']);

/** One `KEY=VALUE` setting in a persistent list (newest first), shared between states. */
interface EnvNode {
  readonly parent: EnvNode | undefined;
  readonly key: string;
  readonly entry: string;
}

/** An environment at one point: its list is built on first read, then kept. */
interface EnvView {
  readonly chain: EnvNode | undefined;
  list?: readonly string[];
}

export interface DispatchState {
  /** The LLB environment for lookups; re-setting a key moves it to the end, as llb.EnvList does. */
  env: Map<string, string>;
  /** The same environment as a persistent list, so snapshots cost nothing until read. */
  chain: EnvNode | undefined;
  workdir: string;
  /** The image config WorkingDir ('' until a WORKDIR, or inherited). */
  configWorkdir: string;
  user: string;
  shell: readonly string[];
  /** Names declared by ARG in this stage or its FROM ancestors (set or not). */
  declaredArgs: Set<string>;
  workdirSet: boolean;
  /** The last snapshot, reused while nothing changes (consecutive commands share it). */
  cached?: StageState;
  /** The environment view of the last snapshot, reused while the environment is unchanged. */
  view?: EnvView;
}

/**
 * A stage's state right after FROM. From an image: its config's Env in order (PATH added with
 * the default when the image sets none), its WorkingDir and User, as BuildKit's dispatch
 * applies them; the WORKDIR is not "set" for WorkdirRelativePath (it comes from the image).
 */
export function initialState(config?: { readonly env: readonly string[]; readonly workingDir: string; readonly user: string }): DispatchState {
  const env = new Map<string, string>();
  let chain: EnvNode | undefined;
  for (const pair of config?.env ?? []) {
    const eq = pair.indexOf('=');
    const key = eq === -1 ? pair : pair.slice(0, eq);
    const value = eq === -1 ? '' : pair.slice(eq + 1);
    env.delete(key);
    env.set(key, value);
    chain = { parent: chain, key, entry: `${key}=${value}` };
  }
  if (!env.has('PATH')) {
    env.set('PATH', DEFAULT_PATH);
    chain = { parent: chain, key: 'PATH', entry: `PATH=${DEFAULT_PATH}` };
  }
  const workingDir = config?.workingDir ?? '';
  const workdir = workingDir === '' ? '/' : resolveWorkdir('/', workingDir);
  return {
    env,
    chain,
    workdir,
    configWorkdir: workingDir === '' ? '' : workdir,
    user: config?.user ?? '',
    shell: DEFAULT_SHELL,
    declaredArgs: new Set(),
    workdirSet: false,
  };
}

export function cloneState(s: DispatchState): DispatchState {
  return { ...s, env: new Map(s.env), declaredArgs: new Set(s.declaredArgs) };
}

export function setEnv(s: DispatchState, key: string, value: string): void {
  s.env.delete(key);
  s.env.set(key, value);
  s.chain = { parent: s.chain, key, entry: `${key}=${value}` };
  s.cached = undefined;
  s.view = undefined;
}

/** Where a snapshot keeps its environment view: a non-enumerable key, invisible to spreads, JSON and clones. */
const VIEW = Symbol('environment view');

/**
 * The `env` getter of every snapshot: one function for all, so that all snapshots share one
 * hidden class (a closure per snapshot turned each one into a slow dictionary-mode object).
 */
function snapshotEnv(this: { readonly [VIEW]: EnvView }): readonly string[] {
  const view = this[VIEW];
  return (view.list ??= envList(view.chain));
}

/**
 * The state as plain data; the same object while the state is unchanged. `env` is an
 * enumerable getter that builds the list on first read (then keeps it): a file with thousands
 * of ENV lines would otherwise spend quadratic time on lists nobody reads. It reads, spreads,
 * serialises and structured-clones like an ordinary array property.
 */
export function snapshot(s: DispatchState): StageState {
  const c = s.cached;
  if (c !== undefined && c.workdir === s.workdir && c.user === s.user && c.shell === s.shell) return c;
  const view: EnvView = s.view ?? { chain: s.chain };
  s.view = view;
  const state = {} as { env: readonly string[]; workdir: string; user: string; shell: readonly string[] };
  Object.defineProperty(state, VIEW, { value: view });
  Object.defineProperty(state, 'env', { enumerable: true, configurable: true, get: snapshotEnv });
  state.workdir = s.workdir;
  state.user = s.user;
  state.shell = s.shell;
  s.cached = state;
  return state;
}

/** `KEY=VALUE` in the order of each key's latest setting. */
function envList(chain: EnvNode | undefined): readonly string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (let node = chain; node !== undefined; node = node.parent) {
    if (seen.has(node.key)) continue;
    seen.add(node.key);
    out.push(node.entry);
  }
  return out.reverse();
}

const SIGNALS = new Set([
  'ABRT', 'ALRM', 'BUS', 'CHLD', 'CLD', 'CONT', 'FPE', 'HUP', 'ILL', 'INT', 'IO', 'IOT', 'KILL', 'PIPE',
  'POLL', 'PROF', 'PWR', 'QUIT', 'SEGV', 'STKFLT', 'STOP', 'SYS', 'TERM', 'TRAP', 'TSTP', 'TTIN', 'TTOU',
  'URG', 'USR1', 'USR2', 'VTALRM', 'WINCH', 'XCPU', 'XFSZ', 'RTMIN', 'RTMAX',
  ...Array.from({ length: 15 }, (_, i) => `RTMIN+${i + 1}`),
  ...Array.from({ length: 14 }, (_, i) => `RTMAX-${i + 1}`),
]);

/** STOPSIGNAL validation (moby's signal.ParseSignal on Linux); the error text or undefined. */
export function checkSignal(raw: string): string | undefined {
  if (/^[+-]?\d+$/.test(raw)) return Number(raw) === 0 ? `invalid signal: ${raw}` : undefined;
  let name = raw.toUpperCase();
  if (name.startsWith('SIG')) name = name.slice(3);
  return SIGNALS.has(name) ? undefined : `invalid signal: ${raw}`;
}

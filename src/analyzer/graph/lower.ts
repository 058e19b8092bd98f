/**
 * Lowering: the target stage and the stages it reaches become the LLB ops BuildKit's
 * Dockerfile frontend emits (`dockerfile2llb`): sources, exec, file and merge ops, with
 * inputs in BuildKit's order, step names, stages and lines. Never throws.
 */
import type { Diagnostic } from '../core/diagnostic.ts';
import { buildError } from '../core/diagnostic.ts';
import type {
  BuildOptions,
  CopyCommand,
  DockerfileModel,
  EvaluatedBuild,
  EvaluatedCommand,
  EvaluatedStage,
  RunCommand,
} from '../instructions/model.ts';
import { canonicalRef, displayRef, parseImageRef } from '../core/image-ref.ts';
import type { BuildGraph, ExecMount, FileAction } from './model.ts';
import type { Mount } from '../instructions/model.ts';
import { parseMount } from '../instructions/mounts.ts';
import { OpTable, type OpMeta } from './op-table.ts';
import { clean, hasWildcard, isAbs, join, resolveDest, resolveWorkdir, sourcePath } from '../core/paths.ts';
import { classifySource } from './source-kind.ts';

const DEFAULT_PLATFORM = 'linux/amd64';
const HEREDOC_MARKER = /^(\d*)<<(-?)\s*([^<]*)$/;

/** A stage's LLB state while lowering: the op whose output is its filesystem (none = scratch). */
interface FsState {
  readonly fs?: string;
  readonly platform: string;
}

/** Step numbering of one stage (`prefixCommand` in the frontend). */
interface Steps {
  readonly stageName: string;
  readonly total: number;
  index: number;
}

class LowerError extends Error {}

/**
 * Lowers an evaluated build. `model` gives the number of stages in the whole file (pruned
 * ones included), which decides whether step names carry a stage part.
 */
export function lower(build: EvaluatedBuild, options: BuildOptions, model: DockerfileModel): BuildGraph {
  try {
    return new Lowering(build, options, model).run();
  } catch (error) {
    const message = `internal analyzer error while lowering: ${error instanceof Error ? error.message : String(error)}`;
    return { ops: [], stages: [], diagnostics: [buildError(message, { start: 0, end: 0 })] };
  }
}

class Lowering {
  private readonly table = new OpTable();
  private readonly diagnostics: Diagnostic[] = [];
  /** Final filesystem of each lowered stage, by stage index. */
  private readonly stageResults = new Map<number, FsState>();
  private readonly targetPlatform: string;
  private readonly mergeOp: boolean;
  /** SOURCE_DATE_EPOCH: WORKDIR directories get this timestamp (part of the mkdir). */
  private readonly epoch?: string;
  private readonly build: EvaluatedBuild;
  private readonly model: DockerfileModel;
  /** Reachable stages by index and by name (a later definition of a name wins, as in BuildKit). */
  private readonly byIndex = new Map<number, EvaluatedStage>();
  private readonly byName = new Map<string, EvaluatedStage>();

  constructor(build: EvaluatedBuild, options: BuildOptions, model: DockerfileModel) {
    this.build = build;
    this.model = model;
    this.mergeOp = options.mergeOp !== false;
    this.epoch = options.buildArgs?.SOURCE_DATE_EPOCH ?? build.globalArgs?.SOURCE_DATE_EPOCH;
    for (const s of build.stages ?? []) {
      this.byIndex.set(s.stage.index, s);
      if (s.stage.name) this.byName.set(s.stage.name, s);
    }
    this.targetPlatform = normalizePlatform(build.globalArgs?.TARGETPLATFORM ?? DEFAULT_PLATFORM, DEFAULT_PLATFORM);
  }

  run(): BuildGraph {
    const stages = this.build.stages ?? [];
    const single = this.isSingleDispatchState(stages);
    for (const stage of stages) {
      try {
        this.lowerStage(stage, single);
      } catch (error) {
        if (!(error instanceof LowerError)) throw error;
        break; // BuildKit stops at its first error.
      }
    }
    const result = this.stageResults.get(this.build.target)?.fs;
    const roots = stages.map((s) => this.stageResults.get(s.stage.index)?.fs);
    const { ops, ids } = this.table.finish(result, roots);
    return {
      ops,
      ...(result !== undefined ? { result: ids.get(result) } : {}),
      stages: stages.map((s) => {
        const fs = this.stageResults.get(s.stage.index)?.fs;
        return {
          index: s.stage.index,
          name: s.stage.name ?? `stage-${s.stage.index}`,
          ...(fs !== undefined ? { result: ids.get(fs) } : {}),
        };
      }),
      diagnostics: this.diagnostics,
    };
  }

  /**
   * BuildKit drops the stage part of step names when the build has exactly one dispatch
   * state: one stage, and no hidden source state (`COPY --from=<image>`, any `RUN --mount`).
   */
  private isSingleDispatchState(stages: readonly EvaluatedStage[]): boolean {
    const count = this.model.stages.length;
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

  private fail(message: string, c: EvaluatedCommand): never {
    // Evaluation may already have reported the same dispatch error; say it once.
    if (!(this.build.diagnostics ?? []).some((d) => d.message === message)) this.diagnostics.push(buildError(message, c.command.node.span));
    throw new LowerError(message);
  }

  private lowerStage(stage: EvaluatedStage, single: boolean): void {
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
      const platform = normalizePlatform(base.platform ?? stage.platform, this.targetPlatform);
      const name = this.prefix(steps, `FROM ${this.imageName(base.ref)}`, false);
      const fs = this.imageSource(base.ref, platform, {
        name,
        role: 'from',
        stage: stage.stage.index,
        ...nodeLines(stage.stage.from.node),
        details: {},
      });
      state = { fs, platform };
    } else if (base.kind === 'stage') {
      const parent = this.stageResults.get(base.index);
      state = parent ?? { platform: this.targetPlatform };
    } else {
      const platform = normalizePlatform(stage.platform ?? stage.stage.from.platform?.value, this.targetPlatform);
      state = { platform: platform.includes('$') ? this.targetPlatform : platform };
    }
    this.stageResults.set(stage.stage.index, state);
    for (const c of stage.commands) {
      const kind = c.command.kind;
      try {
        if (kind === 'run') state = this.lowerRun(stage, steps, state, c, c.command as RunCommand);
        else if (kind === 'copy' || kind === 'add') state = this.lowerCopy(stage, steps, state, c, c.command as CopyCommand);
        else if (kind === 'workdir') state = this.lowerWorkdir(stage, steps, state, c);
      } catch (error) {
        if (!(error instanceof LowerError)) throw error;
        // BuildKit stops at its first error; keep what was lowered so far.
        this.stageResults.set(stage.stage.index, state);
        throw error;
      }
      this.stageResults.set(stage.stage.index, state);
    }
  }

  /** `[stage 2/5] ` + optional `ONBUILD ` + text; no prefix when the stage counts no steps. */
  private prefix(steps: Steps, text: string, onbuild: boolean): string {
    if (steps.total === 0) return text;
    steps.index++;
    const width = String(steps.total).length;
    const stagePart = steps.stageName ? `${steps.stageName} ` : '';
    return `[${stagePart}${String(steps.index).padStart(width, ' ')}/${steps.total}] ${onbuild ? 'ONBUILD ' : ''}${text}`;
  }

  private imageName(ref: string): string {
    const parsed = parseImageRef(ref);
    return 'error' in parsed ? ref : canonicalRef(parsed);
  }

  private imageSource(ref: string, platform: string, meta: OpMeta): string {
    const parsed = parseImageRef(ref);
    const identity = 'error' in parsed ? ref : canonicalRef(parsed);
    const shown = 'error' in parsed ? ref : displayRef(parsed);
    const platformDetail = platform !== this.targetPlatform ? { platform } : {};
    return this.table.add('source', { image: identity, platform }, [], {
      ...meta,
      details: { identifier: `docker-image://${shown}`, ...platformDetail },
    });
  }

  private context(): string {
    return this.table.add('source', { local: 'context' }, [], {
      name: '[internal] load build context',
      role: 'context',
      details: { identifier: 'local://context' },
    });
  }

  private commandMeta(stage: EvaluatedStage, c: EvaluatedCommand, name: string, role: string): Omit<OpMeta, 'details'> {
    return { name, role, stage: stage.stage.index, ...nodeLines(c.command.node) };
  }

  private stepText(c: EvaluatedCommand): string {
    if (c.stepText) return c.stepText;
    const original = c.command.node.original ?? '';
    const space = original.search(/\s/);
    return space === -1 ? original.toUpperCase() : original.slice(0, space).toUpperCase() + original.slice(space);
  }

  // -------------------------------------------------------------------------------------
  // WORKDIR

  private lowerWorkdir(stage: EvaluatedStage, steps: Steps, state: FsState, c: EvaluatedCommand): FsState {
    const written = str(c.expanded.path) ?? firstArg(c);
    const wd = resolveWorkdir(c.state.workdir || '/', written);
    if (wd === '/') return state;
    const name = this.prefix(steps, this.stepText(c), c.onbuild);
    const user = c.state.user && c.state.user !== '' ? c.state.user : undefined;
    const action: FileAction = { type: 'mkdir', path: wd, onto: state.fs ? 'base' : 'scratch', mode: 0o755, ...(user ? { owner: user } : {}) };
    const fs = this.table.add(
      'file',
      { actions: [{ mkdir: wd, mode: 0o755, parents: true, user: user ?? null, time: this.epoch ?? null, base: state.fs ? 0 : -1 }] },
      state.fs ? [state.fs] : [],
      { ...this.commandMeta(stage, c, name, 'workdir'), details: { actions: [action] } },
    );
    return { ...state, fs };
  }

  // -------------------------------------------------------------------------------------
  // RUN

  private lowerRun(stage: EvaluatedStage, steps: Steps, state: FsState, c: EvaluatedCommand, run: RunCommand): FsState {
    const workdir = c.state.workdir || '/';
    let args: string[] = [...run.args];
    interface PendingMount {
      readonly target: string;
      readonly input?: string;
      readonly spec: ExecMount;
      readonly def: Record<string, unknown>;
    }
    const mounts: PendingMount[] = [];
    const secrets: Record<string, unknown>[] = [];
    const sshes: Record<string, unknown>[] = [];
    const shownMounts: ExecMount[] = [];

    // Heredocs (`dispatchRun`): a lone shebang heredoc becomes a file mounted at /dev/pipes/.
    if (run.heredocs.length > 0 && run.shellForm) {
      const text = (args[0] ?? '').trim();
      if (isSingleHeredoc(text)) {
        const doc = run.heredocs[0];
        const data = doc.chomp ? doc.content.replace(/^\t+/gm, '') : doc.content;
        if (data.startsWith('#!')) {
          const file = join('/', doc.name);
          const pipe = this.table.add('file', { actions: [{ mkfile: file, mode: 0o755, data }] }, [], {
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

    // Evaluation interprets each --mount; without it (hand-built input), read the raw values.
    const specs: MountSpec[] = (
      c.mounts ??
      (arr(c.expanded.mounts) ?? run.mounts.map((m) => m.raw))
        .map((raw) => parseMount(raw, (value) => ({ value, unmatched: [] })).mount)
        .filter((m) => m !== undefined)
    ).map(fromEvaluatedMount);
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
      else if (from === undefined || from === '') input = this.context();
      else input = this.mountOrigin(stage, c, from, m.target ?? '', c.mountStages?.[i]);
      const rawTarget = m.target ?? '';
      let target = rawTarget;
      if (!isAbs(clean(rawTarget))) target = join('/', workdir, rawTarget);
      if (target === '/') this.fail(`invalid mount target ${JSON.stringify(target)}`, c);
      let selector: string | undefined;
      const src = join('/', m.source ?? '');
      if (src !== '/') selector = src;
      else if (m.type !== 'tmpfs' && (m.uid !== undefined || m.gid !== undefined || m.mode !== undefined)) {
        const mode = m.mode ?? 0o755;
        const owner = `${m.uid ?? 0}:${m.gid ?? 0}`;
        input = this.table.add('file', { actions: [{ mkdir: '/cache', mode, owner, base: input ? 0 : -1 }] }, input ? [input] : [], {
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

    // Mounts are marshalled sorted by target (a byte-wise string comparison); the root `/`
    // comes first. An output mounted twice is a single input.
    mounts.sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
    const { inputs, indexOf } = inputList();
    const rootIndex = indexOf(state.fs);
    const mountDefs = mounts.map((m) => ({ ...m.def, input: indexOf(m.input) }));

    const env = [...(c.state.env ?? [])];
    if (sshes.length > 0 && !env.some((e) => e.startsWith('SSH_AUTH_SOCK='))) env.push(`SSH_AUTH_SOCK=${sshes[0].target as string}`);
    const network = run.network ?? 'default';
    const security = run.security ?? 'sandbox';
    const cwd = workdir;
    const user = c.state.user ?? '';
    const definition = {
      args,
      env,
      cwd,
      user,
      network,
      security,
      platform: state.platform,
      root: rootIndex,
      mounts: mountDefs,
      secrets,
      ssh: sshes,
    };
    const name = this.prefix(steps, this.stepText(c), c.onbuild);
    const fs = this.table.add('exec', definition, inputs, {
      ...this.commandMeta(stage, c, name, 'run'),
      details: {
        args,
        env,
        cwd,
        user,
        network,
        security,
        mounts: [...mounts.map((m) => m.spec), ...shownMounts],
        ...(state.fs !== undefined ? { root: state.fs } : {}),
        ...(state.platform !== this.targetPlatform ? { platform: state.platform } : {}),
      },
    });
    return { ...state, fs };
  }

  /** `RUN --mount from=X`: a stage name, `scratch`, or an image. */
  private mountOrigin(stage: EvaluatedStage, c: EvaluatedCommand, from: string, target: string, index?: number): string | undefined {
    const lower = from.toLowerCase();
    const named = index !== undefined ? this.byIndex.get(index) : this.byName.get(lower);
    if (named) {
      const result = this.stageResults.get(named.stage.index);
      if (result === undefined || named.stage.index >= stage.stage.index) {
        this.fail(`cannot mount from stage ${JSON.stringify(from)} to ${JSON.stringify(target)}, stage needs to be defined before current command`, c);
      }
      return result.fs;
    }
    if (from === 'scratch') return undefined;
    return this.imageSource(from, this.targetPlatform, { name: `FROM ${this.imageName(from)}`, role: 'image', details: {} });
  }

  // -------------------------------------------------------------------------------------
  // COPY / ADD

  private lowerCopy(stage: EvaluatedStage, steps: Steps, state: FsState, c: EvaluatedCommand, cmd: CopyCommand): FsState {
    const isAdd = cmd.kind === 'add';
    const workdir = c.state.workdir || '/';
    const destWritten = str(c.expanded.dest) ?? cmd.dest.value;
    const dest = resolveDest(destWritten, workdir);
    const chown = str(c.expanded.chown) ?? cmd.chown?.value;
    const chmod = str(c.expanded.chmod) ?? cmd.chmod?.value;
    let checksum = str(c.expanded.checksum) ?? cmd.checksum?.value;

    const heredocNames = new Set(cmd.heredocs.map((h) => h.name));
    const isHeredocWord = (w: string) => {
      const m = HEREDOC_MARKER.exec(w);
      return m !== null && heredocNames.has(m[3].replace(/^["']|["']$/g, ''));
    };
    const written = arr(c.expanded.sources) ?? cmd.sources.map((s) => s.value);
    const paths = written.filter((w) => !isHeredocWord(w));
    const docs = cmd.sources
      .map((s) => HEREDOC_MARKER.exec(s.value))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => cmd.heredocs.find((h) => h.name === m[3].replace(/^["']|["']$/g, '')))
      .filter((h) => h !== undefined);

    if (chmod) this.checkChmod(chmod, c);
    if (checksum) {
      if (!isAdd) this.fail("checksum can't be specified for COPY", c);
      if (paths.length !== 1) this.fail("checksum can't be specified for multiple sources", c);
      const k = classifySource(paths[0]);
      if (k.kind !== 'http' && k.kind !== 'git') this.fail('checksum requires HTTP(S) or Git sources', c);
    }

    const name = this.prefix(steps, this.stepText(c), c.onbuild);
    const link = this.mergeOp && cmd.link && !chmod;
    const base = link ? undefined : state.fs;
    const meta = this.commandMeta(stage, c, name, cmd.kind);

    interface PendingAction {
      readonly source?: string;
      readonly action: Omit<Extract<FileAction, { type: 'copy' }>, 'onto' | 'sourceOp'>;
      readonly def: Record<string, unknown>;
    }
    const actions: PendingAction[] = [];
    const common = {
      dest,
      ...(chown ? { chown } : {}),
      ...(chmod ? { chmod } : {}),
      ...(cmd.excludes.length ? { excludes: [...cmd.excludes] } : {}),
    };
    const commonDef = { dest, chown: chown ?? null, chmod: chmod ?? null, excludes: cmd.excludes };

    for (const src of paths) {
      const kind = classifySource(src);
      if (kind.kind === 'error') this.fail(kind.message, c);
      if (kind.kind === 'git') {
        if (!isAdd) this.fail("source can't be a git ref for COPY", c);
        if (cmd.keepGitDir !== undefined && kind.keepGitDir !== undefined && cmd.keepGitDir !== kind.keepGitDir) {
          this.fail('inconsistent keep-git-dir configuration', c);
        }
        const keepGitDir = kind.keepGitDir ?? cmd.keepGitDir ?? false;
        if (checksum && kind.checksum && checksum !== kind.checksum) {
          this.fail(`checksum mismatch ${JSON.stringify(checksum)} != ${JSON.stringify(kind.checksum)}`, c);
        }
        if (kind.checksum) checksum = kind.checksum;
        const op = this.table.add(
          'source',
          { git: kind.id, keepGitDir, checksum: checksum ?? null, submodules: kind.submodules ?? null, fetchByCommit: kind.fetchByCommit ?? false },
          [],
          { ...meta, role: 'git', details: { identifier: `git://${kind.id}`, ...(keepGitDir ? { keepGitDir } : {}), ...(checksum ? { checksum } : {}) } },
        );
        actions.push({ source: op, action: { type: 'copy', src: '/', ...common }, def: { ...commonDef, src: '/', createDest: true } });
      } else if (kind.kind === 'http') {
        if (!isAdd) this.fail("source can't be a URL for COPY", c);
        if (checksum && !/^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/.test(checksum)) this.fail('invalid checksum digest format', c);
        const op = this.table.add('source', { http: kind.url, filename: kind.filename, checksum: checksum ?? null }, [], {
          ...meta,
          role: 'http',
          details: { identifier: kind.url, ...(checksum ? { checksum } : {}) },
        });
        const unpack = cmd.unpack ?? false;
        actions.push({
          source: op,
          action: { type: 'copy', src: kind.filename, ...common, ...(unpack ? { unpack } : {}) },
          def: { ...commonDef, src: kind.filename, createDest: true, unpack },
        });
      } else {
        const origin = this.copyOrigin(stage, c, cmd);
        let from = src;
        let includes: string[] | undefined;
        let required: string[] | undefined;
        if (cmd.parents) {
          const pivot = from.indexOf('/./');
          let pattern: string;
          if (pivot === -1) {
            pattern = from;
            from = '/';
          } else {
            pattern = from.slice(pivot + 3);
            from = from.slice(0, pivot);
          }
          const normalized = isAbs(pattern) ? pattern : join('/', pattern);
          includes = [normalized.replace(/^\//, '')];
          if (!hasWildcard(from) && !hasWildcard(normalized)) required = [sourcePath(join(from, normalized))];
        }
        const srcPath = sourcePath(from);
        const unpack = cmd.unpack ?? isAdd;
        actions.push({
          source: origin,
          action: { type: 'copy', src: srcPath, ...common, ...(unpack ? { unpack } : {}), ...(includes ? { includes } : {}) },
          def: {
            ...commonDef,
            src: srcPath,
            follow: true,
            dirContents: true,
            includes: includes ?? null,
            required: required ?? null,
            unpack,
            createDest: true,
            wildcard: true,
            emptyWildcard: true,
          },
        });
      }
    }

    const bodies = arr(c.expanded.heredocs);
    for (const [k, doc] of docs.entries()) {
      const data = bodies?.[k] ?? (doc.chomp ? doc.content.replace(/^\t+/gm, '') : doc.content);
      const file = join('/', doc.name);
      const op = this.table.add('file', { actions: [{ mkfile: file, mode: 0o644, data, base: -1 }] }, [], {
        name: '[internal] preparing inline document',
        role: 'heredoc',
        stage: stage.stage.index,
        ...nodeLines(cmd.node),
        details: { actions: [{ type: 'mkfile', path: file, onto: 'scratch', mode: 0o644, data }] },
      });
      actions.push({ source: op, action: { type: 'copy', src: file, ...common }, def: { ...commonDef, src: file, createDest: true } });
    }

    if (actions.length === 0) return state;

    // Inputs: the base first (when the first action has one), then each copy source, once.
    const { inputs, indexOf } = inputList();
    const baseIndex = indexOf(base);
    const defActions = actions.map((a, i) => ({ ...a.def, base: i === 0 ? baseIndex : 'prev', from: indexOf(a.source) }));
    const shownActions: FileAction[] = actions.map((a, i) => ({
      ...a.action,
      onto: i > 0 ? 'prev' : base ? 'base' : 'scratch',
      sourceOp: a.source ?? '',
    }));
    const copy = this.table.add('file', { actions: defActions }, inputs, {
      ...meta,
      details: { actions: shownActions },
      ...(link ? { linked: true } : {}),
    });
    if (!link || state.fs === undefined) return { ...state, fs: copy };
    // The merge shares the step's index and progress group: `[i/N] LINK <text>`.
    const mergeName = steps.total === 0 ? `LINK ${this.stepText(c)}` : name.replace(/\] (ONBUILD )?/, (m) => `${m}LINK `);
    const merged = this.table.add('merge', {}, [state.fs, copy], {
      ...this.commandMeta(stage, c, mergeName, 'link-merge'),
      details: {},
      linked: true,
    });
    return { ...state, fs: merged };
  }

  /** Where the files of a COPY come from: the context, a stage's final state, or an image. */
  private copyOrigin(stage: EvaluatedStage, c: EvaluatedCommand, cmd: CopyCommand): string | undefined {
    const origin = c.origin;
    if (cmd.kind === 'add' || origin === undefined || origin.kind === 'context') {
      if (cmd.kind === 'copy' && cmd.from && origin === undefined) return this.fromByName(stage, c, cmd.from.value);
      return this.context();
    }
    if (origin.kind === 'stage') {
      const result = this.stageResults.get(origin.index);
      if (result === undefined || origin.index >= stage.stage.index) {
        const current = stage.stage.name ?? `stage-${stage.stage.index}`;
        this.fail(`cannot copy from stage ${JSON.stringify(cmd.from?.value ?? String(origin.index))}, it needs to be defined before current stage ${JSON.stringify(current)}`, c);
      }
      return result.fs;
    }
    // BuildKit gives this image the location of the COPY that names it.
    return this.imageSource(origin.ref, this.targetPlatform, { name: `FROM ${this.imageName(origin.ref)}`, role: 'image', ...nodeLines(cmd.node), details: {} });
  }

  /** Fallback when evaluation gave no origin: resolve `--from` as BuildKit does. */
  private fromByName(stage: EvaluatedStage, c: EvaluatedCommand, from: string): string | undefined {
    const byIndex = /^\d+$/.test(from) ? this.byIndex.get(Number(from)) : undefined;
    const named = byIndex ?? this.byName.get(from.toLowerCase());
    if (named) {
      const result = this.stageResults.get(named.stage.index);
      if (result === undefined || named.stage.index >= stage.stage.index) {
        const current = stage.stage.name ?? `stage-${stage.stage.index}`;
        this.fail(`cannot copy from stage ${JSON.stringify(from)}, it needs to be defined before current stage ${JSON.stringify(current)}`, c);
      }
      return result.fs;
    }
    return this.imageSource(from, this.targetPlatform, { name: `FROM ${this.imageName(from)}`, role: 'image', ...nodeLines(c.command.node), details: {} });
  }

  /** `--chmod`: octal up to 07777, or a symbolic mode (Dockerfile 1.14). */
  private checkChmod(chmod: string, c: EvaluatedCommand): void {
    const nonOctal = `invalid chmod parameter: '${chmod}'. it should be octal string and between 0 and 07777`;
    if (/^[0-7]+$/.test(chmod)) {
      if (Number.parseInt(chmod, 8) > 0o7777) this.fail(nonOctal, c);
      return;
    }
    if (/^[0-9]+$/.test(chmod)) this.fail(nonOctal, c);
  }
}

/** `MustParseHeredoc` on a RUN command: the whole command is one `<<WORD` marker. */
function isSingleHeredoc(text: string): boolean {
  const m = HEREDOC_MARKER.exec(text);
  if (!m || m[3].length === 0) return false;
  let words = 0;
  let inWord = false;
  let quote = '';
  const rest = m[3];
  for (let i = 0; i < rest.length; i++) {
    const ch = rest[i];
    if (quote) {
      if (ch === quote) quote = '';
      else if (ch === '\\' && quote === '"') i++;
      continue;
    }
    if (/\s/.test(ch)) {
      inWord = false;
      continue;
    }
    if (!inWord) {
      words++;
      inWord = true;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '\\') i++;
  }
  return words === 1;
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

function normalizePlatform(p: string | undefined, fallback: string): string {
  if (p === undefined || p.trim() === '') return fallback;
  const parts = p.trim().toLowerCase().split('/');
  if (parts[1] === 'x86_64' || parts[1] === 'x86-64') parts[1] = 'amd64';
  if (parts[1] === 'aarch64') parts[1] = 'arm64';
  if (parts[1] === 'arm64' && parts[2] === 'v8') parts.length = 2;
  return parts.join('/');
}

function nodeLines(node: { span?: { start: number; end: number }; startLine?: number; endLine?: number } | undefined) {
  if (!node) return {};
  return {
    ...(node.span ? { span: node.span } : {}),
    ...(node.startLine !== undefined ? { startLine: node.startLine, endLine: node.endLine ?? node.startLine } : {}),
  };
}

function str(v: string | readonly string[] | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function arr(v: string | readonly string[] | undefined): readonly string[] | undefined {
  return Array.isArray(v) ? (v as readonly string[]) : undefined;
}

function firstArg(c: EvaluatedCommand): string {
  const command = c.command as { args?: readonly (string | { value: string })[] };
  const first = command.args?.[0];
  return typeof first === 'string' ? first : (first?.value ?? '');
}

function baseName(p: string): string {
  const c = clean(p);
  if (c === '/') return '/';
  return c.split('/').pop() ?? c;
}

/**
 * An op's input list as LLB marshals it: each input once, in order of first use.
 * `indexOf` adds a key on first sight and gives its position; -1 stands for no input (scratch).
 */
function inputList(): { inputs: string[]; indexOf: (key: string | undefined) => number } {
  const inputs: string[] = [];
  const indexOf = (key: string | undefined): number => {
    if (key === undefined) return -1;
    const i = inputs.indexOf(key);
    if (i !== -1) return i;
    inputs.push(key);
    return inputs.length - 1;
  };
  return { inputs, indexOf };
}

/**
 * COPY and ADD: one file op of copy actions (context, stage, image, git, HTTP and heredoc
 * sources), and with `--link` a merge onto the stage instead of a copy onto it.
 */
import { hasWildcard, isAbs, join, resolveDest, sourcePath } from '../../core/paths.ts';
import type { CopyCommand, EvaluatedCommand, EvaluatedStage } from '../../instructions/model.ts';
import type { FileAction } from '../model.ts';
import { classifySource } from '../source-kind.ts';
import { inputList, nodeLines, type FsState, type LowerContext, type Steps } from './context.ts';
import { HEREDOC_MARKER } from './heredoc.ts';

export function lowerCopy(ctx: LowerContext, stage: EvaluatedStage, steps: Steps, state: FsState, c: EvaluatedCommand, cmd: CopyCommand): FsState {
  const x = c.expanded;
  if (x.kind !== 'copy' && x.kind !== 'add') throw new Error('COPY without its evaluated words');
  const isAdd = cmd.kind === 'add';
  const workdir = c.state.workdir || '/';
  const dest = resolveDest(x.dest, workdir);
  const chown = x.chown;
  const chmod = x.chmod;
  let checksum = x.checksum;

  const heredocNames = new Set(cmd.heredocs.map((h) => h.name));
  const isHeredocWord = (w: string) => {
    const m = HEREDOC_MARKER.exec(w);
    return m !== null && heredocNames.has(m[3].replace(/^["']|["']$/g, ''));
  };
  const paths = x.sources.filter((w) => !isHeredocWord(w));
  const docs = cmd.sources
    .map((s) => HEREDOC_MARKER.exec(s.value))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => cmd.heredocs.find((h) => h.name === m[3].replace(/^["']|["']$/g, '')))
    .filter((h) => h !== undefined);

  if (chmod) checkChmod(ctx, chmod, c);
  if (checksum) {
    if (!isAdd) ctx.fail("checksum can't be specified for COPY", c);
    if (paths.length !== 1) ctx.fail("checksum can't be specified for multiple sources", c);
    const k = classifySource(paths[0]);
    if (k.kind !== 'http' && k.kind !== 'git') ctx.fail('checksum requires HTTP(S) or Git sources', c);
  }

  const name = ctx.prefix(steps, ctx.stepText(c), c.onbuild);
  const link = ctx.mergeOp && cmd.link && !chmod;
  const base = link ? undefined : state.fs;
  const meta = ctx.commandMeta(stage, c, name, cmd.kind);

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
    if (kind.kind === 'error') ctx.fail(kind.message, c);
    if (kind.kind === 'git') {
      if (!isAdd) ctx.fail("source can't be a git ref for COPY", c);
      if (cmd.keepGitDir !== undefined && kind.keepGitDir !== undefined && cmd.keepGitDir !== kind.keepGitDir) {
        ctx.fail('inconsistent keep-git-dir configuration', c);
      }
      const keepGitDir = kind.keepGitDir ?? cmd.keepGitDir ?? false;
      if (checksum && kind.checksum && checksum !== kind.checksum) {
        ctx.fail(`checksum mismatch ${JSON.stringify(checksum)} != ${JSON.stringify(kind.checksum)}`, c);
      }
      if (kind.checksum) checksum = kind.checksum;
      const op = ctx.table.add(
        'source',
        { git: kind.id, keepGitDir, checksum: checksum ?? null, submodules: kind.submodules ?? null, fetchByCommit: kind.fetchByCommit ?? false },
        [],
        { ...meta, role: 'git', details: { identifier: `git://${kind.id}`, ...(keepGitDir ? { keepGitDir } : {}), ...(checksum ? { checksum } : {}) } },
      );
      actions.push({ source: op, action: { type: 'copy', src: '/', ...common }, def: { ...commonDef, src: '/', createDest: true } });
    } else if (kind.kind === 'http') {
      if (!isAdd) ctx.fail("source can't be a URL for COPY", c);
      if (checksum && !/^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/.test(checksum)) ctx.fail('invalid checksum digest format', c);
      const op = ctx.table.add('source', { http: kind.url, filename: kind.filename, checksum: checksum ?? null }, [], {
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
      const origin = copyOrigin(ctx, stage, c, cmd);
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

  const bodies = x.heredocs;
  for (const [k, doc] of docs.entries()) {
    const data = bodies?.[k] ?? (doc.chomp ? doc.content.replace(/^\t+/gm, '') : doc.content);
    const file = join('/', doc.name);
    const op = ctx.table.add('file', { actions: [{ mkfile: file, mode: 0o644, data, base: -1 }] }, [], {
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
  const copy = ctx.table.add('file', { actions: defActions }, inputs, {
    ...meta,
    details: { actions: shownActions },
    ...(link ? { linked: true } : {}),
  });
  if (!link || state.fs === undefined) return { ...state, fs: copy };
  // The merge shares the step's index and progress group: `[i/N] LINK <text>`.
  const mergeName = steps.total === 0 ? `LINK ${ctx.stepText(c)}` : name.replace(/\] (ONBUILD )?/, (m) => `${m}LINK `);
  const merged = ctx.table.add('merge', {}, [state.fs, copy], {
    ...ctx.commandMeta(stage, c, mergeName, 'link-merge'),
    details: {},
    linked: true,
  });
  return { ...state, fs: merged };
}

/** Where the files of a COPY come from: the context, a stage's final state, or an image. */
function copyOrigin(ctx: LowerContext, stage: EvaluatedStage, c: EvaluatedCommand, cmd: CopyCommand): string | undefined {
  const origin = c.origin;
  if (cmd.kind === 'add' || origin === undefined || origin.kind === 'context') {
    if (cmd.kind === 'copy' && cmd.from && origin === undefined) return fromByName(ctx, stage, c, cmd.from.value);
    return ctx.context();
  }
  if (origin.kind === 'stage') {
    const result = ctx.stageResults.get(origin.index);
    if (result === undefined || origin.index >= stage.stage.index) {
      const current = stage.stage.name ?? `stage-${stage.stage.index}`;
      ctx.fail(`cannot copy from stage ${JSON.stringify(cmd.from?.value ?? String(origin.index))}, it needs to be defined before current stage ${JSON.stringify(current)}`, c);
    }
    return result.fs;
  }
  // BuildKit gives this image the location of the COPY that names it.
  return ctx.imageSource(origin.ref, ctx.targetPlatform, { name: `FROM ${ctx.imageName(origin.ref)}`, role: 'image', ...nodeLines(cmd.node), details: {} });
}

/** Fallback when evaluation gave no origin: resolve `--from` as BuildKit does. */
function fromByName(ctx: LowerContext, stage: EvaluatedStage, c: EvaluatedCommand, from: string): string | undefined {
  const byIndex = /^\d+$/.test(from) ? ctx.byIndex.get(Number(from)) : undefined;
  const named = byIndex ?? ctx.byName.get(from.toLowerCase());
  if (named) {
    const result = ctx.stageResults.get(named.stage.index);
    if (result === undefined || named.stage.index >= stage.stage.index) {
      const current = stage.stage.name ?? `stage-${stage.stage.index}`;
      ctx.fail(`cannot copy from stage ${JSON.stringify(from)}, it needs to be defined before current stage ${JSON.stringify(current)}`, c);
    }
    return result.fs;
  }
  return ctx.imageSource(from, ctx.targetPlatform, { name: `FROM ${ctx.imageName(from)}`, role: 'image', ...nodeLines(c.command.node), details: {} });
}

/** `--chmod`: octal up to 07777, or a symbolic mode (Dockerfile 1.14). */
function checkChmod(ctx: LowerContext, chmod: string, c: EvaluatedCommand): void {
  const nonOctal = `invalid chmod parameter: '${chmod}'. it should be octal string and between 0 and 07777`;
  if (/^[0-7]+$/.test(chmod)) {
    if (Number.parseInt(chmod, 8) > 0o7777) ctx.fail(nonOctal, c);
    return;
  }
  if (/^[0-9]+$/.test(chmod)) ctx.fail(nonOctal, c);
}

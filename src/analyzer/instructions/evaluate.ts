/**
 * One build request over the instruction model: the dispatch half of BuildKit's
 * `dockerfile2llb` (§3.3, §4). Global ARGs and built-ins, FROM expansion and base resolution,
 * target selection, `--from` / `--mount from=` references, ONBUILD triggers, pruning to the
 * reachable stages, then every reachable stage dispatched in file order.
 *
 * BuildKit stops at its first error; we report each problem and carry on with the best
 * value we have, so the rest of the build can still be shown. Never throws.
 */
import type { Diagnostic } from '../core/diagnostic.ts';
import { buildError } from '../core/diagnostic.ts';
import type { Span } from '../core/span.ts';
import { dispatchCommand, type DispatchContext } from './dispatch.ts';
import { expandWord, goQuote, type Env } from './expand.ts';
import type {
  BuildOptions,
  Command,
  CopyOrigin,
  DockerfileModel,
  EvaluatedBuild,
  EvaluatedCommand,
  EvaluatedStage,
  Stage,
  StageBase,
} from './model.ts';
// Image reference syntax is graph/'s (one definition of the grammar); it is a pure function.
import { parseImageRef } from '../graph/image-ref.ts';
import { rawMountFrom } from './mounts.ts';
import { checkPlatform } from './platform.ts';
import { cloneState, initialState, snapshot, type DispatchState } from './state.ts';
import { withSuggestion } from './suggest.ts';

const BUILD_PLATFORM = { os: 'linux', arch: 'amd64', variant: '' };

/** A reference from a command to a stage or an image (BuildKit's `deps`). */
interface Reference {
  readonly command: Command;
  readonly stage?: number;
  readonly image?: string;
  /** For RUN: which `--mount` the reference comes from. */
  readonly mountIndex?: number;
}

/** Everything known about one stage before dispatch. */
interface StageInfo {
  readonly stage: Stage;
  readonly displayName: string;
  baseName: string;
  platform?: string;
  fromUnmatched: readonly string[];
  /** Index of the base stage when FROM names an earlier stage. */
  baseStage?: number;
  /** The stage's commands, ONBUILD triggers first once initialised. */
  commands: { command: Command; onbuild: boolean }[];
  refs: Reference[];
  onbuildDone: boolean;
}

export function evaluate(model: DockerfileModel, options: BuildOptions): EvaluatedBuild {
  const diagnostics: Diagnostic[] = [];
  const escape = model.escape ?? '\\';
  const buildArgs = options.buildArgs ?? {};
  const stages = model.stages;
  const report = (message: string, at: Span) => diagnostics.push(buildError(message, at));

  if (stages.length === 0) {
    if (model.globalArgs.length > 0) report('dockerfile contains no stages to build', model.globalArgs[0].node.span);
    return { target: -1, stages: [], globalArgs: {}, diagnostics };
  }

  // Built-in platform args, then global ARGs (§3.3).
  const targetName = options.target !== undefined && options.target !== '' ? options.target : (stages.at(-1)?.name ?? '');
  const globals = builtinArgs(targetName, buildArgs);
  for (const arg of model.globalArgs) {
    for (const decl of arg.args) {
      const key = decl.name.value;
      let value: string | undefined;
      if (Object.hasOwn(buildArgs, key)) value = buildArgs[key];
      else if (decl.defaultValue !== undefined) {
        const r = expandWord(decl.defaultValue.value, globals, escape);
        if (r.error !== undefined) report(r.error, arg.node.span);
        value = r.value;
      }
      if (value !== undefined) {
        globals.delete(key);
        globals.set(key, value);
      }
    }
  }

  // Every base or source that is not a stage must be a valid image reference, reachable or not.
  const checkImageRef = (ref: string, at: Span) => {
    const parsed = parseImageRef(ref);
    if ('error' in parsed) report(`failed to parse stage name ${goQuote(ref)}: ${parsed.error}`, at);
  };

  // FROM expansion and base resolution against the stages declared earlier (§4.2).
  const byName = new Map<string, number>();
  const infos: StageInfo[] = [];
  for (const stage of stages) {
    const from = stage.from;
    const info: StageInfo = {
      stage,
      displayName: stage.name ?? `stage-${stage.index}`,
      baseName: from.image.value,
      fromUnmatched: [],
      commands: stage.commands.map((command) => ({ command, onbuild: false })),
      refs: [],
      onbuildDone: false,
    };
    infos.push(info);
    const unmatched: string[] = [];
    const name = expandWord(from.image.value, globals, escape);
    unmatched.push(...name.unmatched);
    if (!from.invalid) {
      if (name.error !== undefined) report(name.error, from.node.span);
      else if (name.value === '') report(`base name (${from.image.value}) should not be blank`, from.node.span);
    }
    info.baseName = name.error === undefined ? name.value : from.image.value;
    if (from.platform !== undefined) {
      const p = expandWord(from.platform.value, globals, escape);
      unmatched.push(...p.unmatched.filter((u) => !unmatched.includes(u)));
      if (p.error !== undefined) report(`failed to process arguments for platform : ${p.error}`, from.node.span);
      else if (p.value === '') {
        let message = `empty platform value from expression ${from.platform.value}`;
        for (const u of p.unmatched) {
          const next = withSuggestion(message, u, [...globals.keys()], true);
          if (next !== message) {
            message = next;
            break;
          }
        }
        report(message, from.node.span);
      } else {
        const bad = checkPlatform(p.value);
        if (bad !== undefined) report(`failed to parse platform ${from.platform.value}: ${bad}`, from.node.span);
        info.platform = p.value;
      }
    }
    info.fromUnmatched = unmatched;
    const base = byName.get(info.baseName);
    if (base !== undefined) info.baseStage = base;
    else if (!from.invalid && name.error === undefined && info.baseName !== '' && info.baseName !== 'scratch') {
      checkImageRef(info.baseName, from.node.span);
    }
    if (stage.name !== undefined) byName.set(stage.name, stage.index);
  }

  // Target (§4.4).
  let target = stages.length - 1;
  if (options.target !== undefined && options.target !== '') {
    const found = byName.get(options.target.toLowerCase());
    if (found === undefined) {
      const names = infos.map((i) => i.displayName);
      report(withSuggestion(`target stage ${goQuote(options.target)} could not be found`, options.target, names, true), {
        start: 0,
        end: 0,
      });
    } else target = found;
  }

  // References from commands (§4.3), then cycles.
  let images = 0;
  const resolveRefs = (command: Command, at: Span): Reference[] => {
    const refs: Reference[] = [];
    if ((command.kind === 'copy' || command.kind === 'add') && command.from !== undefined) {
      const raw = command.from.value;
      const checked = expandWord(raw, new Map(), escape);
      if (checked.error !== undefined) report(checked.error, at);
      else if (checked.value !== raw) {
        report(
          'variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround',
          at,
        );
      } else if (/^[+-]?\d+$/.test(raw)) {
        const index = Number(raw);
        if (index < 0 || index >= stages.length) report(`invalid stage index ${index}`, at);
        else refs.push({ command, stage: index });
      } else {
        const stage = byName.get(raw.toLowerCase());
        if (stage !== undefined) refs.push({ command, stage });
        else {
          images++;
          checkImageRef(raw, at);
          refs.push({ command, image: raw });
        }
      }
    }
    if (command.kind === 'run') {
      command.mounts.forEach((mount, mountIndex) => {
        const from = rawMountFrom(mount.raw) || 'scratch';
        const stage = byName.get(from.toLowerCase());
        if (stage !== undefined) refs.push({ command, stage, mountIndex });
        else {
          // Every mount without a stage adds a hidden source state in BuildKit.
          images++;
          if (from !== 'scratch') {
            checkImageRef(from, at);
            refs.push({ command, image: from, mountIndex });
          }
        }
      });
    }
    return refs;
  };
  for (const info of infos) {
    for (const { command } of info.commands) info.refs.push(...resolveRefs(command, command.node.span));
  }
  const cycle = findCycle(infos);
  if (cycle !== undefined) {
    report(`circular dependency detected on stage: ${infos[cycle.stage].displayName}`, cycle.at);
  }

  // Reachability, with ONBUILD triggers of base stages until nothing new appears (§4.6).
  let reachable = reachableFrom(target, infos);
  for (;;) {
    let added = false;
    for (const index of [...reachable].sort((a, b) => a - b)) {
      const info = infos[index];
      if (info.onbuildDone || info.baseStage === undefined) continue;
      info.onbuildDone = true;
      const triggers: { command: Command; onbuild: boolean }[] = [];
      for (const command of infos[info.baseStage].stage.commands) {
        if (command.kind !== 'onbuild') continue;
        if (command.triggerError !== undefined) {
          report(command.triggerError, info.stage.from.node.span);
          continue;
        }
        if (command.trigger === undefined) continue;
        triggers.push({ command: command.trigger, onbuild: true });
        const refs = resolveRefs(command.trigger, info.stage.from.node.span);
        if (refs.some((r) => r.stage !== undefined)) added = true;
        info.refs.push(...refs);
      }
      info.commands = [...triggers, ...info.commands];
    }
    if (!added) break;
    reachable = reachableFrom(target, infos);
  }

  // A single dispatch state (one stage, no image or mount sources) has no stage name.
  const single = stages.length === 1 && images === 0;

  // Dispatch every reachable stage in file order.
  const finalStates = new Map<number, DispatchState>();
  const dispatched = new Set<number>();
  const evaluatedStages: EvaluatedStage[] = [];
  for (const info of infos) {
    const index = info.stage.index;
    if (!reachable.has(index)) continue;
    dispatched.add(index);
    let base: StageBase;
    let state: DispatchState;
    const parent = info.baseStage !== undefined ? finalStates.get(info.baseStage) : undefined;
    if (info.baseStage !== undefined && parent !== undefined) {
      base = { kind: 'stage', index: info.baseStage };
      state = cloneState(parent);
    } else {
      base =
        info.baseName === 'scratch'
          ? { kind: 'scratch' }
          : { kind: 'image', ref: info.baseName, ...(info.platform !== undefined ? { platform: info.platform } : {}) };
      state = initialState();
    }
    const initial = snapshot(state);
    const displayName = single ? '' : info.displayName;
    const ctx: DispatchContext = {
      escape,
      buildArgs,
      globals,
      stageName: displayName,
      report,
    };
    const commands: EvaluatedCommand[] = [];
    for (const { command, onbuild } of info.commands) {
      const at = onbuild ? info.stage.from.node.span : command.node.span;
      const refs = info.refs.filter((r) => r.command === command);
      const origin = copyOrigin(command, refs);
      if (origin?.kind === 'stage' && !dispatched.has(origin.index) && cycle === undefined) {
        const from = command.kind === 'copy' || command.kind === 'add' ? (command.from?.value ?? '') : '';
        report(
          `cannot copy from stage ${goQuote(from)}, it needs to be defined before current stage ${goQuote(displayName)}`,
          at,
        );
      }
      const mountStages = command.kind === 'run' ? mountStageIndexes(command, refs) : undefined;
      commands.push(
        dispatchCommand(state, command, { ...ctx, at, onbuild, origin, mountStages, isDispatched: (i) => cycle !== undefined || dispatched.has(i) }),
      );
    }
    finalStates.set(index, state);
    evaluatedStages.push({
      stage: info.stage,
      base,
      commands,
      initial,
      displayName,
      baseName: info.baseName,
      ...(info.platform !== undefined ? { platform: info.platform } : {}),
      fromUnmatched: info.fromUnmatched,
    });
  }

  return { target, stages: evaluatedStages, globalArgs: Object.fromEntries(globals), diagnostics };
}

function builtinArgs(target: string, overrides: Readonly<Record<string, string>>): Map<string, string> {
  const p = BUILD_PLATFORM;
  const platform = `${p.os}/${p.arch}${p.variant !== '' ? `/${p.variant}` : ''}`;
  const values: [string, string][] = [
    ['BUILDPLATFORM', platform],
    ['BUILDOS', p.os],
    ['BUILDOSVERSION', ''],
    ['BUILDARCH', p.arch],
    ['BUILDVARIANT', p.variant],
    ['TARGETPLATFORM', platform],
    ['TARGETOS', p.os],
    ['TARGETOSVERSION', ''],
    ['TARGETARCH', p.arch],
    ['TARGETVARIANT', p.variant],
    ['TARGETSTAGE', target === '' ? 'default' : target],
  ];
  return new Map(values.map(([k, v]) => [k, Object.hasOwn(overrides, k) ? overrides[k] : v]));
}

function copyOrigin(command: Command, refs: readonly Reference[]): CopyOrigin | undefined {
  if (command.kind !== 'copy' && command.kind !== 'add') return undefined;
  if (command.from === undefined) return { kind: 'context' };
  const ref = refs[0];
  if (ref?.stage !== undefined) return { kind: 'stage', index: ref.stage };
  if (ref?.image !== undefined) return { kind: 'image', ref: ref.image };
  return { kind: 'context' };
}

function mountStageIndexes(command: Command & { kind: 'run' }, refs: readonly Reference[]): (number | undefined)[] {
  return command.mounts.map((_, k) => refs.find((r) => r.mountIndex === k)?.stage);
}

/** Stages reachable from `target` through FROM bases and references. */
function reachableFrom(target: number, infos: readonly StageInfo[]): Set<number> {
  const seen = new Set<number>();
  const stack = [target];
  while (stack.length > 0) {
    const i = stack.pop() as number;
    if (seen.has(i)) continue;
    seen.add(i);
    const info = infos[i];
    if (info.baseStage !== undefined) stack.push(info.baseStage);
    for (const r of info.refs) if (r.stage !== undefined) stack.push(r.stage);
  }
  return seen;
}

/** The first stage (in file order) from which a reference cycle is found, as BuildKit walks. */
function findCycle(infos: readonly StageInfo[]): { stage: number; at: Span } | undefined {
  const visited = new Set<number>();
  for (let start = 0; start < infos.length; start++) {
    if (visited.has(start)) continue;
    // Iterative depth-first walk: a frame is a stage and the next reference to follow.
    const frames: { stage: number; next: number; via?: Command }[] = [{ stage: start, next: 0 }];
    const onPath = new Set<number>([start]);
    visited.add(start);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      const refs = infos[frame.stage].refs;
      if (frame.next >= refs.length) {
        onPath.delete(frame.stage);
        frames.pop();
        continue;
      }
      const ref = refs[frame.next++];
      if (ref.stage === undefined) continue;
      if (onPath.has(ref.stage)) {
        const first = frames[1]?.via ?? ref.command;
        return { stage: start, at: first.node.span };
      }
      if (visited.has(ref.stage)) continue;
      visited.add(ref.stage);
      onPath.add(ref.stage);
      frames.push({ stage: ref.stage, next: 0, via: ref.command });
    }
  }
  return undefined;
}

export type { Env };

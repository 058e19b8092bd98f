/**
 * One build request over the instruction model: the dispatch half of BuildKit's
 * `dockerfile2llb` (§3.3, §4). Global scope, stage graph and target, then every reachable
 * stage dispatched in file order, each command seeing the state its predecessors left.
 *
 * Deliberate differences from BuildKit, all so that an editor can keep showing the build:
 *   - BuildKit stops at its first error; we report each problem and carry on with the best
 *     value we have (the raw text when an expansion fails).
 *   - An unknown `--target` is reported and the last stage is used instead.
 *   - Base images are not resolved (no registry): their config comes from the caller's
 *     `images`, else the built-in table (`image/`), else it is unknown (default PATH only,
 *     working directory `/`, no user, no triggers).
 * Never throws.
 */
import type { Diagnostic } from '../core/diagnostic.ts';
import { buildError } from '../core/diagnostic.ts';
import type { Span } from '../core/span.ts';
import { dispatchCommand } from './dispatch.ts';
import { goQuote } from '../core/go-strings.ts';
import { addGlobalArgs, builtinArgs } from './global-scope.ts';
import { expandWord } from '../shell/expand.ts';
import type {
  BuildOptions,
  Command,
  CopyOrigin,
  DockerfileModel,
  EvaluatedBuild,
  EvaluatedCommand,
  EvaluatedStage,
  StageBase,
} from './model.ts';
import { StageGraph, type Reference, type StageInfo } from './stage-graph.ts';
import { cloneState, initialState, snapshot, type DispatchState } from './state.ts';
import { withSuggestion } from '../core/suggest.ts';
import { baseImageConfig } from '../image/base-image.ts';
import { unknownImage, type ImageConfig } from '../image/model.ts';
import { parseTriggers } from './image-triggers.ts';

export function evaluate(model: DockerfileModel, options: BuildOptions): EvaluatedBuild {
  const diagnostics: Diagnostic[] = [];
  const report = (message: string, at: Span) => diagnostics.push(buildError(message, at));
  const escape = model.escape ?? '\\';
  const buildArgs = options.buildArgs ?? {};
  const stages = model.stages;
  if (stages.length === 0) {
    if (model.globalArgs.length > 0) report('dockerfile contains no stages to build', model.globalArgs[0].node.span);
    return { target: -1, stages: [], linted: [], globalArgs: {}, froms: [], diagnostics, lintDiagnostics: [] };
  }

  const requested = options.target ?? '';
  const targetName = requested !== '' ? requested : (stages[stages.length - 1].name ?? '');
  const globals = builtinArgs(targetName, buildArgs);
  addGlobalArgs(globals, model.globalArgs, buildArgs, escape, report);
  // The defaults-only view; its errors are the full scope's to report.
  const defaults = builtinArgs(targetName, buildArgs);
  addGlobalArgs(defaults, model.globalArgs, {}, escape, () => {});

  const graph = new StageGraph(escape, report);
  graph.declare(stages, globals);
  let target = stages.length - 1;
  if (requested !== '') {
    const found = graph.byName.get(requested.toLowerCase());
    if (found !== undefined) target = found;
    else {
      const names = graph.infos.map((i) => i.name);
      report(withSuggestion(`target stage ${goQuote(requested)} could not be found`, requested, names, true), { start: 0, end: 0 });
    }
  }
  graph.addReferences();
  const cycle = graph.findCycle();
  if (cycle !== undefined) report(`circular dependency detected on stage: ${graph.infos[cycle.stage].name}`, cycle.at);
  // Each base image's config, looked up once (caller's configs, then the table).
  const configs = new Map<string, ImageConfig>();
  const imageConfig = (ref: string): ImageConfig => {
    let config = configs.get(ref);
    if (config === undefined) {
      config = baseImageConfig(ref, options.images);
      configs.set(ref, config);
    }
    return config;
  };
  const isImage = (info: StageInfo) => info.baseStage === undefined && info.baseName !== 'scratch' && !info.stage.from.invalid;
  const reachable = graph.reachableWithTriggers(target, (info) => {
    if (!isImage(info)) return undefined;
    const onBuild = imageConfig(info.baseName).onBuild;
    return onBuild.length > 0 ? parseTriggers(onBuild) : undefined;
  });
  // A build with a single dispatch state (one stage, no hidden sources) names no stage.
  const single = stages.length === 1 && graph.hiddenSources === 0;

  // A lint request without a target converts every stage, as `docker build --check` does
  // (BuildKit's AllStages); the stages the build does not reach go to `linted` only, and their
  // errors to `lintDiagnostics`, so the graph and `firstBuildError` stay the build's.
  const allStages = requested === '';
  const lintDiagnostics: Diagnostic[] = [];
  const finalStates = new Map<number, DispatchState>();
  const dispatched = new Set<number>();
  const evaluated: EvaluatedStage[] = [];
  const linted: EvaluatedStage[] = [];
  for (const info of graph.infos) {
    const built = reachable.has(info.stage.index);
    if (!built && !allStages) continue;
    const reportHere = built ? report : (message: string, at: Span) => lintDiagnostics.push(buildError(message, at));
    dispatched.add(info.stage.index);
    // After a cycle BuildKit never dispatches; do not add ordering errors on top of it.
    const isDispatched = (i: number) => cycle !== undefined || dispatched.has(i);
    const displayName = single ? '' : info.name;
    const parent = info.baseStage !== undefined ? finalStates.get(info.baseStage) : undefined;
    const config = parent === undefined && isImage(info) ? imageConfig(info.baseName) : undefined;
    const state = parent !== undefined ? cloneState(parent) : initialState(config);
    const initial = snapshot(state);
    const commands: EvaluatedCommand[] = [];
    for (const { command, onbuild } of info.commands) {
      // Errors in triggers point at the FROM of the stage that runs them, as in BuildKit.
      const at = onbuild ? info.stage.from.node.span : command.node.span;
      const refs = info.refs.get(command) ?? [];
      const origin = copyOrigin(command, refs);
      if (origin?.kind === 'stage' && !isDispatched(origin.index)) {
        const from = command.kind === 'copy' || command.kind === 'add' ? (command.from?.value ?? '') : '';
        reportHere(`cannot copy from stage ${goQuote(from)}, it needs to be defined before current stage ${goQuote(displayName)}`, at);
      }
      const mountStages = command.kind === 'run' ? command.mounts.map((_, k) => refs.find((r) => r.mountIndex === k)?.stage) : undefined;
      commands.push(
        dispatchCommand(state, command, { escape, buildArgs, globals, report: reportHere, at, onbuild, origin, mountStages, isDispatched }),
      );
    }
    finalStates.set(info.stage.index, state);
    const done: EvaluatedStage = {
      stage: info.stage,
      base: stageBase(info, parent !== undefined, config),
      commands,
      initial,
      displayName,
      baseName: info.baseName,
      ...(info.platform !== undefined ? { platform: info.platform } : {}),
    };
    if (built) evaluated.push(done);
    linted.push(done);
  }
  const froms = graph.infos.map((info) => ({
    ...info.fromWords,
    imageWithDefaults: expandWord(info.stage.from.image.value, defaults, escape),
  }));
  return { target, stages: evaluated, linted, globalArgs: Object.fromEntries(globals), froms, diagnostics, lintDiagnostics };
}

function stageBase(info: StageInfo, fromStage: boolean, config: ImageConfig | undefined): StageBase {
  if (fromStage && info.baseStage !== undefined) return { kind: 'stage', index: info.baseStage };
  if (info.baseName === 'scratch') return { kind: 'scratch' };
  return {
    kind: 'image',
    ref: info.baseName,
    ...(info.platform !== undefined ? { platform: info.platform } : {}),
    config: config ?? unknownImage(info.baseName),
  };
}

function copyOrigin(command: Command, refs: readonly Reference[]): CopyOrigin | undefined {
  if (command.kind !== 'copy' && command.kind !== 'add') return undefined;
  if (command.from === undefined) return { kind: 'context' };
  const ref = refs[0];
  if (ref?.stage !== undefined) return { kind: 'stage', index: ref.stage };
  if (ref?.image !== undefined) return { kind: 'image', ref: ref.image };
  // `--from` could not be resolved (an error was reported); BuildKit would not build this.
  return { kind: 'context' };
}

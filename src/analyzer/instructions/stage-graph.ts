/**
 * Which stage depends on which (§4.2–4.4, §4.6): FROM bases resolved against earlier stage
 * names, `COPY --from` and `RUN --mount from=` references, cycles, ONBUILD triggers of base
 * stages, and the set of stages reachable from the target.
 */
import type { Span } from '../core/span.ts';
// Image reference syntax is graph/'s (one definition of the grammar); it is a pure function.
import { parseImageRef } from '../core/image-ref.ts';
import { goQuote } from '../core/go-strings.ts';
import { expandWord, type Env, type ExpandResult } from '../shell/expand.ts';
import type { Command, Stage } from './model.ts';
import { rawMountFrom } from './mounts.ts';
import { checkPlatform } from './platform.ts';
import { withSuggestion } from '../core/suggest.ts';

type Report = (message: string, at: Span) => void;

/** A reference from a command to a stage or an image (BuildKit's `deps`). */
export interface Reference {
  readonly command: Command;
  readonly stage?: number;
  readonly image?: string;
  /** For RUN: which `--mount` the reference comes from. */
  readonly mountIndex?: number;
}

/** Everything known about one stage before dispatch. */
export interface StageInfo {
  readonly stage: Stage;
  /** `AS` name or `stage-<index>`. */
  readonly name: string;
  /** FROM base after expansion (as written when expansion failed). */
  readonly baseName: string;
  readonly platform?: string;
  /** The FROM words as expanded against the global scope. */
  readonly fromWords: { readonly image: ExpandResult; readonly platform?: ExpandResult };
  /** Index of the base stage when FROM names an earlier stage. */
  readonly baseStage?: number;
  /** The stage's commands, its base stage's ONBUILD triggers first once added. */
  commands: { readonly command: Command; readonly onbuild: boolean }[];
  /** References by command. */
  readonly refs: Map<Command, Reference[]>;
  onbuildDone: boolean;
}

/**
 * BuildKit's `wrapSuggestAny`: the first unset variable of a FROM word that is close to a global
 * ARG name adds `(did you mean …?)`. BuildKit walks the unset names in map order; we take them in
 * first-use order (they differ only when two unset names both have a suggestion).
 */
function suggestUnset(message: string, unmatched: readonly string[], globals: Env): string {
  for (const name of unmatched) {
    const suggested = withSuggestion(message, name, [...globals.keys()], true);
    if (suggested !== message) return suggested;
  }
  return message;
}

export class StageGraph {
  readonly infos: StageInfo[] = [];
  /** Lower-case stage names; a later stage of the same name wins. */
  readonly byName = new Map<string, number>();
  /** Hidden source states (images, mount sources) BuildKit adds next to the stages. */
  hiddenSources = 0;
  private readonly escape: '\\' | '`';
  private readonly report: Report;

  constructor(escape: '\\' | '`', report: Report) {
    this.escape = escape;
    this.report = report;
  }

  /** Declares the stages in file order, expanding FROM against the global scope. */
  declare(stages: readonly Stage[], globals: Env): void {
    for (const stage of stages) {
      const from = stage.from;
      const at = from.node.span;
      const name = expandWord(from.image.value, globals, this.escape);
      if (!from.invalid) {
        if (name.error !== undefined) this.report(name.error, at);
        else if (name.value === '') this.report(`base name (${from.image.value}) should not be blank`, at);
      }
      const baseName = name.error === undefined ? name.value : from.image.value;
      let platform: string | undefined;
      let p: ExpandResult | undefined;
      if (from.platform !== undefined) {
        p = expandWord(from.platform.value, globals, this.escape);
        if (p.error !== undefined) this.report(`failed to process arguments for platform : ${p.error}`, at);
        else if (p.value === '') {
          this.report(suggestUnset(`empty platform value from expression ${from.platform.value}`, p.unmatched, globals), at);
        } else {
          const bad = checkPlatform(p.value);
          // BuildKit decorates the platform parser's error before wrapping it, so the hint ends the message.
          if (bad !== undefined) this.report(`failed to parse platform ${from.platform.value}: ${suggestUnset(bad, p.unmatched, globals)}`, at);
          platform = p.value;
        }
      }
      // Only stages declared earlier match, and only exactly (names are stored lower-case).
      const baseStage = this.byName.get(baseName);
      if (baseStage === undefined && !from.invalid && name.error === undefined && baseName !== '' && baseName !== 'scratch') {
        this.checkImageRef(baseName, at);
      }
      this.infos.push({
        stage,
        name: stage.name ?? `stage-${stage.index}`,
        baseName,
        ...(platform !== undefined ? { platform } : {}),
        fromWords: { image: name, ...(p !== undefined ? { platform: p } : {}) },
        ...(baseStage !== undefined ? { baseStage } : {}),
        commands: stage.commands.map((command) => ({ command, onbuild: false })),
        refs: new Map(),
        onbuildDone: false,
      });
      if (stage.name !== undefined) this.byName.set(stage.name, stage.index);
    }
  }

  /** Records the references of every command of every stage. */
  addReferences(): void {
    for (const info of this.infos) {
      for (const { command } of info.commands) this.addRefs(info, command, command.node.span);
    }
  }

  /** What one command refers to (§4.3); `at` is where errors point. */
  private addRefs(info: StageInfo, command: Command, at: Span): Reference[] {
    const refs: Reference[] = [];
    if ((command.kind === 'copy' || command.kind === 'add') && command.from !== undefined) {
      const ref = this.copyFrom(command, command.from.value, at);
      if (ref !== undefined) refs.push(ref);
    }
    if (command.kind === 'run') {
      command.mounts.forEach((mount, mountIndex) => {
        const from = rawMountFrom(mount.raw) || 'scratch';
        const stage = this.byName.get(from.toLowerCase());
        if (stage !== undefined) {
          refs.push({ command, stage, mountIndex });
          return;
        }
        // Every mount without a stage adds a hidden source state in BuildKit (scratch without from=).
        this.hiddenSources++;
        if (from !== 'scratch') {
          this.checkImageRef(from, at);
          refs.push({ command, image: from, mountIndex });
        }
      });
    }
    if (refs.length > 0) info.refs.set(command, [...(info.refs.get(command) ?? []), ...refs]);
    return refs;
  }

  /** `--from`: not expandable; an integer is a stage index, else a stage name, else an image. */
  private copyFrom(command: Command, raw: string, at: Span): Reference | undefined {
    const checked = expandWord(raw, new Map(), this.escape);
    if (checked.error !== undefined) {
      this.report(checked.error, at);
      return undefined;
    }
    if (checked.value !== raw) {
      this.report(
        'variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround',
        at,
      );
      return undefined;
    }
    if (/^[+-]?\d+$/.test(raw)) {
      const index = Number(raw);
      if (index >= 0 && index < this.infos.length) return { command, stage: index };
      this.report(`invalid stage index ${index}`, at);
      return undefined;
    }
    const stage = this.byName.get(raw.toLowerCase());
    if (stage !== undefined) return { command, stage };
    this.hiddenSources++;
    this.checkImageRef(raw, at);
    return { command, image: raw };
  }

  /** Every base or source that is not a stage must be a valid image reference, reachable or not. */
  private checkImageRef(ref: string, at: Span): void {
    const parsed = parseImageRef(ref);
    if (!parsed.ok) this.report(`failed to parse stage name ${goQuote(ref)}: ${parsed.error}`, at);
  }

  /** The first stage (in file order) from which a reference cycle is found, as BuildKit walks. */
  findCycle(): { stage: number; at: Span } | undefined {
    const visited = new Set<number>();
    for (let start = 0; start < this.infos.length; start++) {
      if (visited.has(start)) continue;
      // Iterative depth-first walk: a frame is a stage and its outgoing references.
      const frames: { stage: number; refs: Reference[]; next: number; via?: Command }[] = [
        { stage: start, refs: this.stageRefs(start), next: 0 },
      ];
      const onPath = new Set<number>([start]);
      visited.add(start);
      while (frames.length > 0) {
        const frame = frames[frames.length - 1];
        if (frame.next >= frame.refs.length) {
          onPath.delete(frame.stage);
          frames.pop();
          continue;
        }
        const ref = frame.refs[frame.next++];
        if (ref.stage === undefined) continue;
        if (onPath.has(ref.stage)) return { stage: start, at: (frames[1]?.via ?? ref.command).node.span };
        if (visited.has(ref.stage)) continue;
        visited.add(ref.stage);
        onPath.add(ref.stage);
        frames.push({ stage: ref.stage, refs: this.stageRefs(ref.stage), next: 0, via: ref.command });
      }
    }
    return undefined;
  }

  private stageRefs(index: number): Reference[] {
    return [...this.infos[index].refs.values()].flat();
  }

  /** Stages reachable from `target` through FROM bases and references. */
  reachableFrom(target: number): Set<number> {
    const seen = new Set<number>();
    const stack = [target];
    while (stack.length > 0) {
      const i = stack.pop() as number;
      if (seen.has(i)) continue;
      seen.add(i);
      const info = this.infos[i];
      if (info.baseStage !== undefined) stack.push(info.baseStage);
      for (const refs of info.refs.values()) for (const r of refs) if (r.stage !== undefined) stack.push(r.stage);
    }
    return seen;
  }

  /**
   * Reachable stages run their base's ONBUILD triggers first: a base stage's own ONBUILD
   * commands, or a base image's config triggers (`imageTriggers`); triggers can reference more
   * stages, so this repeats until nothing new is reachable.
   */
  reachableWithTriggers(
    target: number,
    imageTriggers: (info: StageInfo) => { readonly commands: readonly Command[]; readonly errors: readonly string[] } | undefined = () => undefined,
  ): Set<number> {
    let reachable = this.reachableFrom(target);
    for (;;) {
      let added = false;
      for (const index of [...reachable].sort((a, b) => a - b)) {
        const info = this.infos[index];
        if (info.onbuildDone) continue;
        info.onbuildDone = true;
        const at = info.stage.from.node.span;
        const triggers: { command: Command; onbuild: boolean }[] = [];
        const add = (trigger: Command) => {
          triggers.push({ command: trigger, onbuild: true });
          if (this.addRefs(info, trigger, at).some((r) => r.stage !== undefined)) added = true;
        };
        if (info.baseStage === undefined) {
          const fromImage = imageTriggers(info);
          for (const error of fromImage?.errors ?? []) this.report(error, at);
          for (const trigger of fromImage?.commands ?? []) add(trigger);
        } else {
          for (const command of this.infos[info.baseStage].stage.commands) {
            if (command.kind !== 'onbuild') continue;
            if (command.triggerError !== undefined) this.report(command.triggerError, at);
            if (command.trigger !== undefined) add(command.trigger);
          }
        }
        if (triggers.length > 0) info.commands = [...triggers, ...info.commands];
      }
      if (!added) return reachable;
      reachable = this.reachableFrom(target);
    }
  }
}

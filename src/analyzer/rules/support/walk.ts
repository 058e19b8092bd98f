/**
 * Ways for rules to walk the model: every stage (checks BuildKit runs at parse time, "P"),
 * or the stages a lint request converts, with their evaluated state ("D"): every stage without
 * a target, as `docker build --check` does, else those the target reaches (`EvaluatedBuild.linted`).
 */
import type { Span } from '../../core/span.ts';
import { resolveDest } from '../../core/paths.ts';
import type {
  Command,
  CopyCommand,
  EvaluatedCommand,
  ExpandedCopy,
  EvaluatedStage,
  Flag,
  Stage,
} from '../../instructions/model.ts';
import type { RuleContext } from '../define-rule.ts';
import { shared } from './shared.ts';

/** Every command of every stage, in file order (ONBUILD triggers not included); one list per lint run. */
export function everyCommand(context: RuleContext): readonly { readonly stage: Stage; readonly command: Command }[] {
  return shared(context, everyCommand, () => context.model.stages.flatMap((stage) => stage.commands.map((command) => ({ stage, command }))));
}

type Built = { readonly stage: EvaluatedStage; readonly evaluated: EvaluatedCommand };

/**
 * The commands of linted stages with the state they see; ONBUILD-inherited ones are skipped.
 * Several rules walk them: computed once per lint run (shared.ts), as the views below.
 */
export function builtCommands(context: RuleContext): readonly Built[] {
  return shared(context, builtCommands, () => {
    const list: Built[] = [];
    for (const stage of context.build.linted) {
      for (const evaluated of stage.commands) if (!evaluated.onbuild) list.push({ stage, evaluated });
    }
    return list;
  });
}

export function isCopy(command: Command): command is CopyCommand {
  return command.kind === 'copy' || command.kind === 'add';
}

export function findFlag(command: Command, name: string): Flag | undefined {
  return command.flags.find((flag) => flag.name === name);
}

/** The span of a flag as written, falling back to the instruction keyword. */
export function flagSpan(command: Command, name: string): Span {
  return findFlag(command, name)?.span ?? command.node.keywordSpan;
}

/** Evaluated commands of linted stages, by the offset of their instruction. */
export function evaluatedByOffset(context: RuleContext): ReadonlyMap<number, Built> {
  return shared(context, evaluatedByOffset, () => new Map(builtCommands(context).map((entry) => [entry.evaluated.command.node.span.start, entry] as const)));
}

/** Whether `--link` really takes effect (§5.6–5.7): set, no `--chmod`, and a builder with MergeOp. */
export function linkActive(context: RuleContext, command: CopyCommand): boolean {
  return command.link && command.chmod === undefined && context.options?.mergeOp !== false;
}

/** Upper-case keyword for messages: `COPY` or `ADD`. */
export function copyKeyword(command: CopyCommand): string {
  return command.kind === 'add' ? 'ADD' : 'COPY';
}

/** What evaluation computed for a COPY/ADD, when its stage is built. */
function expandedCopy(evaluated: EvaluatedCommand | undefined): ExpandedCopy | undefined {
  const expanded = evaluated?.expanded;
  return expanded?.kind === 'copy' || expanded?.kind === 'add' ? expanded : undefined;
}

/**
 * The absolute destination of a COPY/ADD: expanded and resolved against WORKDIR when the
 * stage is built, otherwise the word as written when it is already absolute.
 */
export function copyDestination(command: CopyCommand, evaluated: EvaluatedCommand | undefined): string | undefined {
  const expanded = expandedCopy(evaluated)?.dest;
  if (evaluated && expanded !== undefined) return resolveDest(expanded, evaluated.state.workdir);
  const raw = command.dest.value;
  if (raw.includes('$')) return undefined;
  if (raw.startsWith('/')) return raw;
  return evaluated ? resolveDest(raw, evaluated.state.workdir) : undefined;
}

/** A flag's value after expansion when known, else as written (undefined when it holds variables). */
export function flagValue(command: CopyCommand, name: 'chown' | 'chmod', evaluated: EvaluatedCommand | undefined): string | undefined {
  const expanded = expandedCopy(evaluated)?.[name];
  if (expanded !== undefined) return expanded;
  const raw = command[name]?.value;
  return raw === undefined || raw.includes('$') ? undefined : raw;
}

/** Source words after expansion when known (heredoc sources excluded). */
export function copySources(command: CopyCommand, evaluated: EvaluatedCommand | undefined): string[] {
  const heredocNames = new Set(command.heredocs.map((heredoc) => heredoc.name));
  const expanded = expandedCopy(evaluated)?.sources;
  const values = expanded !== undefined && expanded.length === command.sources.length ? expanded : command.sources.map((word) => word.value);
  return values.filter((_, i) => !isHeredocWord(command.sources[i]?.value ?? '', heredocNames));
}

function isHeredocWord(word: string, names: ReadonlySet<string>): boolean {
  const match = /^<<-?["']?([^"']*)["']?$/.exec(word);
  return match !== null && names.has(match[1]);
}

/** Whether a path, after the stage's WORKDIR was applied, is at or under `prefix`. */
export function isUnder(path: string, prefix: string): boolean {
  const trimmed = path.replace(/\/+$/, '') || '/';
  return trimmed === prefix || trimmed.startsWith(prefix + '/');
}

/** `FROM scratch` (the word as BuildKit compares it, after expansion when known). */
export function isScratchStage(context: RuleContext, stage: Stage): boolean {
  const evaluated = evaluatedStages(context).get(stage.index);
  if (evaluated) return evaluated.base.kind === 'scratch';
  return stage.from.image.value === 'scratch';
}

/** Linted stages by index (built once per lint run). */
export function evaluatedStages(context: RuleContext): ReadonlyMap<number, EvaluatedStage> {
  return shared(context, evaluatedStages, () => new Map(context.build.linted.map((stage) => [stage.stage.index, stage])));
}

/** Commands that make a filesystem op of their own (the others only change image metadata). */
export function makesFilesystemOp(command: Command): boolean {
  return command.kind === 'run' || command.kind === 'copy' || command.kind === 'add' || command.kind === 'workdir';
}

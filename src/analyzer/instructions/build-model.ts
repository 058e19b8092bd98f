import type { Diagnostic } from '../core/diagnostic.ts';
import { buildError } from '../core/diagnostic.ts';
import type { InstructionNode, SyntaxTree } from '../parse/tree.ts';
import { convertArg } from './commands/arg.ts';
import { fail, type Converted, type Converter } from './commands/common.ts';
import { convertAdd, convertCopy } from './commands/copy.ts';
import { convertFrom } from './commands/from.ts';
import { convertEnv, convertLabel } from './commands/key-value.ts';
import { convertOnbuild } from './commands/onbuild.ts';
import { convertRun } from './commands/run.ts';
import { convertCmd, convertEntrypoint, convertHealthcheck, convertShell } from './commands/shell-form.ts';
import {
  convertExpose,
  convertMaintainer,
  convertStopsignal,
  convertUser,
  convertVolume,
  convertWorkdir,
} from './commands/simple.ts';
import type { ArgCommand, Command, DockerfileModel, FromCommand, Stage } from './model.ts';
import { withSuggestion } from '../core/suggest.ts';

/** One converter per keyword (BuildKit's `instructions.ParseInstruction`). */
const CONVERTERS: Readonly<Record<string, Converter>> = {
  add: convertAdd,
  arg: convertArg,
  cmd: convertCmd,
  copy: convertCopy,
  entrypoint: convertEntrypoint,
  env: convertEnv,
  expose: convertExpose,
  from: convertFrom,
  healthcheck: convertHealthcheck,
  label: convertLabel,
  maintainer: convertMaintainer,
  onbuild: (node) => convertOnbuild(node, convertInstruction),
  run: convertRun,
  shell: convertShell,
  stopsignal: convertStopsignal,
  user: convertUser,
  volume: convertVolume,
  workdir: convertWorkdir,
};

const KEYWORDS = Object.keys(CONVERTERS).map((k) => k.toUpperCase());

/** Converts one instruction; the error, if any, is BuildKit's text without the line prefix. */
export function convertInstruction(node: InstructionNode): Converted {
  const command = node.command.toLowerCase();
  const converter = Object.hasOwn(CONVERTERS, command) ? CONVERTERS[command] : undefined;
  if (converter === undefined) {
    return fail(withSuggestion(`unknown instruction: ${node.keyword}`, node.keyword, KEYWORDS, false));
  }
  return converter(node);
}

/**
 * The syntax tree as global ARGs and stages of typed commands (BuildKit's `instructions.Parse`).
 * BuildKit stops at the first error; we report every instruction's error and keep going, so
 * the rest of the file can still be shown. Never throws.
 */
export function buildModel(tree: SyntaxTree): DockerfileModel {
  const diagnostics: Diagnostic[] = [];
  const globalArgs: ArgCommand[] = [];
  const stages: { index: number; name?: string; from: FromCommand; commands: Command[]; start: number; end: number }[] = [];
  for (const node of tree.instructions) {
    const converted = convertInstruction(node);
    if (!converted.ok) {
      diagnostics.push(buildError(`dockerfile parse error on line ${node.startLine}: ${converted.error.message}`, node.span));
    }
    const command = converted.ok ? converted.value : converted.error.partial;
    if (command === undefined) continue;
    if (command.kind === 'from') {
      stages.push({
        index: stages.length,
        ...(command.stageName !== undefined ? { name: command.stageName.value } : {}),
        from: command,
        commands: [],
        start: node.span.start,
        end: node.span.end,
      });
      continue;
    }
    const stage = stages.at(-1);
    if (stage === undefined) {
      if (command.kind === 'arg') globalArgs.push(command);
      else diagnostics.push(buildError('no build stage in current context', node.span));
      continue;
    }
    stage.commands.push(command);
    stage.end = Math.max(stage.end, node.span.end);
  }
  const built: Stage[] = stages.map((s) => ({
    index: s.index,
    ...(s.name !== undefined ? { name: s.name } : {}),
    from: s.from,
    commands: s.commands,
    span: { start: s.start, end: s.end },
  }));
  return { globalArgs, stages: built, diagnostics, escape: tree.escape };
}

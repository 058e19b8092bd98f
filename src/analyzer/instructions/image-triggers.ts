/**
 * A base image's ONBUILD triggers (its config's `OnBuild`, instruction text) as commands, the
 * way BuildKit's `initOnBuildTriggers` reads them: each text parsed on its own, exactly one
 * instruction, converted with the same rules as any instruction of the Dockerfile.
 */
import { buildModel } from './build-model.ts';
import type { Command } from './model.ts';
import { parse } from '../parse/parse.ts';

export interface ParsedTriggers {
  readonly commands: readonly Command[];
  /** BuildKit's message for each trigger that cannot run (reported at the stage's FROM). */
  readonly errors: readonly string[];
}

/** Docker refuses these when the ONBUILD is declared, so an image should never carry them. */
const NOT_TRIGGERS = new Set(['from', 'onbuild', 'maintainer']);

export function parseTriggers(texts: readonly string[]): ParsedTriggers {
  const commands: Command[] = [];
  const errors: string[] = [];
  for (const text of texts) {
    const tree = parse(text);
    if (tree.instructions.length !== 1) {
      errors.push(tree.diagnostics.find((d) => d.severity === 'error')?.message ?? 'onbuild trigger should be a single expression');
      continue;
    }
    const keyword = tree.instructions[0].command;
    if (NOT_TRIGGERS.has(keyword)) {
      errors.push(`${keyword.toUpperCase()} isn't allowed as an ONBUILD trigger`);
      continue;
    }
    // Spans point into this synthetic text; evaluation reports trigger problems at the FROM.
    const model = buildModel(parse(`FROM scratch\n${text}\n`));
    const error = model.diagnostics.find((d) => d.severity === 'error');
    const command = model.stages[0]?.commands[0];
    if (error) errors.push(error.message.replace(/^dockerfile parse error on line \d+: /, ''));
    else if (command) commands.push(command);
  }
  return { commands, errors };
}

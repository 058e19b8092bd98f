import type { InstructionNode } from '../parse/tree.ts';
import { defineRule, type Report } from './define-rule.ts';

function checkDescription(node: InstructionNode, instruction: string, keys: readonly string[], report: Report): void {
  if (node.comments.length === 0 || keys.length === 0) return;
  const first = node.comments[node.comments.length - 1].split(' ')[0];
  if (keys.includes(first)) return;
  report(node.span, instruction, keys.length > 1 ? '<arg_key>' : keys[0]);
}

export const invalidDefinitionDescription = defineRule({
  name: 'InvalidDefinitionDescription',
  since: '0.1.0',
  title:
    'Comment for build stage or argument should follow the format: `# <arg/stage name> <description>`. ' +
    'If this is not intended to be a description comment, add an empty line or comment between the instruction and the comment.',
  severity: 'warning',
  message: 'Comment for %s should follow the format: `# %s <description>`',
  description:
    'Build tools (`docker buildx build --call=outline`, `--call=targets`) show the comment right above a ' +
    '`FROM … AS name` or an `ARG` as its description, but only when it starts with the name. This ' +
    'experimental check flags comments in that position that do not. Note that BuildKit attaches a ' +
    'comment even across blank lines; an empty `#` line detaches it. Enable it with ' +
    '`# check=experimental=InvalidDefinitionDescription`.',
  origin: 'buildkit',
  experimental: true,
  examples: {
    bad: [{ dockerfile: '# check=experimental=InvalidDefinitionDescription\n\n# the build stage\nFROM alpine AS build\nRUN true\n' }],
    good: [{ dockerfile: '# check=experimental=InvalidDefinitionDescription\n\n# build compiles the app\nFROM alpine AS build\nRUN true\n' }],
  },
  check(context, report) {
    const argCommands = [
      ...context.model.globalArgs,
      ...context.model.stages.flatMap((stage) => stage.commands.filter((command) => command.kind === 'arg')),
    ];
    for (const command of argCommands) {
      if (command.kind !== 'arg') continue;
      checkDescription(command.node, 'ARG', command.args.map((arg) => arg.name.value), report);
    }
    for (const stage of context.model.stages) {
      if (stage.name) checkDescription(stage.from.node, 'FROM', [stage.name], report);
    }
  },
});

import { defineRule } from './define-rule.ts';

export const duplicateStageName = defineRule({
  name: 'DuplicateStageName',
  since: '0.1.0',
  title: 'Stage names should be unique',
  severity: 'warning',
  message: 'Duplicate stage name %q, stage names should be unique',
  description:
    'When two stages share a name, `--from=<name>` and `--target <name>` can only mean one of them, and ' +
    'which one is not obvious from reading the file. Give every stage its own name.',
  origin: 'buildkit',
  instructionComments: false,
  examples: {
    bad: [{ dockerfile: 'FROM alpine AS build\nRUN echo one\n\nFROM alpine AS build\nRUN echo two\n' }],
    good: [{ dockerfile: 'FROM alpine AS build\nRUN echo one\n\nFROM alpine AS test\nRUN echo two\n' }],
  },
  check(context, report) {
    const seen = new Set<string>();
    for (const stage of context.model.stages) {
      if (!stage.name) continue;
      if (seen.has(stage.name)) report(stage.from.node.span, stage.name);
      seen.add(stage.name);
    }
  },
});

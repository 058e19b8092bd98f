import { defineRule } from './define-rule.ts';

const RESERVED = new Set(['context', 'scratch']);

export const reservedStageName = defineRule({
  name: 'ReservedStageName',
  since: '0.1.0',
  title: 'Reserved words should not be used as stage names',
  severity: 'warning',
  message: 'Stage name should not use the same name as reserved stage %q',
  description:
    '`scratch` already means the empty image and `context` the build context, so a stage with either name ' +
    'is confusing at best: `FROM scratch` and `COPY --from=context` will not mean your stage.',
  origin: 'buildkit',
  instructionComments: false,
  examples: {
    bad: [{ dockerfile: 'FROM alpine AS scratch\nRUN echo hi\n' }],
    good: [{ dockerfile: 'FROM alpine AS base\nRUN echo hi\n' }],
  },
  check(context, report) {
    for (const stage of context.model.stages) {
      if (stage.name && RESERVED.has(stage.name)) report(stage.from.node.span, stage.name);
    }
  },
});

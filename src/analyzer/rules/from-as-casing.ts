import { defineRule } from './define-rule.ts';

export const fromAsCasing = defineRule({
  name: 'FromAsCasing',
  since: '0.1.0',
  title: "The 'as' keyword should match the case of the 'from' keyword",
  severity: 'warning',
  message: "'%s' and '%s' keywords' casing do not match",
  description:
    'A stage declaration reads best when `FROM` and `AS` share one casing: `FROM image AS name` or ' +
    '`from image as name`. BuildKit accepts both, and flags the mixture; a `FROM` keyword that is itself ' +
    'mixed-case is left to ConsistentInstructionCasing.',
  origin: 'buildkit',
  examples: {
    bad: [{ dockerfile: 'FROM alpine as build\nRUN echo hi\n' }],
    good: [{ dockerfile: 'FROM alpine AS build\nRUN echo hi\n' }, { dockerfile: 'from alpine as build\nrun echo hi\n' }],
  },
  check(context, report) {
    for (const stage of context.model.stages) {
      const node = stage.from.node;
      if (node.args.length < 3) continue;
      const from = node.keyword;
      const as = node.args[1].value;
      const lower = from === from.toLowerCase();
      const upper = from === from.toUpperCase();
      if (!lower && !upper) continue;
      const matches = lower ? as === as.toLowerCase() : as === as.toUpperCase();
      if (!matches) report(node.span, as, from);
    }
  },
});

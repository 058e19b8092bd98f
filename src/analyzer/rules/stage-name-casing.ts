import { defineRule } from './define-rule.ts';

export const stageNameCasing = defineRule({
  name: 'StageNameCasing',
  since: '0.1.0',
  title: 'Stage names should be lowercase',
  severity: 'warning',
  message: "Stage name '%s' should be lowercase",
  description:
    'BuildKit lower-cases stage names when it reads them, so `FROM node AS Builder` declares a stage called ' +
    '`builder`. Writing the name in lowercase everywhere keeps `--from`, `--target` and the name you read in ' +
    'the file the same thing.',
  origin: 'buildkit',
  examples: {
    bad: [{ dockerfile: 'FROM alpine AS BuildBase\nRUN echo hi\n' }],
    good: [{ dockerfile: 'FROM alpine AS build-base\nRUN echo hi\n' }],
  },
  check(context, report) {
    for (const stage of context.model.stages) {
      const node = stage.from.node;
      if (node.args.length !== 3) continue;
      const name = node.args[2].value;
      if (name !== name.toLowerCase()) report(node.span, name);
    }
  },
});

import { defineRule } from './define-rule.ts';

export const maintainerDeprecated = defineRule({
  name: 'MaintainerDeprecated',
  since: '0.1.0',
  title: 'The MAINTAINER instruction is deprecated, use a label instead to define an image author',
  severity: 'warning',
  message: 'Maintainer instruction is deprecated in favor of using label',
  description:
    '`MAINTAINER` sets a legacy image field that tools no longer read. Record the author as a label, for ' +
    'example `LABEL org.opencontainers.image.authors="team@example.com"`, which every registry and ' +
    'scanner understands.',
  origin: 'buildkit',
  examples: {
    bad: [{ dockerfile: 'FROM alpine\nMAINTAINER team@example.com\n' }],
    good: [{ dockerfile: 'FROM alpine\nLABEL org.opencontainers.image.authors="team@example.com"\n' }],
  },
  check(context, report) {
    for (const stage of context.model.stages) {
      for (const command of stage.commands) {
        if (command.kind === 'maintainer') report(command.node.span);
      }
    }
  },
});

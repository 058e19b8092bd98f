import { defineRule } from './define-rule.ts';
import { builtCommands } from './support/walk.ts';

export const legacyKeyValueFormat = defineRule({
  name: 'LegacyKeyValueFormat',
  since: '0.1.0',
  title: 'Legacy key/value format with whitespace separator should not be used',
  severity: 'warning',
  message: '"%s key=value" should be used instead of legacy "%s key value" format',
  description:
    '`ENV KEY value` takes everything after the first space as the value, so `ENV A 1 B 2` sets `A` to ' +
    '`1 B 2`. The `KEY=value` form is unambiguous, allows several pairs per line, and is the only form ' +
    'documented going forward.',
  origin: 'buildkit',
  examples: {
    bad: [{ dockerfile: 'FROM alpine\nENV APP_HOME /app\n' }],
    good: [{ dockerfile: 'FROM alpine\nENV APP_HOME=/app\n' }],
  },
  check(context, report) {
    for (const { evaluated } of builtCommands(context)) {
      const command = evaluated.command;
      if (command.kind !== 'env' && command.kind !== 'label') continue;
      for (const pair of command.pairs) {
        if (pair.legacy) report(command.node.span, command.node.keyword, command.node.keyword);
      }
    }
  },
});

import type { Span } from '../core/span.ts';
import { defineRule } from './define-rule.ts';

export const multipleInstructionsDisallowed = defineRule({
  name: 'MultipleInstructionsDisallowed',
  since: '0.1.0',
  title: 'Multiple instructions of the same type should not be used in the same stage',
  severity: 'warning',
  message: 'Multiple %s instructions should not be used in the same stage because only the last one will be used',
  description:
    'An image has one `CMD`, one `ENTRYPOINT` and one `HEALTHCHECK`: each new one replaces the previous, ' +
    'so an earlier one in the same stage has no effect. The finding points at the instruction that is ' +
    'overridden. Keep only the one you mean.',
  origin: 'buildkit',
  examples: {
    bad: [{ dockerfile: 'FROM alpine\nCMD ["echo", "one"]\nCMD ["echo", "two"]\n' }],
    good: [{ dockerfile: 'FROM alpine\nENTRYPOINT ["echo"]\nCMD ["two"]\n' }],
  },
  check(context, report) {
    for (const stage of context.build.linted) {
      const previous = new Map<string, Span>();
      for (const evaluated of stage.commands) {
        const command = evaluated.command;
        if (evaluated.onbuild) continue;
        if (command.kind !== 'cmd' && command.kind !== 'entrypoint' && command.kind !== 'healthcheck') continue;
        const earlier = previous.get(command.kind);
        if (earlier) report(earlier, command.node.keyword);
        previous.set(command.kind, command.node.span);
      }
    }
  },
});

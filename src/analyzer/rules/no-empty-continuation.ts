import { defineRule } from './define-rule.ts';

export const noEmptyContinuation = defineRule({
  name: 'NoEmptyContinuation',
  since: '0.1.0',
  title: 'Empty continuation lines will become errors in a future release',
  severity: 'warning',
  message: 'Empty continuation line',
  description:
    'An empty line inside a backslash continuation is skipped today, so the instruction silently goes on. ' +
    'That is easy to misread (did the instruction end there?) and BuildKit has announced that it will ' +
    'become an error. Remove the empty line, or end the instruction before it. The finding sits on the ' +
    "instruction's last line, as in BuildKit.",
  origin: 'buildkit',
  // The parser finds these; lint passes its diagnostics through so `# check=skip=` applies.
  instructionComments: false,
  examples: {
    bad: [{ dockerfile: 'FROM alpine\nRUN apk add \\\n\n    curl\n' }],
    good: [{ dockerfile: 'FROM alpine\nRUN apk add \\\n    curl\n' }],
  },
  check() {},
});

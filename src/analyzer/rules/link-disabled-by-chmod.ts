import { defineRule } from './define-rule.ts';
import { copyUses } from './support/copies.ts';
import { copyKeyword, flagSpan } from './support/walk.ts';

export const linkDisabledByChmod = defineRule({
  name: 'LinkDisabledByChmod',
  since: '0.1.0',
  title: '--chmod turns --link off',
  severity: 'warning',
  message: '%s --link with --chmod is built as a plain %s; --link has no effect here',
  description:
    'BuildKit takes the `--link` path only when `--chmod` is absent. With both flags the copy is lowered as ' +
    'an ordinary COPY onto the previous layer, silently: it is rebuilt whenever anything before it changes, ' +
    'and the image cannot be rebased. Drop `--chmod` (set modes in the build context or in an earlier stage) ' +
    'to keep `--link`, or drop `--link` to say what really happens.',
  origin: 'layerwise',
  examples: {
    bad: [{ dockerfile: 'FROM alpine\nCOPY --link --chmod=755 run.sh /usr/local/bin/\n' }],
    good: [{ dockerfile: 'FROM alpine\nCOPY --link run.sh /usr/local/bin/\n' }],
  },
  check(context, report) {
    if (context.options?.mergeOp === false) return;
    for (const { command } of copyUses(context)) {
      if (command.link && command.chmod !== undefined) {
        const keyword = copyKeyword(command);
        report(flagSpan(command, 'chmod'), keyword, keyword);
      }
    }
  },
});

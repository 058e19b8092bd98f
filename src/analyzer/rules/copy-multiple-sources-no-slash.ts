import { defineRule } from './define-rule.ts';
import { everyCommand, isCopy } from './support/walk.ts';

export const copyMultipleSourcesNoSlash = defineRule({
  name: 'CopyMultipleSourcesNoSlash',
  since: '0.1.0',
  title: 'Several sources need a destination directory ending in /',
  severity: 'warning',
  message: '%s copies %s sources to %s, which does not end with /; write %s/ so it is a directory',
  description:
    'With more than one source the destination has to be a directory. The documented way to say so is a ' +
    'trailing slash; without it the classic builder refuses the instruction and BuildKit copies each ' +
    'source to the same path in turn, so a later file can replace an earlier one instead of sitting next ' +
    'to it.',
  origin: 'layerwise',
  examples: {
    bad: [{ dockerfile: 'FROM alpine\nCOPY package.json package-lock.json /app\n' }],
    good: [{ dockerfile: 'FROM alpine\nCOPY package.json package-lock.json /app/\n' }],
  },
  check(context, report) {
    for (const { command } of everyCommand(context)) {
      if (!isCopy(command) || command.sources.length < 2) continue;
      const dest = command.dest.value;
      if (dest.includes('$') || dest.endsWith('/') || dest === '.' || dest === '..' || dest.endsWith('/.') || dest.endsWith('/..')) continue;
      const keyword = command.node.keyword.toUpperCase();
      report(command.dest.span, keyword, String(command.sources.length), dest, dest);
    }
  },
});

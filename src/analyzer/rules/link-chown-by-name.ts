import { defineRule } from './define-rule.ts';
import { copyUses } from './support/copies.ts';
import { flagSpan, flagValue, linkActive } from './support/walk.ts';

/** A user or group part `--link` can resolve without the base image's /etc/passwd. */
function resolvable(part: string): boolean {
  return part === '' || part === 'root' || /^[0-9]+$/.test(part);
}

export const linkChownByName = defineRule({
  name: 'LinkChownByName',
  since: '0.1.0',
  title: '--chown by name fails with --link',
  severity: 'error',
  message: '--chown=%s names a user or group, which --link cannot look up; use numeric ids such as --chown=1000:1000',
  description:
    'A `--link` copy is made on an empty filesystem and merged afterwards, so there is no `/etc/passwd` or ' +
    '`/etc/group` to turn a name into an id. The build fails at solve time with `invalid user index: -1`, ' +
    'and newer Dockerfile frontends reject the combination outright. Numeric ids and `root` work. (On a ' +
    'builder without MergeOp `--link` is ignored and the name works, which hides the problem until the ' +
    'file is built elsewhere.)',
  origin: 'layerwise',
  examples: {
    bad: [{ dockerfile: 'FROM node:22\nCOPY --link --chown=node:node . /app/\n' }],
    good: [{ dockerfile: 'FROM node:22\nCOPY --link --chown=1000:1000 . /app/\n' }],
  },
  check(context, report) {
    for (const { command, evaluated } of copyUses(context)) {
      if (!linkActive(context, command) || command.chown === undefined) continue;
      const value = flagValue(command, 'chown', evaluated);
      if (value === undefined) continue;
      const [user, group = ''] = value.split(':');
      if (!resolvable(user) || !resolvable(group)) report(flagSpan(command, 'chown'), value);
    }
  },
});

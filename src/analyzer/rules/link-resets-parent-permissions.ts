import { defineRule } from './define-rule.ts';
import { copyUses } from './support/copies.ts';
import { STICKY_DIRECTORIES, SYSTEM_DIRECTORIES } from './support/system-paths.ts';
import { copyDestination, flagValue, isUnder, linkActive } from './support/walk.ts';

export const linkResetsParentPermissions = defineRule({
  name: 'LinkResetsParentPermissions',
  since: '0.1.0',
  title: '--link recreates parent directories with fresh metadata',
  severity: 'warning',
  message: '--link recreates the parent directories of %s with new metadata: %s',
  description:
    'The parent directories of a `--link` destination are created anew in the copy layer (mode 0755, owned ' +
    'by root or by the `--chown` user) and, being the upper layer, override the base image\'s metadata for ' +
    'those directories. `COPY --link app.conf /tmp/app.conf` turns `/tmp` from 1777 into 0755, so other ' +
    'users can no longer write there (moby/buildkit#3602); with `--chown`, directories such as `/usr/local` ' +
    'or `/etc` end up owned by that user (docker/buildx#1855). Copy into a directory of your own, or drop ' +
    '`--link` for such destinations.',
  origin: 'layerwise',
  examples: {
    bad: [
      { dockerfile: 'FROM alpine\nCOPY --link app.conf /tmp/app.conf\n' },
      { dockerfile: 'FROM alpine\nCOPY --link --chown=1000:1000 app/ /usr/local/app/\n' },
    ],
    good: [{ dockerfile: 'FROM alpine\nCOPY --link app.conf /app/app.conf\n' }],
  },
  check(context, report) {
    for (const { command, evaluated } of copyUses(context)) {
      if (!linkActive(context, command)) continue;
      const dest = copyDestination(command, evaluated);
      if (dest === undefined) continue;
      const sticky = STICKY_DIRECTORIES.find((dir) => isUnder(dest, dir));
      if (sticky) {
        report(command.dest.span, dest, `${sticky} loses its sticky bit (mode 1777 becomes 0755)`);
        continue;
      }
      if (command.chown === undefined) continue;
      const owner = flagValue(command, 'chown', evaluated) ?? command.chown.value;
      const trimmed = dest.replace(/\/+$/, '');
      const parents = ancestors(trimmed);
      const system = parents.filter((dir) => SYSTEM_DIRECTORIES.some((root) => isUnder(dir, root))).reverse();
      if (system.length === 1) report(command.dest.span, dest, `${system[0]} becomes owned by ${owner}`);
      else if (system.length > 1) report(command.dest.span, dest, `${system.join(', ')} become owned by ${owner}`);
    }
  },
});

/** `/usr/local/app` → `/usr/local`, `/usr` (the root itself excluded), deepest first. */
function ancestors(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  const result: string[] = [];
  for (let i = parts.length - 1; i >= 1; i--) result.push('/' + parts.slice(0, i).join('/'));
  return result;
}

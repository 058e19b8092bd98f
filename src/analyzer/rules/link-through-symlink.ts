import { defineRule } from './define-rule.ts';
import { imageWithSource, rootBase } from './support/base-image.ts';
import { copyUses } from './support/copies.ts';
import { COMMON_SYMLINKS } from './support/system-paths.ts';
import { copyDestination, isUnder, linkActive } from './support/walk.ts';

export const linkThroughSymlink = defineRule({
  name: 'LinkThroughSymlink',
  since: '0.1.0',
  title: 'A --link destination under a commonly symlinked path replaces the link',
  severity: 'warning',
  message: '%s is a symbolic link to %s in common base images; --link replaces it with a real directory',
  format: (link, target, image) =>
    `${link} is a symbolic link to ${target} in ${image || 'common base images'}; --link replaces it with a real directory`,
  description:
    'A `--link` copy creates every parent directory of its destination as a real directory in a fresh ' +
    'layer, without following symbolic links, and on merge that directory wins. On merged-`/usr` ' +
    'distributions `/bin`, `/sbin` and `/lib` are links into `/usr`, and `/var/run` links to `/run` almost ' +
    'everywhere: copying to `/bin/tool` with `--link` replaces the `/bin` link by a directory holding only ' +
    '`tool`, and every other program in `/bin` disappears. Copy to the real path (`/usr/bin/`). When the ' +
    "base image's layout is known (the built-in table, a config file with the table's entry for its tag) " +
    'only its own links count: Alpine before 3.23 and Debian before bookworm keep a real `/bin`, and a ' +
    '`FROM scratch` stage has no links at all.',
  origin: 'layerwise',
  examples: {
    bad: [{ dockerfile: 'FROM debian:12\nCOPY --link tool /bin/tool\n' }],
    good: [{ dockerfile: 'FROM debian:12\nCOPY --link tool /usr/bin/tool\n' }],
  },
  check(context, report) {
    for (const { stage, command, evaluated } of copyUses(context)) {
      if (!linkActive(context, command)) continue;
      const dest = copyDestination(command, evaluated);
      if (dest === undefined) continue;
      const root = rootBase(context, stage.index);
      if (root?.kind === 'scratch') continue;
      // The image's own links when its layout is known; otherwise the usual suspects.
      const layout = root?.config.fs?.symlinks;
      const links = layout ? Object.entries(layout) : COMMON_SYMLINKS;
      for (const [link, target] of links) {
        if (isUnder(dest, link)) {
          report(command.dest.span, link, target, layout && root ? imageWithSource(root) : '');
          break;
        }
      }
    }
  },
});

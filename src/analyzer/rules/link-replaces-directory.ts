import { defineRule } from './define-rule.ts';
import { rootBase } from './support/base-image.ts';
import { copyUses } from './support/copies.ts';
import { WELL_KNOWN_DIRECTORIES } from './support/system-paths.ts';
import { copyDestination, copySources, linkActive } from './support/walk.ts';

export const linkReplacesDirectory = defineRule({
  name: 'LinkReplacesDirectory',
  since: '0.1.0',
  title: 'A --link copy to a directory path without a trailing slash can replace the directory',
  severity: 'warning',
  message: '%s is a directory in common base images; a single file copied there with --link replaces the whole directory (write %s/)',
  description:
    'A `--link` copy cannot see the base image, so it decides blindly: one source and a destination without ' +
    'a trailing slash make a file at that path. When the layers are merged the file hides the directory of ' +
    'the same name and everything in it, so `COPY --link tool /usr/local/bin` leaves an image whose ' +
    '`/usr/local/bin` is your tool and nothing else (moby/buildkit#4325). A plain COPY would have copied into ' +
    'the directory. End the destination with `/`.',
  origin: 'layerwise',
  examples: {
    bad: [{ dockerfile: 'FROM alpine\nCOPY --link tool /usr/local/bin\n' }],
    good: [{ dockerfile: 'FROM alpine\nCOPY --link tool /usr/local/bin/\n' }],
  },
  check(context, report) {
    for (const { stage, command, evaluated } of copyUses(context)) {
      if (!linkActive(context, command) || command.sources.length !== 1) continue;
      // A scratch stage has no system directories to replace.
      if (rootBase(context, stage.index)?.kind === 'scratch') continue;
      const [source] = copySources(command, evaluated);
      if (source === undefined && command.heredocs.length === 0) continue;
      if (source !== undefined && (source.endsWith('/') || source === '.')) continue;
      const dest = copyDestination(command, evaluated);
      if (dest === undefined || dest.endsWith('/') || dest.endsWith('/.')) continue;
      if (WELL_KNOWN_DIRECTORIES.has(dest)) report(command.dest.span, dest, dest);
    }
  },
});

import { defineRule } from './define-rule.ts';
import { findFlag, flagSpan, isCopy } from './support/walk.ts';

/** `docker/dockerfile:1.3`, `docker.io/docker/dockerfile-upstream:1.2.1-labs`: major and minor, if pinned. */
const FRONTEND = /^(?:docker\.io\/)?docker\/dockerfile(?:-upstream)?:(\d+)(?:\.(\d+))?/;

/** The pinned frontend version when it is older than 1.4 (the first with `--link`). */
export function tooOldForLink(syntax: string): string | undefined {
  const image = syntax.trim().split(/\s+/)[0] ?? '';
  const match = FRONTEND.exec(image);
  if (!match) return undefined;
  const major = Number(match[1]);
  const minor = match[2] === undefined ? undefined : Number(match[2]);
  const old = major < 1 || (major === 1 && minor !== undefined && minor < 4);
  return old ? image.slice(image.indexOf(':') + 1).split('@')[0] : undefined;
}

export const linkSyntaxTooOld = defineRule({
  name: 'LinkSyntaxTooOld',
  since: '0.1.0',
  title: 'The # syntax directive pins a frontend older than 1.4, which has no --link',
  severity: 'error',
  message: 'The Dockerfile frontend %s pinned by # syntax= predates --link (1.4); the build fails with an unknown flag error',
  description:
    '`COPY --link` arrived with Dockerfile frontend 1.4. A `# syntax=docker/dockerfile:1.3` (or older) ' +
    'directive makes BuildKit fetch and use that older frontend, which rejects the flag: ' +
    '`unknown flag: link`. Use `# syntax=docker/dockerfile:1` (the latest 1.x) or at least `:1.4`.',
  origin: 'layerwise',
  examples: {
    bad: [{ dockerfile: '# syntax=docker/dockerfile:1.3\nFROM alpine\nCOPY --link app /app/\n' }],
    good: [{ dockerfile: '# syntax=docker/dockerfile:1\nFROM alpine\nCOPY --link app /app/\n' }],
  },
  check(context, report) {
    const syntax = context.tree.directives.find((directive) => directive.name === 'syntax');
    const version = syntax ? tooOldForLink(syntax.value) : undefined;
    if (version === undefined) return;
    for (const stage of context.model.stages) {
      for (const command of stage.commands) {
        if (isCopy(command) && findFlag(command, 'link')) report(flagSpan(command, 'link'), version);
      }
    }
  },
});

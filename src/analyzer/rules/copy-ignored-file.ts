import { clean } from '../core/paths.ts';
import { classifySource } from '../graph/source-kind.ts';
import { defineRule } from './define-rule.ts';
import { compileIgnore } from '../core/dockerignore.ts';
import { builtCommands, copySources, isCopy } from './support/walk.ts';

const ROOT_PATTERNS = new Set(['*', '**', '**/*']);

export const copyIgnoredFile = defineRule({
  name: 'CopyIgnoredFile',
  since: '0.1.0',
  title: 'Attempting to Copy file that is excluded by .dockerignore',
  severity: 'warning',
  message: 'Attempting to %s file %q that is excluded by .dockerignore',
  description:
    'Files matched by `.dockerignore` are never sent to the builder, so a COPY or ADD of one either fails ' +
    'or copies nothing. Either the ignore pattern or the COPY is wrong. BuildKit only checks when the ' +
    'ignore file has no `!` exceptions, and only for sources from the build context (not `--from`, URLs ' +
    'or Git).',
  origin: 'buildkit',
  examples: {
    bad: [{ dockerfile: 'FROM alpine\nCOPY secrets/ /app/secrets/\n', dockerignore: 'secrets\n' }],
    good: [{ dockerfile: 'FROM alpine\nCOPY src/ /app/src/\n', dockerignore: 'secrets\n' }],
  },
  check(context, report) {
    if (context.dockerignore === undefined) return;
    const matcher = compileIgnore(context.dockerignore);
    if (!matcher || matcher.exclusions) return;
    const rootIgnored = matcher.patterns.some((pattern) => !pattern.exclusion && ROOT_PATTERNS.has(pattern.text));
    for (const { evaluated } of builtCommands(context)) {
      const command = evaluated.command;
      if (!isCopy(command)) continue;
      if (command.kind === 'copy' && (command.from !== undefined || (evaluated.origin && evaluated.origin.kind !== 'context'))) continue;
      for (const source of copySources(command, evaluated)) {
        if (classifySource(source).kind !== 'local') continue;
        const path = clean(source);
        if ((path === '.' || path === '/') && !rootIgnored) continue;
        if (matcher.matchesOrParentMatches(path)) {
          report(command.node.span, command.kind === 'add' ? 'Add' : 'Copy', path);
        }
      }
    }
  },
});

import { defineRule } from './define-rule.ts';
import { BUILTIN_ARG_NAMES, declaredGlobalArgs } from './support/global-args.ts';
import { suggest } from '../core/suggest.ts';

export const undefinedArgInFrom = defineRule({
  name: 'UndefinedArgInFrom',
  since: '0.1.0',
  title: 'FROM command must use declared ARGs',
  severity: 'warning',
  message: "FROM argument '%s' is not declared",
  format: (name, match) => `FROM argument '${name}' is not declared${match ? ` (did you mean ${match}?)` : ''}`,
  description:
    'A `FROM` line sees only the built-in platform args (`TARGETPLATFORM`, `BUILDARCH`, …) and the ARGs ' +
    'declared before the first `FROM`. Any other variable expands to an empty string, so `FROM ' +
    'node:${NODE_VERSION}` without `ARG NODE_VERSION` at the top silently becomes `FROM node:`. Declare ' +
    'the ARG before the first stage (a suggestion is offered when the name looks like a typo).',
  origin: 'buildkit',
  examples: {
    bad: [{ dockerfile: 'FROM node:${NODE_VERSION}\nRUN node --version\n' }],
    good: [{ dockerfile: 'ARG NODE_VERSION=22\nFROM node:${NODE_VERSION}\nRUN node --version\n' }],
  },
  check(context, report) {
    const keys = [...declaredGlobalArgs(context), ...BUILTIN_ARG_NAMES];
    const known = new Set([...keys, ...Object.keys(context.build.globalArgs)]);
    for (const stage of context.model.stages) {
      const from = context.build.froms[stage.index];
      if (!from) continue;
      for (const word of [from.image, ...(from.platform ? [from.platform] : [])]) {
        for (const name of word.unmatched) {
          if (known.has(name)) continue;
          report(stage.from.node.span, name, suggest(name, keys) ?? '');
        }
      }
    }
  },
});

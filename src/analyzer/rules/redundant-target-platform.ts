import { expandWord } from '../shell/expand.ts';
import { defineRule } from './define-rule.ts';
import { globalScope } from './support/global-args.ts';

export const redundantTargetPlatform = defineRule({
  name: 'RedundantTargetPlatform',
  title: 'Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior',
  severity: 'warning',
  message: 'Setting platform to predefined %s in FROM is redundant as this is the default behavior',
  description:
    'A stage is built for the target platform unless told otherwise, so `FROM --platform=$TARGETPLATFORM` ' +
    'says nothing new. The flag is useful with `$BUILDPLATFORM`, to run build tools natively while ' +
    'cross-compiling.',
  origin: 'buildkit',
  examples: {
    bad: [{ dockerfile: 'FROM --platform=$TARGETPLATFORM alpine\nRUN true\n' }],
    good: [{ dockerfile: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nRUN go version\n' }],
  },
  check(context, report) {
    const env = globalScope(context, false);
    for (const stage of context.model.stages) {
      const platform = stage.from.platform;
      if (!platform) continue;
      const result = expandWord(platform.value, env, context.tree.escape);
      if (result.error !== undefined || result.unmatched.length || new Set(result.matched).size !== 1) continue;
      if (result.matched[0] === 'TARGETPLATFORM' && result.value === env.get('TARGETPLATFORM')) {
        report(stage.from.node.span, platform.value);
      }
    }
  },
});

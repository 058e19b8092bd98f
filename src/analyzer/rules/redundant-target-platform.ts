import { defineRule } from './define-rule.ts';

export const redundantTargetPlatform = defineRule({
  name: 'RedundantTargetPlatform',
  since: '0.1.0',
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
    for (const stage of context.model.stages) {
      const platform = stage.from.platform;
      const result = context.build.froms[stage.index]?.platform;
      if (!platform || !result || result.error !== undefined || result.unmatched.length || new Set(result.matched).size !== 1) continue;
      const target = context.build.globalArgs.TARGETPLATFORM;
      if (result.matched[0] === 'TARGETPLATFORM' && result.value === target) report(stage.from.node.span, platform.value);
    }
  },
});

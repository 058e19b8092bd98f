import { defineRule } from './define-rule.ts';
import { parsePlatform } from '../instructions/platform.ts';

export const fromPlatformFlagConstDisallowed = defineRule({
  name: 'FromPlatformFlagConstDisallowed',
  since: '0.1.0',
  title: 'FROM --platform flag should not use a constant value',
  severity: 'warning',
  message: 'FROM --platform flag should not use constant value %q',
  description:
    'A constant `--platform=linux/amd64` pins the stage to one platform whatever the build asks for, so a ' +
    'multi-platform build quietly produces amd64 binaries in an arm64 image. Use `$BUILDPLATFORM` or ' +
    '`$TARGETPLATFORM`. BuildKit accepts the constant when the stage name mentions the OS or ' +
    'architecture (`AS build-amd64`), which signals it is deliberate.',
  origin: 'buildkit',
  examples: {
    bad: [{ dockerfile: 'FROM --platform=linux/amd64 alpine AS build\nRUN true\n' }],
    good: [
      { dockerfile: 'FROM --platform=$BUILDPLATFORM alpine AS build\nRUN true\n' },
      { dockerfile: 'FROM --platform=linux/amd64 alpine AS build-amd64\nRUN true\n' },
    ],
  },
  check(context, report) {
    for (const stage of context.model.stages) {
      const result = context.build.froms[stage.index]?.platform;
      if (!result || result.error !== undefined || result.matched.length || result.unmatched.length) continue;
      const parsed = parsePlatform(result.value);
      if (!parsed) continue;
      const name = stage.name ?? '';
      if (name.includes(parsed.os) || name.includes(parsed.architecture)) continue;
      report(stage.from.node.span, result.value);
    }
  },
});

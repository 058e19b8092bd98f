import { formatPlatform, shortSource } from '../image/model.ts';
import { parsePlatform } from '../image/platform.ts';
import { defineRule } from './define-rule.ts';

const DEFAULT_PLATFORM = 'linux/amd64';

export const invalidBaseImagePlatform = defineRule({
  name: 'InvalidBaseImagePlatform',
  since: '0.1.0',
  title: 'Base image platform does not match expected target platform',
  severity: 'warning',
  message: 'Base image %s was pulled with platform %q, expected %q for current build',
  format: (image, actual, expected, source) =>
    actual.includes(', ')
      ? `Base image ${image} is published for ${actual}, not ${JSON.stringify(expected)} for current build (${source})`
      : `Base image ${image} was pulled with platform ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)} for current build` +
        (source ? ` (${source})` : ''),
  description:
    'BuildKit compares the platform of the base image it resolved with the platform the stage is built ' +
    'for; a mismatch (an `amd64`-only image in an `arm64` build) means the stage runs under emulation or ' +
    'not at all. Pin a multi-platform image or set `--platform` deliberately. Layerwise checks it when ' +
    "the image's platforms are known: from the built-in table (the architectures an official image is " +
    'published for), a `--image-config` file, or the registry with `--resolve-images`; the build is ' +
    'modelled for `linux/amd64` unless `FROM --platform` says otherwise. An image published for several ' +
    'platforms, none of them the one asked for, makes BuildKit fail to pull it; that is reported here too.',
  origin: 'buildkit',
  examples: {
    bad: [{ dockerfile: 'FROM --platform=linux/mips64le golang:1.27-alpine\nRUN true\n' }],
    good: [{ dockerfile: 'FROM alpine\nRUN true\n' }],
  },
  check(context, report) {
    for (const stage of context.build.stages) {
      const base = stage.base;
      if (base.kind !== 'image' || base.config.platforms.length === 0) continue;
      const expected = parsePlatform(stage.platform ?? base.platform ?? DEFAULT_PLATFORM);
      if (!expected || expected.os.includes('$')) continue;
      // BuildKit compares OS and architecture only.
      const same = base.config.platforms.some((p) => p.os === expected.os && p.architecture === expected.architecture);
      if (same) continue;
      const actual = base.config.platforms.map(formatPlatform).join(', ');
      report(stage.stage.from.node.span, base.ref, actual, formatPlatform(expected), shortSource(base.config.source));
    }
  },
});

import { parseImageRef } from '../core/image-ref.ts';
import { defineRule } from './define-rule.ts';

export const invalidDefaultArgInFrom = defineRule({
  name: 'InvalidDefaultArgInFrom',
  since: '0.1.0',
  title: 'Default value for global ARG results in an empty or invalid base image name',
  severity: 'warning',
  message: 'Default value for ARG %v results in empty or invalid base image name',
  description:
    'A Dockerfile should build without any `--build-arg`. When a global ARG used in `FROM` has no default ' +
    '(or a default that makes no valid image name), a plain `docker build` fails: `ARG TAG` then ' +
    '`FROM alpine:${TAG}` asks for `alpine:`. Give the ARG a working default.',
  origin: 'buildkit',
  instructionComments: false,
  examples: {
    bad: [{ dockerfile: 'ARG TAG\nFROM alpine:${TAG}\nRUN true\n' }],
    good: [{ dockerfile: 'ARG TAG=3.20\nFROM alpine:${TAG}\nRUN true\n' }],
  },
  check(context, report) {
    for (const stage of context.model.stages) {
      const result = context.build.froms[stage.index]?.imageWithDefaults;
      if (!result || result.error !== undefined) return;
      if (!parseImageRef(result.value).ok) report(stage.from.node.span, stage.from.image.value);
    }
  },
});

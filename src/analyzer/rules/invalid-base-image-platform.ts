import { defineRule } from './define-rule.ts';

export const invalidBaseImagePlatform = defineRule({
  name: 'InvalidBaseImagePlatform',
  since: '0.1.0',
  title: 'Base image platform does not match expected target platform',
  severity: 'warning',
  message: 'Base image %s was pulled with platform %q, expected %q for current build',
  description:
    'BuildKit compares the platform of the base image it resolved with the platform the stage is built ' +
    'for; a mismatch (an `amd64`-only image in an `arm64` build) means the stage runs under emulation or ' +
    'not at all. Pin a multi-platform image or set `--platform` deliberately.',
  origin: 'buildkit',
  unchecked:
    'This check needs the image configuration from the registry, which an analyzer that never pulls ' +
    'images does not have. BuildKit reports it during a real build.',
  examples: {
    bad: [{ dockerfile: 'FROM --platform=linux/amd64 example.com/amd64-only-image\nRUN true\n' }],
    good: [{ dockerfile: 'FROM alpine\nRUN true\n' }],
  },
  check() {},
});

import { defineRule } from './define-rule.ts';
import { portSpecs } from './support/expose.ts';
import { builtCommands } from './support/walk.ts';

export const exposeProtoCasing = defineRule({
  name: 'ExposeProtoCasing',
  since: '0.1.0',
  title: 'Protocol in EXPOSE instruction should be lowercase',
  severity: 'warning',
  message: "Defined protocol '%s' in EXPOSE instruction should be lowercase",
  description:
    'Protocols in `EXPOSE` are `tcp`, `udp` or `sctp`, in lowercase. BuildKit lower-cases `80/TCP` for ' +
    'the image, but other tools that read the Dockerfile may not; write it the canonical way.',
  origin: 'buildkit',
  examples: {
    bad: [{ dockerfile: 'FROM nginx\nEXPOSE 80/TCP\n' }],
    good: [{ dockerfile: 'FROM nginx\nEXPOSE 80/tcp\n' }],
  },
  check(context, report) {
    for (const { evaluated } of builtCommands(context)) {
      for (const spec of portSpecs(evaluated)) {
        if (spec.proto !== spec.proto.toLowerCase()) report(evaluated.command.node.span, spec.raw);
      }
    }
  },
});

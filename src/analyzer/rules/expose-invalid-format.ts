import { defineRule } from './define-rule.ts';
import { portSpecs } from './support/expose.ts';
import { builtCommands } from './support/walk.ts';

export const exposeInvalidFormat = defineRule({
  name: 'ExposeInvalidFormat',
  since: '0.1.0',
  title: 'IP address and host-port mapping should not be used in EXPOSE instruction. This will become an error in a future release',
  severity: 'warning',
  message: "EXPOSE instruction should not define an IP address or host-port mapping, found '%s'",
  description:
    '`EXPOSE` documents which container ports the image listens on. Which host address and port they are ' +
    'published to is decided when the container runs (`docker run -p 8080:80`), so `EXPOSE 8080:80` or ' +
    '`EXPOSE 127.0.0.1:80:80` mixes the two. BuildKit keeps only the container port and plans to reject ' +
    'the rest.',
  origin: 'buildkit',
  examples: {
    bad: [{ dockerfile: 'FROM nginx\nEXPOSE 8080:80\n' }],
    good: [{ dockerfile: 'FROM nginx\nEXPOSE 80\n' }],
  },
  check(context, report) {
    for (const { evaluated } of builtCommands(context)) {
      for (const spec of portSpecs(evaluated)) {
        if (spec.ip !== '' || spec.hostPort !== '') report(evaluated.command.node.span, spec.raw);
      }
    }
  },
});

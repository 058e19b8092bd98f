import { defineRule } from './define-rule.ts';
import { walkWithInheritance } from './support/stage-chain.ts';

export const jsonArgsRecommended = defineRule({
  name: 'JSONArgsRecommended',
  since: '0.1.0',
  title: 'JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals',
  severity: 'warning',
  message: 'JSON arguments recommended for %s to prevent unintended behavior related to OS signals',
  description:
    'The shell form `CMD node server.js` runs `/bin/sh -c "node server.js"`: the shell becomes PID 1 and ' +
    'does not pass `SIGTERM` on, so `docker stop` waits and then kills the process. The JSON form ' +
    '`CMD ["node", "server.js"]` runs the program directly. BuildKit stays quiet when a `SHELL` instruction ' +
    'shows that a shell is intended.',
  origin: 'buildkit',
  examples: {
    bad: [{ dockerfile: 'FROM node:22\nCMD node server.js\n' }],
    good: [
      { dockerfile: 'FROM node:22\nCMD ["node", "server.js"]\n' },
      { dockerfile: 'FROM node:22\nSHELL ["/bin/bash", "-c"]\nCMD node server.js\n' },
    ],
  },
  check(context, report) {
    walkWithInheritance(context, false, (shellSet, evaluated) => {
      const command = evaluated.command;
      if (command.kind === 'shell') return true;
      if ((command.kind === 'cmd' || command.kind === 'entrypoint') && !command.node.json && !shellSet && !evaluated.onbuild) {
        report(command.node.span, command.node.keyword);
      }
      return shellSet;
    });
  },
});

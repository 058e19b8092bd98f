import { defineRule } from './define-rule.ts';
import { builtCommands } from './support/walk.ts';

const DENY = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const ALLOW = /(?:_|^)(?:public|file|version)(?:_|$)/i;

export const secretsUsedInArgOrEnv = defineRule({
  name: 'SecretsUsedInArgOrEnv',
  since: '0.1.0',
  title: 'Sensitive data should not be used in the ARG or ENV commands',
  severity: 'warning',
  message: 'Do not use ARG or ENV instructions for sensitive data (%s %q)',
  description:
    'ARG and ENV values end up in the image: ENV in its configuration, ARG in the build history and ' +
    'provenance. Anyone who can pull the image can read them. Pass secrets with `RUN --mount=type=secret` ' +
    'instead. BuildKit judges by the name: `_`-separated words such as `password`, `token` or `key`, unless ' +
    'the name also says `public`, `file` or `version`.',
  origin: 'buildkit',
  examples: {
    bad: [{ dockerfile: 'FROM alpine\nARG GITHUB_TOKEN\nRUN echo building\n' }],
    good: [{ dockerfile: 'FROM alpine\nRUN --mount=type=secret,id=github_token cat /run/secrets/github_token\n' }],
  },
  check(context, report) {
    for (const { evaluated } of builtCommands(context)) {
      const command = evaluated.command;
      const keys =
        command.kind === 'arg'
          ? command.args.map((arg) => ['ARG', arg.name.value])
          : command.kind === 'env'
            ? command.pairs.map((pair, i) => ['ENV', (evaluated.expanded.kind === 'env' ? evaluated.expanded.keys[i] : undefined) ?? pair.key.value])
            : [];
      for (const [instruction, key] of keys) {
        if (DENY.test(key) && !ALLOW.test(key)) report(command.node.span, instruction, key);
      }
    }
  },
});

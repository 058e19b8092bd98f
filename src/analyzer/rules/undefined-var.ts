import { defineRule } from './define-rule.ts';
import { walkWithInheritance } from './support/stage-chain.ts';
import { suggest } from './support/suggest.ts';

/** Build args BuildKit handles itself; they never reach the environment. */
const NON_ENV_ARGS = new Set(['BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE']);

export const undefinedVar = defineRule({
  name: 'UndefinedVar',
  title: 'Variables should be defined before their use',
  severity: 'warning',
  message: "Usage of undefined variable '$%s'",
  format: (name, match) => `Usage of undefined variable '$${name}'${match ? ` (did you mean $${match}?)` : ''}`,
  description:
    'BuildKit expands variables in COPY/ADD paths and flags, ENV, LABEL, WORKDIR, USER and more; a ' +
    'variable that is not set expands to nothing, so `COPY app-$VERSION.jar /app/` quietly looks for ' +
    '`app-.jar`. Declare it with `ARG` or `ENV` in the stage before using it (ARGs before the first FROM ' +
    'must be re-declared inside the stage). Shell-form RUN, CMD and ENTRYPOINT are left to the shell and ' +
    'not checked.',
  origin: 'buildkit',
  examples: {
    bad: [{ dockerfile: 'FROM alpine\nENV PATH=$PTH:/app/bin\n' }],
    good: [{ dockerfile: 'FROM alpine\nARG VERSION=1.0\nENV APP_VERSION=$VERSION\n' }],
  },
  check(context, report) {
    walkWithInheritance<readonly string[]>(context, [], (declared, evaluated) => {
      const command = evaluated.command;
      if (command.kind !== 'expose' && !evaluated.onbuild) {
        const keys = envKeys(evaluated.state.env);
        for (const name of evaluated.unmatched) {
          if (declared.includes(name) || NON_ENV_ARGS.has(name)) continue;
          report(command.node.span, name, suggest(name, keys) ?? '');
        }
      }
      return command.kind === 'arg' ? [...declared, ...command.args.map((arg) => arg.name.value)] : declared;
    });
  },
});

function envKeys(env: readonly string[]): string[] {
  return env.map((pair) => {
    const eq = pair.indexOf('=');
    return eq === -1 ? pair : pair.slice(0, eq);
  });
}


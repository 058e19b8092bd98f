import { defineRule } from './define-rule.ts';
import { walkWithInheritance } from './support/stage-chain.ts';
import { suggest } from '../core/suggest.ts';
import { isKnown } from '../image/model.ts';
import { rootBase } from './support/base-image.ts';

/** Build args BuildKit handles itself; they never reach the environment. */
const NON_ENV_ARGS = new Set(['BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE']);

export const undefinedVar = defineRule({
  name: 'UndefinedVar',
  since: '0.1.0',
  title: 'Variables should be defined before their use',
  severity: 'warning',
  message: "Usage of undefined variable '$%s'",
  format: (name, match, image) =>
    `Usage of undefined variable '$${name}'${match ? ` (did you mean $${match}?)` : ''}` +
    (image ? `; it may come from the base image ${image}, whose config is unknown` : ''),
  description:
    'BuildKit expands variables in COPY/ADD paths and flags, ENV, LABEL, WORKDIR, USER and more; a ' +
    'variable that is not set expands to nothing, so `COPY app-$VERSION.jar /app/` quietly looks for ' +
    '`app-.jar`. Declare it with `ARG` or `ENV` in the stage before using it (ARGs before the first FROM ' +
    'must be re-declared inside the stage). Shell-form RUN, CMD and ENTRYPOINT are left to the shell and ' +
    "not checked. The base image's ENV is in scope, as in BuildKit (`$GOPATH` on `golang`); when the " +
    "image's config is unknown (not in the built-in table, no `--image-config`), the message says the " +
    'variable may come from it.',
  origin: 'buildkit',
  examples: {
    bad: [{ dockerfile: 'FROM alpine\nENV PATH=$PTH:/app/bin\n' }],
    good: [{ dockerfile: 'FROM alpine\nARG VERSION=1.0\nENV APP_VERSION=$VERSION\n' }],
  },
  check(context, report) {
    // ARGs declared so far: one frame per stage, chained to the parent stage's frame, so
    // inheriting costs nothing and only names actually unset are looked up the chain.
    walkWithInheritance<Frame | undefined>(
      context,
      undefined,
      (frame, evaluated, stage) => {
        const command = evaluated.command;
        if (command.kind !== 'expose' && !evaluated.onbuild && evaluated.unmatched.length > 0) {
          let keys: string[] | undefined;
          for (const name of evaluated.unmatched) {
            if (declared(frame, name) || NON_ENV_ARGS.has(name)) continue;
            keys ??= envKeys(evaluated.state.env);
            const root = rootBase(context, stage.stage.index);
            const unknownImage = root?.kind === 'image' && !isKnown(root.config) ? root.ref : '';
            report(command.node.span, name, suggest(name, keys) ?? '', unknownImage);
          }
        }
        if (command.kind === 'arg') for (const arg of command.args) frame!.names.add(arg.name.value);
        return frame;
      },
      (parent) => ({ names: new Set(), parent }),
    );
  },
});

interface Frame {
  readonly names: Set<string>;
  readonly parent: Frame | undefined;
}

function declared(frame: Frame | undefined, name: string): boolean {
  for (let at = frame; at; at = at.parent) if (at.names.has(name)) return true;
  return false;
}

function envKeys(env: readonly string[]): string[] {
  return env.map((pair) => {
    const eq = pair.indexOf('=');
    return eq === -1 ? pair : pair.slice(0, eq);
  });
}


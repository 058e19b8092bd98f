import { defineRule } from './define-rule.ts';
import { suggest } from '../core/suggest.ts';
import { everyCommand, flagSpan } from './support/walk.ts';

export const copyFromUnknownStage = defineRule({
  name: 'CopyFromUnknownStage',
  since: '0.1.0',
  title: '--from names no stage but is close to one',
  severity: 'warning',
  message: '--from=%s names no stage, but stage %q is close: BuildKit will try to pull an image called %s instead',
  description:
    'When `--from` does not name a stage (or a stage index), BuildKit treats it as an image reference and ' +
    'pulls it from a registry. A typo such as `--from=buidler` then fails with a confusing "pull access ' +
    'denied" error, or worse, silently copies from a public image that happens to have that name. This ' +
    'rule flags `--from` values within two edits of a stage name.',
  origin: 'layerwise',
  examples: {
    bad: [{ dockerfile: 'FROM golang:1.23 AS builder\nRUN go build -o /out/app .\n\nFROM alpine\nCOPY --from=buidler /out/app /app\n' }],
    good: [{ dockerfile: 'FROM golang:1.23 AS builder\nRUN go build -o /out/app .\n\nFROM alpine\nCOPY --from=builder /out/app /app\n' }],
  },
  check(context, report) {
    const names = context.model.stages.flatMap((stage) => (stage.name ? [stage.name] : []));
    for (const { command } of everyCommand(context)) {
      if (command.kind !== 'copy' || command.from === undefined) continue;
      const from = command.from.value;
      if (from === '' || /[$:/@.]/.test(from) || /^[0-9]+$/.test(from)) continue;
      if (names.includes(from.toLowerCase())) continue;
      const match = suggest(from.toLowerCase(), names);
      if (match !== undefined) report(flagSpan(command, 'from'), from, match, from);
    }
  },
});

import type { CopyCommand } from '../instructions/model.ts';
import { defineRule } from './define-rule.ts';
import { flagSpan, isCopy, isScratchStage, makesFilesystemOp } from './support/walk.ts';

export const linkOnScratchNoop = defineRule({
  name: 'LinkOnScratchNoop',
  since: '0.1.0',
  title: '--link on the first filesystem step of a FROM scratch stage changes nothing',
  severity: 'info',
  message: '--link on the first %s of a FROM scratch stage changes nothing: there is no lower layer to merge onto',
  format: (keyword, others) =>
    `--link on the first ${keyword} of a FROM scratch stage changes nothing: there is no lower layer to merge onto` +
    (others ? ` (the same on lines ${others})` : ''),
  description:
    'In a `FROM scratch` stage the first COPY starts from an empty filesystem either way, so BuildKit ' +
    'drops the merge and the `--link` copy is exactly a plain copy. The flag is harmless, but it suggests a ' +
    'benefit that does not exist here; it starts to matter from the second copy on. Files that use ' +
    '`--link` everywhere on purpose have many such stages, so the rule reports once per file, at the ' +
    'first one, and lists the lines of the others.',
  origin: 'layerwise',
  examples: {
    bad: [
      { dockerfile: 'FROM scratch\nCOPY --link app /app\n' },
      { dockerfile: 'FROM scratch AS bin\nCOPY --link app /app\n\nFROM scratch AS docs\nCOPY --link docs/ /docs/\n' },
    ],
    good: [{ dockerfile: 'FROM scratch\nCOPY app /app\nCOPY --link config/ /etc/app/\n' }],
  },
  check(context, report) {
    if (context.options?.mergeOp === false) return;
    const found: CopyCommand[] = [];
    for (const stage of context.model.stages) {
      if (!isScratchStage(context, stage)) continue;
      const first = stage.commands.find(makesFilesystemOp);
      if (first && isCopy(first) && first.link && first.chmod === undefined) found.push(first);
    }
    if (found.length === 0) return;
    const [first, ...others] = found;
    report(flagSpan(first, 'link'), first.kind === 'add' ? 'ADD' : 'COPY', others.map((c) => c.node.startLine).join(', '));
  },
});

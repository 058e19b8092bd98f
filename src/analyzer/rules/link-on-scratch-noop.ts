import { defineRule } from './define-rule.ts';
import { flagSpan, isCopy, isScratchStage, makesFilesystemOp } from './support/walk.ts';

export const linkOnScratchNoop = defineRule({
  name: 'LinkOnScratchNoop',
  since: '0.1.0',
  title: '--link on the first filesystem step of a FROM scratch stage changes nothing',
  severity: 'info',
  message: '--link on the first %s of a FROM scratch stage changes nothing: there is no lower layer to merge onto',
  description:
    'In a `FROM scratch` stage the first COPY starts from an empty filesystem either way, so BuildKit ' +
    'drops the merge and the `--link` copy is exactly a plain copy. The flag is harmless, but it suggests a ' +
    'benefit that does not exist here; it starts to matter from the second copy on.',
  origin: 'layerwise',
  examples: {
    bad: [{ dockerfile: 'FROM scratch\nCOPY --link app /app\n' }],
    good: [{ dockerfile: 'FROM scratch\nCOPY app /app\nCOPY --link config/ /etc/app/\n' }],
  },
  check(context, report) {
    if (context.options?.mergeOp === false) return;
    for (const stage of context.model.stages) {
      if (!isScratchStage(context, stage)) continue;
      const first = stage.commands.find(makesFilesystemOp);
      if (first && isCopy(first) && first.link && first.chmod === undefined) {
        report(flagSpan(first, 'link'), first.kind === 'add' ? 'ADD' : 'COPY');
      }
    }
  },
});

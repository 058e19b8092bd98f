import type { Command, CopyCommand } from '../instructions/model.ts';
import { defineRule } from './define-rule.ts';
import { isCopy, linkActive, makesFilesystemOp } from './support/walk.ts';

/** How many `--link` copies in a row before the chain is worth a note. */
const CHAIN = 3;

export const linkMergeChain = defineRule({
  name: 'LinkMergeChain',
  since: '0.1.0',
  title: 'Several consecutive --link copies nest as many merge ops',
  severity: 'info',
  message: '%s consecutive --link copies nest %s merge ops; one multi-source COPY --link may serve',
  description:
    'Each `--link` copy becomes a copy on an empty filesystem plus a merge onto the previous state, and a ' +
    'run of them nests one merge inside the next. Every copy is still cached on its own, but each adds a ' +
    'layer and a merge, and a change to one source re-runs all the merges after it (moby/buildkit#5297). ' +
    'Copies from the same origin with the same owner can often be one `COPY --link a b c /dest/` ' +
    '(one layer, one merge); the rule only counts runs of such copies.',
  origin: 'layerwise',
  examples: {
    bad: [{ dockerfile: 'FROM alpine\nCOPY --link a /app/\nCOPY --link b /app/\nCOPY --link c /app/\n' }],
    good: [{ dockerfile: 'FROM alpine\nCOPY --link a b c /app/\n' }],
  },
  check(context, report) {
    for (const stage of context.model.stages) {
      let run: CopyCommand[] = [];
      const flush = (): void => {
        if (run.length >= CHAIN) {
          const span = { start: run[0].node.span.start, end: run[run.length - 1].node.span.end };
          report(span, String(run.length), String(run.length));
        }
        run = [];
      };
      for (const command of stage.commands as readonly Command[]) {
        if (!makesFilesystemOp(command)) continue;
        if (!isCopy(command) || !linkActive(context, command)) {
          flush();
          continue;
        }
        // Only copies that could be one instruction: same origin, owner and kind.
        if (run.length > 0 && !combinable(run[run.length - 1], command)) flush();
        run.push(command);
      }
      flush();
    }
  },
});

function combinable(a: CopyCommand, b: CopyCommand): boolean {
  return a.kind === b.kind && a.from?.value === b.from?.value && a.chown?.value === b.chown?.value;
}

import type { CopyCommand, EvaluatedCommand } from '../instructions/model.ts';
import { defineRule } from './define-rule.ts';
import { copyDestination, isCopy, linkActive, makesFilesystemOp } from './support/walk.ts';

/** How many `--link` copies in a row before the chain is worth a note. */
const CHAIN = 3;

export const linkMergeChain = defineRule({
  name: 'LinkMergeChain',
  since: '0.1.0',
  title: 'Several consecutive --link copies nest as many merge ops',
  severity: 'info',
  message: '%s consecutive --link copies nest %s merge ops',
  format: (copies, merges, lines) =>
    `${copies} consecutive --link copies nest ${merges} merge ops` +
    (lines ? `; the copies on lines ${lines} go to one directory and could be one multi-source COPY --link` : ''),
  description:
    'Each `--link` copy becomes a copy on an empty filesystem plus a merge onto the previous state, and a ' +
    'run of them nests one merge inside the next. Every copy is still cached on its own, but each adds a ' +
    'layer and a merge, and a change to one source re-runs all the merges after it (moby/buildkit#5297). ' +
    'The count is the merges of the build graph: the first copy into an empty `FROM scratch` stage makes ' +
    'none. When copies from the same origin, with the same owner, go into the same directory ' +
    '(destination ending in `/`), the message names them: they can be one `COPY --link a b c /dest/` ' +
    '(one layer, one merge). Copies that rename their file, or come from different places, cannot be ' +
    'combined; the note is then only about the cost. The rule reads the graph, so it looks at the stages ' +
    'the target builds.',
  origin: 'layerwise',
  examples: {
    bad: [
      { dockerfile: 'FROM alpine\nCOPY --link a /app/\nCOPY --link b /app/\nCOPY --link c /app/\n' },
      { dockerfile: 'FROM scratch\nCOPY --link a /bin/tool-a\nCOPY --link b /bin/tool-b\nCOPY --link c /bin/tool-c\n' },
    ],
    good: [{ dockerfile: 'FROM alpine\nCOPY --link a b c /app/\n' }],
  },
  check(context, report) {
    // Merge ops of the lowered graph, by the instruction that made them.
    const merges = new Set<number>();
    for (const op of context.graph.ops) if (op.role === 'link-merge' && op.span) merges.add(op.span.start);
    for (const stage of context.build.stages) {
      let run: EvaluatedCommand[] = [];
      const flush = (): void => {
        const count = run.filter((e) => merges.has(e.command.node.span.start)).length;
        if (run.length >= CHAIN && count >= CHAIN - 1) {
          const span = { start: run[0].command.node.span.start, end: run[run.length - 1].command.node.span.end };
          report(span, String(run.length), String(count), combinableLines(run));
        }
        run = [];
      };
      for (const evaluated of stage.commands) {
        const command = evaluated.command;
        if (evaluated.onbuild || !makesFilesystemOp(command)) continue;
        if (isCopy(command) && linkActive(context, command)) run.push(evaluated);
        else flush();
      }
      flush();
    }
  },
});

/** Lines of the longest stretch of neighbours in the run that one multi-source copy could replace. */
function combinableLines(run: readonly EvaluatedCommand[]): string {
  let best: EvaluatedCommand[] = [];
  let current: EvaluatedCommand[] = [];
  for (const evaluated of run) {
    const last = current[current.length - 1];
    if (last && sameCopy(last, evaluated)) current.push(evaluated);
    else current = intoDirectory(evaluated) !== undefined ? [evaluated] : [];
    if (current.length > best.length) best = [...current];
  }
  return best.length >= 2 ? best.map((e) => e.command.node.startLine).join(', ') : '';
}

/** Same kind, origin, owner and options, into the same directory: one instruction could do both. */
function sameCopy(a: EvaluatedCommand, b: EvaluatedCommand): boolean {
  const x = a.command as CopyCommand;
  const y = b.command as CopyCommand;
  const dir = intoDirectory(a);
  return (
    dir !== undefined &&
    dir === intoDirectory(b) &&
    x.kind === y.kind &&
    x.from?.value === y.from?.value &&
    x.chown?.value === y.chown?.value &&
    x.parents === y.parents &&
    x.excludes.join('\n') === y.excludes.join('\n')
  );
}

/**
 * The directory a copy puts its sources into, keeping their names: only a destination written
 * with a trailing `/` (or `.`) says so; anything else may rename. ADD with a checksum takes one source.
 */
function intoDirectory(evaluated: EvaluatedCommand): string | undefined {
  const command = evaluated.command as CopyCommand;
  if (command.checksum !== undefined || command.heredocs.length > 0) return undefined;
  const written = command.dest.value;
  if (!written.endsWith('/') && written !== '.') return undefined;
  const dest = copyDestination(command, evaluated);
  return dest === undefined ? undefined : dest.replace(/\/+$/, '') || '/';
}

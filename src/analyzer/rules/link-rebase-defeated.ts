import type { Command } from '../instructions/model.ts';
import { defineRule, type RuleContext } from './define-rule.ts';
import { flagSpan, isCopy, linkActive } from './support/walk.ts';

export const linkRebaseDefeated = defineRule({
  name: 'LinkRebaseDefeated',
  since: '0.1.0',
  title: 'Later steps rebuild on every base change, so --link cannot spare the stage',
  severity: 'info',
  message: 'The %s on line %s runs on top of this --link copy, so the stage still rebuilds whenever its base changes',
  description:
    'The point of `--link` is that a copy does not depend on the layers below it: when the base image ' +
    'changes, the copy stays cached and the image can even be rebased without rebuilding. That only ' +
    'helps if nothing after the copy depends on the base. A later `RUN`, plain `COPY`/`ADD` or `WORKDIR` ' +
    'in the same stage is rebuilt on every base change anyway. The copy itself is still reused, which is ' +
    'why this is only information: move the `--link` copies to the end of the stage, or into a final ' +
    'stage of their own, to get the full benefit.',
  origin: 'layerwise',
  examples: {
    bad: [{ dockerfile: 'FROM python:3.12\nCOPY --link requirements.txt /app/\nRUN pip install -r /app/requirements.txt\n' }],
    good: [{ dockerfile: 'FROM python:3.12\nRUN pip install flask\nCOPY --link app.py /app/\n' }],
  },
  check(context, report) {
    for (const stage of context.build.linted) {
      if (stage.base.kind === 'scratch') continue;
      const commands = stage.commands.filter((evaluated) => !evaluated.onbuild).map((evaluated) => evaluated.command);
      // Walk backwards, remembering the nearest later command that defeats the rebase.
      let later: Command | undefined;
      const found: [Command, Command][] = [];
      for (let i = commands.length - 1; i >= 0; i--) {
        const command = commands[i];
        if (isCopy(command) && linkActive(context, command)) {
          if (later) found.push([command, later]);
        } else if (defeats(context, command)) {
          later = command;
        }
      }
      for (const [command, next] of found.reverse()) {
        report(flagSpan(command, 'link'), next.kind.toUpperCase(), String(next.node.startLine));
      }
    }
  },
});

function defeats(context: RuleContext, command: Command): boolean {
  if (command.kind === 'run' || command.kind === 'workdir') return true;
  return isCopy(command) && !linkActive(context, command);
}

/** COPY/ADD instructions with what rules need to know about them. */
import type { CopyCommand, EvaluatedCommand, Stage } from '../../instructions/model.ts';
import type { RuleContext } from '../define-rule.ts';
import { shared } from './shared.ts';
import { evaluatedByOffset, isCopy } from './walk.ts';

export interface CopyUse {
  readonly stage: Stage;
  readonly command: CopyCommand;
  /** Present when the stage is evaluated (every stage without a target, see `EvaluatedBuild.linted`). */
  readonly evaluated?: EvaluatedCommand;
}

/** Every COPY/ADD of every stage, in file order, with its evaluation when the stage is built; one list per lint run (five rules read it). */
export function copyUses(context: RuleContext): readonly CopyUse[] {
  return shared(context, copyUses, () => {
    const evaluated = evaluatedByOffset(context);
    const uses: CopyUse[] = [];
    for (const stage of context.model.stages) {
      for (const command of stage.commands) {
        if (isCopy(command)) uses.push({ stage, command, evaluated: evaluated.get(command.node.span.start)?.evaluated });
      }
    }
    return uses;
  });
}

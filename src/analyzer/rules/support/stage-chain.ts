/**
 * Facts BuildKit carries from a parent stage to the stages built `FROM` it (its dispatch
 * state): computed over the linted stages (`EvaluatedBuild.linted`), parents first.
 */
import type { EvaluatedCommand, EvaluatedStage } from '../../instructions/model.ts';
import type { RuleContext } from '../define-rule.ts';

/**
 * Walks the linted stages in dependency order, handing each command (ONBUILD-inherited ones
 * included, flagged) a state value inherited from the base stage's final value.
 */
export function walkWithInheritance<T>(
  context: RuleContext,
  initial: T,
  step: (state: T, evaluated: EvaluatedCommand, stage: EvaluatedStage) => T,
  /** Called with the inherited value when a stage starts (e.g. to copy a mutable one). */
  enter: (inherited: T) => T = (inherited) => inherited,
): void {
  const finals = new Map<number, T>();
  const stages = new Map(context.build.linted.map((stage) => [stage.stage.index, stage]));
  const done = new Set<number>();
  const visit = (stage: EvaluatedStage, depth: number): void => {
    if (done.has(stage.stage.index) || depth > stages.size) return;
    let state = initial;
    if (stage.base.kind === 'stage') {
      const parentIndex = stage.base.index;
      const parent = stages.get(parentIndex);
      if (parent) visit(parent, depth + 1);
      state = finals.get(parentIndex) ?? initial;
    }
    done.add(stage.stage.index);
    state = enter(state);
    for (const evaluated of stage.commands) state = step(state, evaluated, stage);
    finals.set(stage.stage.index, state);
  };
  for (const stage of stages.values()) visit(stage, 0);
}

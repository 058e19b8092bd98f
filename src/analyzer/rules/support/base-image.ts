/** The image a built stage's filesystem starts from, following `FROM <stage>` to its root. */
import type { ImageConfig } from '../../image/model.ts';
import { isKnown, shortSource } from '../../image/model.ts';
import type { RuleContext } from '../define-rule.ts';

export type RootBase = { readonly kind: 'scratch' } | { readonly kind: 'image'; readonly ref: string; readonly config: ImageConfig };

/** Undefined for a stage the build does not reach (or a cycle). */
export function rootBase(context: RuleContext, stageIndex: number): RootBase | undefined {
  const byIndex = new Map(context.build.stages.map((stage) => [stage.stage.index, stage]));
  const seen = new Set<number>();
  for (let stage = byIndex.get(stageIndex); stage && !seen.has(stage.stage.index); ) {
    seen.add(stage.stage.index);
    const base = stage.base;
    if (base.kind === 'scratch') return base;
    if (base.kind === 'image') return { kind: 'image', ref: base.ref, config: base.config };
    stage = byIndex.get(base.index);
  }
  return undefined;
}

/** `golang:1.23-alpine (built-in table, 2026-08-19)`, for messages that rest on image facts. */
export function imageWithSource(root: { readonly ref: string; readonly config: ImageConfig }): string {
  return isKnown(root.config) ? `${root.ref} (${shortSource(root.config.source)})` : root.ref;
}

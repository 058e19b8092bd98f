/** The image a built stage's filesystem starts from, following `FROM <stage>` to its root. */
import type { ImageConfig } from '../../image/model.ts';
import { isKnown, shortSource } from '../../image/model.ts';
import type { RuleContext } from '../define-rule.ts';
import { shared } from './shared.ts';

export type RootBase = { readonly kind: 'scratch' } | { readonly kind: 'image'; readonly ref: string; readonly config: ImageConfig };

type Build = RuleContext['build'];

/**
 * Undefined for a stage the build does not reach (or a cycle). Answers are kept per lint run
 * (shared.ts), so rules asking for every copy of a file with thousands of stages stay linear.
 */
export function rootBase(context: RuleContext, stageIndex: number): RootBase | undefined {
  return shared(context, rootBase, () => rootsOf(context.build)).get(stageIndex);
}

/**
 * Each stage's root base, in one pass: a stage built on another takes that stage's root. Over
 * the linted stages, a superset of the reachable ones: rules check stages the target does not
 * reach too, and their images are known the same way.
 */
function rootsOf(build: Build): Map<number, RootBase> {
  const byIndex = new Map(build.linted.map((stage) => [stage.stage.index, stage]));
  const roots = new Map<number, RootBase>();
  const resolve = (index: number): RootBase | undefined => {
    // Walk down to a stage whose root is known or which starts from scratch or an image.
    const path: number[] = [];
    const seen = new Set<number>();
    let root: RootBase | undefined;
    for (let stage = byIndex.get(index); stage && !seen.has(stage.stage.index); ) {
      const known = roots.get(stage.stage.index);
      if (known) {
        root = known;
        break;
      }
      seen.add(stage.stage.index);
      path.push(stage.stage.index);
      const base = stage.base;
      if (base.kind !== 'stage') {
        root = base.kind === 'scratch' ? base : { kind: 'image', ref: base.ref, config: base.config };
        break;
      }
      stage = byIndex.get(base.index);
    }
    if (root) for (const i of path) roots.set(i, root);
    return root;
  };
  for (const stage of build.linted) resolve(stage.stage.index);
  return roots;
}

/** `golang:1.23-alpine (built-in table, 2026-08-19)`, for messages that rest on image facts. */
export function imageWithSource(root: { readonly ref: string; readonly config: ImageConfig }): string {
  return isKnown(root.config) ? `${root.ref} (${shortSource(root.config.source)})` : root.ref;
}

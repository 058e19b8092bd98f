/**
 * The stage overview's handles: a stage drawn as one node expands in place when clicked (or
 * Enter, Space), and an expanded stage's title collapses it again. Hovering or focusing either
 * lights the stage's lines and steps, and the cursor on one of its lines lights the node.
 */
import { LW_STAGE, LW_WIRED } from '../model/selectors.ts';
import type { StepView } from '../model/view-model.ts';

/** The stage a Mermaid element stands for: `stage_3` in its `data-id`, or at the end of its id. */
function stageOf(element: Element): number | undefined {
  for (const id of [element.getAttribute('data-id') ?? '', element.id]) {
    const m = /(?:^|-)stage_(\d+)(?:-\d+)?$/.exec(id);
    if (m) return Number(m[1]);
  }
  return undefined;
}

export interface StageHandlers {
  onFocusOps(ops: readonly string[]): void;
  toggle(stage: number): void;
}

/** Each handle's ops, refreshed on every analysis (its listeners are attached once). */
const opsOf = new WeakMap<Element, readonly string[]>();

function wire(target: Element, stage: number, ops: readonly string[], name: string, expanded: boolean, on: StageHandlers): void {
  target.setAttribute(LW_STAGE, String(stage));
  target.setAttribute('tabindex', '0');
  target.setAttribute('role', 'button');
  target.setAttribute('aria-expanded', String(expanded));
  target.setAttribute(
    'aria-label',
    expanded ? `stage ${name}, ${ops.length} ops shown. Activate to collapse it.` : `stage ${name}: ${ops.length} ops. Activate to show them.`,
  );
  opsOf.set(target, ops);
  if (target.hasAttribute(LW_WIRED)) return;
  target.setAttribute(LW_WIRED, '');
  const stageOps = () => opsOf.get(target) ?? [];
  target.addEventListener('click', () => on.toggle(stage));
  target.addEventListener('keydown', (event) => {
    const key = (event as KeyboardEvent).key;
    if (key !== 'Enter' && key !== ' ') return;
    event.preventDefault();
    on.toggle(stage);
  });
  target.addEventListener('mouseenter', () => on.onFocusOps(stageOps()));
  target.addEventListener('mouseleave', () => on.onFocusOps([]));
  target.addEventListener('focus', () => on.onFocusOps(stageOps()));
  target.addEventListener('blur', () => on.onFocusOps([]));
}

/**
 * Wires the overview's stage nodes and expanded stages' titles in `svg`. Returns, for each op of
 * a collapsed stage, the node that stands for it (what lights up when the op is highlighted).
 */
export function wireStages(svg: SVGSVGElement, steps: readonly StepView[], on: StageHandlers): Map<string, Element> {
  const byStage = new Map<number, string[]>();
  for (const step of steps) if (step.stage !== undefined) byStage.set(step.stage, [...(byStage.get(step.stage) ?? []), step.id]);
  // A collapsed node says `stage build · …`; an expanded box's title is the name or `stage 2`.
  const name = (stage: number, element: Element) => {
    const text = element.textContent?.trim() ?? '';
    return /^stage (\S+)/.exec(text)?.[1] ?? /^\S+/.exec(text)?.[0] ?? String(stage);
  };
  const standsFor = new Map<string, Element>();
  for (const node of svg.querySelectorAll('g.node')) {
    const stage = stageOf(node);
    if (stage === undefined) continue;
    const ops = byStage.get(stage) ?? [];
    wire(node, stage, ops, name(stage, node), false, on);
    for (const op of ops) standsFor.set(op, node);
  }
  for (const cluster of svg.querySelectorAll('g.cluster')) {
    const stage = stageOf(cluster);
    const title = cluster.querySelector('.cluster-label');
    if (stage === undefined || !title) continue;
    wire(title, stage, byStage.get(stage) ?? [], name(stage, title), true, on);
  }
  return standsFor;
}

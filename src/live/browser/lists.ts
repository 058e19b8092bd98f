/**
 * The findings and the build steps as lists: client-side twins of FindingsList.astro and
 * StepsList.astro (same markup, built with text nodes).
 */
import { LW_ALL } from '../model/selectors.ts';
import { stepLines } from '../model/texts.ts';
import type { FindingView, StepView } from '../model/view-model.ts';
import { el } from './dom.ts';

/** What each list shows now, so an unchanged list is not rebuilt (long files have thousands of items). */
const shown = new WeakMap<HTMLElement, string>();
function unchanged(box: HTMLElement, key: string): boolean {
  if (shown.get(box) === key) return true;
  shown.set(box, key);
  return false;
}

export function renderFindings(box: HTMLElement, findings: readonly FindingView[]): void {
  if (unchanged(box, JSON.stringify(findings))) return;
  if (findings.length === 0) {
    box.replaceChildren(el('p', { class: 'lw-findings-none' }, 'No findings.'));
    return;
  }
  const items = findings.map((f) =>
    el(
      'li',
      { class: `lw-finding lw-sev-${f.severity}`, 'data-line': String(f.line) },
      el('span', { class: 'lw-sev' }, f.severity),
      ' ',
      el('span', { class: 'lw-loc' }, `line ${f.line}`),
      ' ',
      f.href ? el('a', { href: f.href }, f.rule) : el('span', {}, f.rule),
      ': ',
      el('span', { class: 'lw-msg' }, f.message),
    ),
  );
  box.replaceChildren(el('ul', {}, ...items));
}

/** Beyond this many steps the list shows the first and last ones and a button for the rest. */
const STEPS_SHOWN = { head: 300, tail: 100 };

/**
 * Puts `children` into a fresh shallow copy of `box`, swapped in as one node: observers of
 * the page (Expressive Code watches every added node) then see one insertion, not thousands.
 */
function swapIn(box: HTMLElement, children: readonly Node[]): HTMLElement {
  const fresh = box.cloneNode(false) as HTMLElement;
  fresh.append(...children);
  box.replaceWith(fresh);
  return fresh;
}

function stepItem(s: StepView): HTMLLIElement {
  return el(
    'li',
    { 'data-op': s.id, 'data-status': s.status },
    el('span', { class: 'lw-step-kind' }, s.kind),
    ' ',
    el('span', { class: 'lw-step-name' }, s.name),
    stepLines(s) && el('span', { class: 'lw-step-lines' }, ` (${stepLines(s)})`),
    s.status && el('span', { class: 'lw-step-status' }, `: ${s.statusText ?? s.status}${s.reason ? ` (${s.reason})` : ''}`),
  );
}

/** Renders the steps into `list` (replaced by a new element, which is returned). */
export function renderSteps(list: HTMLElement, steps: readonly StepView[]): HTMLElement {
  const key = JSON.stringify(steps);
  if (shown.get(list) === key) return list;
  const { head, tail } = STEPS_SHOWN;
  let items: HTMLLIElement[];
  if (steps.length <= head + tail + 1 || list.hasAttribute(LW_ALL)) items = steps.map(stepItem);
  else {
    const more = el('button', { type: 'button', class: 'lw-steps-all' }, `Show all ${steps.length} steps`);
    const rest = steps.slice(-tail).map(stepItem);
    rest[0].setAttribute('value', String(steps.length - tail + 1));
    items = [
      ...steps.slice(0, head).map(stepItem),
      el('li', { class: 'lw-steps-more' }, `… ${steps.length - head - tail} more steps. `, more),
      ...rest,
    ];
    more.addEventListener('click', () => {
      fresh.setAttribute(LW_ALL, '');
      shown.delete(fresh);
      // The focus goes to the first step that was hidden, where the button was.
      const next = renderSteps(fresh, steps).children[head] as HTMLElement | undefined;
      next?.setAttribute('tabindex', '-1');
      next?.focus();
    });
  }
  const fresh = swapIn(list, items);
  shown.set(fresh, key);
  return fresh;
}

/**
 * The findings and the build steps as lists: client-side twins of FindingsList.astro and
 * StepsList.astro (same markup, built with text nodes).
 */
import { findingPlace, groupCount, groupFindings, severityCounts, severityLabel, type FindingGroup } from '../model/findings-list.ts';
import { LW_ACTION, LW_ALL, LW_PANE, LW_SEVERITY, lwHidden, sel } from '../model/selectors.ts';
import { configText, stepLines } from '../model/texts.ts';
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
  // Buttons name their pane (see FindingsList.astro).
  const pane = box.closest(sel(LW_PANE))?.getAttribute(LW_PANE) ?? 'main';
  const rule = (g: FindingGroup) => (g.href ? el('a', { href: g.href }, g.rule) : el('span', {}, g.rule));
  const place = (f: FindingView) =>
    el('button', { type: 'button', class: 'lw-loc', [LW_ACTION]: 'go-to-line', 'data-pane': pane, 'data-line': String(f.line), 'data-column': String(f.column) }, findingPlace(f));
  const items = groupFindings(findings).map((g) => {
    const attrs = { [LW_SEVERITY]: g.severity, 'data-line': String(g.items[0].line) };
    if (g.items.length === 1) {
      const f = g.items[0];
      return el('li', { class: `lw-finding lw-sev-${g.severity}`, ...attrs }, el('span', { class: 'lw-sev' }, g.severity), ' ', place(f), ' ', rule(g), ': ', el('span', { class: 'lw-msg' }, f.message));
    }
    // A group stays open across re-renders when the reader opened it.
    const open = box.querySelector(`.lw-finding-group[${LW_SEVERITY}="${g.severity}"][data-rule="${CSS.escape(g.rule)}"] > details[open]`) !== null;
    return el(
      'li',
      { class: `lw-finding lw-finding-group lw-sev-${g.severity}`, ...attrs, 'data-rule': g.rule },
      // The rule's link stays out of the summary: a link inside a summary nests two controls.
      el('span', { class: 'lw-sev' }, g.severity),
      ' ',
      rule(g),
      ' ',
      el(
        'details',
        open ? { open: '' } : {},
        el('summary', { class: 'lw-count' }, groupCount(g)),
        el('ul', {}, ...g.items.map((f) => el('li', { 'data-line': String(f.line) }, place(f), ': ', el('span', { class: 'lw-msg' }, f.message)))),
      ),
    );
  });
  // The filter keeps the reader's choice, which lives on the box (see lwHidden).
  const filter =
    findings.length > 1 &&
    el(
      'div',
      { class: 'lw-findings-filter', role: 'group', 'aria-label': 'Show findings by severity' },
      ...severityCounts(findings).map(({ severity, count }) =>
        el(
          'button',
          { type: 'button', [LW_ACTION]: 'filter-findings', [LW_SEVERITY]: severity, 'data-pane': pane, 'aria-pressed': String(!box.hasAttribute(lwHidden(severity))) },
          severityLabel(severity, count),
        ),
      ),
    );
  box.replaceChildren(...(filter ? [filter] : []), el('ul', {}, ...items));
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
    s.config && el('span', { class: 'lw-step-config' }, `; ${configText(s.config)}`),
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

/** Client-side twins of FindingsList.astro and StepsList.astro: same markup, built with text nodes. */
import type { FindingView, StepView } from './analysis-view.ts';
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

export function stepLines(s: StepView): string {
  if (s.startLine === undefined) return '';
  return s.endLine && s.endLine !== s.startLine ? `lines ${s.startLine}–${s.endLine}` : `line ${s.startLine}`;
}

export function renderSteps(list: HTMLElement, steps: readonly StepView[]): void {
  if (unchanged(list, JSON.stringify(steps))) return;
  list.replaceChildren(
    ...steps.map((s) =>
      el(
        'li',
        { 'data-op': s.id, 'data-status': s.status },
        el('span', { class: 'lw-step-kind' }, s.kind),
        ' ',
        el('span', { class: 'lw-step-name' }, s.name),
        stepLines(s) && el('span', { class: 'lw-step-lines' }, ` (${stepLines(s)})`),
        s.status && el('span', { class: 'lw-step-status' }, `: ${s.status}${s.reason ? ` (${s.reason})` : ''}`),
      ),
    ),
  );
}

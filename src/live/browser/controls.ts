/**
 * An island's form controls ("what rebuilds if…" and the build options): written from each
 * snapshot (except the one the reader is using) and read back into the state.
 */
import type { ShareState } from '../model/share-state.ts';
import { buildArgProblems, buildArgsText, changesFrom, changeValue, controlChoices, parseBuildArgs } from '../model/controls.ts';
import { LW_ACTION, LW_FIELD, LW_INPUT_PROBLEM, LW_SIM, LW_STARTER, sel } from '../model/selectors.ts';
import { OWN_FILE, starterOf } from '../model/starters.ts';
import { optionText } from '../model/texts.ts';
import { el, q } from './dom.ts';
import type { PaneSnapshot, Snapshot } from './store.ts';

const optionKeys = new WeakMap<HTMLSelectElement, string>();

/** Makes `select` offer `values` (after its first, empty option) with `current` chosen. */
function syncOptions(select: HTMLSelectElement, values: readonly string[], label: (v: string) => string, current: string): void {
  const key = JSON.stringify(values);
  if (optionKeys.get(select) === key) {
    select.value = values.includes(current) ? current : '';
    return;
  }
  // A fresh select, filled while detached and swapped in as one node: a long file copies
  // thousands of paths, and observers of the page (Expressive Code's) visit each added node.
  const fresh = select.cloneNode(false) as HTMLSelectElement;
  fresh.append(select.options[0].cloneNode(true), ...values.map((v) => el('option', { value: v }, label(v))));
  select.replaceWith(fresh);
  optionKeys.set(fresh, key);
  fresh.value = values.includes(current) ? current : '';
}

export function syncControls(root: HTMLElement, snapshot: Snapshot): void {
  const { state } = snapshot;
  const views = [snapshot.main, snapshot.compare].filter((p): p is PaneSnapshot => !!p).map((p) => p.good?.view ?? p.view);
  const choices = controlChoices(views);
  const active = document.activeElement;
  const base = q<HTMLSelectElement>(root, sel(LW_SIM, 'base'));
  if (active !== base) syncOptions(base, choices.baseImages, optionText.base, changeValue(state.simulate, 'base'));
  const file = q<HTMLSelectElement>(root, sel(LW_SIM, 'file'));
  if (active !== file) syncOptions(file, choices.copiedPaths, optionText.file, changeValue(state.simulate, 'file'));
  // The reader's text stays while it says what the state says (a line the state cannot hold,
  // such as `FOO` without `=`, stays too, with its message under it).
  const arg = q<HTMLInputElement>(root, sel(LW_SIM, 'arg'));
  const argValue = changeValue(state.simulate, 'arg');
  if (active !== arg && changeValue(changesFrom({ base: '', file: '', arg: arg.value }, []), 'arg') !== argValue) arg.value = argValue;
  const target = q<HTMLSelectElement>(root, sel(LW_FIELD, 'target'));
  if (active !== target) syncOptions(target, choices.stageNames, optionText.target, state.target ?? '');
  const args = q<HTMLTextAreaElement>(root, sel(LW_FIELD, 'buildArgs'));
  if (active !== args && JSON.stringify(parseBuildArgs(args.value)) !== JSON.stringify(state.buildArgs ?? {})) args.value = buildArgsText(state.buildArgs);
  const ignore = q<HTMLTextAreaElement>(root, sel(LW_FIELD, 'dockerignore'));
  if (active !== ignore) ignore.value = state.dockerignore ?? '';
  // The playground's Starter names the starter on show, or says the text is the reader's own.
  const starter = root.querySelector<HTMLSelectElement>(sel(LW_STARTER));
  if (starter && active !== starter) starter.value = starterOf(state.code)?.id ?? OWN_FILE.id;
  root.querySelector(sel(LW_ACTION, 'toggle-compare'))?.setAttribute('aria-pressed', String(state.compare !== undefined));
  q<HTMLInputElement>(root, sel(LW_FIELD, 'mergeOp')).checked = state.mergeOp !== false;
  declaredArgs.set(root, [...new Set(views.flatMap((v) => v.argNames))]);
  checkInput(root, arg, 'arg');
  checkInput(root, args, 'buildArgs');
}

/** The ARG names of the island's Dockerfiles, as of the last analysis. */
const declaredArgs = new WeakMap<HTMLElement, readonly string[]>();

/** Says under a build-argument control what is wrong with its text, as the reader types. */
function checkInput(root: HTMLElement, control: HTMLInputElement | HTMLTextAreaElement, name: 'arg' | 'buildArgs'): void {
  const problems = buildArgProblems(control.value, declaredArgs.get(root) ?? []);
  const box = q(root, sel(LW_INPUT_PROBLEM, name));
  const text = problems.join(' ');
  if (box.textContent !== text) box.textContent = text;
  box.hidden = problems.length === 0;
  if (problems.length) control.setAttribute('aria-invalid', 'true');
  else control.removeAttribute('aria-invalid');
}

/** The changes the simulation controls ask for; of `kept`, the ones they cannot show stay. */
function readSimulation(root: HTMLElement, kept: readonly string[] | undefined): string[] {
  const value = (name: string) => q<HTMLSelectElement | HTMLInputElement>(root, sel(LW_SIM, name)).value;
  return changesFrom({ base: value('base'), file: value('file'), arg: value('arg') }, kept);
}

/** Everything the controls say, as a patch of the state. */
export function readControls(root: HTMLElement, kept: readonly string[] | undefined): Partial<ShareState> {
  const target = q<HTMLSelectElement>(root, sel(LW_FIELD, 'target')).value;
  return {
    simulate: readSimulation(root, kept),
    buildArgs: parseBuildArgs(q<HTMLTextAreaElement>(root, sel(LW_FIELD, 'buildArgs')).value),
    target: target || undefined,
    mergeOp: q<HTMLInputElement>(root, sel(LW_FIELD, 'mergeOp')).checked,
    dockerignore: q<HTMLTextAreaElement>(root, sel(LW_FIELD, 'dockerignore')).value || undefined,
  };
}

/**
 * The state change a control's input or change event asks for, and whether to analyze at
 * once (a choice) rather than after the typing pause; undefined for anything else.
 */
export function controlChange(root: HTMLElement, event: Event, kept: readonly string[] | undefined): { patch: Partial<ShareState>; now: boolean } | undefined {
  const target = event.target as HTMLElement;
  if (target.matches(sel(LW_SIM, 'arg'))) checkInput(root, target as HTMLInputElement, 'arg');
  if (target.matches(sel(LW_FIELD, 'buildArgs'))) checkInput(root, target as HTMLTextAreaElement, 'buildArgs');
  if (target.matches(sel(LW_SIM))) return { patch: { simulate: readSimulation(root, kept) }, now: event.type === 'change' };
  if (target.matches(sel(LW_FIELD, 'buildArgs'))) return { patch: { buildArgs: parseBuildArgs((target as HTMLTextAreaElement).value) }, now: false };
  if (target.matches(sel(LW_FIELD, 'dockerignore'))) return { patch: { dockerignore: (target as HTMLTextAreaElement).value || undefined }, now: false };
  if (target.matches(sel(LW_FIELD, 'target'))) return { patch: { target: (target as HTMLSelectElement).value || undefined }, now: true };
  if (target.matches(sel(LW_FIELD, 'mergeOp'))) return { patch: { mergeOp: (target as HTMLInputElement).checked }, now: true };
  return undefined;
}

/**
 * The editor, on the reader's request: Monaco (loaded then, with the analysis worker) takes
 * the place of each pane's server-rendered Dockerfile and feeds its text to the store.
 */
import { editorHint } from '../model/texts.ts';
import { LW_ACTION, LW_CODE, LW_EDITOR, LW_EDITOR_HINT, LW_STATIC, sel } from '../model/selectors.ts';
import type { Island } from './controller.ts';
import { el, q } from './dom.ts';
import { cursorLine } from './panes.ts';
import { warmUp } from './analysis-worker-client.ts';

/** Opens an editor in every pane, or focuses the main one when they are open. */
export async function openEditors(island: Island, quiet = false): Promise<void> {
  const { root, config, store, panes } = island;
  if (island.editing) {
    void import('../adapters/monaco.ts').then((m) => m.setTabMovesFocus(false));
    panes.get('main')?.editor?.focus();
    return;
  }
  island.editing = true;
  // The worker (about 50 KiB gzipped) loads with the editor, not when a hover wakes the
  // island; a control changed first starts it on its first analysis.
  warmUp();
  root.classList.add('lw-editing');
  if (!quiet) island.say('Loading the editor…');
  const { createEditor, onTabModeChange, setTabMovesFocus } = await import('../adapters/monaco.ts');
  setTabMovesFocus(false);
  const hint = q(root, sel(LW_EDITOR_HINT));
  onTabModeChange((moves) => {
    hint.hidden = false;
    hint.textContent = editorHint(moves);
  });
  for (const pane of panes.values()) {
    const field: 'code' | 'compare' = pane.name === 'main' ? 'code' : 'compare';
    const codeBox = q(pane.root, sel(LW_CODE));
    const lines = (store.state()[field] ?? '').split('\n').length;
    const height = config.playground ? 420 : Math.min(400, Math.max(140, lines * 19 + 40));
    const host = el('div', { class: 'lw-editor', [LW_EDITOR]: '', style: `height:${height}px` });
    q(codeBox, sel(LW_STATIC)).hidden = true;
    codeBox.append(host);
    pane.editor = createEditor(host, {
      value: store.state()[field] ?? '',
      label: pane.root.querySelector('.lw-pane-label')?.textContent ?? 'Dockerfile',
      theme: island.theme,
      onChange: (text) => island.edited(field, text),
      onCursorLine: (line) => cursorLine(pane, line),
      // Back where the reader asked for the editor: the Edit button (Tab now passes through the editor).
      onEscape: () => root.querySelector<HTMLElement>(sel(LW_ACTION, 'edit'))?.focus(),
    });
    if (pane.snapshot) pane.editor.setMarkers(pane.snapshot.view.findings);
  }
  root.dataset.editor = 'ready';
  if (!quiet) island.say('Editing: changes update the graph and findings as you type. Escape leaves the editor.');
  panes.get('main')!.editor!.focus();
}

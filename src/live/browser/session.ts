/** Guide pages keep a reader's edits per example for the session (a reload keeps them). */
import { sessionKey as keyOf } from '../model/config.ts';
import { toShareState, type ShareState } from '../model/share-state.ts';

const sessionKey = (id: string) => keyOf(location.pathname, id);

export function loadEdit(id: string): ShareState | undefined {
  try {
    const raw = sessionStorage.getItem(sessionKey(id));
    return raw ? toShareState(JSON.parse(raw)) : undefined;
  } catch {
    return undefined;
  }
}

export function saveEdit(id: string, state: ShareState | undefined): void {
  try {
    if (state) sessionStorage.setItem(sessionKey(id), JSON.stringify(state));
    else sessionStorage.removeItem(sessionKey(id));
  } catch {
    // Storage full or disabled: edits then last only as long as the page.
  }
}

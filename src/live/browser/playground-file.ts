/**
 * The playground with the reader's own file. Pasting or dropping a file into the main editor
 * closes a comparison that only compared with a starter (its summary would weigh the reader's
 * file against two lines), and says how to compare with the file's own `--link` variant. A
 * share link opened in a tab that already shows the playground (`hashchange`) loads its state.
 */
import { LW_CODE, LW_PANE, sel } from '../model/selectors.ts';
import { sameState } from '../model/share-state.ts';
import type { Island } from './controller.ts';
import { decodeFragment, isShareFragment } from './share-codec.ts';

export const OWN_FILE_TEXT = 'The comparison with the starter is closed. "Compare with --link flipped" compares your file with its --link variant.';

export function ownFileDropsStarterCompare(island: Island): void {
  const { root, config, store } = island;
  const starterCompare = (compare: string | undefined) =>
    compare !== undefined && (compare === config.initial.compare || !!config.starters?.some((s) => s.compare === compare));

  const ownFile = (event: Event) => {
    const target = event.target as Element | null;
    if (!target?.closest(`${sel(LW_PANE, 'main')} ${sel(LW_CODE)}`)) return;
    // After the editor has taken the text in (it reports it synchronously, as the paste lands).
    setTimeout(() => {
      if (!starterCompare(store.state().compare)) return;
      store.update({ compare: undefined }, true);
      island.say(OWN_FILE_TEXT);
    });
  };
  root.addEventListener('paste', ownFile, true);
  root.addEventListener('drop', ownFile, true);

  window.addEventListener('hashchange', () => {
    if (!isShareFragment(location.hash)) return;
    void decodeFragment(location.hash).then((decoded) => {
      if (!decoded.ok) return island.say(`${decoded.reason} The playground keeps what it shows.`);
      if (sameState(decoded.state, store.state())) return;
      island.load(decoded.state);
      island.say('Loaded the shared link.');
    });
  });
}

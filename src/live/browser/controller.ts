/**
 * DOM glue for one `<LiveExample>`: reads the server-rendered markup and config, owns the
 * island's store, and keeps the panes (panes.ts), the controls (controls.ts) and the line
 * under them in step with it; the toolbar's buttons are in actions.ts, the editor in
 * editors.ts. Loaded lazily by boot.ts when the island becomes visible or is used.
 */
import type { IslandConfig } from '../model/config.ts';
import { LW_ACTION, LW_CONFIG, LW_GRAPH, LW_STARTER, LW_STATIC, LW_STATUS, LW_SUMMARY, sel, type Action, type PaneName } from '../model/selectors.ts';
import { sameState, type ShareState } from '../model/share-state.ts';
import { summaryText } from '../model/texts.ts';
import type { SiteTheme } from '../model/theme.ts';
import { runAction } from './actions.ts';
import { controlChange, readControls, syncControls } from './controls.ts';
import { q } from './dom.ts';
import { openEditors } from './editors.ts';
import { createPanes, focusOp, renderPane, type Pane } from './panes.ts';
import { loadEdit, saveEdit } from './session.ts';
import { decodeFragment, encodeState, isShareFragment } from './share-codec.ts';
import { createIslandStore, type IslandStore, type PaneSnapshot, type Snapshot } from './store.ts';
import { onThemeChange, siteTheme } from './theme.ts';
import { analyzeOffThread } from './analysis-worker-client.ts';

export interface Controller {
  handle(event: Event): void;
  /** Opens the editor (the playground does at once). */
  edit(): Promise<void>;
  /** Resolves once the island shows its first analysis (and decoded link, on the playground). */
  ready: Promise<void>;
}

/** One mounted island, as its parts (actions, editors) see it. */
export interface Island {
  readonly root: HTMLElement;
  readonly config: IslandConfig;
  readonly store: IslandStore;
  readonly panes: ReadonlyMap<PaneName, Pane>;
  theme: SiteTheme;
  editing: boolean;
  /** Announces `text` in the island's status line. */
  say(text: string): void;
  /** Replaces the whole state (reset, a starter, a link): the editors follow. */
  load(state: ShareState): void;
  /** An editor's text changed. */
  edited(field: 'code' | 'compare', text: string): void;
}

export function mount(root: HTMLElement): Controller {
  const config = JSON.parse(q<HTMLScriptElement>(root, sel(LW_CONFIG)).textContent!) as IslandConfig;
  const status = q(root, sel(LW_STATUS));
  let loading = false;
  let shareTicket = 0;
  const theme = siteTheme();

  // The first analysis runs here as the island mounts (examples are small); the reader's
  // edits are analyzed in the worker, so a long pasted file never blocks the page.
  const store = createIslandStore(config.initial, { offThread: analyzeOffThread });
  const panes = createPanes(root, theme);

  const island: Island = {
    root,
    config,
    store,
    panes,
    theme,
    editing: false,
    say(text) {
      status.textContent = text;
    },
    load(state) {
      store.replace(state);
      // Editors echo setValue as a change; while loading, the state is already right.
      loading = true;
      for (const pane of panes.values()) pane.editor?.setValue((pane.name === 'main' ? state.code : state.compare) ?? '');
      loading = false;
    },
    edited(field, text) {
      if (!loading) store.update({ [field]: text });
    },
  };

  function render(snapshot: Snapshot): void {
    const started = performance.now();
    renderPane(panes.get('main')!, snapshot.main, island.theme);
    const compare = panes.get('compare');
    if (compare) renderPane(compare, snapshot.compare, island.theme);
    const counts = (p: PaneSnapshot) => (p.good?.view ?? p.view).counts;
    // While a file is refused the counts are the last good graph's: say so, as the graph does.
    const stale = [snapshot.main, snapshot.compare].some((p) => p?.error !== undefined);
    const summary = q(root, sel(LW_SUMMARY));
    summary.textContent = summaryText(
      { label: config.label, counts: counts(snapshot.main) },
      snapshot.compare && { label: config.compareLabel, counts: counts(snapshot.compare) },
      stale,
    );
    summary.classList.toggle('lw-stale-text', stale);
    syncControls(root, snapshot);
    root.dataset.seq = String(snapshot.seq);
    root.dataset.analyzedIn = snapshot.thread;
    persist(snapshot.state);
    performance.measure('lw:render', { start: started });
  }

  /** Playground: the fragment follows the state. Guide pages: session storage keyed by example. */
  function persist(state: ShareState): void {
    if (config.playground) {
      const ticket = ++shareTicket;
      void encodeState(state).then((fragment) => {
        if (ticket === shareTicket) history.replaceState(history.state, '', `#${fragment}`);
      });
    } else saveEdit(config.id, sameState(state, config.initial) ? undefined : state);
  }

  function handle(event: Event): void {
    const target = event.target as HTMLElement;
    if (event.type === 'pointerover') {
      // The pointer that woke the island may still be on a node: highlight it as a hover would.
      for (const pane of panes.values()) {
        const node = pane.root.querySelector(`${sel(LW_GRAPH)} g.node[data-op]:hover`);
        if (node) focusOp(pane, node.getAttribute('data-op')!);
      }
      return;
    }
    if (event.type === 'click' || event.type === 'keydown') {
      if (target.closest(sel(LW_STATIC))) return void openEditors(island);
      const button = target.closest(sel(LW_ACTION));
      if (button) void runAction(island, button.getAttribute(LW_ACTION) as Action);
      return;
    }
    if (target.matches(sel(LW_STARTER))) {
      const starter = config.starters?.find((s) => s.id === (target as HTMLSelectElement).value);
      if (starter) island.load({ code: starter.code, compare: starter.compare, simulate: starter.simulate });
      return;
    }
    const change = controlChange(root, event, store.state().simulate);
    if (change) store.update(change.patch, change.now);
  }

  store.subscribe(render);
  onThemeChange((next) => {
    island.theme = next;
    if (island.editing) void import('../adapters/monaco.ts').then((m) => m.setEditorTheme(next));
    render(store.get());
  });

  const ready = (async () => {
    if (config.playground && isShareFragment(location.hash)) {
      const decoded = await decodeFragment(location.hash);
      if (decoded.ok) island.load(decoded.state);
      else {
        island.say(`${decoded.reason} Showing the default example instead.`);
        root.dataset.shareError = 'true';
        island.load(config.initial);
      }
      return;
    }
    if (!config.playground) {
      const edited = loadEdit(config.id);
      if (edited && !sameState(edited, config.initial)) {
        island.load(edited);
        await openEditors(island, true);
        island.say('Your edits from this session are back. Reset restores the original.');
        return;
      }
    }
    // Controls the reader changed before this script arrived win over the defaults.
    const fromControls: ShareState = { ...store.state(), ...readControls(root, store.state().simulate) };
    if (!sameState(fromControls, store.state())) store.update(fromControls, true);
    else render(store.get());
  })();
  root.dataset.island = 'mounted';
  return { handle, ready, edit: () => openEditors(island, true) };
}

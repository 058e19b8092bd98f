/**
 * DOM glue for one `<LiveExample>`: reads the server-rendered markup and config, owns the
 * island's store, and keeps the panes (panes.ts), the controls (controls.ts) and the line
 * under them in step with it; the toolbar's buttons are in actions.ts, the editor in
 * editors.ts. Loaded lazily by boot.ts when the island becomes visible or is used.
 */
import type { IslandConfig } from '../model/config.ts';
import { LW_ACTION, LW_CONFIG, LW_GRAPH, LW_MODIFIED, LW_PANE, LW_STARTER, LW_STATIC, LW_STATUS, LW_SUMMARY, LW_VIEW, sel, type Action, type PaneName, type ViewCommand } from '../model/selectors.ts';
import { sameState, type ShareState } from '../model/share-state.ts';
import { summaryText } from '../model/texts.ts';
import type { SiteTheme } from '../model/theme.ts';
import { runAction } from './actions.ts';
import { controlChange, readControls, syncControls } from './controls.ts';
import { q, whenIdle } from './dom.ts';
import { openEditors } from './editors.ts';
import { createPanes, focusOp, renderPane, type Pane } from './panes.ts';
import { loadEdit, saveEdit } from './session.ts';
import { linkedTo } from './link-target.ts';
import { SHARED_EMBED_PAGE } from '../model/embed-paths.ts';
import { decodeFragment, encodeState, isShareFragment, SHARE_PARAM, sharedParam } from './share-codec.ts';
import { createIslandStore, type IslandStore, type PaneSnapshot, type Snapshot } from './store.ts';
import { onThemeChange, siteTheme } from './theme.ts';
import { analyzeOffThread } from './analysis-worker-client.ts';
import { ownFileDropsStarterCompare } from './playground-file.ts';

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
  /** Shows or hides the note saying the example is not the page's own (it came from a link). */
  markShared(shared: boolean): void;
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
    markShared(shared) {
      const note = root.querySelector<HTMLElement>(sel(LW_MODIFIED));
      if (note) note.hidden = !shared;
      // Once back to the original, a reload must not bring the link's state back.
      if (!shared && sharedParam(location.search) !== undefined) history.replaceState(history.state, '', `${location.pathname}${location.hash}`);
    },
  };

  function render(snapshot: Snapshot): void {
    const started = performance.now();
    renderPane(panes.get('main')!, snapshot.main, island.theme);
    const compare = panes.get('compare');
    if (compare) renderPane(compare, snapshot.compare, island.theme);
    // Two columns only while there is a second pane (the playground drops it for a pasted file).
    root.classList.toggle('lw-compare', snapshot.compare !== undefined);
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
      // Once the page is idle (the graph drawn): a long file's address takes 10-20 ms to write,
      // and a newer state makes this one moot.
      whenIdle(() => {
        if (ticket !== shareTicket) return;
        void encodeState(state).then((fragment) => {
          // The fragment holds the state from now on: a `?s=` the page was opened with goes.
          if (ticket === shareTicket) history.replaceState(history.state, '', `${location.pathname}#${fragment}`);
        });
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
      const view = target.closest(sel(LW_VIEW));
      if (view) {
        const pane = panes.get(view.closest(sel(LW_PANE))?.getAttribute(LW_PANE) as PaneName);
        return pane?.graph.command(view.getAttribute(LW_VIEW) as ViewCommand);
      }
      const button = target.closest(sel(LW_ACTION));
      if (button) void runAction(island, button.getAttribute(LW_ACTION) as Action, button as HTMLElement);
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
  if (config.playground) ownFileDropsStarterCompare(island);
  onThemeChange((next) => {
    island.theme = next;
    if (island.editing) void import('../adapters/monaco.ts').then((m) => m.setEditorTheme(next));
    render(store.get());
  });

  const ready = (async () => {
    // Old playground links carry the state in the fragment; newer ones, and links to an
    // example on its page or an embed, in `?s=`.
    let link: string | undefined;
    if (config.playground && isShareFragment(location.hash)) link = location.hash;
    else if (config.playground || linkedTo(root)) link = sharedParam(location.search);
    if (link !== undefined) {
      const decoded = await decodeFragment(link);
      if (decoded.ok) island.load(decoded.state);
      else {
        island.say(`${decoded.reason} Showing the ${config.playground ? 'default' : 'original'} example instead.`);
        root.dataset.shareError = 'true';
        island.load(config.initial);
      }
      // A shared embed's links lead to the playground with the same state.
      if (decoded.ok && config.page === SHARED_EMBED_PAGE) {
        for (const a of document.querySelectorAll<HTMLAnchorElement>('[data-lw-back], .lw-title a')) a.href = `${SHARED_EMBED_PAGE}?${SHARE_PARAM}=${link}`;
      }
      if (!config.playground && decoded.ok && !sameState(decoded.state, config.initial)) {
        // The editor shows the link's Dockerfile (the page's code is the original). A shared
        // embed has no original of its own to go back to: no note there.
        const placeholder = config.page === SHARED_EMBED_PAGE;
        if (!placeholder) island.markShared(true);
        await openEditors(island, true);
        if (!placeholder) island.say('This example was changed by whoever shared the link.');
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

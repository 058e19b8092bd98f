/**
 * DOM glue for one `<LiveExample>`: reads the server-rendered markup and config, owns the
 * island's store, and keeps the panes (graph, steps, findings, editor) and the controls in
 * step with it. Loaded lazily by boot.ts when the island becomes visible or is used.
 */
import { analyzeOffThread, warmUp } from './analysis-client.ts';
import { compareText, countsText, type AnalysisView } from './analysis-view.ts';
import { el } from './dom.ts';
import { editorHint } from './editor-hint.ts';
import type { EditorHandle } from './monaco-adapter.ts';
import { renderFindings, renderSteps } from './findings-view.ts';
import { tooManyOpsText } from './graph-svg.ts';
import { createGraphView, type GraphView } from './graph-view.ts';
import type { IslandConfig } from './island-config.ts';
import { createIslandStore, type PaneSnapshot, type Snapshot } from './island-store.ts';
import { linkVariant } from './link-variant.ts';
import { renderMermaid, svgNode } from './mermaid-adapter.ts';
import { loadEdit, saveEdit } from './session.ts';
import { decodeFragment, encodeState, isShareFragment } from './share-codec.ts';
import { sameState, type ShareState } from './share-state.ts';
import { onThemeChange, siteTheme } from './theme.ts';

export interface Controller {
  handle(event: Event): void;
  /** Opens the editor (the playground does at once). */
  edit(): Promise<void>;
  /** Resolves once the island shows its first analysis (and decoded link, on the playground). */
  ready: Promise<void>;
}

type PaneName = 'main' | 'compare';

interface Pane {
  readonly name: PaneName;
  readonly root: HTMLElement;
  readonly graph: GraphView;
  editor?: EditorHandle;
  snapshot?: PaneSnapshot;
}

const q = <T extends Element>(root: ParentNode, selector: string) => root.querySelector<T>(selector);

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]';

/** The first control after `host` in the tab order (document order, visible, tabbable), if any. */
function nextFocusable(host: Element): HTMLElement | undefined {
  for (const node of document.querySelectorAll<HTMLElement>(FOCUSABLE)) {
    if (host.contains(node) || !(host.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
    if (node.tabIndex < 0 || !node.checkVisibility({ visibilityProperty: true })) continue;
    return node;
  }
  return undefined;
}

export function mount(root: HTMLElement): Controller {
  const config = JSON.parse(q<HTMLScriptElement>(root, 'script[data-lw-config]')!.textContent!) as IslandConfig;
  const status = q<HTMLElement>(root, '[data-lw-status]')!;
  let theme = siteTheme();
  let editing = false;
  let loading = false;
  let shareTicket = 0;

  // The first analysis runs here as the island mounts (examples are small); the reader's
  // edits are analyzed in the worker, so a long pasted file never blocks the page.
  const store = createIslandStore(config.initial, { offThread: analyzeOffThread });
  const panes = new Map<PaneName, Pane>();
  for (const paneRoot of root.querySelectorAll<HTMLElement>('[data-lw-pane]')) {
    const name = paneRoot.dataset.lwPane as PaneName;
    const pane: Pane = {
      name,
      root: paneRoot,
      graph: createGraphView(q(paneRoot, '[data-lw-graph]')!, theme, (op) => focusOp(pane, op)),
    };
    panes.set(name, pane);
  }

  const say = (text: string) => {
    status.textContent = text;
  };

  /** Graph node hovered or focused: highlight its Dockerfile lines and its step. */
  function focusOp(pane: Pane, op: string | undefined): void {
    const step = op ? pane.snapshot?.good?.view.steps.find((s) => s.id === op) : undefined;
    const range: [number, number] | undefined = step?.startLine ? [step.startLine, step.endLine ?? step.startLine] : undefined;
    pane.editor?.highlightLines(range ? [range] : []);
    const lines = pane.root.querySelectorAll('[data-lw-static] .ec-line');
    lines.forEach((line, i) => line.classList.toggle('lw-line-hl', !!range && i + 1 >= range[0] && i + 1 <= range[1]));
    for (const li of pane.root.querySelectorAll<HTMLElement>('[data-lw-steps] li')) li.classList.toggle('lw-step-hl', li.dataset.op === op);
    pane.graph.highlight(new Set(op ? [op] : []));
  }

  /** Editor cursor on `line`: highlight the nodes built from that line. */
  function cursorLine(pane: Pane, line: number): void {
    const steps = pane.snapshot?.good?.view.steps ?? [];
    const ops = steps.filter((s) => s.startLine !== undefined && s.startLine <= line && line <= (s.endLine ?? s.startLine)).map((s) => s.id);
    pane.graph.highlight(new Set(ops));
    for (const li of pane.root.querySelectorAll<HTMLElement>('[data-lw-steps] li')) li.classList.toggle('lw-step-hl', ops.includes(li.dataset.op!));
  }

  function renderPane(pane: Pane, snap: PaneSnapshot | undefined): void {
    pane.root.hidden = snap === undefined;
    pane.snapshot = snap;
    if (!snap) return;
    const view = snap.view;
    const shown: AnalysisView = snap.good?.view ?? view;
    const error = q<HTMLElement>(pane.root, '[data-lw-error]')!;
    error.hidden = !snap.error;
    error.textContent = snap.error ? `BuildKit would refuse this file: ${snap.error}` : '';
    renderFindings(q(pane.root, '[data-lw-findings]')!, view.findings);
    renderSteps(q(pane.root, '[data-lw-steps]')!, shown.steps);
    q<HTMLElement>(pane.root, '[data-lw-sim-summary]')!.textContent = shown.simulation?.summary ?? '';
    pane.editor?.setMarkers(view.findings);
    pane.graph.setStale(snap.stale);
    const good = snap.good;
    // No drawing text above MAX_DRAWN_OPS: the graph would be unreadable, the steps list it.
    if (good?.mermaid.drawn === undefined) {
      if (good) pane.graph.showText(tooManyOpsText(good.view.steps.length));
    } else void pane.graph.show(good.mermaid.drawn, good.view.steps, theme);
  }

  const optionKeys = new WeakMap<HTMLSelectElement, string>();
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

  function syncControls(snapshot: Snapshot): void {
    const { state } = snapshot;
    const views = [snapshot.main, snapshot.compare].filter((p): p is PaneSnapshot => !!p).map((p) => p.good?.view ?? p.view);
    const union = (pick: (v: AnalysisView) => readonly string[]) => [...new Set(views.flatMap(pick))];
    const change = (kind: string) => (state.simulate ?? []).find((c) => c.startsWith(`${kind}:`))?.slice(kind.length + 1) ?? '';
    const active = document.activeElement;
    const base = q<HTMLSelectElement>(root, '[data-lw-sim="base"]')!;
    if (active !== base) syncOptions(base, union((v) => v.baseImages), (v) => `${v} gets a new digest`, change('base'));
    const file = q<HTMLSelectElement>(root, '[data-lw-sim="file"]')!;
    if (active !== file) syncOptions(file, union((v) => v.copiedPaths), (v) => `${v} changes`, change('file'));
    const arg = q<HTMLInputElement>(root, '[data-lw-sim="arg"]')!;
    if (active !== arg) arg.value = change('arg');
    const target = q<HTMLSelectElement>(root, '[data-lw-field="target"]')!;
    if (active !== target) syncOptions(target, union((v) => v.stageNames), (v) => v, state.target ?? '');
    const args = q<HTMLTextAreaElement>(root, '[data-lw-field="buildArgs"]')!;
    if (active !== args) args.value = Object.entries(state.buildArgs ?? {}).map(([k, v]) => `${k}=${v}`).join('\n');
    const ignore = q<HTMLTextAreaElement>(root, '[data-lw-field="dockerignore"]')!;
    if (active !== ignore) ignore.value = state.dockerignore ?? '';
    q(root, '[data-lw-action="toggle-compare"]')?.setAttribute('aria-pressed', String(state.compare !== undefined));
    q<HTMLInputElement>(root, '[data-lw-field="mergeOp"]')!.checked = state.mergeOp !== false;
  }

  function render(snapshot: Snapshot): void {
    const started = performance.now();
    renderPane(panes.get('main')!, snapshot.main);
    const compare = panes.get('compare');
    if (compare) renderPane(compare, snapshot.compare);
    const summary = q<HTMLElement>(root, '[data-lw-summary]')!;
    const counts = (p: PaneSnapshot) => (p.good?.view ?? p.view).counts;
    summary.textContent = snapshot.compare
      ? `${config.label}: ${countsText(counts(snapshot.main))}. ${config.compareLabel ?? 'Compare'}: ${countsText(counts(snapshot.compare))}. ${compareText(counts(snapshot.main), counts(snapshot.compare))}`
      : `${countsText(counts(snapshot.main))}.`;
    syncControls(snapshot);
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

  async function startEditing(quiet = false): Promise<void> {
    if (editing) {
      void import('./monaco-adapter.ts').then((m) => m.setTabMovesFocus(false));
      panes.get('main')?.editor?.focus();
      return;
    }
    editing = true;
    // The worker (about 50 KiB gzipped) loads with the editor, not when a hover wakes the
    // island; a control changed first starts it on its first analysis.
    warmUp();
    root.classList.add('lw-editing');
    if (!quiet) say('Loading the editor…');
    const { createEditor, onTabModeChange, setTabMovesFocus } = await import('./monaco-adapter.ts');
    setTabMovesFocus(false);
    const hint = q<HTMLElement>(root, '[data-lw-editor-hint]')!;
    onTabModeChange((moves) => {
      hint.hidden = false;
      hint.textContent = editorHint(moves);
    });
    for (const pane of panes.values()) {
      const field: 'code' | 'compare' = pane.name === 'main' ? 'code' : 'compare';
      const codeBox = q<HTMLElement>(pane.root, '[data-lw-code]')!;
      const lines = (store.state()[field] ?? '').split('\n').length;
      const height = config.playground ? 420 : Math.min(400, Math.max(140, lines * 19 + 40));
      const host = el('div', { class: 'lw-editor', 'data-lw-editor': '', style: `height:${height}px` });
      q<HTMLElement>(codeBox, '[data-lw-static]')!.hidden = true;
      codeBox.append(host);
      pane.editor = createEditor(host, {
        value: store.state()[field] ?? '',
        label: pane.root.querySelector('.lw-pane-label')?.textContent ?? 'Dockerfile',
        theme,
        onChange: (text) => {
          if (!loading) store.update({ [field]: text });
        },
        onCursorLine: (line) => cursorLine(pane, line),
        // On to whatever follows the editor, so the reader continues forward through the page.
        onEscape: () => (nextFocusable(host) ?? q<HTMLElement>(root, '[data-lw-action="reset"]'))?.focus(),
      });
      if (pane.snapshot) pane.editor.setMarkers(pane.snapshot.view.findings);
    }
    root.dataset.editor = 'ready';
    if (!quiet) say('Editing: changes update the graph and findings as you type. Escape leaves the editor.');
    panes.get('main')!.editor!.focus();
  }

  function load(state: ShareState): void {
    store.replace(state);
    // Editors echo setValue as a change; while loading, the state is already right.
    loading = true;
    for (const pane of panes.values()) pane.editor?.setValue((pane.name === 'main' ? state.code : state.compare) ?? '');
    loading = false;
  }

  function readSimulation(): string[] {
    const out: string[] = [];
    const base = q<HTMLSelectElement>(root, '[data-lw-sim="base"]')!.value;
    const file = q<HTMLSelectElement>(root, '[data-lw-sim="file"]')!.value;
    const arg = q<HTMLInputElement>(root, '[data-lw-sim="arg"]')!.value.trim();
    if (base) out.push(`base:${base}`);
    if (file) out.push(`file:${file}`);
    if (/^[^=\s]+=/.test(arg)) out.push(`arg:${arg}`);
    // Keep preset changes the controls cannot show (edited lines).
    out.push(...(store.state().simulate ?? []).filter((c) => c.startsWith('line:')));
    return out;
  }

  function readControls(): Partial<ShareState> {
    const target = q<HTMLSelectElement>(root, '[data-lw-field="target"]')!.value;
    return {
      simulate: readSimulation(),
      buildArgs: parseArgs(q<HTMLTextAreaElement>(root, '[data-lw-field="buildArgs"]')!.value),
      target: target || undefined,
      mergeOp: q<HTMLInputElement>(root, '[data-lw-field="mergeOp"]')!.checked,
      dockerignore: q<HTMLTextAreaElement>(root, '[data-lw-field="dockerignore"]')!.value || undefined,
    };
  }

  function parseArgs(text: string): Record<string, string> {
    const args: Record<string, string> = {};
    for (const line of text.split('\n')) {
      const m = /^\s*([^=\s]+)=(.*)$/.exec(line);
      if (m) args[m[1]] = m[2];
    }
    return args;
  }

  async function copy(text: string | undefined, what: string): Promise<void> {
    if (text === undefined) {
      say(`There is no ${what} to copy yet.`);
      return;
    }
    try {
      await navigator.clipboard.writeText(text);
      say(`${what[0].toUpperCase()}${what.slice(1)} copied.`);
    } catch {
      say(`Could not copy the ${what}: the browser refused access to the clipboard.`);
    }
  }

  async function shareUrl(): Promise<string> {
    return new URL(`/playground/#${await encodeState(store.state())}`, location.href).href;
  }

  async function action(name: string): Promise<void> {
    switch (name) {
      case 'edit':
        return startEditing();
      case 'reset':
        load(config.initial);
        saveEdit(config.id, undefined);
        say('Back to the original example.');
        return;
      case 'copy-code':
        return copy(store.state().code, 'Dockerfile');
      case 'copy-mermaid': {
        const good = store.get().main.good;
        return copy(good?.mermaid.copy, 'Mermaid source');
      }
      case 'download-svg': {
        const good = store.get().main.good;
        if (!good) return say('There is no graph to download: BuildKit would refuse this file.');
        if (good.mermaid.drawn === undefined) return say('This graph is too large to draw; Copy Mermaid source gives its text.');
        // A file that stands on its own: the graph with its legend, light whatever the page's theme.
        const svg = await renderMermaid(good.mermaid.copy, 'light').then(svgNode, () => undefined);
        if (!svg) return say('The graph could not be drawn for the download.');
        const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }));
        const a = el('a', { href: url, download: `${config.id}.svg` });
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
        return say('SVG downloaded.');
      }
      case 'copy-link':
        // An example as the page shows it has a permanent address on its page; a changed one
        // travels whole, to the playground.
        if (!config.playground && sameState(store.state(), config.initial)) {
          return copy(new URL(`${location.pathname}#example-${config.id}`, location.href).href, 'link to this example');
        }
        return copy(await shareUrl(), 'link');
      case 'toggle-compare': {
        const state = store.state();
        const compare = state.compare === undefined ? linkVariant(state.code) : undefined;
        load({ ...state, compare });
        q<HTMLElement>(root, '[data-lw-action="toggle-compare"]')?.setAttribute('aria-pressed', String(compare !== undefined));
        return;
      }
      case 'open-playground':
        location.assign(await shareUrl());
        return;
    }
  }

  function handle(event: Event): void {
    const target = event.target as HTMLElement;
    if (event.type === 'pointerover') {
      // The pointer that woke the island may still be on a node: highlight it as a hover would.
      for (const pane of panes.values()) {
        const node = pane.root.querySelector('[data-lw-graph] g.node[data-op]:hover');
        if (node) focusOp(pane, node.getAttribute('data-op')!);
      }
      return;
    }
    if (event.type === 'click' || event.type === 'keydown') {
      if (target.closest('[data-lw-static]')) return void startEditing();
      const button = target.closest<HTMLElement>('[data-lw-action]');
      if (button) void action(button.dataset.lwAction!);
      return;
    }
    if (target.matches('[data-lw-starter]')) {
      const starter = config.starters?.find((s) => s.id === (target as HTMLSelectElement).value);
      if (starter) load({ code: starter.code, compare: starter.compare, simulate: starter.simulate });
    } else if (target.matches('[data-lw-sim]')) {
      store.update({ simulate: readSimulation() }, event.type === 'change');
    } else if (target.matches('[data-lw-field="buildArgs"]')) {
      store.update({ buildArgs: parseArgs((target as HTMLTextAreaElement).value) });
    } else if (target.matches('[data-lw-field="dockerignore"]')) {
      store.update({ dockerignore: (target as HTMLTextAreaElement).value || undefined });
    } else if (target.matches('[data-lw-field="target"]')) {
      store.update({ target: (target as HTMLSelectElement).value || undefined }, true);
    } else if (target.matches('[data-lw-field="mergeOp"]')) {
      store.update({ mergeOp: (target as HTMLInputElement).checked }, true);
    }
  }

  store.subscribe(render);
  onThemeChange((next) => {
    theme = next;
    if (editing) void import('./monaco-adapter.ts').then((m) => m.setEditorTheme(next));
    render(store.get());
  });

  const ready = (async () => {
    if (config.playground && isShareFragment(location.hash)) {
      const decoded = await decodeFragment(location.hash);
      if (decoded.ok) load(decoded.state);
      else {
        say(`${decoded.reason} Showing the default example instead.`);
        root.dataset.shareError = 'true';
        load(config.initial);
      }
      return;
    }
    if (!config.playground) {
      const edited = loadEdit(config.id);
      if (edited && !sameState(edited, config.initial)) {
        load(edited);
        await startEditing(true);
        say('Your edits from this session are back. Reset restores the original.');
        return;
      }
    }
    // Controls the reader changed before this script arrived win over the defaults.
    const fromControls: ShareState = { ...store.state(), ...readControls() };
    if (!sameState(fromControls, store.state())) store.update(fromControls, true);
    else render(store.get());
  })();
  root.dataset.island = 'mounted';
  return { handle, ready, edit: () => startEditing(true) };
}

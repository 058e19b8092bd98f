/**
 * What the island's buttons do: edit, reset, copy, download, share, compare, open in the
 * playground; in the findings list, filter by severity and go to a finding's line.
 */
import { renderMermaid, svgNode } from '../adapters/mermaid.ts';
import { linkVariant } from '../model/link-variant.ts';
import { SEVERITIES, severityName } from '../model/findings-list.ts';
import { LW_ACTION, LW_FINDINGS, LW_PANE, LW_SEVERITY, lwHidden, sel, type Action, type PaneName } from '../model/selectors.ts';
import { sameState } from '../model/share-state.ts';
import type { Island } from './controller.ts';
import { el } from './dom.ts';
import { openEditors } from './editors.ts';
import { goToLine, type Pane } from './panes.ts';
import { saveEdit } from './session.ts';
import { encodeState } from './share-codec.ts';

async function copy(island: Island, text: string | undefined, what: string): Promise<void> {
  if (text === undefined) {
    island.say(`There is no ${what} to copy yet.`);
    return;
  }
  try {
    await navigator.clipboard.writeText(text);
    island.say(`${what[0].toUpperCase()}${what.slice(1)} copied.`);
  } catch {
    island.say(`Could not copy the ${what}: the browser refused access to the clipboard.`);
  }
}

/** The playground's address for the island's state. */
async function shareUrl(island: Island): Promise<string> {
  return new URL(`/playground/#${await encodeState(island.store.state())}`, location.href).href;
}

/** A file that stands on its own: the graph with its legend, light whatever the page's theme. */
async function downloadSvg(island: Island): Promise<void> {
  const good = island.store.get().main.good;
  if (!good) return island.say('There is no graph to download: BuildKit would refuse this file.');
  if (good.mermaid.drawn === undefined) return island.say('This graph is too large to draw; Copy Mermaid source gives its text.');
  const svg = await renderMermaid(good.mermaid.copy, 'light').then(svgNode, () => undefined);
  if (!svg) return island.say('The graph could not be drawn for the download.');
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }));
  const a = el('a', { href: url, download: `${island.config.id}.svg` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return island.say('SVG downloaded.');
}

/**
 * The pane of a findings-list button. The button may have been redrawn away by the time its
 * click arrives (the click that wakes the island redraws the list), so it names its pane.
 */
function paneOf(island: Island, button: HTMLElement): Pane | undefined {
  return island.panes.get(button.dataset.pane as PaneName) ?? [...island.panes.values()].find((p) => p.root === button.closest(sel(LW_PANE)));
}

/** Shows or hides the findings of the button's severity in its list (CSS hides them by the list's attribute). */
function filterFindings(island: Island, button: HTMLElement): void {
  const box = paneOf(island, button)?.root.querySelector<HTMLElement>(sel(LW_FINDINGS));
  const severity = SEVERITIES.find((s) => s === button.getAttribute(LW_SEVERITY));
  if (!box || !severity) return;
  const hidden = box.toggleAttribute(lwHidden(severity));
  box.querySelector(`${sel(LW_ACTION, 'filter-findings')}${sel(LW_SEVERITY, severity)}`)?.setAttribute('aria-pressed', String(!hidden));
  island.say(`${severityName(severity)} ${hidden ? 'hidden' : 'shown'}.`);
}

function goToFinding(island: Island, button: HTMLElement): void {
  const pane = paneOf(island, button);
  const line = Number(button.dataset.line);
  if (pane && line > 0) goToLine(pane, line, Number(button.dataset.column) || 1);
}

export async function runAction(island: Island, name: Action, button?: HTMLElement): Promise<void> {
  const { config, store } = island;
  switch (name) {
    case 'edit':
      return openEditors(island);
    case 'reset':
      island.load(config.initial);
      saveEdit(config.id, undefined);
      island.say('Back to the original example.');
      return;
    case 'copy-code':
      return copy(island, store.state().code, 'Dockerfile');
    case 'copy-mermaid':
      return copy(island, store.get().main.good?.mermaid.copy, 'Mermaid source');
    case 'download-svg':
      return downloadSvg(island);
    case 'copy-link':
      // An example as the page shows it has a permanent address on its page; a changed one
      // travels whole, to the playground.
      if (!config.playground && sameState(store.state(), config.initial)) {
        return copy(island, new URL(`${location.pathname}#example-${config.id}`, location.href).href, 'link to this example');
      }
      return copy(island, await shareUrl(island), 'link');
    case 'toggle-compare': {
      const state = store.state();
      const compare = state.compare === undefined ? linkVariant(state.code) : undefined;
      island.load({ ...state, compare });
      island.root.querySelector(sel(LW_ACTION, 'toggle-compare'))?.setAttribute('aria-pressed', String(compare !== undefined));
      return;
    }
    case 'open-playground':
      location.assign(await shareUrl(island));
      return;
    case 'filter-findings':
      if (button) filterFindings(island, button);
      return;
    case 'go-to-line':
      if (button) goToFinding(island, button);
      return;
  }
}

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
import { encodeState, inPageLink } from './share-codec.ts';
import { SHARED_EMBED_PAGE } from '../model/embed-paths.ts';
import { embedCode, markdownLink } from '../model/link-texts.ts';

async function copy(island: Island, text: string | undefined, what: string, note = ''): Promise<void> {
  if (text === undefined) {
    island.say(`There is no ${what} to copy yet.`);
    return;
  }
  try {
    await navigator.clipboard.writeText(text);
    island.say(`${what[0].toUpperCase()}${what.slice(1)} copied.${note && ` ${note}`}`);
  } catch {
    island.say(`Could not copy the ${what}: the browser refused access to the clipboard.`);
  }
}

/** The playground's address for the island's state. */
async function shareUrl(island: Island): Promise<string> {
  return new URL(`/playground/#${await encodeState(island.store.state())}`, location.href).href;
}

/**
 * The example's address on its page: its anchor as the page shows it, or, once changed,
 * `?s=<state>#<anchor>`, which opens the change in place (and "Open in playground" stays the
 * way to take it to the playground). On an embed, the address of the page it comes from.
 */
async function exampleUrl(island: Island): Promise<{ url: string; changed: boolean }> {
  const { config, store } = island;
  const page = config.page ?? location.pathname;
  const changed = !sameState(store.state(), config.initial);
  const path = changed ? inPageLink(page, await encodeState(store.state()), config.anchor) : `${page}#${config.anchor}`;
  return { url: new URL(path, location.href).href, changed };
}

/** `/embed/<page>/<id>/` for the example as its page shows it, `/embed/?s=…` once changed. */
async function embedUrl(island: Island): Promise<string> {
  const { config, store } = island;
  const path = sameState(store.state(), config.initial) && config.embed ? config.embed : `/embed/?s=${await encodeState(store.state())}`;
  return new URL(path, location.href).href;
}

/** A file that stands on its own: the graph with its legend, light whatever the page's theme. */
async function downloadSvg(island: Island): Promise<void> {
  const good = island.store.get().main.good;
  if (!good) return island.say('There is no graph to download: BuildKit would refuse this file.');
  if (good.mermaid.drawn === undefined) return island.say('This graph is too large to draw; Copy Mermaid source gives its text.');
  const svg = await renderMermaid(good.mermaid.copy, 'light').then(svgNode, () => undefined);
  if (!svg) return island.say('The graph could not be drawn for the download.');
  // Its own size, from its drawing: in a file, Mermaid's width="100%" stretches it to the window.
  const box = svg.viewBox.baseVal;
  if (box.width > 0 && box.height > 0) {
    svg.setAttribute('width', String(Math.ceil(box.width)));
    svg.setAttribute('height', String(Math.ceil(box.height)));
    svg.style.removeProperty('max-width');
  }
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
      island.markShared(false);
      island.say('Back to the original example.');
      return;
    case 'copy-code':
      return copy(island, store.state().code, 'Dockerfile');
    case 'copy-mermaid':
      return copy(island, store.get().main.good?.mermaid.copy, 'Mermaid source');
    case 'download-svg':
      return downloadSvg(island);
    case 'copy-link': {
      // The playground's state travels whole in its own address; an example's stays on its page.
      if (config.playground || config.page === SHARED_EMBED_PAGE) return copy(island, await shareUrl(island), 'link');
      const { url, changed } = await exampleUrl(island);
      return changed
        ? copy(island, url, 'link', 'It opens this example with your changes, here on its page.')
        : copy(island, url, 'link to this example');
    }
    case 'copy-markdown':
      return copy(island, markdownLink(config.title, (await exampleUrl(island)).url), 'Markdown link');
    case 'copy-embed':
      return copy(island, embedCode(await embedUrl(island), config.title), 'embed code');
    case 'toggle-compare': {
      const state = store.state();
      const compare = state.compare === undefined ? linkVariant(state.code) : undefined;
      island.load({ ...state, compare });
      island.root.querySelector(sel(LW_ACTION, 'toggle-compare'))?.setAttribute('aria-pressed', String(compare !== undefined));
      return;
    }
    case 'open-playground':
      // From an embed, the reader leaves the frame for the site.
      if (config.page) window.open(await shareUrl(island), '_top');
      else location.assign(await shareUrl(island));
      return;
    case 'filter-findings':
      if (button) filterFindings(island, button);
      return;
    case 'go-to-line':
      if (button) goToFinding(island, button);
      return;
  }
}

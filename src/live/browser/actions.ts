/** What the toolbar's buttons do: edit, reset, copy, download, share, compare, open in the playground. */
import { renderMermaid, svgNode } from '../adapters/mermaid.ts';
import { linkVariant } from '../model/link-variant.ts';
import { LW_ACTION, sel, type Action } from '../model/selectors.ts';
import { sameState } from '../model/share-state.ts';
import type { Island } from './controller.ts';
import { el } from './dom.ts';
import { openEditors } from './editors.ts';
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

export async function runAction(island: Island, name: Action): Promise<void> {
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
  }
}

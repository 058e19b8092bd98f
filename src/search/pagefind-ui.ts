// Pagefind's search UI and its styles, imported by ./site-search.ts only when the reader first
// opens the search dialog. Pagefind's index (`/pagefind/`) is written by Starlight after the build.
// The styles are linked from here, not imported: Astro links every stylesheet a page's scripts
// import, dynamically or not, into the page's <head>, which would load them on every page.
import stylesheet from './search-ui.css?url';
import { PagefindUI } from '@pagefind/default-ui';
// Starlight's `pagefind` options (its ranking weights unless astro.config.mjs sets others).
import { pagefindUserConfig } from 'virtual:starlight/pagefind-config';

/** Links the search UI's stylesheet; resolves once it has loaded (or failed: the UI works unstyled). */
function linkStyles(): Promise<void> {
  return new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = stylesheet;
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => resolve());
    document.head.append(link);
  });
}

const styled = linkStyles();

export async function mountPagefindUI(element: HTMLElement, translations: Record<string, string>): Promise<void> {
  await styled;
  const base = import.meta.env.BASE_URL;
  new PagefindUI({
    ...pagefindUserConfig,
    element,
    baseUrl: base,
    bundlePath: `${base.replace(/\/$/, '')}/pagefind/`,
    translations,
    showImages: false,
    showSubResults: true,
  });
  // Pagefind names its field only by title and placeholder; give it a proper label ("Search").
  element.querySelector('input')?.setAttribute('aria-label', translations.placeholder ?? 'Search');
}

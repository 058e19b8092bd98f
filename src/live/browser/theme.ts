/** Starlight's theme switch writes `data-theme` on <html>; islands follow it. */
import type { SiteTheme } from '../model/theme.ts';

export function siteTheme(): SiteTheme {
  return document.documentElement.dataset.theme === 'light' ? 'light' : 'dark';
}

export function onThemeChange(listener: (theme: SiteTheme) => void): () => void {
  const observer = new MutationObserver(() => listener(siteTheme()));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

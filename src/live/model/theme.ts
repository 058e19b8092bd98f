/** The site's colour scheme (Starlight's `data-theme`); graphs are drawn for one or the other. */
export type SiteTheme = 'light' | 'dark';

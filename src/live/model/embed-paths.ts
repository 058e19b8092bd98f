/**
 * Where an example's embed lives: `/embed/<page>/<id>/`, the page's path without its
 * slashes (`/copy-link/` → `copy-link`, `/rules/undefined-var/` → `rules/undefined-var`, the
 * home page `index`). One function, used by the component that links to the embed and by
 * the route that builds it.
 */
export function embedPath(pagePath: string, id: string): string {
  const page = pagePath.replace(/^\/+|\/+$/g, '') || 'index';
  return `/embed/${page}/${id}/`;
}

/** `copy-link/canonical-pair` for `/embed/copy-link/canonical-pair/`: the routes' rest parameter. */
export const embedParam = (embed: string) => embed.replace(/^\/embed\/|\/$/g, '');

/** An embed's oEmbed answer: `/oembed/<page>/<id>.json`. */
export const oembedPath = (embed: string) => `/oembed/${embedParam(embed)}.json`;

/** `/embed/?s=…` shows a shared state, which belongs to the playground (its links go there). */
export const SHARED_EMBED_PAGE = '/playground/';

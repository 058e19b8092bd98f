/**
 * `/oembed/<page>/<id>.json`: the oEmbed answer for an example's embed, written at build
 * time, so a wiki that supports oEmbed (found through the embed page's
 * `<link rel="alternate" type="application/json+oembed">`) shows the live example.
 */
import type { APIRoute } from 'astro';
import { allEmbeds } from '../../embed/all-embeds.ts';
import { embedParam } from '../../live/model/embed-paths.ts';
import type { EmbeddedExample } from '../../embed/embed-examples.ts';
import { oembedJson } from '../../embed/oembed.ts';

export async function getStaticPaths() {
  return (await allEmbeds()).map((example) => ({ params: { example: embedParam(example.embed) }, props: { example } }));
}

export const GET: APIRoute = ({ props, site, url }) => {
  const { example } = props as { example: EmbeddedExample };
  return new Response(JSON.stringify(oembedJson(example, site ?? url), null, 2), { headers: { 'content-type': 'application/json' } });
};

/** The oEmbed (1.0, type `rich`) answer for an example's embed. */
import { embedCode } from '../live/model/link-texts.ts';
import type { EmbeddedExample } from './embed-examples.ts';

/** The frame's height before it reports its own (a typical example with its graph). */
export const EMBED_DEFAULT_HEIGHT = 640;

export function oembedJson(example: EmbeddedExample, site: URL) {
  const title = example.props.title ?? 'Live example';
  const url = new URL(example.embed, site).href;
  return {
    version: '1.0',
    type: 'rich',
    provider_name: 'Layerwise',
    provider_url: new URL('/', site).href,
    title: `${title} (${example.pageTitle})`,
    html: embedCode(url, title),
    width: 800,
    height: EMBED_DEFAULT_HEIGHT,
  };
}

/**
 * The texts "Copy as Markdown link" and "Copy embed code" put on the clipboard, and the
 * message an embed posts to its parent page. Pure: the island, the rule pages and the tests
 * build them here.
 */

/** `[text](url)` with the characters Markdown would read as syntax escaped. */
export function markdownLink(text: string, url: string): string {
  const label = text.replace(/[\\[\]*_`<>]/g, '\\$&').replace(/\s+/g, ' ').trim();
  // A URL with spaces or parentheses goes in angle brackets, which CommonMark reads whole.
  const target = /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
  return `[${label}](${target})`;
}

/** What an embed posts to the page that frames it whenever its height changes. */
export const EMBED_MESSAGE = 'layerwise:height';

export interface EmbedHeightMessage {
  readonly type: typeof EMBED_MESSAGE;
  /** The frame's document height in CSS pixels. */
  readonly height: number;
}

const attr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The listener a page that frames embeds adds once: it sizes each Layerwise frame to the
 * height the frame reports, accepting messages only from the embed's origin and only for the
 * frame that sent them. Shown on /embed-docs/ and included in every "Copy embed code".
 */
export function resizeScript(origin: string): string {
  return [
    '<script>',
    "addEventListener('message', (event) => {",
    `  if (event.origin !== ${JSON.stringify(origin)} || event.data?.type !== ${JSON.stringify(EMBED_MESSAGE)}) return;`,
    "  for (const frame of document.querySelectorAll('iframe')) {",
    "    if (frame.contentWindow === event.source) frame.style.height = `${Math.ceil(event.data.height)}px`;",
    '  }',
    '});',
    '</script>',
  ].join('\n');
}

/** An iframe for the embed at `url`, then the resize listener for its origin. */
export function embedCode(url: string, title: string): string {
  const frame = `<iframe src="${attr(url)}" title="${attr(`Layerwise: ${title}`)}" loading="lazy" style="width: 100%; height: 640px; border: 0"></iframe>`;
  return `${frame}\n${resizeScript(new URL(url).origin)}`;
}

/**
 * An embed tells the page that frames it how tall it is, whenever that changes (an editor
 * opening, a longer list of findings), so the frame fits without scrollbars. The message
 * holds only a number, so any parent may read it: `postMessage(…, '*')`. The listener the
 * parent adds is documented on /embed-docs/ (link-texts.ts writes it).
 */
import { EMBED_MESSAGE, type EmbedHeightMessage } from '../live/model/link-texts.ts';

if (window.parent !== window) {
  let last = 0;
  const report = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    const message: EmbedHeightMessage = { type: EMBED_MESSAGE, height };
    window.parent.postMessage(message, '*');
  };
  new ResizeObserver(report).observe(document.documentElement);
  report();
}

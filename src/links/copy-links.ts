/**
 * Links a style guide copies: a click on a heading's anchor icon (Starlight's `.sl-anchor-link`)
 * still jumps to the heading, and also puts the section's full address on the clipboard; a
 * `[data-copy-text]` button copies its text (a rule's Markdown link). One delegated listener,
 * so the page's up-front JavaScript grows by a few hundred bytes, not per heading.
 */
const LIVE_ID = 'lw-copy-status';

/** A polite live region, made on first use, so a screen reader hears that the copy worked. */
function announce(text: string): void {
  let region = document.getElementById(LIVE_ID);
  if (!region) {
    region = document.createElement('p');
    region.id = LIVE_ID;
    region.className = 'sr-only';
    region.setAttribute('role', 'status');
    document.body.append(region);
  }
  region.textContent = text;
}

/** Shows `text` beside `near` for a moment (the sighted reader's confirmation). */
function flash(near: HTMLElement, text: string): void {
  near.dataset.copied = text;
  setTimeout(() => delete near.dataset.copied, 1600);
  announce(text);
}

async function copy(near: HTMLElement, text: string, done: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    flash(near, done);
  } catch {
    flash(near, 'The browser refused access to the clipboard.');
  }
}

document.addEventListener('click', (event) => {
  const target = event.target as Element | null;
  const anchor = target?.closest<HTMLAnchorElement>('a.sl-anchor-link');
  if (anchor) {
    void copy(anchor, new URL(anchor.getAttribute('href') ?? '', location.href).href, 'Link copied');
    return;
  }
  const button = target?.closest<HTMLButtonElement>('button[data-copy-text]');
  if (button) void copy(button, button.dataset.copyText ?? '', button.dataset.copyDone ?? 'Copied');
});

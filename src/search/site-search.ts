// The header's search (./Search.astro): opens the dialog on the button and on
// Ctrl+K / ⌘K, and loads Pagefind's UI (./pagefind-ui.ts, with its CSS) the first time the
// dialog opens — never before. Escape or Cancel closes it and focus goes back to the button.

type Mount = typeof import('./pagefind-ui.ts').mountPagefindUI;

const isApple = /Mac|iPhone|iPad|iPod/i.test(navigator.platform);

class SiteSearch extends HTMLElement {
  #ui: Promise<void> | undefined;
  #leaving = false;

  connectedCallback(): void {
    const open = this.querySelector<HTMLButtonElement>('[data-search-open]');
    const cancel = this.querySelector<HTMLButtonElement>('[data-search-close]');
    const dialog = this.querySelector('dialog');
    const frame = this.querySelector<HTMLElement>('.frame');
    // Absent in `astro dev`, where there is no index to search and the dialog says so.
    const results = this.querySelector<HTMLElement>('#lw-search-ui');
    if (!open || !cancel || !dialog || !frame) return;

    const hint = open.querySelector<HTMLElement>('[data-search-hint]');
    if (hint) {
      if (isApple) {
        const modifier = hint.querySelector('[data-search-modifier]');
        if (modifier) modifier.textContent = '⌘';
        open.setAttribute('aria-keyshortcuts', 'Meta+K');
      }
      hint.style.display = '';
    }

    const field = () => results?.querySelector<HTMLInputElement>('input');

    const show = () => {
      if (dialog.open) return;
      this.#leaving = false;
      dialog.showModal();
      document.body.toggleAttribute('data-search-modal-open', true);
      const input = field();
      if (input) input.focus();
      else if (results) {
        this.#load(results)
          .then(() => dialog.open && field()?.focus())
          .catch((error: unknown) => console.error('Search could not load; opening it again retries.', error));
      }
    };
    const hide = () => dialog.close();

    open.addEventListener('click', show);
    cancel.addEventListener('click', hide);
    // A click on the backdrop lands on the dialog itself, outside the frame; a click on a
    // result leaves for its page.
    dialog.addEventListener('click', (event) => {
      const target = event.target as Element;
      if (target.closest('a[href]')) {
        this.#leaving = true;
        hide();
      } else if (!frame.contains(target)) hide();
    });
    dialog.addEventListener('close', () => {
      document.body.toggleAttribute('data-search-modal-open', false);
      // The dialog gives focus back to what had it, which is nothing when the shortcut opened it.
      if (!this.#leaving) open.focus();
    });
    window.addEventListener('keydown', (event) => {
      if (event.key.toLowerCase() !== 'k' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      event.preventDefault();
      if (dialog.open) hide();
      else show();
    });
    open.disabled = false;
  }

  /** Imports and mounts Pagefind's UI once; a failed import is tried again on the next open. */
  #load(results: HTMLElement): Promise<void> {
    this.#ui ??= (async () => {
      results.setAttribute('aria-busy', 'true');
      try {
        const { mountPagefindUI }: { mountPagefindUI: Mount } = await import('./pagefind-ui.ts');
        await mountPagefindUI(results, JSON.parse(this.dataset.strings ?? '{}') as Record<string, string>);
      } catch (error) {
        this.#ui = undefined;
        throw error;
      } finally {
        results.removeAttribute('aria-busy');
      }
    })();
    return this.#ui;
  }
}

customElements.define('lw-site-search', SiteSearch);

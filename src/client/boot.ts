/**
 * The only script a guide page loads up front (keep it tiny: it counts against the page's
 * JavaScript budget). Everything a `<LiveExample>` first shows is in the page, graph
 * included (drawn by the build), so its island wakes only when the reader uses it: a
 * control, focus inside it, a pointer over a graph. It wakes at once when there is
 * something to restore (a share link on the playground, an edit kept in this session, a
 * control the browser refilled), and when it scrolls near the viewport if the build could
 * not draw its graph. Events that woke it are forwarded to it.
 */
type Controller = import('./island.ts').Controller;

type FormControl = HTMLSelectElement | HTMLInputElement | HTMLTextAreaElement;

/** A graph box with Mermaid text and no drawing: the build had no browser to draw it. */
const undrawn = (box: Element) => !!box.querySelector('script[data-lw-graph-source]') && !box.querySelector(':scope > svg');

/** A control whose value is not the page's own (the browser restored a reader's choice). */
function refilled(control: FormControl): boolean {
  if (control instanceof HTMLSelectElement) return control.selectedIndex !== Math.max(0, [...control.options].findIndex((o) => o.defaultSelected));
  if (control instanceof HTMLInputElement && control.type === 'checkbox') return control.checked !== control.defaultChecked;
  return control.value !== control.defaultValue;
}

function wake(root: HTMLElement): void {
  let controller: Promise<Controller> | undefined;
  const load = () => {
    if (!controller) {
      performance.mark('lw:island-load');
      controller = import('./island.ts').then((m) => m.mount(root));
    }
    return controller;
  };
  const forward = (event: Event) => void load().then((c) => c.handle(event));

  root.addEventListener('click', (event) => {
    const target = event.target as HTMLElement;
    if (target.closest('[data-lw-action]')) event.preventDefault();
    if (target.closest('[data-lw-action], [data-lw-static]')) forward(event);
  });
  root.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    if (event.key === 'Enter' && target.matches('[data-lw-static]')) {
      event.preventDefault();
      forward(event);
    }
  });
  for (const type of ['input', 'change']) {
    root.addEventListener(type, (event) => {
      if ((event.target as HTMLElement).matches('[data-lw-sim], [data-lw-field], [data-lw-starter]')) forward(event);
    });
  }

  const id = root.dataset.lwExample;
  const playground = root.classList.contains('lw-playground');
  let stored = false;
  try {
    stored = !!sessionStorage.getItem(`layerwise:example:${location.pathname}:${id}`);
  } catch {
    // Storage disabled: nothing to restore.
  }
  if (playground || stored) {
    void load().then((c) => (playground ? c.ready.then(c.edit) : undefined));
    return;
  }
  if (![...root.querySelectorAll('[data-lw-graph]')].some(undrawn)) {
    if ([...root.querySelectorAll<FormControl>('select, input, textarea')].some(refilled)) void load();
    root.addEventListener('focusin', () => void load(), { once: true });
    for (const box of root.querySelectorAll('[data-lw-graph]')) box.addEventListener('pointerover', forward, { once: true });
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        void load();
      }
    },
    { rootMargin: '200px 0px' },
  );
  observer.observe(root);
}

document.querySelectorAll<HTMLElement>('[data-lw-example]').forEach(wake);

/**
 * The only script a guide page loads up front (keep it tiny: it counts against the page's
 * JavaScript budget). It wakes each `<LiveExample>` when it scrolls near the viewport, when
 * the reader uses one of its controls, or at once when there is something to restore (a
 * share link on the playground, an edit kept in this session), and forwards events to it.
 */
type Controller = import('./island.ts').Controller;

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

/**
 * The only script a guide page loads up front (keep it tiny: it counts against the page's
 * JavaScript budget). Everything a `<LiveExample>` first shows is in the page, graph
 * included (drawn by the build), so its island wakes only when the reader uses it: a
 * control, focus inside it, a pointer over a graph. It wakes at once when there is
 * something to restore (a share link on the playground or naming this example, an edit kept in this session, a
 * control the browser refilled), and when it scrolls near the viewport if the build could
 * not draw its graph. Events that woke it are forwarded to it.
 */
import { sessionKey } from '../model/config.ts';
import { LW_ACTION, LW_EXAMPLE, LW_FIELD, LW_GRAPH, LW_GRAPH_SOURCE, LW_MENU, LW_SIM, LW_STARTER, LW_STATIC, LW_VIEW, sel } from '../model/boot-selectors.ts';
import { linkedTo } from './link-target.ts';

type Controller = import('./controller.ts').Controller;

type FormControl = HTMLSelectElement | HTMLInputElement | HTMLTextAreaElement;

/** A graph box with Mermaid text and no drawing: the build had no browser to draw it. */
const undrawn = (box: Element) => !!box.querySelector(`script${sel(LW_GRAPH_SOURCE)}`) && !box.querySelector(':scope > svg');

/** A control whose value is not the page's own (the browser restored a reader's choice). */
function refilled(control: FormControl): boolean {
  if (control instanceof HTMLSelectElement) return control.selectedIndex !== Math.max(0, [...control.options].findIndex((o) => o.defaultSelected));
  if (control instanceof HTMLInputElement && control.type === 'checkbox') return control.checked !== control.defaultChecked;
  return control.value !== control.defaultValue;
}

/** The "Copy and share" menu closes after a choice, on Escape (focus back on its button) and on a click elsewhere. */
function closingMenu(menu: HTMLDetailsElement): void {
  menu.addEventListener('click', (event) => {
    if ((event.target as HTMLElement).closest(sel(LW_ACTION))) menu.open = false;
  });
  menu.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !menu.open) return;
    menu.open = false;
    menu.querySelector('summary')?.focus();
  });
  document.addEventListener('click', (event) => {
    if (menu.open && !menu.contains(event.target as Node)) menu.open = false;
  });
}

function wake(root: HTMLElement): void {
  root.querySelectorAll<HTMLDetailsElement>(sel(LW_MENU)).forEach(closingMenu);
  let controller: Promise<Controller> | undefined;
  const load = () => {
    if (!controller) {
      performance.mark('lw:island-load');
      controller = import('./controller.ts').then((m) => m.mount(root));
    }
    return controller;
  };
  const forward = (event: Event) => void load().then((c) => c.handle(event));

  root.addEventListener('click', (event) => {
    const target = event.target as HTMLElement;
    if (target.closest(sel(LW_ACTION))) event.preventDefault();
    if (target.closest(`${sel(LW_ACTION)}, ${sel(LW_STATIC)}, ${sel(LW_VIEW)}`)) forward(event);
  });
  // The pointer or the focus on an Edit button: the editor (the page's biggest download) starts
  // loading then, so that it is ready, or nearly, when the click comes.
  const edit = sel(LW_ACTION, 'edit');
  const preload = (event: Event) => {
    if (!(event.target as HTMLElement).closest?.(edit)) return;
    void load();
    void import('../adapters/monaco.ts');
  };
  root.addEventListener('pointerover', preload);
  root.addEventListener('focusin', preload);
  root.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    if (event.key === 'Enter' && target.matches(sel(LW_STATIC))) {
      event.preventDefault();
      forward(event);
    }
  });
  for (const type of ['input', 'change']) {
    root.addEventListener(type, (event) => {
      if ((event.target as HTMLElement).matches(`${sel(LW_SIM)}, ${sel(LW_FIELD)}, ${sel(LW_STARTER)}`)) forward(event);
    });
  }

  const id = root.getAttribute(LW_EXAMPLE) ?? '';
  const playground = root.classList.contains('lw-playground');
  let stored = false;
  try {
    stored = !!sessionStorage.getItem(sessionKey(location.pathname, id));
  } catch {
    // Storage disabled: nothing to restore.
  }
  if (playground || stored || linkedTo(root)) {
    void load().then((c) => (playground ? c.ready.then(c.edit) : undefined));
    return;
  }
  if (![...root.querySelectorAll(sel(LW_GRAPH))].some(undrawn)) {
    if ([...root.querySelectorAll<FormControl>('select, input, textarea')].some(refilled)) void load();
    root.addEventListener('focusin', () => void load(), { once: true });
    for (const box of root.querySelectorAll(sel(LW_GRAPH))) box.addEventListener('pointerover', forward, { once: true });
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

document.querySelectorAll<HTMLElement>(sel(LW_EXAMPLE)).forEach(wake);

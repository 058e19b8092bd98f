/**
 * The graph's viewer: zoom (buttons, Ctrl+wheel, trackpad or touch pinch, + and - keys), fit
 * to the box, 1:1, drag to pan, and full screen (Escape leaves it). Until the reader zooms,
 * the drawing keeps its default view, which CSS gives it before any script runs
 * (graph-svg.ts, graph-viewer.css): the box's width, never wider than drawn, never smaller
 * than keeps its text legible; a bigger graph scrolls. It only resizes the drawing, never
 * redraws it. The panes of a comparison share one group, so both graphs have one scale.
 */
import { LW_VIEW, sel, type ViewCommand } from '../model/selectors.ts';

export interface GraphViewer {
  /** A drawing is in the box (the build's or a new one): give it the current scale. */
  attach(svg: SVGSVGElement): void;
  command(name: ViewCommand): void;
}

/** The viewers whose graphs are shown at one scale (a comparison's two panes). */
export interface ViewerGroup {
  readonly members: Set<Member>;
  /** The scale the reader chose; undefined: the default view. */
  scale?: number;
}

interface Member {
  readonly box: HTMLElement;
  svg?: SVGSVGElement;
  /** Resizes the drawing to `scale` (undefined: the CSS default), keeping the centre in view. */
  apply(scale: number | undefined): void;
}

const MIN_SCALE = 0.1;
const MAX_SCALE = 4;
const STEP = 1.25;

export const createViewerGroup = (): ViewerGroup => ({ members: new Set() });

/** The drawing's size as Mermaid laid it out (its viewBox). */
function natural(svg: SVGSVGElement): { w: number; h: number } {
  const [, , w, h] = (svg.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  return { w: w > 0 ? w : svg.getBoundingClientRect().width || 1, h: h > 0 ? h : svg.getBoundingClientRect().height || 1 };
}

/** The smallest scale at which labels stay legible (CSS holds it: 11 px over Mermaid's 16 px). */
function legibleScale(box: HTMLElement): number {
  return Number.parseFloat(getComputedStyle(box).getPropertyValue('--lw-legible-scale')) || 1;
}

function inner(box: HTMLElement): { w: number; h: number } {
  const style = getComputedStyle(box);
  const px = (v: string) => Number.parseFloat(v) || 0;
  return {
    w: box.clientWidth - px(style.paddingLeft) - px(style.paddingRight),
    h: box.clientHeight - px(style.paddingTop) - px(style.paddingBottom),
  };
}

const shown = (m: Member): m is Member & { svg: SVGSVGElement } => !!m.svg?.isConnected && m.box.offsetParent !== null;

/** The scale the drawing is shown at now (the default view's, when the reader chose none). */
function currentScale(m: Member & { svg: SVGSVGElement }): number {
  return m.svg.getBoundingClientRect().width / natural(m.svg).w || 1;
}

/** The default view's scale, as the CSS computes it. */
function defaultScale(m: Member & { svg: SVGSVGElement }): number {
  return Math.max(legibleScale(m.box), Math.min(1, inner(m.box).w / natural(m.svg).w));
}

const clampScale = (s: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, s));

export function createGraphViewer(wrapper: HTMLElement, box: HTMLElement, group: ViewerGroup): GraphViewer {
  const member: Member = {
    box,
    apply(scale) {
      const svg = member.svg;
      if (!svg) return;
      // Keep what is at the centre of the box at its centre.
      const cx = (box.scrollLeft + box.clientWidth / 2) / Math.max(1, box.scrollWidth);
      const cy = (box.scrollTop + box.clientHeight / 2) / Math.max(1, box.scrollHeight);
      if (scale === undefined) {
        svg.style.removeProperty('height');
        svg.style.removeProperty('min-width');
        svg.style.removeProperty('max-width');
        svg.dataset.lwScale = '';
        const { w } = natural(svg);
        svg.style.width = `clamp(calc(${w}px * var(--lw-legible-scale)), 100%, ${w}px)`;
      } else {
        const { w, h } = natural(svg);
        svg.style.width = `${w * scale}px`;
        svg.style.height = `${h * scale}px`;
        svg.style.maxWidth = 'none';
        svg.dataset.lwScale = String(scale);
      }
      box.scrollLeft = cx * box.scrollWidth - box.clientWidth / 2;
      box.scrollTop = cy * box.scrollHeight - box.clientHeight / 2;
      showZoom(scale ?? currentScale(member as Member & { svg: SVGSVGElement }));
    },
  };
  function showZoom(scale: number): void {
    const zoom = wrapper.querySelector<HTMLElement>('.lw-viewer-zoom');
    if (zoom) zoom.textContent = `${Math.round(scale * 100)} %`;
  }
  group.members.add(member);

  /** Shows every graph of the group at `scale`, or at the default view (one scale for all when there are several). */
  function applyAll(): void {
    const members = [...group.members].filter(shown);
    if (group.scale === undefined && members.length > 1) {
      const common = Math.min(...members.map(defaultScale));
      for (const m of members) m.apply(common);
      return;
    }
    for (const m of members) m.apply(group.scale);
  }

  function zoomTo(scale: number, anchor?: { x: number; y: number }): void {
    const svg = member.svg;
    if (!svg) return;
    const before = svg.getBoundingClientRect();
    group.scale = clampScale(scale);
    applyAll();
    if (anchor) {
      // The point under the pointer stays under it.
      const after = svg.getBoundingClientRect();
      const ratio = after.width / before.width;
      box.scrollLeft += (anchor.x - before.left) * ratio - (anchor.x - before.left) - (after.left - before.left);
      box.scrollTop += (anchor.y - before.top) * ratio - (anchor.y - before.top) - (after.top - before.top);
    }
  }

  const base = () => (shown(member) ? currentScale(member) : 1);

  function fit(): void {
    const members = [...group.members].filter(shown);
    if (!members.length) return;
    group.scale = clampScale(
      Math.min(
        ...members.map((m) => {
          const room = inner(m.box);
          const size = natural(m.svg);
          return Math.min(room.w / size.w, room.h / size.h);
        }),
      ),
    );
    applyAll();
  }

  let full = false;
  /**
   * Full screen as a popover: the top layer is above the page's header and outside any
   * ancestor that would otherwise hold a fixed box (Starlight's content is a size container),
   * while the viewer stays where it is in the DOM, so its clicks still reach the island.
   */
  function fullScreen(on: boolean): void {
    full = on;
    const popover = typeof wrapper.showPopover === 'function';
    if (on && popover) {
      wrapper.setAttribute('popover', 'manual');
      wrapper.showPopover();
    } else if (!on && wrapper.hasAttribute('popover')) {
      wrapper.hidePopover();
      wrapper.removeAttribute('popover');
    }
    wrapper.classList.toggle('lw-viewer-full', on);
    document.documentElement.classList.toggle('lw-viewer-open', on);
    wrapper.querySelector(sel(LW_VIEW, 'fullscreen'))?.setAttribute('aria-pressed', String(on));
    if (on) document.addEventListener('keydown', escape, true);
    else document.removeEventListener('keydown', escape, true);
    applyAll();
  }
  function escape(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    fullScreen(false);
    wrapper.querySelector<HTMLElement>(sel(LW_VIEW, 'fullscreen'))?.focus();
  }

  // Ctrl+wheel and a trackpad's pinch (which Chromium and Firefox send as Ctrl+wheel) zoom; a
  // plain wheel scrolls, as everywhere else on the page.
  box.addEventListener(
    'wheel',
    (event) => {
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      zoomTo(base() * Math.exp(-event.deltaY * 0.01), { x: event.clientX, y: event.clientY });
    },
    { passive: false },
  );

  // Drag to pan with a mouse; pinch with two fingers. One finger scrolls natively.
  const pointers = new Map<number, { x: number; y: number }>();
  let drag: { x: number; y: number; left: number; top: number; moved: boolean } | undefined;
  let pinch: { distance: number; scale: number } | undefined;
  const distance = () => {
    const [a, b] = [...pointers.values()];
    return Math.hypot(a.x - b.x, a.y - b.y);
  };
  box.addEventListener('pointerdown', (event) => {
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (pointers.size === 2) {
      pinch = { distance: distance(), scale: base() };
      drag = undefined;
    } else if (event.pointerType === 'mouse' && event.button === 0) {
      drag = { x: event.clientX, y: event.clientY, left: box.scrollLeft, top: box.scrollTop, moved: false };
    }
  });
  box.addEventListener('pointermove', (event) => {
    if (!pointers.has(event.pointerId)) return;
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (pinch && pointers.size === 2) {
      event.preventDefault();
      zoomTo((pinch.scale * distance()) / pinch.distance);
    } else if (drag) {
      const dx = event.clientX - drag.x;
      const dy = event.clientY - drag.y;
      if (!drag.moved && Math.hypot(dx, dy) < 4) return;
      drag.moved = true;
      box.classList.add('lw-panning');
      box.scrollLeft = drag.left - dx;
      box.scrollTop = drag.top - dy;
    }
  });
  const release = (event: PointerEvent) => {
    pointers.delete(event.pointerId);
    if (pointers.size < 2) pinch = undefined;
    if (drag?.moved) {
      // The click that ends a drag is not a click on the node under it.
      box.addEventListener('click', (e) => e.stopPropagation(), { capture: true, once: true });
      setTimeout(() => box.classList.remove('lw-panning'));
    }
    drag = undefined;
  };
  box.addEventListener('pointerup', release);
  box.addEventListener('pointercancel', release);

  // Keys anywhere in the viewer (its buttons, the graph's nodes): + and - zoom, 0 is 1:1.
  wrapper.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === '+' || event.key === '=') zoomTo(base() * STEP);
    else if (event.key === '-') zoomTo(base() / STEP);
    else if (event.key === '0') zoomTo(1);
    else return;
    event.preventDefault();
  });

  return {
    attach(svg) {
      member.svg = svg;
      // One graph at the default view: its CSS (graph-svg.ts) is that view already. Measuring it
      // now would force a layout of the page in the middle of the redraw; the zoom label reads
      // the size once the frame has laid it out.
      if (group.scale === undefined && group.members.size === 1) {
        requestAnimationFrame(() => {
          if (member.svg === svg && shown(member)) showZoom(currentScale(member));
        });
        return;
      }
      applyAll();
    },
    command(name) {
      switch (name) {
        case 'zoom-in':
          return zoomTo(base() * STEP);
        case 'zoom-out':
          return zoomTo(base() / STEP);
        case 'actual':
          return zoomTo(1);
        case 'fit':
          return fit();
        case 'reset':
          group.scale = undefined;
          return applyAll();
        case 'fullscreen':
          return fullScreen(!full);
        case 'stages':
          return; // the graph view's (it knows the stages)
      }
    },
  };
}

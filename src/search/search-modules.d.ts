// Types for the two modules ./pagefind-ui.ts imports that ship none.

declare module '@pagefind/default-ui' {
  export class PagefindUI {
    constructor(options: { element: HTMLElement | string } & Record<string, unknown>);
  }
}

/** Starlight's own virtual module: its `pagefind` options as configured. */
declare module 'virtual:starlight/pagefind-config' {
  export const pagefindUserConfig: Record<string, unknown>;
}

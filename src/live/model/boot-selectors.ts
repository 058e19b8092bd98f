/**
 * The `data-lw-*` attributes boot.ts needs to wake an island, and `sel()`. Apart from the
 * rest (selectors.ts, which re-exports these: import from there) only so that the bundle of
 * the page's one up-front script holds these few names and not the whole list.
 */
/** The island's root; its value is the example's id. */
export const LW_EXAMPLE = 'data-lw-example';
export const LW_STARTER = 'data-lw-starter';
/** A button or link; its value is an Action. */
export const LW_ACTION = 'data-lw-action';
/** A "what rebuilds if…" control; its value is a SimControl. */
export const LW_SIM = 'data-lw-sim';
/** A build option; its value is a Field. */
export const LW_FIELD = 'data-lw-field';
/** The server-rendered Dockerfile, until the editor replaces it. */
export const LW_STATIC = 'data-lw-static';
export const LW_GRAPH = 'data-lw-graph';
/** A graph viewer's button; its value is a ViewCommand. */
export const LW_VIEW = 'data-lw-view';
/** The toolbar's "Copy and share" menu (a `<details>`). */
export const LW_MENU = 'data-lw-menu';
/** JSON `{ id, source }`: the Mermaid text of the pane's first graph, for the build to draw. */
export const LW_GRAPH_SOURCE = 'data-lw-graph-source';

export type LwAttr = `data-lw-${string}`;

/** A CSS selector for the attribute; with `value`, for that value only. */
export const sel = (attr: LwAttr, value?: string): string => (value === undefined ? `[${attr}]` : `[${attr}="${value}"]`);

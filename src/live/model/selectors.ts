/**
 * The `data-lw-*` attributes that tie an island's markup (the Astro components, the build's
 * drawings) to its scripts. Components render them with `lw()`, scripts find them with
 * `sel()`: one list, so a renamed attribute cannot leave a script looking for the old name.
 * One constant each, so a script's bundle carries only the names it uses (boot.ts is tiny).
 */
/** The island's root; its value is the example's id. */
export const LW_EXAMPLE = 'data-lw-example';
/** The JSON <script> with the island's IslandConfig. */
export const LW_CONFIG = 'data-lw-config';
export const LW_STARTER = 'data-lw-starter';
export const LW_TOOLBAR = 'data-lw-toolbar';
/** A button or link; its value is an Action. */
export const LW_ACTION = 'data-lw-action';
export const LW_STATUS = 'data-lw-status';
export const LW_EDITOR_HINT = 'data-lw-editor-hint';
export const LW_SUMMARY = 'data-lw-summary';
/** A "what rebuilds if…" control; its value is a SimControl. */
export const LW_SIM = 'data-lw-sim';
/** A build option; its value is a Field. */
export const LW_FIELD = 'data-lw-field';
/** One pane; its value is a PaneName. */
export const LW_PANE = 'data-lw-pane';
export const LW_CODE = 'data-lw-code';
/** The server-rendered Dockerfile, until the editor replaces it. */
export const LW_STATIC = 'data-lw-static';
export const LW_EDITOR = 'data-lw-editor';
export const LW_ERROR = 'data-lw-error';
export const LW_GRAPH = 'data-lw-graph';
export const LW_PLACEHOLDER = 'data-lw-placeholder';
/** JSON `{ id, source }`: the Mermaid text of the pane's first graph, for the build to draw. */
export const LW_GRAPH_SOURCE = 'data-lw-graph-source';
export const LW_GRAPH_NOTE = 'data-lw-graph-note';
/** On a drawing the build made: the theme it was drawn in. */
export const LW_THEME = 'data-lw-theme';
/** On a drawing the build made: the key of its shared stylesheet. */
export const LW_STYLE = 'data-lw-style';
/** A graph node whose listeners are attached. */
export const LW_WIRED = 'data-lw-wired';
export const LW_SIM_SUMMARY = 'data-lw-sim-summary';
export const LW_STEPS = 'data-lw-steps';
/** On the steps list once the reader asked for every step. */
export const LW_ALL = 'data-lw-all';
export const LW_FINDINGS = 'data-lw-findings';

export type LwAttr = `data-lw-${string}`;

export type PaneName = 'main' | 'compare';
export type Action = 'edit' | 'reset' | 'copy-code' | 'copy-mermaid' | 'download-svg' | 'copy-link' | 'toggle-compare' | 'open-playground';
export type SimControl = 'base' | 'file' | 'arg';
export type Field = 'target' | 'buildArgs' | 'dockerignore' | 'mergeOp';

/** The attribute for an Astro element: `<p {...lw(LW_STATUS)}>` renders `<p data-lw-status>`. */
export const lw = (attr: LwAttr, value = ''): Record<string, string> => ({ [attr]: value });

/** A CSS selector for the attribute; with `value`, for that value only. */
export const sel = (attr: LwAttr, value?: string): string => (value === undefined ? `[${attr}]` : `[${attr}="${value}"]`);

/**
 * The `data-lw-*` attributes that tie an island's markup (the Astro components, the build's
 * drawings) to its scripts. Components render them with `lw()`, scripts find them with
 * `sel()`: one list, so a renamed attribute cannot leave a script looking for the old name.
 */
export const LW = {
  /** The island's root; its value is the example's id. */
  example: 'data-lw-example',
  /** The JSON <script> with the island's IslandConfig. */
  config: 'data-lw-config',
  starter: 'data-lw-starter',
  toolbar: 'data-lw-toolbar',
  /** A button or link; its value is an Action. */
  action: 'data-lw-action',
  status: 'data-lw-status',
  editorHint: 'data-lw-editor-hint',
  summary: 'data-lw-summary',
  /** A "what rebuilds if…" control; its value is a SimControl. */
  sim: 'data-lw-sim',
  /** A build option; its value is a Field. */
  field: 'data-lw-field',
  /** One pane; its value is a PaneName. */
  pane: 'data-lw-pane',
  code: 'data-lw-code',
  /** The server-rendered Dockerfile, until the editor replaces it. */
  static: 'data-lw-static',
  editor: 'data-lw-editor',
  error: 'data-lw-error',
  graph: 'data-lw-graph',
  placeholder: 'data-lw-placeholder',
  /** JSON `{ id, source }`: the Mermaid text of the pane's first graph, for the build to draw. */
  graphSource: 'data-lw-graph-source',
  graphNote: 'data-lw-graph-note',
  /** On a drawing the build made: the theme it was drawn in. */
  theme: 'data-lw-theme',
  /** On a drawing the build made: the key of its shared stylesheet. */
  style: 'data-lw-style',
  /** A graph node whose listeners are attached. */
  wired: 'data-lw-wired',
  simSummary: 'data-lw-sim-summary',
  steps: 'data-lw-steps',
  /** On the steps list once the reader asked for every step. */
  all: 'data-lw-all',
  findings: 'data-lw-findings',
} as const;

export type LwName = keyof typeof LW;

export type PaneName = 'main' | 'compare';
export type Action = 'edit' | 'reset' | 'copy-code' | 'copy-mermaid' | 'download-svg' | 'copy-link' | 'toggle-compare' | 'open-playground';
export type SimControl = 'base' | 'file' | 'arg';
export type Field = 'target' | 'buildArgs' | 'dockerignore' | 'mergeOp';

/** The attribute for an Astro element: `<p {...lw('status')}>` renders `<p data-lw-status>`. */
export const lw = (name: LwName, value = ''): Record<string, string> => ({ [LW[name]]: value });

/** A CSS selector for the attribute; with `value`, for that value only. */
export const sel = (name: LwName, value?: string): string => (value === undefined ? `[${LW[name]}]` : `[${LW[name]}="${value}"]`);

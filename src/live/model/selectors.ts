/**
 * The `data-lw-*` attributes that tie an island's markup (the Astro components, the build's
 * drawings) to its scripts. Components render them with `lw()`, scripts find them with
 * `sel()`: one list, so a renamed attribute cannot leave a script looking for the old name.
 * The few that boot.ts needs to wake an island live in boot-selectors.ts, re-exported here,
 * so the page's one up-front script carries only those.
 */
export { LW_ACTION, LW_EXAMPLE, LW_FIELD, LW_GRAPH, LW_GRAPH_SOURCE, LW_MENU, LW_VIEW, LW_SIM, LW_STARTER, LW_STATIC, sel, type LwAttr } from './boot-selectors.ts';
import type { LwAttr } from './boot-selectors.ts';

/** The JSON <script> with the island's IslandConfig. */
export const LW_CONFIG = 'data-lw-config';
export const LW_TOOLBAR = 'data-lw-toolbar';
export const LW_STATUS = 'data-lw-status';
export const LW_EDITOR_HINT = 'data-lw-editor-hint';
export const LW_SUMMARY = 'data-lw-summary';
/** The note shown over an example opened from a share link: it is not the page's own. */
export const LW_MODIFIED = 'data-lw-modified';
/** One pane; its value is a PaneName. */
export const LW_PANE = 'data-lw-pane';
export const LW_CODE = 'data-lw-code';
export const LW_EDITOR = 'data-lw-editor';
export const LW_ERROR = 'data-lw-error';
export const LW_PLACEHOLDER = 'data-lw-placeholder';
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
/** On a finding, a group and a filter button: its severity. */
export const LW_SEVERITY = 'data-lw-severity';
/** On the findings list: the severity whose findings the reader hid. */
export const lwHidden = (severity: string): LwAttr => `data-lw-hide-${severity}`;

/** A graph's viewer: its toolbar and its box, what full screen shows. */
export const LW_VIEWER = 'data-lw-viewer';
/** On a stage drawn as one node (the stage overview), and on an expanded stage's title: the stage's index. */
export const LW_STAGE = 'data-lw-stage';
/** The message under a control whose text is not usable; its value is the control (`buildArgs`, `arg`). */
export const LW_INPUT_PROBLEM = 'data-lw-input-problem';

export type PaneName = 'main' | 'compare';
export type Action =
  | 'edit'
  | 'reset'
  | 'copy-code'
  | 'copy-mermaid'
  | 'download-svg'
  | 'copy-link'
  | 'copy-markdown'
  | 'copy-embed'
  | 'toggle-compare'
  | 'open-playground'
  /** A severity filter of the findings list. */
  | 'filter-findings'
  /** A finding's place: the editor (or the Dockerfile shown) goes to its line. */
  | 'go-to-line';
export type ViewCommand = 'zoom-out' | 'zoom-in' | 'fit' | 'actual' | 'reset' | 'fullscreen' | 'stages';
export type SimControl = 'base' | 'file' | 'arg';
export type Field = 'target' | 'buildArgs' | 'dockerignore' | 'mergeOp';

/** The attribute for an Astro element: `<p {...lw(LW_STATUS)}>` renders `<p data-lw-status>`. */
export const lw = (attr: LwAttr, value = ''): Record<string, string> => ({ [attr]: value });


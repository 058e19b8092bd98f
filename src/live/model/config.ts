import type { ShareState } from './share-state.ts';
import type { Starter } from './starters.ts';

/** What the server-rendered island hands to its script (a JSON <script> element). */
export interface IslandConfig {
  /** The example's id: its session-storage key (and, by default, its anchor `#example-<id>`). */
  readonly id: string;
  /** The example's anchor on its page, without `#`: where a link to it points. */
  readonly anchor: string;
  /** The example's title, for a Markdown link to it. */
  readonly title: string;
  /** The page the example belongs to (an embed's links point there); the current page when absent. */
  readonly page?: string;
  /** The example's own embed, `/embed/<page>/<id>/`, when it has one. */
  readonly embed?: string;
  readonly initial: ShareState;
  readonly label: string;
  readonly compareLabel?: string;
  readonly playground: boolean;
  readonly starters?: readonly Starter[];
  readonly graphHeight: number;
}

/** Where a guide page keeps a reader's edits of one example for the session. */
export const sessionKey = (pathname: string, id: string) => `layerwise:example:${pathname}:${id}`;

import type { ShareState } from './share-state.ts';
import type { Starter } from './starters.ts';

/** What the server-rendered island hands to its script (a JSON <script> element). */
export interface IslandConfig {
  /** The example's id: its anchor (`#example-<id>`) and its session-storage key. */
  readonly id: string;
  readonly initial: ShareState;
  readonly label: string;
  readonly compareLabel?: string;
  readonly playground: boolean;
  readonly starters?: readonly Starter[];
  readonly graphHeight: number;
}

/** Where a guide page keeps a reader's edits of one example for the session. */
export const sessionKey = (pathname: string, id: string) => `layerwise:example:${pathname}:${id}`;

import type { ShareState } from './share-state.ts';
import type { Starter } from './starters.ts';

/** What the server-rendered island hands to its script (a JSON <script> element). */
export interface IslandConfig {
  readonly id: string;
  readonly initial: ShareState;
  readonly label: string;
  readonly compareLabel?: string;
  readonly playground: boolean;
  readonly starters?: readonly Starter[];
  readonly graphHeight: number;
}

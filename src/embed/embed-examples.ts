/**
 * Every example that has an embed, with the props its page renders it with: the guide pages'
 * `<LiveExample>` tags (read from the MDX, as the example-facts test reads them) and the rule
 * pages' examples. The playground is not an example of a page: `/embed/?s=…` embeds its state.
 */
import type { LiveExampleProps } from '../authoring/example-props.ts';
import { findLiveExamples } from '../authoring/example-props.ts';
import { embedPath } from '../live/model/embed-paths.ts';

export interface EmbeddedExample {
  /** The page the example is on, e.g. `/copy-link/`. */
  readonly page: string;
  readonly pageTitle: string;
  /** `/embed/<page>/<id>/`. */
  readonly embed: string;
  readonly props: LiveExampleProps;
}

export interface GuideEntry {
  readonly id: string;
  readonly body?: string;
  readonly data: { readonly title: string };
}

/** A guide page's path from its content id (`index` is the home page). */
export const guidePath = (id: string) => (id === 'index' ? '/' : `/${id}/`);

export function guideExamples(entries: readonly GuideEntry[]): EmbeddedExample[] {
  return entries.flatMap((entry) => {
    const page = guidePath(entry.id);
    return findLiveExamples(entry.body ?? '')
      .filter(({ props }) => !props.playground)
      .map(({ props }) => ({ page, pageTitle: entry.data.title, embed: embedPath(page, props.id), props }));
  });
}

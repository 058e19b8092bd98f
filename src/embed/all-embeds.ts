/**
 * Every page example's embed, for the routes that build them (`/embed/<page>/<id>/` and its
 * oEmbed JSON): guide pages from the content collection, rule pages from the registry.
 */
import { getCollection } from 'astro:content';
import { referencePages, ruleExampleGroups, rulePath } from '../pages/rules/_rules.ts';
import { embedPath } from '../live/model/embed-paths.ts';
import { guideExamples, type EmbeddedExample } from './embed-examples.ts';

export async function allEmbeds(): Promise<EmbeddedExample[]> {
  const guide = guideExamples(await getCollection('docs'));
  const rules = referencePages().flatMap((page) =>
    ruleExampleGroups(page).flatMap((group) =>
      group.items.map((props) => ({ page: rulePath(page), pageTitle: page.name, embed: embedPath(rulePath(page), props.id), props })),
    ),
  );
  return [...guide, ...rules];
}

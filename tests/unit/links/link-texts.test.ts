import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guideExamples } from '../../../src/embed/embed-examples.ts';
import { oembedJson } from '../../../src/embed/oembed.ts';
import { decodeFragment, encodeState, inPageLink, sharedParam } from '../../../src/live/browser/share-codec.ts';
import { embedParam, embedPath, oembedPath } from '../../../src/live/model/embed-paths.ts';
import { EMBED_MESSAGE, embedCode, markdownLink, resizeScript } from '../../../src/live/model/link-texts.ts';
import { referencePages, ruleExampleGroups } from '../../../src/pages/rules/_rules.ts';

/** Links a style guide copies: Markdown links, embed codes, in-page share links, embed paths. */

describe('Copy as Markdown link', () => {
  it('gives [title](url)', () => {
    expect(markdownLink('LinkDisabledByChmod', 'https://layerwise.dev/rules/link-disabled-by-chmod/')).toBe(
      '[LinkDisabledByChmod](https://layerwise.dev/rules/link-disabled-by-chmod/)',
    );
  });
  it('escapes what Markdown would read as syntax in the title, and wraps a URL with parentheses', () => {
    expect(markdownLink('a [b] *c* `d`', 'https://x.dev/p/')).toBe('[a \\[b\\] \\*c\\* \\`d\\`](https://x.dev/p/)');
    expect(markdownLink('t', 'https://x.dev/a(b)/')).toBe('[t](<https://x.dev/a(b)/>)');
  });
});

describe('Copy embed code', () => {
  it('is an iframe of the embed with an escaped title, and the resize listener for its origin only', () => {
    const code = embedCode('https://layerwise.dev/embed/copy-link/canonical-pair/', 'Plain "COPY" <versus> COPY --link');
    expect(code).toContain('<iframe src="https://layerwise.dev/embed/copy-link/canonical-pair/"');
    expect(code).toContain('title="Layerwise: Plain &quot;COPY&quot; &lt;versus&gt; COPY --link"');
    expect(code).toContain('event.origin !== "https://layerwise.dev"');
    expect(code).toContain(JSON.stringify(EMBED_MESSAGE));
    expect(resizeScript('https://a.example')).not.toContain('layerwise.dev');
  });
});

describe('in-page share links', () => {
  it('carry the state in ?s= and the example in the fragment, and decode back', async () => {
    const state = { code: 'FROM alpine\nCOPY --link a /a\n', simulate: ['base:alpine'] };
    const link = inPageLink('/copy-link/', await encodeState(state), 'example-canonical-pair');
    expect(link).toMatch(/^\/copy-link\/\?s=v1\/[A-Za-z0-9_-]+#example-canonical-pair$/);
    const url = new URL(link, 'https://layerwise.dev');
    const param = sharedParam(url.search);
    expect(param).toBeDefined();
    const decoded = await decodeFragment(param!);
    expect(decoded).toEqual({ ok: true, state });
    expect(sharedParam('?t=1')).toBeUndefined();
  });
});

describe('embeds', () => {
  it('have one path per example: /embed/<page>/<id>/, its oEmbed JSON beside it', () => {
    expect(embedPath('/copy-link/', 'canonical-pair')).toBe('/embed/copy-link/canonical-pair/');
    expect(embedPath('/rules/undefined-var/', 'bad-2')).toBe('/embed/rules/undefined-var/bad-2/');
    expect(embedPath('/', 'x')).toBe('/embed/index/x/');
    expect(embedParam('/embed/rules/undefined-var/bad-2/')).toBe('rules/undefined-var/bad-2');
    expect(oembedPath('/embed/copy-link/canonical-pair/')).toBe('/oembed/copy-link/canonical-pair.json');
  });

  it('exist for every example of every guide page (not the playground) and every rule page, each once', () => {
    const entries = readdirSync('content')
      .filter((name) => name.endsWith('.mdx'))
      .map((name) => {
        const body = readFileSync(join('content', name), 'utf8');
        return { id: name.replace(/\.mdx$/, ''), body, data: { title: /^title: (.*)$/m.exec(body)![1] } };
      });
    const guide = guideExamples(entries);
    const rules = referencePages().flatMap((page) => ruleExampleGroups(page).flatMap((g) => g.items));
    const tags = entries.reduce((n, e) => n + (e.body.match(/<LiveExample[\s/>]/g) ?? []).length, 0);
    // Every tag but the playground's has an embed.
    expect(guide.length).toBe(tags - 1);
    expect(guide.some((e) => e.page === '/playground/')).toBe(false);
    const paths = guide.map((e) => e.embed);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toContain('/embed/copy-link/canonical-pair/');
    expect(rules.length).toBeGreaterThan(40);
  });

  it('answer oEmbed with a rich type whose HTML frames the embed', () => {
    const json = oembedJson(
      { page: '/copy-link/', pageTitle: 'COPY --link in depth', embed: '/embed/copy-link/canonical-pair/', props: { id: 'canonical-pair', title: 'Plain COPY versus COPY --link' } },
      new URL('https://layerwise.dev'),
    );
    expect(json).toMatchObject({ version: '1.0', type: 'rich', provider_name: 'Layerwise', provider_url: 'https://layerwise.dev/' });
    expect(json.html).toContain('src="https://layerwise.dev/embed/copy-link/canonical-pair/"');
    expect(json.width).toBeGreaterThan(0);
    expect(json.height).toBeGreaterThan(0);
  });
});

describe('rule pages', () => {
  it('name their examples bad, bad-2, good… and keep the old example-bad-1 anchors as aliases', () => {
    const page = referencePages().find((p) => p.examples.bad.length > 1)!;
    const [reported] = ruleExampleGroups(page);
    expect(reported.items.map((i) => i.anchor).slice(0, 2)).toEqual(['bad', 'bad-2']);
    expect(reported.items.map((i) => i.aliases).slice(0, 2)).toEqual([['example-bad-1'], ['example-bad-2']]);
  });
});

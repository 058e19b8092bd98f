/**
 * The memo of Mermaid's getConfig() (src/integrations/mermaid-config-memo.ts) changes no
 * drawing: Mermaid as it ships and Mermaid with the patch, loaded side by side in one page,
 * draw byte-identical SVG (but for the render id) for every guide example, a stage overview,
 * stages expanded, and whole graphs of real Dockerfiles, in both themes; the patched one lays
 * out in the contained scratch box the islands use (../../src/live/adapters/mermaid.ts). The
 * patched copy also freezes what it returns, so a Mermaid caller that changed its copy would
 * throw here.
 * The site's own build must carry the patch (last test).
 */
import { expect, test } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize } from 'node:path';
import { findLiveExamples, toExampleSpec } from '../../src/authoring/example-props.ts';
import { memoizeMermaidConfig, REWRITE_NAMES } from '../../src/integrations/mermaid-config-memo.ts';
import { mermaidConfig } from '../../src/live/adapters/graph-svg.ts';
import { scratchStyle } from '../../src/live/adapters/mermaid.ts';
import { analyzeState, outlineMermaid } from '../../src/live/model/analyze-state.ts';
import type { ShareState } from '../../src/live/model/share-state.ts';
import { SHARED } from '../conformance/shared.ts';

const contentDir = join(import.meta.dirname, '../../content');
const mermaidDist = join(dirname(createRequire(import.meta.url).resolve('mermaid/package.json')), 'dist');

/** Mermaid text of each pane of a state, and for a stage overview the overview and each stage expanded alone (some) and all. */
function sourcesOf(name: string, state: ShareState, expandSome = 0): { name: string; source: string }[] {
  const result = analyzeState(state);
  const out: { name: string; source: string }[] = [];
  for (const [pane, r] of [['main', result.main], ['compare', result.compare]] as const) {
    const drawn = r?.mermaid?.drawn;
    if (drawn === undefined) continue;
    out.push({ name: `${name} ${pane}`, source: drawn });
    const outline = r?.mermaid?.outline;
    if (!outline) continue;
    const stages = outline.graph.stages.map((s) => s.index);
    for (const s of stages.slice(-expandSome)) out.push({ name: `${name} ${pane} stage ${s} expanded`, source: outlineMermaid(outline, new Set([s])) });
    out.push({ name: `${name} ${pane} all stages`, source: outlineMermaid(outline, new Set(stages)) });
  }
  return out;
}

const guide = (readdirSync(contentDir, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.mdx'))
  .sort()
  .flatMap((page) =>
    findLiveExamples(readFileSync(join(contentDir, page), 'utf8')).flatMap((found) => {
      const spec = toExampleSpec(found.props, (file) => readFileSync(join(contentDir, 'examples', file), 'utf8'));
      return sourcesOf(`${page}#${found.props.id}`, spec);
    }),
  );
// Markup-like text in labels (the renderer escapes it; either way both sides must agree).
const markup = sourcesOf('markup', { code: 'FROM alpine\nRUN echo "<b>&amp;</b>" && cat < in > out # <script>x</script>\nCOPY --link a&b <c> /d/\n' });
const corpus = ['docker_buildx__Dockerfile', 'docker-library_php__8.2_bookworm_apache_Dockerfile', 'moby_buildkit__Dockerfile'].flatMap((file) =>
  sourcesOf(file, { code: readFileSync(join(SHARED, 'corpus', file), 'utf8') }, 2),
);

/** Where two drawings first differ, in a few words ('' when they are the same). */
function difference(a: string, b: string): string {
  if (a === b) return '';
  let i = 0;
  while (a[i] === b[i]) i++;
  return `they differ at character ${i}: …${a.slice(Math.max(0, i - 80), i + 80)}… against …${b.slice(Math.max(0, i - 80), i + 80)}…`;
}

/** Serves Mermaid's ESM bundle twice: as it ships under /plain/, patched under /memo/. */
let server: Server;
let origin = '';
const applied: string[] = [];

test.beforeAll(async () => {
  server = createServer((request, response) => {
    const [, variant, ...rest] = (request.url ?? '/').split('?')[0].split('/');
    if (variant === '') {
      response.setHeader('content-type', 'text/html');
      response.end('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
      return;
    }
    const file = normalize(join(mermaidDist, ...rest));
    if (!['plain', 'memo'].includes(variant) || !file.startsWith(mermaidDist) || !file.endsWith('.mjs')) {
      response.statusCode = 404;
      response.end();
      return;
    }
    let code = readFileSync(file, 'utf8');
    if (variant === 'memo') {
      const patched = memoizeMermaidConfig(code);
      applied.push(...(patched?.applied ?? []));
      code = patched?.code ?? code;
    }
    response.setHeader('content-type', 'text/javascript');
    response.end(code);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('the memoized getConfig() draws the same SVG as Mermaid as it ships', async ({ page }) => {
  test.setTimeout(600_000);
  const sources = [...guide, ...markup, ...corpus];
  expect(guide.length).toBeGreaterThan(25);
  expect(corpus.some((s) => s.name.includes('moby_buildkit') && s.name.endsWith('all stages'))).toBe(true);
  await page.goto(`${origin}/`);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  for (const theme of ['light', 'dark'] as const) {
    const { out: results, contained } = await page.evaluate(
      async ({ sources, config, scratch }) => {
        type M = typeof import('mermaid').default;
        const load = async (variant: string) => ((await import(`/${variant}/mermaid.esm.mjs`)) as { default: M }).default;
        const plain = await load('plain');
        const memo = await load('memo');
        const style = document.createElement('style');
        style.textContent = scratch;
        document.head.append(style);
        const probe = document.body.appendChild(document.createElement('div'));
        probe.id = 'dlw-mermaid-probe';
        const contained = getComputedStyle(probe).contain;
        probe.remove();
        plain.initialize(config);
        memo.initialize(config);
        const out: { plain: string; memo: string; memoized: boolean; frozen: boolean; copies: boolean }[] = [];
        let n = 0;
        for (const source of sources) {
          // The same id length on both sides; the ids are put back to one name before comparing.
          const id = `g${++n}`;
          const draw = async (m: M, prefix: string) => {
            try {
              return (await m.render(`${prefix}${id}`, source)).svg.replaceAll(`${prefix}${id}`, 'RENDER-ID');
            } catch (error) {
              return `error: ${error instanceof Error ? error.message : String(error)}`;
            }
          };
          const a = await draw(plain, 'p');
          const b = await draw(memo, 'lw-mermaid-');
          const cfg = memo.mermaidAPI.getConfig();
          out.push({
            plain: a,
            memo: b,
            memoized: cfg === memo.mermaidAPI.getConfig(),
            frozen: Object.isFrozen(cfg) && Object.isFrozen(cfg.flowchart) && Object.isFrozen(cfg.themeVariables),
            copies: plain.mermaidAPI.getConfig() !== plain.mermaidAPI.getConfig(),
          });
        }
        return { out, contained };
      },
      { sources: sources.map((s) => s.source), config: mermaidConfig(theme), scratch: scratchStyle('lw-mermaid-') },
    );
    expect(contained).toBe('strict');
    results.forEach((r, i) => {
      const what = `${sources[i].name} (${theme})`;
      expect(r.plain, what).toMatch(/^<svg /);
      expect(difference(r.plain, r.memo), what).toBe('');
      expect([r.memoized, r.frozen, r.copies], `${what}: memoized, frozen, and the plain copy is a copy`).toEqual([true, true, true]);
    });
  }
  expect(applied.sort()).toEqual([...REWRITE_NAMES].sort());
  expect(errors).toEqual([]);
});

test("the site's build carries the patch: its Mermaid returns one frozen copy per configuration", async ({ page }) => {
  // The entry the islands import (`import('mermaid')`), as the preview server serves it.
  const outDir = process.env.LAYERWISE_OUT_DIR ?? 'dist';
  const entries = readdirSync(join(outDir, '_astro')).filter((f) => /^mermaid\.core\.[\w-]+\.js$/.test(f));
  expect(entries).toHaveLength(1);
  await page.goto('/playground/');
  const memo = await page.evaluate(async (url) => {
    const { mermaidAPI } = ((await import(url)) as { default: typeof import('mermaid').default }).default;
    const config = mermaidAPI.getConfig();
    return { same: config === mermaidAPI.getConfig(), frozen: Object.isFrozen(config) && Object.isFrozen(config.flowchart) };
  }, `/_astro/${entries[0]}`);
  expect(memo).toEqual({ same: true, frozen: true });
});

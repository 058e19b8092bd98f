// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { flagHeadings } from './src/integrations/flag-heading-ids.ts';
import { lazyStyles } from './src/integrations/lazy-styles.ts';
import { mermaidConfigMemo } from './src/integrations/mermaid-config-memo.ts';
import { ogImages } from './src/integrations/og-images.ts';
import { staticGraphs } from './src/integrations/static-graphs.ts';

// Where the site is served and where "Edit page" points; both can be set per deployment.
const site = process.env.LAYERWISE_SITE ?? 'https://layerwise.dev';
const editBase = process.env.LAYERWISE_EDIT_URL ?? 'https://github.com/layerwise/layerwise/edit/main/';

// Content-Security-Policy, emitted by Astro as a <meta http-equiv> on every page with a hash
// of every script it bundles or inlines: no 'unsafe-eval', no third-party origin. Astro does
// not hash `<script is:inline>` (Starlight's theme, search and sidebar scripts), so their
// hashes are computed here from the components' source, which Astro emits verbatim.
// 'wasm-unsafe-eval' lets Pagefind (search) compile its WebAssembly. Styles allow
// 'unsafe-inline': Mermaid's SVG carries its own <style>, Monaco injects style elements at run
// time and Shiki colours tokens with style attributes. Monaco's worker is a file of our own
// origin. tests/e2e/csp.spec.ts loads every page, and edits a live example, under the policy.
/** @param {URL[]} dirs @returns {`sha256-${string}`[]} */
function inlineScriptHashes(...dirs) {
  /** @type {Set<`sha256-${string}`>} */
  const hashes = new Set();
  for (const dir of dirs) {
    const root = fileURLToPath(dir);
    for (const file of readdirSync(root, { recursive: true })) {
      if (!String(file).endsWith('.astro')) continue;
      const text = readFileSync(join(root, String(file)), 'utf8');
      for (const [, body] of text.matchAll(/<script is:inline[^>]*>([\s\S]*?)<\/script>/g)) {
        hashes.add(`sha256-${createHash('sha256').update(body).digest('base64')}`);
      }
    }
  }
  return [...hashes].sort();
}

/** @type {import('astro').AstroUserConfig['security']} */
const security = {
  csp: {
    directives: [
      "default-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "worker-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ],
    scriptDirective: {
      resources: ["'self'", "'wasm-unsafe-eval'"],
      hashes: inlineScriptHashes(new URL('.', import.meta.resolve('@astrojs/starlight')), new URL('./src/', import.meta.url)),
    },
    styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
  },
};

export default defineConfig({
  site,
  // Separate output folders let several builds run side by side (e.g. LAYERWISE_OUT_DIR=dist-e2e).
  outDir: process.env.LAYERWISE_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  security,
  // Mermaid's getConfig() copies its whole configuration on every call: one copy per
  // configuration instead (src/integrations/mermaid-config-memo.ts), in the build and in the
  // dev server's pre-bundled dependencies.
  vite: {
    plugins: [mermaidConfigMemo()],
    optimizeDeps: { rolldownOptions: { plugins: [mermaidConfigMemo()] } },
  },
  integrations: [
    // Before Starlight: headings keep `--` as written, and their ids.
    flagHeadings(),
    starlight({
      title: 'Layerwise',
      description:
        'COPY versus COPY --link, shown on your own Dockerfile: the BuildKit build graph, what the cache reuses, and what breaks.',
      editLink: { baseUrl: editBase },
      lastUpdated: false,
      markdown: { processedDirs: ['./content'] },
      customCss: ['./src/styles/site.css'],
      // Our Search: same button and dialog, but Pagefind's UI loads when the dialog first opens.
      // MarkdownContent: heading anchors that copy the section's address (src/links/).
      // Footer: the site's version (package.json) and the changelog (src/changelog/).
      components: {
        Search: './src/search/Search.astro',
        MarkdownContent: './src/links/MarkdownContent.astro',
        Footer: './src/changelog/Footer.astro',
      },
      sidebar: [
        { label: 'Start here', link: '/start/' },
        {
          label: 'The guide',
          items: [
            { label: 'How BuildKit builds a graph', link: '/buildkit-graph/' },
            { label: 'COPY in depth', link: '/copy/' },
            { label: 'COPY --link in depth', link: '/copy-link/' },
            { label: 'When --link helps, costs or breaks', link: '/when-to-link/' },
            { label: 'Style-guide policy', link: '/style-guide/' },
          ],
        },
        { label: 'Playground', link: '/playground/' },
        { label: 'Rules', link: '/rules/' },
        { label: 'Command line', link: '/cli/' },
        { label: 'Linking and embedding', link: '/embedding/' },
        { label: 'How faithful the analyzer is', link: '/fidelity/' },
        { label: 'Changelog', link: '/changelog/' },
      ],
    }),
    mdx(),
    // Starlight's own sitemap, less the embeds (/embed/…: pages for other sites' iframes, not
    // for search engines). Starlight adds its sitemap only when this one is absent.
    sitemap({ filter: (page) => !new URL(page).pathname.startsWith('/embed/') }),
    // After Starlight's search index: the drawings' labels are not page text to search.
    staticGraphs(),
    lazyStyles(),
    // Preview cards (og:image) for links pasted into chats, drawn in the same Chromium.
    ogImages(),
  ],
});

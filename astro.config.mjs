// @ts-check
import mdx from '@astrojs/mdx';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';

// Where the site is served and where "Edit page" points; both can be set per deployment.
const site = process.env.LAYERWISE_SITE ?? 'https://layerwise.dev';
const editBase = process.env.LAYERWISE_EDIT_URL ?? 'https://github.com/layerwise/layerwise/edit/main/';

export default defineConfig({
  site,
  // Separate output folders let several builds run side by side (e.g. LAYERWISE_OUT_DIR=dist-e2e).
  outDir: process.env.LAYERWISE_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  integrations: [
    starlight({
      title: 'Layerwise',
      description:
        'COPY versus COPY --link, shown on your own Dockerfile: the BuildKit build graph, what the cache reuses, and what breaks.',
      editLink: { baseUrl: editBase },
      lastUpdated: false,
      markdown: { processedDirs: ['./content'] },
      customCss: ['./src/styles/site.css'],
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
        { label: 'How faithful the analyzer is', link: '/fidelity/' },
      ],
    }),
    mdx(),
  ],
});

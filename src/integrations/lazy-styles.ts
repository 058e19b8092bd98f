/**
 * Astro links the CSS of every module a page's scripts can import, dynamic imports included
 * (withastro/astro#9495), so Monaco's stylesheet (135 KB) blocked the first paint of every page
 * with a live example. Vite's preload helper already adds that stylesheet when the editor
 * module loads (it is in the import's dependency list), so the page's own link can go. A
 * link is dropped only when some script's dependency list names its file.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Stylesheets of modules the islands import on demand (the editor). */
const ON_DEMAND = /<link rel="stylesheet" href="\/(_astro\/monaco\.[\w-]+\.css)">/g;

/** `html` without the links to on-demand stylesheets that `scripts` load themselves. */
export function dropOnDemandStyles(html: string, scripts: string): string {
  return html.replace(ON_DEMAND, (link, file: string) => (scripts.includes(`"${file}"`) ? '' : link));
}

export function lazyStyles(): AstroIntegration {
  return {
    name: 'layerwise:lazy-styles',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = readdirSync(root, { recursive: true }).map(String);
        const scripts = files.filter((f) => f.startsWith('_astro') && f.endsWith('.js')).map((f) => readFileSync(join(root, f), 'utf8')).join('\n');
        let pages = 0;
        for (const file of files.filter((f) => f.endsWith('.html')).map((f) => join(root, f))) {
          const html = readFileSync(file, 'utf8');
          const lighter = dropOnDemandStyles(html, scripts);
          if (lighter !== html) {
            writeFileSync(file, lighter);
            pages++;
          }
        }
        logger.info(`Editor stylesheet left to load with the editor on ${pages} pages.`);
      },
    },
  };
}

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The build folder in use: the same variable astro.config.mjs reads. */
export const outDir = resolve(process.env.LAYERWISE_OUT_DIR ?? 'dist');

/**
 * Every page of the built site, as paths (`/`, `/start/`, …): the URLs of every
 * `sitemap-*.xml` in the build, plus the 404 page, which sitemaps leave out.
 * Throws when there is no build, so a sweep can never pass by finding nothing.
 */
export function sitePaths(): string[] {
  if (!existsSync(outDir)) throw new Error(`No build in ${outDir}: run \`npx astro build\` first.`);
  const maps = readdirSync(outDir).filter((name) => /^sitemap-\d+\.xml$/.test(name));
  if (maps.length === 0) throw new Error(`No sitemap-N.xml in ${outDir}.`);
  const paths = new Set<string>();
  for (const map of maps) {
    const xml = readFileSync(join(outDir, map), 'utf8');
    for (const [, loc] of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) paths.add(new URL(loc).pathname);
  }
  if (existsSync(join(outDir, '404.html'))) paths.add('/404.html');
  return [...paths].sort();
}

/** Pages that hold a live example (an island), found in the built HTML. */
export function pathsWithIslands(marker = 'data-lw-example'): string[] {
  return sitePaths().filter((path) => {
    const file = path.endsWith('/') ? join(outDir, path, 'index.html') : join(outDir, path);
    return existsSync(file) && readFileSync(file, 'utf8').includes(marker);
  });
}

/**
 * The package version: written into the bundle by `npm run build:cli` (esbuild `define`), read
 * from package.json when running from source.
 */
import { readFileSync } from 'node:fs';

declare const __LAYERWISE_VERSION__: string | undefined;

export function version(): string {
  if (typeof __LAYERWISE_VERSION__ === 'string') return __LAYERWISE_VERSION__;
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

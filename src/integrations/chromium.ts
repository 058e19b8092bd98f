import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Which Chromium the build (static graphs), the end-to-end tests and the audits drive, in
 * order: $CHROMIUM_PATH, Debian's /usr/bin/chromium, the Chromium inside the @sparticuz/chromium npm package (unpacked once
 * under node_modules/.cache), then Playwright's own browser (a laptop after
 * `npx playwright install chromium`). Returns undefined for Playwright's own.
 */
export async function chromiumPath(): Promise<string | undefined> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no browser is there.`);
    return fromEnv;
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  const packaged = await sparticuz();
  if (packaged) return packaged;
  return undefined;
}

async function sparticuz(): Promise<string | undefined> {
  if (process.platform !== 'linux' || process.arch !== 'x64') return undefined;
  let chromium: { executablePath(): Promise<string> };
  try {
    chromium = (await import('@sparticuz/chromium')).default;
  } catch {
    return undefined;
  }
  // The package unpacks into os.tmpdir(); point that at our cache so it happens once per install.
  const cache = resolve('node_modules/.cache/sparticuz-chromium');
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = cache;
  try {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(cache, { recursive: true });
    const path = await chromium.executablePath();
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  }
}

/** Flags for a sandbox without a GPU, a large /dev/shm or a network beyond the registries. */
export const launchArgs = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'];

export const missingBrowserHelp =
  'No Chromium found: install one with `apt-get install chromium`, set CHROMIUM_PATH to a Chromium binary, or run `npx playwright install chromium`.';

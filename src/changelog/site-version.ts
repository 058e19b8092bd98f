/** The site's version is the package's: one number for the site, the CLI and the changelog. */
import pkg from '../../package.json' with { type: 'json' };

export const SITE_VERSION: string = pkg.version;

/** `0.1.0` → `v0-1-0`: a release's anchor on /changelog/. */
export const releaseAnchor = (version: string) => `v${version.replace(/[^A-Za-z0-9]+/g, '-')}`;

/** Compares two `major.minor.patch` versions (a pre-release tag sorts before its release). */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core, pre] = v.split('-', 2);
    return { parts: core.split('.').map(Number), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) {
    const d = (x.parts[i] ?? 0) - (y.parts[i] ?? 0);
    if (d !== 0) return d;
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  return x.pre < y.pre ? -1 : 1;
}

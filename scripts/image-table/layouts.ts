/**
 * Top-level symbolic links of root filesystem images, from each distribution's own record:
 *   - Debian images (debuerreotype): merged /usr from bookworm on, not for bullseye and older
 *     (debuerreotype/debuerreotype examples/debian.sh, "apply merged-/usr (for bookworm+)").
 *   - Ubuntu images: merged /usr since 19.04 (tianon/docker-brew-ubuntu-core#156 shows the
 *     19.04 rootfs with /bin → usr/bin; 18.04 and older are split).
 *   - Alpine: split through 3.22 (minirootfs of v3.20 read from alpinelinux/docker-alpine: /bin,
 *     /lib, /sbin real, /var/run → /run); merged /usr for new installs from 3.23
 *     (alpinelinux.org/posts/2025-10-01-usr-merge.html).
 *   - /var/run → /run and /var/lock → /run/lock on Debian and Ubuntu (the /run transition).
 * Links are stored with absolute targets.
 */

export const LAYOUTS: Record<string, Record<string, string>> = {
  'usr-merged': { '/bin': '/usr/bin', '/sbin': '/usr/sbin', '/lib': '/usr/lib', '/var/run': '/run', '/var/lock': '/run/lock' },
  'debian-split': { '/var/run': '/run', '/var/lock': '/run/lock' },
  'alpine-merged': { '/bin': '/usr/bin', '/sbin': '/usr/sbin', '/lib': '/usr/lib', '/var/run': '/run' },
  'alpine-split': { '/var/run': '/run' },
  empty: {},
};

export const LAYOUT_SOURCES: Record<string, string> = {
  'usr-merged': 'debuerreotype/debuerreotype@7de510f470a0 examples/debian.sh (bookworm+); tianon/docker-brew-ubuntu-core#156 (ubuntu 19.04+)',
  'debian-split': 'debuerreotype/debuerreotype@7de510f470a0 examples/debian.sh (bullseye and older --no-merged-usr)',
  'alpine-merged': 'alpinelinux.org/posts/2025-10-01-usr-merge.html (3.23+)',
  'alpine-split': 'alpinelinux/docker-alpine@cfaba603d3e1 v3.20 x86_64 minirootfs',
  empty: 'hello-world: FROM scratch with one binary',
};

const DEBIAN_MERGED = ['bookworm', 'trixie', 'forky', 'sid', 'unstable', 'testing', 'stable', 'oldstable', 'experimental', 'rc-buggy', '12', '13', '14'];
const DEBIAN_SPLIT = ['bullseye', 'buster', 'stretch', 'jessie', 'oldoldstable', '11', '10', '9', '8'];
const UBUNTU_MERGED = ['focal', 'jammy', 'noble', 'oracular', 'plucky', 'questing', 'resolute', 'stonking', 'rolling', 'devel'];
const UBUNTU_SPLIT = ['trusty', 'xenial', 'bionic'];

/** Release word in a tag variant → layout, for tags matched by family. */
export const RELEASE_LAYOUTS: Record<string, string> = Object.fromEntries([
  ...DEBIAN_MERGED.filter((w) => !/^\d/.test(w)).map((w) => [w, 'usr-merged']),
  ...DEBIAN_SPLIT.filter((w) => !/^\d/.test(w)).map((w) => [w, 'debian-split']),
  ...UBUNTU_MERGED.map((w) => [w, 'usr-merged']),
  ...UBUNTU_SPLIT.map((w) => [w, 'debian-split']),
  ...Array.from({ length: 30 }, (_, i) => [`alpine3.${i}`, i >= 23 ? 'alpine-merged' : 'alpine-split']),
]);

/** Layout of a root image's manifest entry, by its first tag. */
export function rootLayout(name: string, tag: string): string | undefined {
  const word = tag.split('-')[0];
  if (name === 'hello-world') return 'empty';
  if (name === 'debian') {
    if (DEBIAN_MERGED.includes(word)) return 'usr-merged';
    if (DEBIAN_SPLIT.includes(word)) return 'debian-split';
    return undefined;
  }
  if (name === 'ubuntu') {
    const version = /^(\d+)\.(\d+)/.exec(tag);
    if (version) return Number(version[1]) * 100 + Number(version[2]) >= 1904 ? 'usr-merged' : 'debian-split';
    if (UBUNTU_MERGED.includes(word)) return 'usr-merged';
    if (UBUNTU_SPLIT.includes(word)) return 'debian-split';
    return undefined;
  }
  if (name === 'alpine') {
    const version = /^3\.(\d+)/.exec(tag);
    if (version) return Number(version[1]) >= 23 ? 'alpine-merged' : 'alpine-split';
    // edge (and its dated snapshot tags) moved to merged /usr before 3.23.
    if (tag === 'edge' || /^\d{8}$/.test(tag)) return 'alpine-merged';
    return undefined;
  }
  return undefined;
}

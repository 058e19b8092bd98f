/** Facts about common base images' filesystems that `--link` copies run into (§5.6, §8). */

/** Directories present in virtually every Linux base image. */
export const WELL_KNOWN_DIRECTORIES: ReadonlySet<string> = new Set([
  '/bin', '/boot', '/dev', '/etc', '/home', '/lib', '/lib64', '/media', '/mnt', '/opt', '/proc', '/root',
  '/run', '/sbin', '/srv', '/sys', '/tmp', '/usr', '/usr/bin', '/usr/include', '/usr/lib', '/usr/lib64',
  '/usr/libexec', '/usr/local', '/usr/local/bin', '/usr/local/etc', '/usr/local/include', '/usr/local/lib',
  '/usr/local/sbin', '/usr/local/share', '/usr/sbin', '/usr/share', '/usr/src', '/var', '/var/cache',
  '/var/lib', '/var/log', '/var/mail', '/var/opt', '/var/spool', '/var/tmp', '/var/www', '/etc/ssl',
  '/etc/ssl/certs', '/etc/nginx', '/etc/nginx/conf.d', '/usr/share/nginx/html', '/docker-entrypoint.d',
]);

/** Paths that are symbolic links in merged-/usr distributions (Debian 12+, Ubuntu, Fedora) and most images. */
export const COMMON_SYMLINKS: ReadonlyMap<string, string> = new Map([
  ['/bin', '/usr/bin'],
  ['/sbin', '/usr/sbin'],
  ['/lib', '/usr/lib'],
  ['/lib32', '/usr/lib32'],
  ['/lib64', '/usr/lib64'],
  ['/libx32', '/usr/libx32'],
  ['/var/run', '/run'],
  ['/var/lock', '/run/lock'],
]);

/** World-writable directories with the sticky bit (mode 1777). */
export const STICKY_DIRECTORIES: readonly string[] = ['/tmp', '/var/tmp'];

/** Existing system directories whose owner matters (they become owned by the `--chown` user). */
export const SYSTEM_DIRECTORIES: readonly string[] = [
  '/etc', '/home', '/opt', '/root', '/srv', '/usr', '/var',
];

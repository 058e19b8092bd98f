/** Platform strings as containerd's `platforms.Parse` reads them (os[/arch[/variant]]). */

const KNOWN_OS = new Set([
  'aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'nacl',
  'netbsd', 'openbsd', 'plan9', 'solaris', 'wasip1', 'windows', 'zos',
]);
const KNOWN_ARCH = new Set([
  '386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'loong64', 'mips', 'mipsle', 'mips64',
  'mips64le', 'mips64p32', 'mips64p32le', 'ppc', 'ppc64', 'ppc64le', 'riscv', 'riscv64', 's390', 's390x',
  'sparc', 'sparc64', 'wasm',
]);
const SPECIFIER = /^[A-Za-z0-9_.-]+$/;

function normalizeArch(arch: string): string {
  switch (arch) {
    case 'i386':
    case 'i486':
    case 'i586':
    case 'i686':
      return '386';
    case 'x86_64':
    case 'x86-64':
    case 'amd64':
      return 'amd64';
    case 'aarch64':
    case 'arm64':
      return 'arm64';
    case 'armhf':
    case 'armel':
    case 'arm':
      return 'arm';
    default:
      return arch;
  }
}

export interface Platform {
  readonly os: string;
  readonly architecture: string;
}

/** Parses a platform specifier; undefined where containerd would reject it. */
export function parsePlatform(text: string): Platform | undefined {
  const osPart = text.replace(/\(.*\)/, '');
  const parts = osPart.split('/');
  if (parts.length === 0 || parts.length > 3 || parts.some((part) => !SPECIFIER.test(part))) return undefined;
  const first = parts[0].toLowerCase();
  if (parts.length === 1) {
    if (KNOWN_OS.has(first)) return { os: first, architecture: 'amd64' };
    if (KNOWN_ARCH.has(normalizeArch(first))) return { os: 'linux', architecture: normalizeArch(first) };
    return undefined;
  }
  return { os: first, architecture: normalizeArch(parts[1].toLowerCase()) };
}

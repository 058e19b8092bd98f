/**
 * Platform specifiers (`os[/arch[/variant]]`) as containerd's `platforms.Parse` reads them:
 * validation with its error texts, and the OS and architecture they name. The build is
 * modelled on linux/amd64, which fills in a missing OS or arch.
 */
import { goQuote } from '../core/go-strings.ts';

const SPECIFIER = /^[A-Za-z0-9_.-]+$/;
const OS_PART = /^([A-Za-z0-9_-]+)(?:\(([A-Za-z0-9_.%-]*)((?:\+[A-Za-z0-9_.%-]+)*)\))?$/;
/** containerd's `isKnownOS` (Go's list of operating systems). */
const KNOWN_OS = new Set([
  'aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'nacl', 'netbsd',
  'openbsd', 'plan9', 'solaris', 'windows', 'zos',
]);
/** containerd's `isKnownArch` (Go's list of architectures). */
const KNOWN_ARCH = new Set([
  '386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'ppc64', 'ppc64le', 'loong64', 'mips', 'mipsle',
  'mips64', 'mips64le', 'mips64p32', 'mips64p32le', 'ppc', 'riscv', 'riscv64', 's390', 's390x', 'sparc', 'sparc64',
  'wasm',
]);

/** containerd's `normalizeOS`: lower case, `macos` is `darwin`. */
function normalizeOS(os: string): string {
  const lower = os.toLowerCase();
  return lower === 'macos' ? 'darwin' : lower;
}

/** containerd's `normalizeArch`, architecture only. */
function normalizeArch(arch: string): string {
  const lower = arch.toLowerCase();
  switch (lower) {
    case 'i386':
      return '386';
    case 'x86_64':
    case 'x86-64':
      return 'amd64';
    case 'aarch64':
      return 'arm64';
    case 'armhf':
    case 'armel':
      return 'arm';
    default:
      return lower;
  }
}

export interface Platform {
  readonly os: string;
  readonly architecture: string;
}

/** The error text of containerd's parser for `spec`, or undefined when it parses. */
export function checkPlatform(spec: string): string | undefined {
  const invalid = 'invalid argument';
  if (spec.includes('*')) return `${goQuote(spec)}: wildcards not yet supported: ${invalid}`;
  const parts = splitN(spec, '/', 4);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (i === 0) {
      if (!OS_PART.test(part)) {
        return `${goQuote(part)} is an invalid OS component of ${goQuote(spec)}: OSAndVersion specifier component must match ${goQuote(OS_PART.source)}: ${invalid}`;
      }
    } else if (!SPECIFIER.test(part)) {
      return `${goQuote(part)} is an invalid component of ${goQuote(spec)}: platform specifier component must match ${goQuote(SPECIFIER.source)}: ${invalid}`;
    }
  }
  if (parts.length === 1) {
    const os = normalizeOS(OS_PART.exec(parts[0])?.[1] ?? '');
    if (KNOWN_OS.has(os) || KNOWN_ARCH.has(normalizeArch(parts[0]))) return undefined;
    return `${goQuote(spec)}: unknown operating system or architecture: ${invalid}`;
  }
  if (parts.length > 3) return `${goQuote(spec)}: cannot parse platform specifier: ${invalid}`;
  return undefined;
}

/** The OS and architecture a specifier names; undefined where containerd would reject it. */
export function parsePlatform(spec: string): Platform | undefined {
  if (checkPlatform(spec) !== undefined) return undefined;
  const parts = spec.split('/');
  const os = normalizeOS(OS_PART.exec(parts[0])?.[1] ?? '');
  if (parts.length > 1) return { os, architecture: normalizeArch(parts[1]) };
  return KNOWN_OS.has(os) ? { os, architecture: 'amd64' } : { os: 'linux', architecture: normalizeArch(parts[0]) };
}

function splitN(s: string, sep: string, n: number): string[] {
  const out: string[] = [];
  let rest = s;
  while (out.length < n - 1) {
    const i = rest.indexOf(sep);
    if (i < 0) break;
    out.push(rest.slice(0, i));
    rest = rest.slice(i + sep.length);
  }
  out.push(rest);
  return out;
}

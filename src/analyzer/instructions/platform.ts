/**
 * Validation of a `FROM --platform` value as containerd's `platforms.Parse` does it, with its
 * error texts. The build is modelled on linux/amd64, which fills in a missing OS or arch.
 */
import { goQuote } from '../core/go-strings.ts';

const SPECIFIER = /^[A-Za-z0-9_.-]+$/;
const OS_PART = /^([A-Za-z0-9_-]+)(?:\(([A-Za-z0-9_.%-]*)((?:\+[A-Za-z0-9_.%-]+)*)\))?$/;
const KNOWN_OS = new Set([
  'aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'nacl', 'netbsd',
  'openbsd', 'plan9', 'solaris', 'windows', 'zos', 'macos',
]);
const KNOWN_ARCH = new Set([
  '386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'ppc64', 'ppc64le', 'loong64', 'mips', 'mipsle',
  'mips64', 'mips64le', 'mips64p32', 'mips64p32le', 'ppc', 'riscv', 'riscv64', 's390', 's390x', 'sparc', 'sparc64',
  'wasm', 'i386', 'x86_64', 'x86-64', 'aarch64', 'armhf', 'armel',
]);

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
    const os = (OS_PART.exec(parts[0])?.[1] ?? '').toLowerCase();
    if (KNOWN_OS.has(os) || KNOWN_ARCH.has(parts[0].toLowerCase())) return undefined;
    return `${goQuote(spec)}: unknown operating system or architecture: ${invalid}`;
  }
  if (parts.length > 3) return `${goQuote(spec)}: cannot parse platform specifier: ${invalid}`;
  return undefined;
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

/**
 * Platforms as image indexes and the official-images manifests spell them, normalised the way
 * containerd's `platforms.Normalize` does, so `linux/arm64` and `linux/arm64/v8` compare equal
 * and print as BuildKit prints them.
 */
import type { ImagePlatform } from './model.ts';

/** Official-images `Architectures` words (`amd64`, `arm32v7`, `arm64v8`, `i386`, `windows-amd64`). */
export function platformFromArchWord(word: string): ImagePlatform {
  let os = 'linux';
  let arch = word;
  const dash = word.indexOf('-');
  if (dash !== -1) {
    os = word.slice(0, dash);
    arch = word.slice(dash + 1);
  }
  const arm = /^arm(32|64)(v\d+)$/.exec(arch);
  if (arm) return normalizePlatform({ os, architecture: arm[1] === '64' ? 'arm64' : 'arm', variant: arm[2] });
  return normalizePlatform({ os, architecture: arch === 'i386' ? '386' : arch });
}

/** containerd's `platforms.Normalize`: alias names, `arm` defaults to v7, `arm64` drops v8, amd64 drops v1. */
export function normalizePlatform(platform: ImagePlatform): ImagePlatform {
  const os = platform.os.toLowerCase();
  let architecture = platform.architecture.toLowerCase();
  let variant = platform.variant?.toLowerCase();
  if (architecture === 'i386') architecture = '386';
  else if (architecture === 'x86_64' || architecture === 'x86-64') {
    architecture = 'amd64';
    if (variant === 'v1') variant = undefined;
  } else if (architecture === 'aarch64' || architecture === 'arm64') {
    architecture = 'arm64';
    if (variant === '8' || variant === 'v8' || variant === 'v8.0' || variant === '') variant = undefined;
  } else if (architecture === 'armhf') {
    architecture = 'arm';
    variant = 'v7';
  } else if (architecture === 'armel') {
    architecture = 'arm';
    variant = 'v6';
  } else if (architecture === 'arm') {
    if (variant === undefined || variant === '' || variant === '7') variant = 'v7';
    else if (/^[5-8]$/.test(variant)) variant = `v${variant}`;
  } else if (architecture === 'amd64' && variant === 'v1') variant = undefined;
  return variant ? { os, architecture, variant } : { os, architecture };
}

/** Parses `os/arch[/variant]`; an OS-less or arch-less value is completed with linux/amd64, as the build is modelled. */
export function parsePlatform(spec: string): ImagePlatform | undefined {
  const parts = spec.split('/');
  if (parts.some((part) => part === '') || parts.length > 3) return undefined;
  if (parts.length === 1) {
    const word = parts[0].toLowerCase();
    const oses = ['linux', 'windows', 'darwin', 'freebsd'];
    return normalizePlatform(oses.includes(word) ? { os: word, architecture: 'amd64' } : { os: 'linux', architecture: word });
  }
  return normalizePlatform({ os: parts[0], architecture: parts[1], ...(parts[2] ? { variant: parts[2] } : {}) });
}

/** Whether an image published for `have` serves a build for `want` (same OS and arch; variant when both name one). */
export function platformMatches(want: ImagePlatform, have: ImagePlatform): boolean {
  const a = normalizePlatform(want);
  const b = normalizePlatform(have);
  if (a.os !== b.os || a.architecture !== b.architecture) return false;
  return a.variant === undefined || b.variant === undefined || a.variant === b.variant;
}

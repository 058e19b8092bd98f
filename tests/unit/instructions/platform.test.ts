import { describe, expect, it } from 'vitest';
import { checkPlatform, parsePlatform } from '../../../src/analyzer/instructions/platform.ts';

describe('platform specifiers (containerd platforms.Parse)', () => {
  it.each([
    ['linux/amd64', { os: 'linux', architecture: 'amd64' }],
    ['linux/x86_64', { os: 'linux', architecture: 'amd64' }],
    ['Linux/AArch64/v8', { os: 'linux', architecture: 'arm64' }],
    ['macos', { os: 'darwin', architecture: 'amd64' }],
    ['windows', { os: 'windows', architecture: 'amd64' }],
    ['armhf', { os: 'linux', architecture: 'arm' }],
    ['i386', { os: 'linux', architecture: '386' }],
  ])('%s names %j', (spec, platform) => {
    expect(checkPlatform(spec)).toBeUndefined();
    expect(parsePlatform(spec)).toEqual(platform);
  });

  it.each(['wasip1', 'i686', 'linux/*', 'a/b/c/d', 'linux/am d64'])('%s is rejected, with a reason', (spec) => {
    expect(parsePlatform(spec)).toBeUndefined();
    expect(checkPlatform(spec)).toMatch(/invalid argument$/);
  });
});

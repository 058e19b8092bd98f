import { describe, expect, it } from 'vitest';
import { normalizePlatform, parsePlatform, platformFromArchWord, platformMatches } from '../../../src/analyzer/image/platform.ts';

describe('platforms', () => {
  it('reads official-images architecture words', () => {
    expect(platformFromArchWord('amd64')).toEqual({ os: 'linux', architecture: 'amd64' });
    expect(platformFromArchWord('arm32v6')).toEqual({ os: 'linux', architecture: 'arm', variant: 'v6' });
    expect(platformFromArchWord('arm64v8')).toEqual({ os: 'linux', architecture: 'arm64' });
    expect(platformFromArchWord('i386')).toEqual({ os: 'linux', architecture: '386' });
    expect(platformFromArchWord('windows-amd64')).toEqual({ os: 'windows', architecture: 'amd64' });
  });

  it('normalises as containerd does', () => {
    expect(normalizePlatform({ os: 'Linux', architecture: 'aarch64', variant: 'v8' })).toEqual({ os: 'linux', architecture: 'arm64' });
    expect(normalizePlatform({ os: 'linux', architecture: 'x86_64' })).toEqual({ os: 'linux', architecture: 'amd64' });
    expect(normalizePlatform({ os: 'linux', architecture: 'arm' })).toEqual({ os: 'linux', architecture: 'arm', variant: 'v7' });
    expect(parsePlatform('linux/arm64/v8')).toEqual({ os: 'linux', architecture: 'arm64' });
    expect(parsePlatform('arm64')).toEqual({ os: 'linux', architecture: 'arm64' });
    expect(parsePlatform('linux/arm64/v9')).toEqual({ os: 'linux', architecture: 'arm64', variant: 'v9' });
    expect(parsePlatform('linux//x')).toBeUndefined();
  });

  it('matches variants only when both sides name one', () => {
    expect(platformMatches({ os: 'linux', architecture: 'arm64' }, { os: 'linux', architecture: 'arm64', variant: 'v8' })).toBe(true);
    expect(platformMatches({ os: 'linux', architecture: 'arm', variant: 'v6' }, { os: 'linux', architecture: 'arm', variant: 'v7' })).toBe(false);
    expect(platformMatches({ os: 'linux', architecture: 'amd64' }, { os: 'windows', architecture: 'amd64' })).toBe(false);
  });
});

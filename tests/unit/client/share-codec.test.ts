import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeFragment, encodeState, fromBase64Url, isShareFragment, MAX_FRAGMENT_CHARS, toBase64Url } from '../../../src/client/share-codec.ts';
import type { ShareState } from '../../../src/client/share-state.ts';

const full: ShareState = {
  code: 'FROM alpine\nCOPY --link /dir1 /dir1\n# ünïcødé 🐳\n',
  compare: 'FROM alpine\nCOPY /dir1 /dir1\n',
  buildArgs: { B: '2', A: '1=x' },
  target: 'release',
  dockerignore: 'node_modules\n',
  mergeOp: false,
  simulate: ['base:alpine', 'file:dir1', 'arg:V=2', 'line:2'],
};

describe('share codec', () => {
  it('round-trips every field, unicode included', async () => {
    const fragment = await encodeState(full);
    expect(fragment).toMatch(/^v1\/[A-Za-z0-9_-]+$/);
    const decoded = await decodeFragment(`#${fragment}`);
    expect(decoded).toEqual({ ok: true, state: { ...full, buildArgs: { A: '1=x', B: '2' } } });
  });

  it('keeps a build arg named __proto__ as a key, not a prototype', async () => {
    const state: ShareState = { code: 'FROM a\n', buildArgs: JSON.parse('{"__proto__":"x"}') };
    const decoded = await decodeFragment(`#${await encodeState(state)}`);
    expect(decoded.ok && Object.hasOwn(decoded.state.buildArgs ?? {}, '__proto__')).toBe(true);
    expect(decoded.ok && Object.getPrototypeOf(decoded.state.buildArgs)).toBe(Object.prototype);
  });

  it('drops defaults so equal states give equal links', async () => {
    const a = await encodeState({ code: 'FROM a\n', mergeOp: true, simulate: [], buildArgs: {} });
    const b = await encodeState({ code: 'FROM a\n' });
    expect(a).toBe(b);
  });

  it('writes deflate-raw in base64url that any zlib reads (the v1 format is stable)', async () => {
    const fragment = await encodeState({ code: 'FROM alpine\n' });
    const json = inflateRawSync(Buffer.from(fragment.slice(3), 'base64url')).toString('utf8');
    expect(JSON.parse(json)).toEqual({ code: 'FROM alpine\n' });
    // A v1 link made by hand (as an old version of the site would have) still opens.
    const old = `v1/${deflateRawSync(Buffer.from('{"code":"FROM busybox\\n","mergeOp":false}')).toString('base64url')}`;
    expect(await decodeFragment(old)).toEqual({ ok: true, state: { code: 'FROM busybox\n', mergeOp: false } });
  });

  it('compresses: a long repetitive Dockerfile gives a short link', async () => {
    const code = 'FROM alpine\n' + 'RUN echo hello world\n'.repeat(500);
    const fragment = await encodeState({ code });
    expect(fragment.length).toBeLessThan(code.length / 20);
  });

  it.each([
    ['no version', 'abc', 'does not hold'],
    ['a future version', 'v7/abc', 'newer version'],
    ['bad base64', 'v1/ab$cd', 'damaged'],
    ['a truncated stream', `v1/${deflateRawSync(Buffer.from('{"code":"FROM alpine"}')).toString('base64url').slice(0, 6)}`, 'damaged'],
    ['not JSON', `v1/${deflateRawSync(Buffer.from('not json')).toString('base64url')}`, 'damaged'],
    ['JSON of the wrong shape', `v1/${deflateRawSync(Buffer.from('{"code":1}')).toString('base64url')}`, 'damaged'],
    ['wrong field types', `v1/${deflateRawSync(Buffer.from('{"code":"x","buildArgs":{"A":1}}')).toString('base64url')}`, 'damaged'],
    ['an array', `v1/${deflateRawSync(Buffer.from('["x"]')).toString('base64url')}`, 'damaged'],
    ['too long', `v1/${'A'.repeat(MAX_FRAGMENT_CHARS + 1)}`, 'too long'],
    ['a deflate bomb', `v1/${deflateRawSync(Buffer.from(JSON.stringify({ code: 'x'.repeat(4_000_000) }))).toString('base64url')}`, 'more than'],
    ['invalid UTF-8', `v1/${deflateRawSync(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])).toString('base64url')}`, 'damaged'],
  ])('refuses %s with a reason', async (_name, fragment, reason) => {
    const decoded = await decodeFragment(fragment);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.reason).toContain(reason);
  });

  it('recognizes share fragments apart from page anchors', () => {
    expect(isShareFragment('#v1/abc')).toBe(true);
    expect(isShareFragment('v2/abc')).toBe(true);
    expect(isShareFragment('#the-two-dockerfiles')).toBe(false);
  });

  it('base64url round-trips every byte value', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
    expect(toBase64Url(bytes)).not.toMatch(/[+/=]/);
    expect(fromBase64Url('a')).toBeUndefined();
  });
});

import { deflateRawSync, inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.ts';
import { renderGraphJson } from '../../../src/analyzer/render/graph-json.ts';
import {
  DECODE_TIMEOUT_MS,
  MAX_FRAGMENT_CHARS,
  MAX_PAYLOAD_BYTES,
  decodeFragment,
  encodeState,
  fromBase64Url,
  isShareFragment,
  toBase64Url,
} from '../../../src/live/browser/share-codec.ts';
import { MAX_CODE_CHARS, sameState, type ShareState } from '../../../src/live/model/share-state.ts';
import { HOSTILE, dockerfile, mutatedCorpus } from '../pipeline/arbitraries.ts';

/**
 * Share links, all in one place: the v1 format by example; any state survives encode →
 * decode exactly and analyzes to the same graph; any hostile, truncated or oversized
 * fragment decodes to a reason, never an exception, within the codec's size and time bounds.
 */

const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom(...HOSTILE));

const state: fc.Arbitrary<ShareState> = fc.record(
  {
    code: fc.oneof(dockerfile, mutatedCorpus, fc.string({ unit: 'binary', maxLength: 300 })),
    compare: dockerfile,
    buildArgs: fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), text, { maxKeys: 4 }),
    target: text,
    dockerignore: text,
    mergeOp: fc.boolean(),
    simulate: fc.array(fc.oneof(text.map((t) => `file:${t}`), text.map((t) => `base:${t}`), fc.constant('line:2')), { maxLength: 4 }),
  },
  { requiredKeys: ['code'] },
);

const fragment = (data: string, version = 'v1') => `#${version}/${data}`;
const deflated = (value: unknown) => toBase64Url(deflateRawSync(Buffer.from(JSON.stringify(value))));

describe('share links round trip', () => {
  it('any state decodes to the same state, and to the same graph', async () => {
    await fc.assert(
      fc.asyncProperty(state, async (s) => {
        const link = await encodeState(s);
        expect(link).toMatch(/^v1\/[A-Za-z0-9_-]*$/);
        const decoded = await decodeFragment(`#${link}`);
        expect(decoded.ok).toBe(true);
        if (!decoded.ok) return;
        expect(sameState(decoded.state, s)).toBe(true);
        const options = { buildArgs: s.buildArgs, target: s.target, mergeOp: s.mergeOp };
        expect(renderGraphJson(analyze(decoded.state.code, options).graph)).toBe(renderGraphJson(analyze(s.code, options).graph));
      }),
      { numRuns: 120 },
    );
  });
});

describe('hostile links give a reason, never an exception, within bounds', () => {
  const cases: Record<string, string> = {
    'not base64url': fragment('<img src=x onerror=alert(1)>'),
    'one character too many for base64': fragment('A'),
    'base64 of bytes that are not deflate': fragment(toBase64Url(new Uint8Array([1, 2, 3, 4, 5, 250]))),
    'deflate of text that is not JSON': fragment(toBase64Url(deflateRawSync(Buffer.from('</script><script>alert(1)</script>')))),
    'deflate of invalid UTF-8': fragment(toBase64Url(deflateRawSync(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])))),
    'JSON that is not a state': fragment(deflated({ code: 42 })),
    'JSON array': fragment(deflated(['FROM alpine'])),
    'JSON null': fragment(deflated(null)),
    'simulation of the wrong type': fragment(deflated({ code: 'FROM alpine', simulate: 'base:alpine' })),
    'build args of the wrong type': fragment(deflated({ code: 'FROM alpine', buildArgs: { A: 1 } })),
    'a Dockerfile over the size limit': fragment(deflated({ code: 'x'.repeat(MAX_CODE_CHARS + 1) })),
    'a version from the future': fragment(deflated({ code: 'FROM alpine' }), 'v999'),
    'a truncated link': fragment(deflated({ code: 'FROM alpine\nCOPY --link a /a\n'.repeat(20) }).slice(0, 40)),
    'a fragment over the length limit': fragment('A'.repeat(MAX_FRAGMENT_CHARS + 10)),
    // 40 MB of zeros deflate to about 40 KB: within the fragment limit, far over the payload limit.
    'a deflate bomb': fragment(toBase64Url(deflateRawSync(Buffer.alloc(40 * 1024 * 1024)))),
  };

  for (const [name, link] of Object.entries(cases)) {
    it(name, async () => {
      const start = performance.now();
      const decoded = await decodeFragment(link);
      const elapsed = performance.now() - start;
      expect(decoded.ok, JSON.stringify(decoded).slice(0, 200)).toBe(false);
      if (!decoded.ok) expect(decoded.reason).toMatch(/^This link /);
      // The codec's own promise: no decode outlives its time limit (plus scheduling slack).
      expect(elapsed).toBeLessThan(DECODE_TIMEOUT_MS * 2);
    });
  }

  it('a __proto__ key pollutes nothing', async () => {
    const json = '{"code":"FROM alpine","__proto__":{"polluted":true},"buildArgs":{"__proto__":{"x":"y"},"A":"1"}}';
    const decoded = await decodeFragment(fragment(toBase64Url(deflateRawSync(Buffer.from(json)))));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    if (decoded.ok) {
      expect(Object.getPrototypeOf(decoded.state)).toBe(Object.prototype);
      expect((decoded.state as unknown as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.getPrototypeOf(decoded.state.buildArgs ?? {})).toBe(Object.prototype);
      expect((decoded.state.buildArgs as Record<string, unknown> | undefined)?.x).toBeUndefined();
    } else {
      expect(decoded.reason).toMatch(/^This link /);
    }
  });

  it('the deflate bomb is refused for its size, not its length', async () => {
    const link = cases['a deflate bomb'];
    expect(link.length).toBeLessThan(MAX_FRAGMENT_CHARS);
    const decoded = await decodeFragment(link);
    expect(decoded).toEqual({ ok: false, reason: expect.stringMatching(/more than/) });
    expect(40 * 1024 * 1024).toBeGreaterThan(MAX_PAYLOAD_BYTES);
  });

  it('arbitrary fragments, with or without a version prefix, always resolve to ok or a reason', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }).map((s) => `#v1/${s}`), fc.base64String({ maxLength: 400 }).map((s) => `#v1/${s.replace(/=/g, '')}`)), async (f) => {
        const decoded = await decodeFragment(f);
        expect(typeof decoded.ok).toBe('boolean');
        if (!decoded.ok) expect(decoded.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

const full: ShareState = {
  code: 'FROM alpine\nCOPY --link /dir1 /dir1\n# ünïcødé 🐳\n',
  compare: 'FROM alpine\nCOPY /dir1 /dir1\n',
  buildArgs: { B: '2', A: '1=x' },
  target: 'release',
  dockerignore: 'node_modules\n',
  mergeOp: false,
  simulate: ['base:alpine', 'file:dir1', 'arg:V=2', 'line:2'],
};

describe('share codec by example', () => {
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

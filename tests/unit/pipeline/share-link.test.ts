import { deflateRawSync } from 'node:zlib';
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
  toBase64Url,
} from '../../../src/client/share-codec.ts';
import { MAX_CODE_CHARS, sameState, type ShareState } from '../../../src/client/share-state.ts';
import { HOSTILE, dockerfile, mutatedCorpus } from './arbitraries.ts';

/**
 * Share links at the end of the pipeline: any state survives encode → decode exactly and
 * analyzes to the same graph; any hostile, truncated or oversized fragment decodes to a
 * reason, never an exception, within the codec's size and time bounds.
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

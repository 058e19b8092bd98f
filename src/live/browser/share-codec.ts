import { normalize, toShareState, type ShareState } from '../model/share-state.ts';

/**
 * Share links: the whole island state in the URL fragment, `#v1/<base64url(deflate-raw(JSON))>`.
 * The version prefix lets a future format change while every old link still decodes: add a
 * decoder to DECODERS, never remove one. Decoding is bounded in input size, output size and
 * time, so a hostile or truncated link gives a clear reason instead of a hang or a crash.
 */

const CURRENT_VERSION = 'v1';
/** Longest fragment we try to decode (characters). Browsers keep far longer URLs, but links get pasted. */
export const MAX_FRAGMENT_CHARS = 64_000;
/** Largest decompressed payload (bytes): stops deflate bombs. */
export const MAX_PAYLOAD_BYTES = 512 * 1024;
/** Longest a decode may take. */
export const DECODE_TIMEOUT_MS = 2_000;

export type DecodeResult = { readonly ok: true; readonly state: ShareState } | { readonly ok: false; readonly reason: string };

const DECODERS: Record<string, (data: string) => Promise<DecodeResult>> = {
  v1: decodeV1,
};

/** `#v1/…` for a state (without a leading `#`). */
export async function encodeState(state: ShareState): Promise<string> {
  const json = JSON.stringify(normalize(state));
  const bytes = await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw'), Infinity);
  return `${CURRENT_VERSION}/${toBase64Url(bytes!)}`;
}

/**
 * In-page share links carry the same payload in a query parameter, so the fragment stays free
 * to name the example: `/<page>/?s=v1/…#<anchor>`. The playground and `/embed/` read it too.
 */
export const SHARE_PARAM = 's';

/** The `s` parameter of a query string (`?s=v1/…`), when there is one. */
export function sharedParam(search: string): string | undefined {
  return new URLSearchParams(search).get(SHARE_PARAM) ?? undefined;
}

/** `/<page>/?s=v1/…#<anchor>` (base64url and `v1/` need no escaping in a query). */
export function inPageLink(pathname: string, encoded: string, anchor: string): string {
  return `${pathname}?${SHARE_PARAM}=${encoded}#${anchor}`;
}

/** True when a fragment looks like a share link at all (any version), so it deserves a decode attempt or a message. */
export function isShareFragment(fragment: string): boolean {
  return /^#?v\d+\//.test(fragment);
}

export async function decodeFragment(fragment: string): Promise<DecodeResult> {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (text.length > MAX_FRAGMENT_CHARS) return { ok: false, reason: 'This link is too long to open.' };
  const match = /^(v\d+)\/(.*)$/s.exec(text);
  if (!match) return { ok: false, reason: 'This link does not hold a Layerwise example.' };
  const decoder = DECODERS[match[1]];
  if (!decoder) return { ok: false, reason: `This link was made by a newer version of Layerwise (${match[1]}).` };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<DecodeResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: 'This link took too long to open.' }), DECODE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([decoder(match[2]), timeout]);
  } catch {
    return { ok: false, reason: 'This link is damaged and cannot be opened.' };
  } finally {
    clearTimeout(timer);
  }
}

async function decodeV1(data: string): Promise<DecodeResult> {
  const bytes = fromBase64Url(data);
  if (!bytes) return { ok: false, reason: 'This link is damaged and cannot be opened.' };
  const raw = await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_PAYLOAD_BYTES);
  if (!raw) return { ok: false, reason: 'This link holds more than an example can show.' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch {
    return { ok: false, reason: 'This link is damaged and cannot be opened.' };
  }
  const state = toShareState(parsed);
  return state ? { ok: true, state } : { ok: false, reason: 'This link is damaged and cannot be opened.' };
}

/** Runs bytes through a transform stream; undefined when the output exceeds `limit` bytes. */
async function pipe(input: Uint8Array, transform: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array | undefined> {
  const writer = transform.writable.getWriter();
  // Errors surface through the reader; swallow them here so they are not unhandled.
  writer.write(input as Uint8Array<ArrayBuffer>).catch(() => {});
  writer.close().catch(() => {});
  const reader = transform.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  try {
    const binary = atob(b64);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
}

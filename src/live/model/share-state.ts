/**
 * The state a share link carries: everything a reader can change in an island. Plain data,
 * validated field by field when it comes from outside (a URL or session storage).
 */
export interface ShareState {
  readonly code: string;
  readonly compare?: string;
  readonly buildArgs?: Readonly<Record<string, string>>;
  readonly target?: string;
  readonly dockerignore?: string;
  /** False models a builder without MergeOp; absent means true. */
  readonly mergeOp?: boolean;
  /** Change strings in the CLI's syntax. */
  readonly simulate?: readonly string[];
}

/** Largest Dockerfile (in characters) a link or a stored edit may carry. */
export const MAX_CODE_CHARS = 200_000;

/** Checks untrusted data and returns a clean ShareState, or undefined when it is not one. */
export function toShareState(value: unknown): ShareState | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.code !== 'string' || v.code.length > MAX_CODE_CHARS) return undefined;
  const state: { -readonly [K in keyof ShareState]: ShareState[K] } = { code: v.code };
  if (v.compare !== undefined) {
    if (typeof v.compare !== 'string' || v.compare.length > MAX_CODE_CHARS) return undefined;
    state.compare = v.compare;
  }
  if (v.buildArgs !== undefined) {
    if (typeof v.buildArgs !== 'object' || v.buildArgs === null || Array.isArray(v.buildArgs)) return undefined;
    const entries = Object.entries(v.buildArgs);
    if (entries.some(([key, val]) => typeof val !== 'string' || key.length > 200)) return undefined;
    // fromEntries makes own properties, so a key such as `__proto__` stays a key.
    state.buildArgs = Object.fromEntries(entries) as Record<string, string>;
  }
  for (const key of ['target', 'dockerignore'] as const) {
    const field = v[key];
    if (field === undefined) continue;
    if (typeof field !== 'string' || field.length > MAX_CODE_CHARS) return undefined;
    state[key] = field;
  }
  if (v.mergeOp !== undefined) {
    if (typeof v.mergeOp !== 'boolean') return undefined;
    state.mergeOp = v.mergeOp;
  }
  if (v.simulate !== undefined) {
    if (!Array.isArray(v.simulate) || v.simulate.length > 50 || !v.simulate.every((s) => typeof s === 'string' && s.length < 1000)) {
      return undefined;
    }
    state.simulate = v.simulate as string[];
  }
  return state;
}

export function sameState(a: ShareState, b: ShareState): boolean {
  return JSON.stringify(normalize(a)) === JSON.stringify(normalize(b));
}

/** Fixed key order and defaults dropped, so equal states serialize equally. */
export function normalize(s: ShareState): ShareState {
  const out: { -readonly [K in keyof ShareState]: ShareState[K] } = { code: s.code };
  if (s.compare !== undefined) out.compare = s.compare;
  if (s.buildArgs && Object.keys(s.buildArgs).length > 0) {
    out.buildArgs = Object.fromEntries(Object.entries(s.buildArgs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  if (s.target) out.target = s.target;
  if (s.dockerignore) out.dockerignore = s.dockerignore;
  if (s.mergeOp === false) out.mergeOp = false;
  if (s.simulate && s.simulate.length > 0) out.simulate = [...s.simulate];
  return out;
}

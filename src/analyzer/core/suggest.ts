/**
 * "Did you mean …?" suggestions, as BuildKit's `util/suggest`: the option with the smallest
 * Levenshtein distance below 3 wins (first one on ties); an exact match means no suggestion.
 */

/**
 * Levenshtein distance over UTF-16 code units (names here are ASCII). With `limit`, any
 * distance of `limit` or more may be reported as `limit` (a row whose minimum reaches it
 * cannot lead below it), which keeps suggestions cheap.
 */
export function levenshtein(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  if (scratch.length <= b.length) scratch = new Int32Array(2 * (b.length + 1));
  let previous = scratch.subarray(0, b.length + 1);
  let current = scratch.subarray(b.length + 1, 2 * (b.length + 1));
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin >= limit) return limit;
    const swap = previous;
    previous = current;
    current = swap;
  }
  return previous[b.length];
}

/** Reused rows: suggestions compare one name with many, and allocation would dominate. */
let scratch = new Int32Array(64);

/**
 * BuildKit's `suggest.Search`: the closest option at distance below 3, or undefined when
 * there is none or when `value` is itself one of the options.
 */
export function suggest(value: string, options: Iterable<string>, caseSensitive = true): string | undefined {
  const needle = caseSensitive ? value : value.toLowerCase();
  let match: string | undefined;
  let best = 3;
  for (const option of options) {
    const candidate = caseSensitive ? option : option.toLowerCase();
    if (candidate === needle) return undefined;
    // Only distances below the best so far matter; the length gap alone often rules a candidate out.
    if (Math.abs(candidate.length - needle.length) >= best) continue;
    const distance = levenshtein(needle, candidate, best);
    if (distance < best) {
      best = distance;
      match = caseSensitive ? option : matchCase(candidate, value);
    }
  }
  return match;
}

function matchCase(value: string, original: string): string {
  if (original === original.toLowerCase()) return value.toLowerCase();
  if (original === original.toUpperCase()) return value.toUpperCase();
  return value;
}

/** `message` plus ` (did you mean X?)` when a suggestion exists, as BuildKit's `suggest.WrapError`. */
export function withSuggestion(message: string, value: string, options: Iterable<string>, caseSensitive = true): string {
  const match = suggest(value, options, caseSensitive);
  return match === undefined ? message : `${message} (did you mean ${match}?)`;
}

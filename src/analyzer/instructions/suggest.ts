/**
 * "Did you mean …?" suggestions, as BuildKit's `util/suggest`: the option with the smallest
 * Levenshtein distance below 3 wins (first one on ties); an exact match means no suggestion.
 */

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  const x = Array.from(a);
  const y = Array.from(b);
  if (x.length === 0) return y.length;
  if (y.length === 0) return x.length;
  let prev = new Array<number>(y.length + 1);
  let cur = new Array<number>(y.length + 1);
  for (let j = 0; j <= y.length; j++) prev[j] = j;
  for (let i = 1; i <= x.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[y.length];
}

/** The closest option, or undefined. Case-insensitive search matches the case of `value`. */
export function suggest(value: string, options: readonly string[], caseSensitive = true): string | undefined {
  const val = caseSensitive ? value : value.toLowerCase();
  // Distances above 2 are never suggested; skip options whose length alone rules them out.
  let match: string | undefined;
  let best = 3;
  for (const option of options) {
    const opt = caseSensitive ? option : option.toLowerCase();
    if (opt === val) return undefined;
    if (Math.abs(opt.length - val.length) >= best) continue;
    const d = levenshtein(val, opt);
    if (d < best) {
      best = d;
      match = caseSensitive ? opt : matchCase(opt, value);
    }
  }
  return match;
}

/** `message` plus ` (did you mean X?)` when a suggestion exists. */
export function withSuggestion(
  message: string,
  value: string,
  options: readonly string[],
  caseSensitive = true,
): string {
  const match = suggest(value, options, caseSensitive);
  return match === undefined ? message : `${message} (did you mean ${match}?)`;
}

function matchCase(option: string, original: string): string {
  if (original === original.toLowerCase()) return option.toLowerCase();
  if (original === original.toUpperCase()) return option.toUpperCase();
  return option;
}

/** Shell patterns of `${name#…}`, `${name%…}` and `${name/…/…}`, as BuildKit's lexer matches them. */
import { err, ok, type Result } from '../core/result.ts';

/** An error in the word being lexed: becomes BuildKit's `failed to process …` message. */
export class LexError {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}

const REGEX_SPECIAL = '[]{}.+()|^$';

/**
 * A shell pattern (`*`, `?`, backslash escapes of `*?\`, and `\}` `\/` whose backslash is
 * dropped) as a regular expression; the error is BuildKit's text.
 */
export function patternToRegExp(pattern: string, greedy: boolean, anchored: boolean, global = false): Result<RegExp> {
  const chars = Array.from(pattern);
  let out = anchored ? '^' : '';
  const star = greedy ? '.*' : '.*?';
  for (let i = 0; i < chars.length; i++) {
    let tok = chars[i];
    if (tok === '*') {
      out += star;
      continue;
    }
    if (tok === '?') {
      out += '.';
      continue;
    }
    if (tok === '\\') {
      const n = chars[i + 1];
      if (n === '}' || n === '/') continue;
      out += '\\';
      i++;
      tok = chars[i];
      if (tok === undefined) return err("invalid escape '\\%!c(int32=-1)'");
      if (tok !== '*' && tok !== '?' && tok !== '\\') return err(`invalid escape '\\${tok}'`);
    } else if (REGEX_SPECIAL.includes(tok)) {
      out += '\\';
    }
    out += tok;
  }
  try {
    return ok(new RegExp(out, global ? 'gu' : 'u'));
  } catch {
    return err(`error parsing regexp: invalid pattern \`${out}\``);
  }
}

export function trimPrefix(pattern: string, value: string, greedy: boolean): string {
  const re = patternToRegExp(pattern, greedy, true);
  if (!re.ok) throw new LexError(`invalid pattern (${pattern}) in substitution: ${re.error}`);
  const m = re.value.exec(value);
  return m === null ? value : value.slice(m.index + m[0].length);
}

/** Reverses a pattern but keeps each `\x` escape pair in order (`a\*c` → `c\*a`). */
function reversePattern(pattern: string): string {
  const chars = Array.from(pattern);
  const out = new Array<string>(chars.length);
  const last = chars.length - 1;
  for (let i = 0; i <= last; ) {
    const tok = chars[i];
    const at = last - i;
    if (tok === '\\' && i !== last) {
      out[at - 1] = tok;
      out[at] = chars[i + 1];
      i += 2;
    } else {
      out[at] = tok;
      i++;
    }
  }
  return out.join('');
}

function reverseString(s: string): string {
  return Array.from(s).reverse().join('');
}

export function trimSuffix(pattern: string, value: string, greedy: boolean): string {
  // The shortest match at the right end is the shortest match at the left of the reversed text.
  return reverseString(trimPrefix(reversePattern(pattern), reverseString(value), greedy));
}

import { goQuote, isGoSpace } from '../core/go-strings.ts';
import { err, ok, type Result } from '../core/result.ts';
import { asRunes } from '../core/raw-bytes.ts';
import { isDigit, isHeredocSpace, isLetter, isSpecialParam } from './chars.ts';
import type { LexOptions } from './options.ts';

/**
 * The word splitting of BuildKit's shell lexer (`shell/lex.go`, `ProcessWords`) as the
 * parser uses it to find heredocs: escape token `\`, no variables set and unset ones kept
 * as written (`$X`, `${X:-d}` stay literal). Quotes and escapes can be kept raw.
 *
 * Written as a loop over an explicit stack (no recursion), so `${a:-${a:-…}}` nested a
 * hundred thousand deep costs linear time and no call stack. It reproduces the lexer's
 * quirks that decide what a word is, notably that a nested `${…}` with a modifier clears
 * the word being built (the lexer shares one word buffer between nesting levels).
 *
 * A second walk over the lexer beside expand.ts because it answers a different question:
 * where each word starts and ends in the text, with nothing substituted.
 */
export interface LexedWord {
  readonly value: string;
  /** Indices in the lexed text of the word's first and past-last characters. */
  readonly start: number;
  readonly end: number;
}

export type LexResult = Result<LexedWord[]>;

const EOF = -1;
const BACKSLASH = 0x5c;

/**
 * The kinds of nesting level. Word levels are the lexer's `processStopOn` calls; the
 * three `${…}` kinds say what the level's text becomes once its stop character is met.
 */
const TOP = 0; // the whole text
const MODIFIER = 1; // `${name:-word}` and the other modifiers: reads `word` up to `}`
const PATTERN = 2; // `${name/pattern/…}`: reads `pattern` up to `/`
const REPLACEMENT = 3; // `${name/…/replacement}`: reads `replacement` up to `}`
const DOUBLE = 4; // inside `"…"`

const STOP = [EOF, 0x7d, 0x2f, 0x7d];
const EOF_ERROR = ['', "syntax error: missing '}'", "syntax error: missing '/' in ${}", "syntax error: missing '}'"];

export function lexWords(source: string, options: Pick<LexOptions, 'rawQuotes' | 'rawEscapes'>): LexResult {
  // text/scanner decodes runes: a loose byte reads as U+FFFD (same length, offsets hold).
  const text = asRunes(source);
  // Go's text/scanner, which BuildKit's lexer reads with, skips a BOM as the very first character.
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const peek = (): number => (pos < text.length ? (text.codePointAt(pos) ?? EOF) : EOF);
  const next = (): number => {
    if (pos >= text.length) return EOF;
    const c = text.codePointAt(pos) ?? EOF;
    pos += c > 0xffff ? 2 : 1;
    return c;
  };
  const char = (c: number) => (c === EOF ? '\ufffd' : String.fromCodePoint(c));

  // The top level's word list; `buffer` is the word buffer all levels share.
  const words: LexedWord[] = [];
  let buffer = '';
  let inWord = false;
  let wordStart = 0;
  let wordEnd = 0;
  let itemStart = 0; // where the top-level item being added began
  const addRaw = (s: string) => {
    if (buffer.length === 0 && s.length > 0) wordStart = itemStart;
    buffer += s;
    inWord = true;
    wordEnd = pos;
  };
  const addChar = (c: number) => {
    if (isGoSpace(c)) {
      if (inWord && buffer.length !== 0) {
        words.push({ value: buffer, start: wordStart, end: wordEnd });
        buffer = '';
        inWord = false;
      }
    } else addRaw(char(c));
  };

  // The stack of levels, as parallel arrays: kind, escape mode, text so far, and for `${…}`
  // levels the text that goes before theirs (`${name:-`, `${name/pattern/`).
  const kinds: number[] = [TOP];
  const raws: boolean[] = [options.rawEscapes ?? false];
  const results: string[] = [''];
  const prefixes: string[] = [''];
  const push = (kind: number, raw: boolean, prefix: string) => {
    if (kind !== DOUBLE) buffer = ''; // every `processStopOn` level starts by resetting the shared buffer
    kinds.push(kind);
    raws.push(raw);
    results.push(kind === DOUBLE && options.rawQuotes ? '"' : '');
    prefixes.push(prefix);
  };
  const pop = () => {
    kinds.pop();
    raws.pop();
    results.pop();
    prefixes.pop();
  };

  /** Adds a finished piece to the innermost level; `dollar` says it came from a `$`. */
  const deliver = (value: string, dollar: boolean) => {
    const k = kinds.length - 1;
    results[k] += value;
    if (k === 0) {
      if (dollar) for (const ch of value) addChar(ch.codePointAt(0) ?? 0);
      else addRaw(value);
    }
  };

  const readName = (): string => {
    let name = '';
    for (;;) {
      const c = peek();
      if (c === EOF) break;
      if (name.length === 0 && isDigit(c)) {
        while (peek() !== EOF && isDigit(peek())) name += char(next());
        return name;
      }
      if (name.length === 0 && isSpecialParam(c)) return char(next());
      if (!isLetter(c) && !isDigit(c) && c !== 0x5f) break;
      name += char(next());
    }
    return name;
  };

  /** `processDollar`, the `$` not yet consumed. Returns an error message, or undefined. */
  const dollar = (): string | undefined => {
    next();
    if (peek() !== 0x7b) {
      const name = readName();
      deliver(name === '' ? '$' : '$' + name, true);
      return undefined;
    }
    next();
    const p = peek();
    if (p === EOF) return "syntax error: missing '}'";
    if (p === 0x7b || p === 0x7d || p === 0x3a) return 'syntax error: bad substitution';
    const name = readName();
    let ch = next();
    let chs = char(ch);
    if (ch === 0x7d) {
      deliver('${' + name + '}', true);
      return undefined;
    }
    let nullIsUnset = false;
    if (ch === 0x3a) {
      nullIsUnset = true;
      ch = next();
      chs += char(ch);
    }
    if (nullIsUnset || ch === 0x2b || ch === 0x2d || ch === 0x3f || ch === 0x23 || ch === 0x25) {
      const raw = ch === 0x23 || ch === 0x25;
      if (nullIsUnset && raw) return `unsupported modifier (${chs}) in substitution`;
      push(MODIFIER, raw, '${' + name + chs);
      return undefined;
    }
    if (ch === 0x2f) {
      if (peek() === 0x2f) next();
      push(PATTERN, true, '${' + name + '/');
      return undefined;
    }
    return `unsupported modifier (${chs}) in substitution`;
  };

  const fail = (message: string): LexResult => {
    // Each `${…}` level being left turns an error at the end of the text into its own,
    // so the outermost one decides.
    if (peek() === EOF) {
      for (let k = 1; k < kinds.length; k++) {
        if (kinds[k] !== DOUBLE) {
          message = EOF_ERROR[kinds[k]];
          break;
        }
      }
    }
    return err(`failed to process ${goQuote(text)}: ${message}`);
  };

  for (;;) {
    const k = kinds.length - 1;
    const kind = kinds[k];
    if (kind === DOUBLE) {
      const c = peek();
      if (c === EOF) return fail('unexpected end of statement while looking for matching double-quote');
      if (c === 0x22) {
        next();
        const value = options.rawQuotes ? results[k] + '"' : results[k];
        pop();
        deliver(value, false);
        continue;
      }
      if (c === 0x24) {
        const error = dollar();
        if (error) return fail(error);
        continue;
      }
      let ch = next();
      if (ch === BACKSLASH) {
        if (raws[k]) results[k] += '\\';
        const p = peek();
        if (p === EOF) continue;
        if (p === 0x22 || p === 0x24 || p === BACKSLASH) ch = next();
      }
      results[k] += char(ch);
      continue;
    }

    // A word level.
    const c = peek();
    const stop = STOP[kind];
    if (k === 0) itemStart = pos;
    if (c === EOF) {
      if (stop !== EOF) return fail(`unexpected end of statement while looking for matching ${char(stop)}`);
      break;
    }
    if (c === stop) {
      next();
      const word = results[k];
      const prefix = prefixes[k];
      pop();
      buffer = ''; // the level's own words are taken from the shared buffer
      if (kind === PATTERN) push(REPLACEMENT, true, prefix + word + '/');
      else deliver(prefix + word + '}', true);
      continue;
    }
    if (c === 0x24) {
      const error = dollar();
      if (error) return fail(error);
      continue;
    }
    if (c === 0x3c) {
      next();
      let value = '<';
      if (peek() === 0x3c) {
        next();
        value = '<<';
        while (isHeredocSpace(peek())) value += char(next());
      }
      deliver(value, false);
      continue;
    }
    if (c === 0x27) {
      next();
      const close = text.indexOf("'", pos);
      if (close < 0) {
        pos = text.length;
        return fail('unexpected end of statement while looking for matching single-quote');
      }
      const inner = text.slice(pos, close);
      pos = close + 1;
      deliver(options.rawQuotes ? "'" + inner + "'" : inner, false);
      continue;
    }
    if (c === 0x22) {
      next();
      push(DOUBLE, raws[k], '');
      continue;
    }
    // An ordinary character.
    let ch = next();
    if (ch === BACKSLASH) {
      if (raws[k]) {
        if (k === 0) addRaw('\\');
        results[k] += '\\';
      }
      ch = next();
      if (ch === EOF) {
        if (stop !== EOF) return fail(`unexpected end of statement while looking for matching ${char(stop)}`);
        break;
      }
      if (k === 0) addRaw(char(ch));
    } else if (k === 0) addChar(ch);
    results[k] += char(ch);
  }
  if (buffer.length > 0) words.push({ value: buffer, start: wordStart, end: wordEnd });
  return ok(words);
}

import { goQuote, isGoSpace } from '../core/go-strings.ts';

/**
 * The word splitting of BuildKit's shell lexer (`shell/lex.go`, `ProcessWords`) as the
 * parser uses it to find heredocs: escape token `\`, no variables set and unset ones kept
 * as written (`$X`, `${X:-d}` stay literal). Quotes and escapes can be kept raw.
 *
 * Written as a loop over an explicit stack (no recursion), so `${a:-${a:-…}}` nested a
 * hundred thousand deep costs linear time and no call stack. It reproduces the lexer's
 * quirks that decide what a word is, notably that a nested `${…}` with a modifier clears
 * the word being built (the lexer shares one word buffer between nesting levels).
 */
export interface LexOptions {
  /** Keep quote characters in the words (`RawQuotes`). */
  readonly rawQuotes: boolean;
  /** Keep escape characters in the words (`RawEscapes`). */
  readonly rawEscapes: boolean;
}

export interface LexedWord {
  readonly value: string;
  /** Indices in the lexed text of the word's first and past-last characters. */
  readonly start: number;
  readonly end: number;
}

export type LexResult = { readonly words: LexedWord[] } | { readonly error: string };

const EOF = -1;
const BACKSLASH = 0x5c;

/** A `processStopOn` level: reads until `stop` (EOF for the top level). */
interface WordFrame {
  readonly kind: 'word';
  readonly stop: number;
  readonly rawEscapes: boolean;
  result: string;
  /** What to do with this level's result when `stop` is reached. */
  readonly done: (value: string) => void;
  /** Set for levels opened by `${name<modifier>`: the error to report when the text ends. */
  readonly eofError?: string;
}

/** Inside `"…"`. */
interface QuoteFrame {
  readonly kind: 'double';
  /** The enclosing level's escape mode. */
  readonly rawEscapes: boolean;
  result: string;
  readonly done: (value: string) => void;
}

type Frame = WordFrame | QuoteFrame;

function isSpecialParam(c: number): boolean {
  // @ * # ? - $ ! 0
  return c === 0x40 || c === 0x2a || c === 0x23 || c === 0x3f || c === 0x2d || c === 0x24 || c === 0x21 || c === 0x30;
}

const letter = /^\p{L}$/u;
const digit = /^\p{Nd}$/u;

function isDigit(c: number): boolean {
  if (c < 0x80) return c >= 0x30 && c <= 0x39;
  return digit.test(String.fromCodePoint(c));
}

function isLetter(c: number): boolean {
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return letter.test(String.fromCodePoint(c));
}

/** The lexer's `isWhitespace` (after `<<`): tab, carriage return, space. */
function isHeredocSpace(c: number): boolean {
  return c === 0x09 || c === 0x0d || c === 0x20;
}

export function lexWords(text: string, options: LexOptions): LexResult {
  let pos = 0;
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

  const top: WordFrame = { kind: 'word', stop: EOF, rawEscapes: options.rawEscapes, result: '', done: () => {} };
  const stack: Frame[] = [top];

  /** Opens a nested `processStopOn` level. */
  const openWord = (stop: number, rawEscapes: boolean, eofError: string, done: (v: string) => void) => {
    buffer = ''; // every level starts by resetting the shared word buffer
    stack.push({ kind: 'word', stop, rawEscapes, result: '', done, eofError });
  };

  /** Hands a finished `$…` value to the level that met the `$`. */
  const deliverDollar = (frame: Frame, value: string) => {
    frame.result += value;
    if (frame === top) for (const ch of value) addChar(ch.codePointAt(0) ?? 0);
  };

  /** `processDollar`, the `$` not yet consumed. Returns an error message, or undefined. */
  const dollar = (frame: Frame): string | undefined => {
    next();
    if (peek() !== 0x7b) {
      const name = readName();
      deliverDollar(frame, name === '' ? '$' : '$' + name);
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
      deliverDollar(frame, '${' + name + '}');
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
      openWord(0x7d, raw, "syntax error: missing '}'", (word) => deliverDollar(frame, '${' + name + chs + word + '}'));
      return undefined;
    }
    if (ch === 0x2f) {
      if (peek() === 0x2f) next();
      openWord(0x2f, true, "syntax error: missing '/' in ${}", (pattern) => {
        openWord(0x7d, true, "syntax error: missing '}'", (replacement) =>
          deliverDollar(frame, '${' + name + '/' + pattern + '/' + replacement + '}'),
        );
      });
      return undefined;
    }
    return `unsupported modifier (${chs}) in substitution`;
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

  const fail = (message: string): LexResult => {
    // Each `${…}` level being left turns an error at the end of the text into its own.
    if (peek() === EOF) {
      for (const f of stack) {
        if (f.kind === 'word' && f.eofError) {
          message = f.eofError;
          break;
        }
      }
    }
    return { error: `failed to process ${goQuote(text)}: ${message}` };
  };

  for (;;) {
    const frame = stack[stack.length - 1];
    if (frame.kind === 'double') {
      const c = peek();
      if (c === EOF) return fail('unexpected end of statement while looking for matching double-quote');
      if (c === 0x22) {
        next();
        if (options.rawQuotes) frame.result += '"';
        stack.pop();
        frame.done(frame.result);
        continue;
      }
      if (c === 0x24) {
        const error = dollar(frame);
        if (error) return fail(error);
        continue;
      }
      let ch = next();
      if (ch === BACKSLASH) {
        if (frame.rawEscapes) frame.result += '\\';
        const p = peek();
        if (p === EOF) continue;
        if (p === 0x22 || p === 0x24 || p === BACKSLASH) ch = next();
      }
      frame.result += char(ch);
      continue;
    }

    // A word level.
    const c = peek();
    if (frame === top) itemStart = pos;
    if (c === EOF) {
      if (frame.stop !== EOF) return fail(`unexpected end of statement while looking for matching ${char(frame.stop)}`);
      break;
    }
    if (frame.stop !== EOF && c === frame.stop) {
      next();
      stack.pop();
      buffer = ''; // the level's own words are taken from the shared buffer
      frame.done(frame.result);
      continue;
    }
    if (c === 0x24) {
      const error = dollar(frame);
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
      frame.result += value;
      if (frame === top) addRaw(value);
      continue;
    }
    if (c === 0x27) {
      next();
      let value = options.rawQuotes ? "'" : '';
      const from = pos;
      const close = text.indexOf("'", from);
      if (close < 0) {
        pos = text.length;
        return fail('unexpected end of statement while looking for matching single-quote');
      }
      value += text.slice(from, close);
      pos = close + 1;
      if (options.rawQuotes) value += "'";
      frame.result += value;
      if (frame === top) addRaw(value);
      continue;
    }
    if (c === 0x22) {
      next();
      const owner = frame;
      stack.push({
        kind: 'double',
        rawEscapes: frame.rawEscapes,
        result: options.rawQuotes ? '"' : '',
        done: (value) => {
          owner.result += value;
          if (owner === top) addRaw(value);
        },
      });
      continue;
    }
    // An ordinary character.
    let ch = next();
    if (ch === BACKSLASH) {
      if (frame.rawEscapes) {
        if (frame === top) addRaw('\\');
        frame.result += '\\';
      }
      ch = next();
      if (ch === EOF) {
        if (frame.stop !== EOF) return fail(`unexpected end of statement while looking for matching ${char(frame.stop)}`);
        break;
      }
      if (frame === top) addRaw(char(ch));
    } else if (frame === top) addChar(ch);
    frame.result += char(ch);
  }
  if (buffer.length > 0) words.push({ value: buffer, start: wordStart, end: wordEnd });
  return { words };
}

/**
 * Variable substitution as BuildKit's shell-word lexer does it (`frontend/dockerfile/shell/lex.go`):
 * quotes, the escape token, `$name`, `${name}` and the `${name<op>word}` forms, with BuildKit's
 * error texts. Written from the behaviour described in buildkit-model.md §3.1.
 *
 * Every character is consumed once, so time is linear in the input. Nesting (`${a:-${b:-…}}`)
 * recurses; beyond MAX_DEPTH levels we stop with an error instead of exhausting the stack
 * (a deliberate difference: BuildKit's Go stack would keep going).
 *
 * The other walk over the same lexer, words.ts, finds word positions for the parser; this one
 * substitutes variables. Both share their options (options.ts) and character classes (chars.ts).
 */
import { isGoSpace, unitWidth } from '../core/go-strings.ts';
import { asRunes } from '../core/raw-bytes.ts';
import { isDigit, isHeredocSpace, isLetter, isSpecialParam } from './chars.ts';
import type { Env, LexOptions } from './options.ts';
import { LexError, patternToRegExp, trimPrefix, trimSuffix } from './pattern.ts';

export const MAX_DEPTH = 1000;

export const EOF = '';

class Words {
  readonly words: string[] = [];
  private buf = '';
  private inWord = false;
  addChar(ch: string): void {
    if (isGoSpace(ch.codePointAt(0) ?? 0)) {
      if (this.inWord && this.buf.length > 0) {
        this.words.push(this.buf);
        this.buf = '';
        this.inWord = false;
      }
    } else {
      this.addRawChar(ch);
    }
  }
  addRawChar(ch: string): void {
    this.buf += ch;
    this.inWord = true;
  }
  addString(s: string): void {
    for (const ch of s) this.addChar(ch);
  }
  addRawString(s: string): void {
    this.buf += s;
    this.inWord = true;
  }
  finish(): string[] {
    if (this.buf.length > 0) {
      this.words.push(this.buf);
      this.buf = '';
      this.inWord = false;
    }
    return this.words;
  }
}

export class Lexer {
  /** The word, read by UTF-16 index: every special character is ASCII. */
  private readonly text: string;
  private pos = 0;
  private depth = 0;
  private rawEscapes: boolean;
  /** Names looked up while set and while unset, in first-use order; made on first use (most words have none). */
  matched?: Set<string>;
  unmatched?: Set<string>;
  private readonly escapeToken: string;
  private readonly env: Env;
  private readonly opts: LexOptions;
  /** Word splitting costs time; only EXPOSE (and tests) ask for it. */
  private readonly collectWords: boolean;

  constructor(word: string, env: Env, opts: LexOptions, collectWords: boolean) {
    // text/scanner decodes runes: a loose byte reads as U+FFFD (core/raw-bytes.ts).
    this.text = asRunes(word);
    // Go's text/scanner, which BuildKit's lexer reads with, skips a BOM as the very first character.
    if (word.charCodeAt(0) === 0xfeff) this.pos = 1;
    this.env = env;
    this.opts = opts;
    this.escapeToken = opts.escape ?? '\\';
    this.rawEscapes = opts.rawEscapes ?? false;
    this.collectWords = collectWords;
  }

  private peek(): string {
    return this.pos < this.text.length ? this.text[this.pos] : EOF;
  }

  private next(): string {
    return this.pos < this.text.length ? this.text[this.pos++] : EOF;
  }

  /** A character that ends a run of ordinary text in `processStopOn`. */
  private special(ch: string, stop: string): boolean {
    return (
      ch === '$' ||
      ch === '<' ||
      ch === this.escapeToken ||
      ch === stop ||
      (!this.opts.skipProcessQuotes && (ch === "'" || ch === '"'))
    );
  }

  /** Reads up to `stop` (consumed) or the end; `stop` = EOF reads everything. */
  processStopOn(stop: string, rawEscapes: boolean): { result: string; words: string[] } {
    if (++this.depth > MAX_DEPTH) throw new LexError(DEPTH_ERROR);
    const saved = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    try {
      let result = '';
      const words = this.collectWords ? new Words() : undefined;
      const text = this.text;
      while (this.pos < text.length) {
        const ch = text[this.pos];
        if (stop !== EOF && ch === stop) {
          this.pos++;
          return { result, words: words?.finish() ?? [] };
        }
        if (ch === '$') {
          const tmp = this.processDollar();
          result += tmp;
          words?.addString(tmp);
        } else if (ch === '<') {
          const tmp = this.processPossibleHeredoc();
          result += tmp;
          words?.addRawString(tmp);
        } else if (!this.opts.skipProcessQuotes && ch === "'") {
          const tmp = this.processSingleQuote();
          result += tmp;
          words?.addRawString(tmp);
        } else if (!this.opts.skipProcessQuotes && ch === '"') {
          const tmp = this.processDoubleQuote();
          result += tmp;
          words?.addRawString(tmp);
        } else if (ch === this.escapeToken) {
          this.pos++;
          if (this.rawEscapes) {
            words?.addRawChar(ch);
            result += ch;
          }
          if (this.pos >= text.length) break; // an escape at the very end is dropped
          const escaped = this.nextCodePoint();
          words?.addRawChar(escaped);
          result += escaped;
        } else {
          // A run of ordinary characters.
          let end = this.pos + 1;
          while (end < text.length && !this.special(text[end], stop)) end++;
          const run = text.slice(this.pos, end);
          this.pos = end;
          result += run;
          words?.addString(run);
        }
      }
      if (stop !== EOF) {
        throw new LexError(`unexpected end of statement while looking for matching ${stop}`);
      }
      return { result, words: words?.finish() ?? [] };
    } finally {
      this.rawEscapes = saved;
      this.depth--;
    }
  }

  /** The next character, keeping a surrogate pair together. */
  private nextCodePoint(): string {
    const cp = this.text.codePointAt(this.pos) ?? 0;
    const ch = String.fromCodePoint(cp);
    this.pos += ch.length;
    return ch;
  }

  private processSingleQuote(): string {
    const open = this.next();
    const close = this.text.indexOf("'", this.pos);
    if (close < 0) throw new LexError('unexpected end of statement while looking for matching single-quote');
    const body = this.text.slice(this.pos, close);
    this.pos = close + 1;
    return this.opts.rawQuotes ? open + body + "'" : body;
  }

  private processDoubleQuote(): string {
    let result = '';
    const open = this.next();
    if (this.opts.rawQuotes) result += open;
    const text = this.text;
    for (;;) {
      if (this.pos >= text.length) throw new LexError('unexpected end of statement while looking for matching double-quote');
      const p = text[this.pos];
      if (p === '"') {
        this.pos++;
        if (this.opts.rawQuotes) result += p;
        return result;
      }
      if (p === '$') {
        result += this.processDollar();
        continue;
      }
      if (p === this.escapeToken) {
        this.pos++;
        if (this.rawEscapes) result += p;
        if (this.pos >= text.length) continue; // a trailing escape is dropped
        const n = text[this.pos];
        if (n === '"' || n === '$' || n === this.escapeToken) {
          this.pos++;
          result += n;
        } else result += p;
        continue;
      }
      let end = this.pos + 1;
      while (end < text.length && text[end] !== '"' && text[end] !== '$' && text[end] !== this.escapeToken) end++;
      result += text.slice(this.pos, end);
      this.pos = end;
    }
  }

  private processDollar(): string {
    this.next(); // $
    if (this.peek() !== '{') {
      const name = this.processName();
      if (name === '') return '$';
      const value = this.getEnv(name);
      if (value === undefined && this.opts.skipUnsetEnv) return '$' + name;
      return value ?? '';
    }
    this.next(); // {
    const first = this.peek();
    if (first === EOF) throw new LexError("syntax error: missing '}'");
    if (first === '{' || first === '}' || first === ':') throw new LexError('syntax error: bad substitution');
    const name = this.processName();
    let ch = this.pos < this.text.length ? this.nextCodePoint() : EOF;
    let chs = ch === EOF ? '\uFFFD' : ch;
    if (ch === '}') {
      const value = this.getEnv(name);
      if (value === undefined && this.opts.skipUnsetEnv) return '${' + name + '}';
      return value ?? '';
    }
    if (ch === '/') return this.processReplace(name);
    let nullIsUnset = false;
    if (ch === ':') {
      nullIsUnset = true;
      ch = this.pos < this.text.length ? this.nextCodePoint() : EOF;
      chs += ch === EOF ? '\uFFFD' : ch;
    } else if (!(ch === '+' || ch === '-' || ch === '?' || ch === '#' || ch === '%')) {
      throw new LexError(`unsupported modifier (${chs}) in substitution`);
    }
    const trims = ch === '#' || ch === '%';
    if (nullIsUnset && trims) throw new LexError(`unsupported modifier (${chs}) in substitution`);
    const word = this.nested('}', trims, "syntax error: missing '}'");
    const value = this.getEnv(name);
    if (this.opts.skipUnsetEnv && value === undefined) return '${' + name + chs + word + '}';
    const set = value !== undefined;
    const v = value ?? '';
    switch (ch) {
      case '-':
        return !set || (nullIsUnset && v === '') ? word : v;
      case '+':
        return !set || (nullIsUnset && v === '') ? '' : word;
      case '?':
        if (!set) throw new LexError(`${name}: ${word !== '' ? word : 'is not allowed to be unset'}`);
        if (nullIsUnset && v === '') {
          throw new LexError(`${name}: ${word !== '' ? word : 'is not allowed to be empty'}`);
        }
        return v;
      case '#':
      case '%': {
        let pattern = word;
        let greedy = false;
        if (pattern.length > 0 && pattern[0] === ch) {
          greedy = true;
          pattern = pattern.slice(1);
        }
        return ch === '%' ? trimSuffix(pattern, v, greedy) : trimPrefix(pattern, v, greedy);
      }
      default:
        throw new LexError(`unsupported modifier (${chs}) in substitution`);
    }
  }

  /** A nested word up to `stop`; running out of text becomes `missingError`, as in BuildKit. */
  private nested(stop: string, rawEscapes: boolean, missingError: string): string {
    try {
      return this.processStopOn(stop, rawEscapes).result;
    } catch (error) {
      if (error instanceof LexError && this.pos >= this.text.length && error.message !== DEPTH_ERROR) {
        throw new LexError(missingError);
      }
      throw error;
    }
  }

  private processReplace(name: string): string {
    const all = this.peek() === '/';
    if (all) this.next();
    const pattern = this.nested('/', true, "syntax error: missing '/' in ${}");
    const replacement = this.nested('}', true, "syntax error: missing '}'");
    const value = this.getEnv(name);
    if (this.opts.skipUnsetEnv && value === undefined) return '${' + name + '/' + pattern + '/' + replacement + '}';
    const compiled = patternToRegExp(pattern, true, false, all);
    if (!compiled.ok) throw new LexError(`invalid pattern (${pattern}) in substitution: ${compiled.error}`);
    const re = compiled.value;
    const v = value ?? '';
    if (all) return v.replace(re, () => replacement);
    const m = re.exec(v);
    if (m === null) return v;
    return v.slice(0, m.index) + replacement + v.slice(m.index + m[0].length);
  }

  private processName(): string {
    const text = this.text;
    const start = this.pos;
    if (start >= text.length) return '';
    const first = text[start];
    if (isDigit(text.codePointAt(start) ?? 0)) {
      while (this.pos < text.length) {
        const c = text.codePointAt(this.pos) ?? 0;
        if (!isDigit(c)) break;
        this.pos += unitWidth(c);
      }
      return text.slice(start, this.pos);
    }
    if (isSpecialParam(first.charCodeAt(0))) {
      this.pos++;
      return first;
    }
    while (this.pos < text.length) {
      const c = text[this.pos];
      if (isAsciiNameChar(c)) {
        this.pos++;
        continue;
      }
      if (c.charCodeAt(0) <= 0x7f) break;
      const cp = text.codePointAt(this.pos) ?? 0;
      if (!isLetter(cp) && !isDigit(cp)) break;
      this.pos += unitWidth(cp);
    }
    return text.slice(start, this.pos);
  }

  private processPossibleHeredoc(): string {
    this.next(); // <
    if (this.peek() !== '<') return '<';
    this.next();
    let space = '';
    while (this.pos < this.text.length && isHeredocSpace(this.text.charCodeAt(this.pos))) space += this.next();
    return '<<' + space;
  }

  private getEnv(name: string): string | undefined {
    const value = this.env.get(name);
    if (value !== undefined) (this.matched ??= new Set()).add(name);
    else (this.unmatched ??= new Set()).add(name);
    return value;
  }
}

const DEPTH_ERROR = 'syntax error: substitutions nested too deeply';

/** ASCII letters, digits and `_`: the fast path of `processName`. */
function isAsciiNameChar(ch: string): boolean {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch === '_';
}

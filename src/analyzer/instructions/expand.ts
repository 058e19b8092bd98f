/**
 * Variable substitution as BuildKit's shell-word lexer does it (`frontend/dockerfile/shell/lex.go`):
 * quotes, the escape token, `$name`, `${name}` and the `${name<op>word}` forms, with BuildKit's
 * error texts. Written from the behaviour described in buildkit-model.md §3.1.
 *
 * Every character is consumed once, so time is linear in the input. Nesting (`${a:-${b:-…}}`)
 * recurses; beyond MAX_DEPTH levels we stop with an error instead of exhausting the stack
 * (a deliberate difference: BuildKit's Go stack would keep going).
 */

/** Variables visible to an expansion. Lookups are case-sensitive (Linux). */
export type Env = ReadonlyMap<string, string>;

export interface LexOptions {
  /** The Dockerfile's escape token. */
  readonly escape?: '\\' | '`';
  /** Keep quote characters in the result (step names). */
  readonly rawQuotes?: boolean;
  /** Keep escape tokens in the result. */
  readonly rawEscapes?: boolean;
  /** Quotes are ordinary characters (heredoc bodies). */
  readonly skipProcessQuotes?: boolean;
  /** Leave references to unset variables as written (step names). */
  readonly skipUnsetEnv?: boolean;
}

export interface ExpandResult {
  /** The processed word (the input unchanged when there is an error). */
  readonly value: string;
  /** The result split into words after substitution (for EXPOSE). */
  readonly words: readonly string[];
  /** Names that were looked up and set. */
  readonly matched: readonly string[];
  /** Names that were looked up while unset, in first-use order. */
  readonly unmatched: readonly string[];
  /** BuildKit's error text, already wrapped as `failed to process "<word>": …`. */
  readonly error?: string;
}

export const MAX_DEPTH = 1000;

const EOF = '';

class LexError {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}

class Words {
  readonly words: string[] = [];
  private buf = '';
  private inWord = false;
  addChar(ch: string): void {
    if (isSpace(ch)) {
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

class Lexer {
  private readonly chars: string[];
  private pos = 0;
  private depth = 0;
  private rawEscapes: boolean;
  readonly matched = new Set<string>();
  readonly unmatched = new Set<string>();
  private readonly escapeToken: string;
  private readonly env: Env;
  private readonly opts: LexOptions;

  constructor(word: string, env: Env, opts: LexOptions) {
    this.chars = Array.from(word);
    this.env = env;
    this.opts = opts;
    this.escapeToken = opts.escape ?? '\\';
    this.rawEscapes = opts.rawEscapes ?? false;
  }

  private peek(): string {
    return this.pos < this.chars.length ? this.chars[this.pos] : EOF;
  }

  private next(): string {
    return this.pos < this.chars.length ? this.chars[this.pos++] : EOF;
  }

  /** Reads up to `stop` (consumed) or the end; `stop` = EOF reads everything. */
  processStopOn(stop: string, rawEscapes: boolean): { result: string; words: string[] } {
    if (++this.depth > MAX_DEPTH) throw new LexError('syntax error: substitutions nested too deeply');
    const saved = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    try {
      let result = '';
      const words = new Words();
      while (this.peek() !== EOF) {
        const ch = this.peek();
        if (stop !== EOF && ch === stop) {
          this.next();
          return { result, words: words.finish() };
        }
        if (ch === '$') {
          const tmp = this.processDollar();
          result += tmp;
          words.addString(tmp);
        } else if (ch === '<') {
          const tmp = this.processPossibleHeredoc();
          result += tmp;
          words.addRawString(tmp);
        } else if (!this.opts.skipProcessQuotes && ch === "'") {
          const tmp = this.processSingleQuote();
          result += tmp;
          words.addRawString(tmp);
        } else if (!this.opts.skipProcessQuotes && ch === '"') {
          const tmp = this.processDoubleQuote();
          result += tmp;
          words.addRawString(tmp);
        } else {
          let c = this.next();
          if (c === this.escapeToken) {
            if (this.rawEscapes) {
              words.addRawChar(c);
              result += c;
            }
            c = this.next();
            if (c === EOF) break;
            words.addRawChar(c);
          } else {
            words.addChar(c);
          }
          result += c;
        }
      }
      if (stop !== EOF) {
        throw new LexError(`unexpected end of statement while looking for matching ${stop}`);
      }
      return { result, words: words.finish() };
    } finally {
      this.rawEscapes = saved;
      this.depth--;
    }
  }

  private processSingleQuote(): string {
    let result = '';
    const open = this.next();
    if (this.opts.rawQuotes) result += open;
    for (;;) {
      const ch = this.next();
      if (ch === EOF) throw new LexError('unexpected end of statement while looking for matching single-quote');
      if (ch === "'") {
        if (this.opts.rawQuotes) result += ch;
        return result;
      }
      result += ch;
    }
  }

  private processDoubleQuote(): string {
    let result = '';
    const open = this.next();
    if (this.opts.rawQuotes) result += open;
    for (;;) {
      const p = this.peek();
      if (p === EOF) throw new LexError('unexpected end of statement while looking for matching double-quote');
      if (p === '"') {
        const ch = this.next();
        if (this.opts.rawQuotes) result += ch;
        return result;
      }
      if (p === '$') {
        result += this.processDollar();
        continue;
      }
      let ch = this.next();
      if (ch === this.escapeToken) {
        if (this.rawEscapes) result += ch;
        const n = this.peek();
        if (n === EOF) continue; // a trailing escape is dropped
        if (n === '"' || n === '$' || n === this.escapeToken) ch = this.next();
      }
      result += ch;
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
    let ch = this.next();
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
      ch = this.next();
      chs += ch === EOF ? '\uFFFD' : ch;
    } else if (!(ch === '+' || ch === '-' || ch === '?' || ch === '#' || ch === '%')) {
      throw new LexError(`unsupported modifier (${chs}) in substitution`);
    }
    const trims = ch === '#' || ch === '%';
    if (nullIsUnset && trims) throw new LexError(`unsupported modifier (${chs}) in substitution`);
    let word: string;
    try {
      word = this.processStopOn('}', trims).result;
    } catch (error) {
      if (error instanceof LexError && this.peek() === EOF && !isDepthError(error)) {
        throw new LexError("syntax error: missing '}'");
      }
      throw error;
    }
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

  private processReplace(name: string): string {
    const all = this.peek() === '/';
    if (all) this.next();
    let pattern: string;
    try {
      pattern = this.processStopOn('/', true).result;
    } catch (error) {
      if (error instanceof LexError && this.peek() === EOF && !isDepthError(error)) {
        throw new LexError("syntax error: missing '/' in ${}");
      }
      throw error;
    }
    let replacement: string;
    try {
      replacement = this.processStopOn('}', true).result;
    } catch (error) {
      if (error instanceof LexError && this.peek() === EOF && !isDepthError(error)) {
        throw new LexError("syntax error: missing '}'");
      }
      throw error;
    }
    const value = this.getEnv(name);
    if (this.opts.skipUnsetEnv && value === undefined) return '${' + name + '/' + pattern + '/' + replacement + '}';
    const re = patternToRegExp(pattern, true, false, all);
    if (typeof re === 'string') throw new LexError(`invalid pattern (${pattern}) in substitution: ${re}`);
    const v = value ?? '';
    if (all) return v.replace(re, () => replacement);
    const m = re.exec(v);
    if (m === null) return v;
    return v.slice(0, m.index) + replacement + v.slice(m.index + m[0].length);
  }

  private processName(): string {
    let name = '';
    while (this.peek() !== EOF) {
      const ch = this.peek();
      if (name === '' && isDigit(ch)) {
        while (this.peek() !== EOF && isDigit(this.peek())) name += this.next();
        return name;
      }
      if (name === '' && isSpecialParam(ch)) return this.next();
      if (!isLetter(ch) && !isDigit(ch) && ch !== '_') break;
      name += this.next();
    }
    return name;
  }

  private processPossibleHeredoc(): string {
    this.next(); // <
    if (this.peek() !== '<') return '<';
    this.next();
    let space = '';
    while (this.peek() === '\t' || this.peek() === '\r' || this.peek() === ' ') space += this.next();
    return '<<' + space;
  }

  private getEnv(name: string): string | undefined {
    const value = this.env.get(name);
    if (value !== undefined) this.matched.add(name);
    else this.unmatched.add(name);
    return value;
  }
}

function isDepthError(error: LexError): boolean {
  return error.message === 'syntax error: substitutions nested too deeply';
}

function isSpace(ch: string): boolean {
  return /^\s$/u.test(ch);
}

function isDigit(ch: string): boolean {
  return /^\p{Nd}$/u.test(ch);
}

function isLetter(ch: string): boolean {
  return /^\p{L}$/u.test(ch);
}

function isSpecialParam(ch: string): boolean {
  return '@*#?-$!0'.includes(ch) && ch.length === 1;
}

const REGEX_SPECIAL = '[]{}.+()|^$';

/**
 * A shell pattern (`*`, `?`, backslash escapes of `*?\`, and `\}` `\/` whose backslash is
 * dropped) as a regular expression; a string is BuildKit's error text.
 */
function patternToRegExp(pattern: string, greedy: boolean, anchored: boolean, global = false): RegExp | string {
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
      if (tok === undefined) return "invalid escape '\\%!c(int32=-1)'";
      if (tok !== '*' && tok !== '?' && tok !== '\\') return `invalid escape '\\${tok}'`;
    } else if (REGEX_SPECIAL.includes(tok)) {
      out += '\\';
    }
    out += tok;
  }
  try {
    return new RegExp(out, global ? 'gu' : 'u');
  } catch {
    return `error parsing regexp: invalid pattern \`${out}\``;
  }
}

function trimPrefix(pattern: string, value: string, greedy: boolean): string {
  const re = patternToRegExp(pattern, greedy, true);
  if (typeof re === 'string') throw new LexError(`invalid pattern (${pattern}) in substitution: ${re}`);
  const m = re.exec(value);
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

function trimSuffix(pattern: string, value: string, greedy: boolean): string {
  // The shortest match at the right end is the shortest match at the left of the reversed text.
  return reverseString(trimPrefix(reversePattern(pattern), reverseString(value), greedy));
}

function run(word: string, env: Env, opts: LexOptions): ExpandResult {
  const lexer = new Lexer(word, env, opts);
  try {
    const { result, words } = lexer.processStopOn(EOF, opts.rawEscapes ?? false);
    return { value: result, words, matched: [...lexer.matched], unmatched: [...lexer.unmatched] };
  } catch (error) {
    const message = error instanceof LexError ? error.message : String(error);
    return {
      value: word,
      words: [],
      matched: [...lexer.matched],
      unmatched: [...lexer.unmatched],
      error: `failed to process ${goQuote(word)}: ${message}`,
    };
  }
}

/** Normal processing of an instruction argument: quotes removed, unset variables empty. */
export function expandWord(word: string, env: Env, escape: '\\' | '`' = '\\'): ExpandResult {
  return run(word, env, { escape });
}

/** Step-name processing of a RUN line: only set variables substituted, quotes and the rest kept. */
export function expandKnownOnly(word: string, env: Env, escape: '\\' | '`' = '\\'): ExpandResult {
  return run(word, env, { escape, rawQuotes: true, skipUnsetEnv: true });
}

/** A COPY/ADD heredoc body: `$` forms and `\` only; quotes are ordinary text. */
export function expandHeredoc(body: string, env: Env): ExpandResult {
  return run(body, env, { escape: '\\', skipProcessQuotes: true });
}

/** Any combination of lexer options (tests and special cases). */
export function processWord(word: string, env: Env, options: LexOptions = {}): ExpandResult {
  return run(word, env, options);
}

/** Go's `%q` for a string: double-quoted with Go escapes. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    switch (ch) {
      case '"':
        out += '\\"';
        break;
      case '\\':
        out += '\\\\';
        break;
      case '\n':
        out += '\\n';
        break;
      case '\t':
        out += '\\t';
        break;
      case '\r':
        out += '\\r';
        break;
      case '\x07':
        out += '\\a';
        break;
      case '\b':
        out += '\\b';
        break;
      case '\f':
        out += '\\f';
        break;
      case '\v':
        out += '\\v';
        break;
      default:
        if (cp < 0x20 || cp === 0x7f) out += '\\x' + cp.toString(16).padStart(2, '0');
        else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd';
        else if ((cp >= 0x80 && cp < 0xa0) || cp === 0xfeff || cp === 0xad) {
          out += cp > 0xff ? '\\u' + cp.toString(16).padStart(4, '0') : '\\u' + cp.toString(16).padStart(4, '0');
        } else out += ch;
    }
  }
  return out + '"';
}

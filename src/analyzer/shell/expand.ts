/**
 * Variable substitution in instruction arguments, through BuildKit's shell lexer (lexer.ts):
 * the four ways instructions process a word, and the result every caller reads.
 */
import { goQuote } from '../core/go-strings.ts';
import { EOF, Lexer } from './lexer.ts';
import type { Env, LexOptions } from './options.ts';
import { LexError } from './pattern.ts';

export type { Env, LexOptions } from './options.ts';
export { MAX_DEPTH } from './lexer.ts';

export interface ExpandResult {
  /** The processed word (the input unchanged when there is an error). */
  readonly value: string;
  /** The result split into words after substitution; only from `expandWords`/`processWord`. */
  readonly words: readonly string[];
  /** Names that were looked up and set. */
  readonly matched: readonly string[];
  /** Names that were looked up while unset, in first-use order. */
  readonly unmatched: readonly string[];
  /** BuildKit's error text, already wrapped as `failed to process "<word>": …`. */
  readonly error?: string;
}

const NO_NAMES: readonly string[] = Object.freeze([]);
const names = (set: Set<string> | undefined): readonly string[] => (set ? [...set] : NO_NAMES);

function run(word: string, env: Env, opts: LexOptions, collectWords = false): ExpandResult {
  const lexer = new Lexer(word, env, opts, collectWords);
  try {
    const { result, words } = lexer.processStopOn(EOF, opts.rawEscapes ?? false);
    return { value: result, words, matched: names(lexer.matched), unmatched: names(lexer.unmatched) };
  } catch (error) {
    const message = error instanceof LexError ? error.message : String(error);
    return {
      value: word,
      words: [],
      matched: names(lexer.matched),
      unmatched: names(lexer.unmatched),
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

/** Normal processing, then split into words (EXPOSE): `words` holds the result. */
export function expandWords(word: string, env: Env, escape: '\\' | '`' = '\\'): ExpandResult {
  return run(word, env, { escape }, true);
}

/** Any combination of lexer options, with word splitting (tests and special cases). */
export function processWord(word: string, env: Env, options: LexOptions = {}): ExpandResult {
  return run(word, env, options, true);
}

import { codePointAt, goQuote, isGoSpace, unitWidth } from '../core/go-strings.ts';
import { NOT_STRINGS_ERROR, parseJsonForm } from './json-form.ts';
import { isSplitSpace, type Piece } from './split-command.ts';

/**
 * The argument parser of each instruction (BuildKit's `line_parsers.go`): what becomes of
 * the text after the keyword and flags. Indices are into the logical line.
 */
export interface ParsedArgs {
  readonly args: Piece[];
  readonly json: boolean;
  /** BuildKit's error message when it refuses the arguments. */
  readonly error?: string;
  /** ONBUILD: the trigger, to be parsed as a complete instruction line. */
  readonly trigger?: Piece;
}

type LineParser = (text: string, rest: Piece, escape: number) => ParsedArgs;

const NONE: ParsedArgs = { args: [], json: false };

/** Splits on runs of `[\t\v\f\r ]` (the rest is already trimmed, so no empty words). */
export function splitWhitespace(text: string, rest: Piece): Piece[] {
  const words: Piece[] = [];
  let i = rest.start;
  const to = rest.end;
  while (i < to) {
    while (i < to && isSplitSpace(text.charCodeAt(i))) i++;
    if (i >= to) break;
    const s = i;
    while (i < to && !isSplitSpace(text.charCodeAt(i))) i++;
    words.push({ value: text.slice(s, i), start: s, end: i });
  }
  return words;
}

/**
 * Quote-aware word split (BuildKit's `parseWords`): Go spaces separate words except inside
 * `'…'` or `"…"`; quotes and escape sequences are kept; an escape token at the very end
 * of the text is dropped.
 */
export function parseWords(text: string, rest: Piece, escape: number): Piece[] {
  const words: Piece[] = [];
  const to = rest.end;
  let parts: string[] = [];
  let runStart = -1; // start of the run of characters copied as is
  let wordStart = -1;
  let quote = 0;
  let blankOK = false;
  let inWord = false;
  let inQuote = false;
  const flushRun = (at: number) => {
    if (runStart >= 0 && at > runStart) parts.push(text.slice(runStart, at));
    runStart = -1;
  };
  const finish = (at: number) => {
    flushRun(at);
    const value = parts.length === 1 ? parts[0] : parts.join('');
    if (blankOK || value.length > 0) words.push({ value, start: wordStart, end: at });
    parts = [];
    blankOK = false;
  };
  let i = rest.start;
  let lastEnd = i;
  /**
   * Keeps an escape token and the character after it, whatever it is; a token at the very
   * end of the text is dropped (then true).
   */
  const stepOverEscape = (): boolean => {
    if (i + 1 >= to) {
      flushRun(i);
      i += 1;
      return true;
    }
    i += 1;
    i += unitWidth(codePointAt(text, i));
    lastEnd = i;
    return false;
  };
  while (i < to) {
    const c = text.charCodeAt(i);
    const cp = c < 0x80 ? c : codePointAt(text, i);
    const w = unitWidth(cp);
    if (!inWord && !inQuote) {
      if (isGoSpace(cp)) {
        i += w;
        continue;
      }
      inWord = true;
      wordStart = i;
    }
    if (inWord && !inQuote) {
      if (isGoSpace(cp)) {
        finish(lastEnd);
        inWord = false;
        i += w;
        continue;
      }
      if (runStart < 0) runStart = i;
      if (c === 0x27 || c === 0x22) {
        quote = c;
        blankOK = true;
        inQuote = true;
      } else if (c === escape) {
        stepOverEscape();
        continue;
      }
      i += w;
      lastEnd = i;
      continue;
    }
    // Inside quotes.
    if (runStart < 0) runStart = i;
    if (c === quote) inQuote = false;
    if (c === escape && quote !== 0x27) {
      if (stepOverEscape()) inQuote = false;
      continue;
    }
    i += w;
    lastEnd = i;
  }
  if (inWord || inQuote) finish(lastEnd);
  return words;
}

/** ENV and LABEL: `key=value…` pairs, or the legacy `key value` with the rest as value. */
function nameValue(instruction: string): LineParser {
  return (text, rest, escape) => {
    const words = parseWords(text, rest, escape);
    if (words.length === 0) return NONE;
    if (!words[0].value.includes('=')) {
      let k = rest.start;
      while (k < rest.end && !isSplitSpace(text.charCodeAt(k))) k++;
      const key = { value: text.slice(rest.start, k), start: rest.start, end: k };
      if (k === rest.end) return { args: [key], json: false, error: `${instruction} must have two arguments` };
      let v = k;
      while (v < rest.end && isSplitSpace(text.charCodeAt(v))) v++;
      const value = { value: text.slice(v, rest.end), start: v, end: rest.end };
      return { args: [key, value, { value: '', start: k, end: k }], json: false };
    }
    const args: Piece[] = [];
    for (const word of words) {
      const eq = word.value.indexOf('=');
      if (eq < 0) {
        return {
          args,
          json: false,
          error: `Syntax error - can't find = in ${goQuote(word.value)}. Must be of the form: name=value`,
        };
      }
      // Word characters map one to one onto the text (only a final escape token is dropped).
      const at = word.start + eq;
      args.push(
        { value: word.value.slice(0, eq), start: word.start, end: at },
        { value: word.value.slice(eq + 1), start: at + 1, end: Math.max(at + 1, word.end) },
        { value: '=', start: at, end: at + 1 },
      );
    }
    return { args, json: false };
  };
}

/** ARG: one argument per quote-aware word. */
const nameOrNameValue: LineParser = (text, rest, escape) => ({ args: parseWords(text, rest, escape), json: false });

const whitespaceDelimited: LineParser = (text, rest) => ({ args: splitWhitespace(text, rest), json: false });

const wholeString: LineParser = (_text, rest) => (rest.value === '' ? NONE : { args: [rest], json: false });

function jsonOr(text: string, rest: Piece, fallback: (text: string, rest: Piece) => Piece[]): ParsedArgs {
  let from = rest.start;
  while (from < rest.end) {
    const cp = codePointAt(text, from);
    if (!isGoSpace(cp)) break;
    from += unitWidth(cp);
  }
  const form = parseJsonForm(text, from, rest.end);
  if (form.kind === 'array') return { args: form.elements, json: true };
  if (form.kind === 'not-strings') return { args: [], json: false, error: NOT_STRINGS_ERROR };
  return { args: fallback(text, rest), json: false };
}

/** RUN, CMD, ENTRYPOINT, SHELL: a JSON array, or the raw text as one argument. */
const maybeJson: LineParser = (text, rest) => (rest.value === '' ? NONE : jsonOr(text, rest, (_t, r) => [r]));

/** ADD, COPY, VOLUME: a JSON array, or whitespace-separated words. */
const maybeJsonToList: LineParser = (text, rest) => jsonOr(text, rest, splitWhitespace);

/**
 * BuildKit finds the end of HEALTHCHECK's type byte by byte with `unicode.IsSpace`, so
 * the bytes 0x85 and 0xA0 inside a UTF-8 character also end it; we end the type before
 * such a character.
 */
function isByteSpaceChar(cp: number): boolean {
  if (cp < 0x80) return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d);
  if (cp < 0x800) return (cp & 0x3f) === 0x05 || (cp & 0x3f) === 0x20;
  const b = [(cp >> 6) & 0x3f, cp & 0x3f];
  if (cp >= 0x10000) b.push((cp >> 12) & 0x3f);
  return b.some((x) => x === 0x05 || x === 0x20);
}

/** HEALTHCHECK: the type word, then the rest parsed like CMD. */
const healthConfig: LineParser = (text, rest) => {
  let sep = rest.start;
  while (sep < rest.end) {
    const cp = codePointAt(text, sep);
    if (isByteSpaceChar(cp)) break;
    sep += unitWidth(cp);
  }
  if (sep === rest.start) return NONE;
  let next = sep;
  while (next < rest.end) {
    const cp = codePointAt(text, next);
    if (!isByteSpaceChar(cp)) break;
    next += unitWidth(cp);
  }
  const type: Piece = { value: text.slice(rest.start, sep), start: rest.start, end: sep };
  const cmd = maybeJson(text, { value: text.slice(next, rest.end), start: next, end: rest.end }, 0);
  if (cmd.error) return { args: [type], json: false, error: cmd.error };
  return { args: [type, ...cmd.args], json: cmd.json };
};

const subCommand: LineParser = (_text, rest) => (rest.value === '' ? NONE : { args: [], json: false, trigger: rest });

/** Unknown keywords: the arguments are dropped, leaving one empty argument in the dump. */
const ignore: LineParser = (_text, rest) => ({ args: [{ value: '', start: rest.start, end: rest.start }], json: false });

const parsers: Record<string, LineParser> = {
  add: maybeJsonToList,
  arg: nameOrNameValue,
  cmd: maybeJson,
  copy: maybeJsonToList,
  entrypoint: maybeJson,
  env: nameValue('ENV'),
  expose: whitespaceDelimited,
  from: whitespaceDelimited,
  healthcheck: healthConfig,
  label: nameValue('LABEL'),
  maintainer: wholeString,
  onbuild: subCommand,
  run: maybeJson,
  shell: maybeJson,
  stopsignal: wholeString,
  user: wholeString,
  volume: maybeJsonToList,
  workdir: wholeString,
};

/** Parses the arguments of `command` (the lower-cased keyword). */
export function parseArguments(command: string, text: string, rest: Piece, escape: number): ParsedArgs {
  const parser = Object.hasOwn(parsers, command) ? parsers[command] : ignore;
  return parser(text, rest, escape);
}

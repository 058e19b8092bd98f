import { codePointAt, goQuote, isGoSpace, unitWidth } from '../core/go-strings.ts';
import { NOT_STRINGS_ERROR, parseJsonForm } from './json-form.ts';
import { asRunes, rawBytesText } from '../core/raw-bytes.ts';
import { ByteReader, isByteSpace, isSplitSpace, type Piece } from './split-command.ts';

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
    // BuildKit builds these words rune by rune: a loose byte comes out as U+FFFD.
    const value = asRunes(parts.length === 1 ? parts[0] : parts.join(''));
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
  // encoding/json decodes a loose byte as U+FFFD.
  if (form.kind === 'array') return { args: form.elements.map((e) => ({ ...e, value: asRunes(e.value) })), json: true };
  if (form.kind === 'not-strings') return { args: [], json: false, error: NOT_STRINGS_ERROR };
  return { args: fallback(text, rest), json: false };
}

/** RUN, CMD, ENTRYPOINT, SHELL: a JSON array, or the raw text as one argument. */
const maybeJson: LineParser = (text, rest) => (rest.value === '' ? NONE : jsonOr(text, rest, (_t, r) => [r]));

/** ADD, COPY, VOLUME: a JSON array, or whitespace-separated words. */
const maybeJsonToList: LineParser = (text, rest) => jsonOr(text, rest, splitWhitespace);

/**
 * HEALTHCHECK: the type word, then the rest parsed like CMD. BuildKit finds the end of the
 * type byte by byte with `unicode.IsSpace`, so the bytes 0x85 and 0xA0 inside a UTF-8
 * character end it too: the type keeps the character's earlier bytes, the command starts
 * with its later ones (raw-byte characters, core/raw-bytes.ts).
 */
const healthConfig: LineParser = (text, rest) => {
  const b = new ByteReader(text, rest.start, rest.end);
  let found = false;
  while (b.next()) {
    if (isByteSpace(b.value)) {
      found = true;
      break;
    }
  }
  if (!found) return rest.value === '' ? NONE : { args: [rest], json: false };
  const sepAt = b.charStart;
  if (sepAt === rest.start && b.before().length === 0) return NONE;
  const type: Piece = {
    value: text.slice(rest.start, sepAt) + rawBytesText(b.before()),
    start: rest.start,
    end: b.first ? sepAt : b.charEnd,
  };
  let more = false;
  while (b.next()) {
    if (!isByteSpace(b.value)) {
      more = true;
      break;
    }
  }
  if (!more) return { args: [type], json: false };
  const cut = b.first ? undefined : rawBytesText(b.after());
  const from = b.charStart;
  const cmd = maybeJson(text, { value: text.slice(from, rest.end), start: from, end: rest.end }, 0);
  if (cmd.error) return { args: [type], json: false, error: cmd.error };
  return { args: [type, ...withCut(text, cmd.args, from, cut)], json: cmd.json };
};

/**
 * When the text at `start` is a character cut in the middle, its remaining bytes replace it at
 * the start of the first argument (see `SplitCommand.cut`).
 */
function withCut(text: string, args: Piece[], start: number, cut: string | undefined): Piece[] {
  const first = args[0];
  if (cut === undefined || first === undefined || first.start !== start) return args;
  const char = String.fromCodePoint(codePointAt(text, start));
  if (!first.value.startsWith(char)) return args;
  return [{ ...first, value: cut + first.value.slice(char.length) }, ...args.slice(1)];
}

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
export function parseArguments(command: string, text: string, rest: Piece, escape: number, cut?: string): ParsedArgs {
  const parser = Object.hasOwn(parsers, command) ? parsers[command] : ignore;
  const parsed = parser(text, rest, escape);
  return cut === undefined ? parsed : { ...parsed, args: withCut(text, parsed.args, rest.start, cut) };
}

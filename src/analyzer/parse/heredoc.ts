import { lexWords } from '../shell/words.ts';

/** A heredoc marker found in an instruction line (`<<EOF`, `<<-"EOF"`, `3<<EOF`). */
export interface HeredocMarker {
  readonly name: string;
  readonly expand: boolean;
  readonly chomp: boolean;
  readonly fileDescriptor: number;
  /** Indices of the marker word in the line. */
  readonly start: number;
  readonly end: number;
}

/** Instructions that may own heredocs (ONBUILD may wrap one of them). */
export const HEREDOC_COMMANDS: ReadonlySet<string> = new Set(['add', 'copy', 'run']);

const UINT64_MAX = 2 ** 64; // Go's uint64 max, 2^64 - 1, is 2^64 as a double

function isReSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}

function countQuotes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x27 || c === 0x22) n++;
  }
  return n;
}

/**
 * Reads one word as a heredoc marker: `digits`, `<<`, an optional `-`, optional spaces,
 * then a delimiter without `<`. Undefined when the word is not a marker; a string when
 * BuildKit rejects the delimiter.
 */
export function parseHeredocWord(word: string): Omit<HeredocMarker, 'start' | 'end'> | string | undefined {
  let i = 0;
  while (i < word.length && word.charCodeAt(i) >= 0x30 && word.charCodeAt(i) <= 0x39) i++;
  const digits = word.slice(0, i);
  if (!word.startsWith('<<', i)) return undefined;
  i += 2;
  const chomp = word.charCodeAt(i) === 0x2d;
  if (chomp) i++;
  while (i < word.length && isReSpace(word.charCodeAt(i))) i++;
  const rest = word.slice(i);
  if (rest.length === 0 || rest.includes('<')) return undefined;

  // Lex the delimiter with and without quotes: if they differ, part of it was quoted.
  const plain = lexWords(rest, { rawQuotes: false, rawEscapes: false });
  if (!plain.ok) return plain.error;
  if (plain.value.length !== 1) return undefined;
  const raw = lexWords(rest, { rawQuotes: true, rawEscapes: false });
  if (!raw.ok) return raw.error;
  if (raw.value.length !== plain.value.length) {
    return `internal lexing of heredoc produced inconsistent results: ${rest}`;
  }
  const name = plain.value[0].value;
  const fd = digits === '' ? 0 : Math.min(Number(digits), UINT64_MAX);
  return { name, expand: countQuotes(name) === countQuotes(raw.value[0].value), chomp, fileDescriptor: fd };
}

/**
 * The heredoc markers of an instruction line, in order. The line is split into words by
 * the shell lexer (quotes and escapes kept); a line the lexer cannot split has none.
 */
export function findHeredocs(line: string): { markers: HeredocMarker[]; error?: string } {
  const markers: HeredocMarker[] = [];
  const lexed = lexWords(line, { rawQuotes: true, rawEscapes: true });
  if (!lexed.ok) return { markers };
  for (const word of lexed.value) {
    const marker = parseHeredocWord(word.value);
    if (marker === undefined) continue;
    if (typeof marker === 'string') return { markers, error: marker };
    markers.push({ ...marker, start: word.start, end: word.end });
  }
  return { markers };
}

/** The delimiter line test: exact match after `\r\n` trimming, leading tabs ignored for `<<-`. */
export function isTerminator(line: string, from: number, to: number, name: string, chomp: boolean): boolean {
  let i = from;
  if (chomp) while (i < to && line.charCodeAt(i) === 0x09) i++;
  return to - i === name.length && line.startsWith(name, i);
}

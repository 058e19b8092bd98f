import { skipGoSpace } from '../core/go-strings.ts';

/**
 * Parser directives (`# syntax=…`, `# escape=…`, `# check=…`), read only in the leading
 * section of the file: the section closes for good at the first line that is not a
 * known directive (a blank line, an ordinary comment, an unknown key, an instruction).
 */
export const KNOWN_DIRECTIVES: ReadonlySet<string> = new Set(['syntax', 'escape', 'check']);

export interface DirectiveMatch {
  /** Lower-cased key. */
  readonly name: string;
  readonly value: string;
  /** Indices of the value in the line. */
  readonly valueStart: number;
  readonly valueEnd: number;
}

/** Go's regexp `\s`: ASCII space, tab, newline, form feed, carriage return (not VT). */
function isReSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/**
 * Matches `#`, spaces, `key`, `\s*=\s*`, a non-empty value with trailing `\s` trimmed,
 * in `line[from, to)` (the line already stripped of leading whitespace). Undefined when
 * the line does not have that shape; the key is not checked against the known ones.
 */
export function matchDirective(line: string, from: number, to: number): DirectiveMatch | undefined {
  if (from >= to || line.charCodeAt(from) !== 0x23) return undefined;
  let i = skipGoSpace(line, from + 1, to);
  const keyStart = i;
  if (i >= to || !isAsciiLetter(line.charCodeAt(i))) return undefined;
  i++;
  while (i < to) {
    const c = line.charCodeAt(i);
    if (!isAsciiLetter(c) && !(c >= 0x30 && c <= 0x39)) break;
    i++;
  }
  const keyEnd = i;
  while (i < to && isReSpace(line.charCodeAt(i))) i++;
  if (i >= to || line.charCodeAt(i) !== 0x3d) return undefined;
  i++;
  const afterEquals = i;
  while (i < to && isReSpace(line.charCodeAt(i))) i++;
  let valueStart = i;
  let valueEnd = to;
  while (valueEnd > valueStart && isReSpace(line.charCodeAt(valueEnd - 1))) valueEnd--;
  if (valueEnd === valueStart) {
    // Only spaces after `=`: the lazy value still takes one of them, if there is one.
    if (i === afterEquals) return undefined;
    valueStart = i - 1;
    valueEnd = i;
  }
  return {
    name: line.slice(keyStart, keyEnd).toLowerCase(),
    value: line.slice(valueStart, valueEnd),
    valueStart,
    valueEnd,
  };
}

export function escapeTokenError(value: string): string {
  return `invalid escape token '${value}' does not match \` or \\`;
}

export function duplicateDirectiveError(name: string): string {
  return `only one ${name} parser directive can be used`;
}

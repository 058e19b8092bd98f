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
 * Matches `#` (or another comment prefix), spaces, `key`, `\s*=\s*`, a non-empty value with trailing `\s` trimmed,
 * in `line[from, to)` (the line already stripped of leading whitespace). Undefined when
 * the line does not have that shape; the key is not checked against the known ones.
 */
export function matchDirective(line: string, from: number, to: number, prefix = '#'): DirectiveMatch | undefined {
  if (from >= to || !line.startsWith(prefix, from) || from + prefix.length > to) return undefined;
  let i = skipGoSpace(line, from + prefix.length, to);
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

/**
 * `syntax` and `check` as BuildKit's frontend reads them (`DetectSyntax`, `ParseDirective`),
 * which is not quite how the parser reads `escape`: a first line starting with `#!` is
 * skipped, lines are not left-trimmed (an indented `# check=…` is not honoured), and a
 * repeated key ends the section without an error of its own (the parser reports it).
 * `syntax` may also be written `// syntax=…`. Returns matches with their line index.
 */
export function frontendDirectives(
  source: string,
  lines: { readonly count: number; readonly start: ArrayLike<number>; readonly contentEnd: ArrayLike<number> },
): { match: DirectiveMatch; line: number }[] {
  const first = lines.count > 0 && source.startsWith('#!', lines.start[0]) ? 1 : 0;
  const read = (prefix: string) => {
    const found: { match: DirectiveMatch; line: number }[] = [];
    const seen = new Set<string>();
    for (let i = first; i < lines.count; i++) {
      const match = matchDirective(source, lines.start[i], lines.contentEnd[i], prefix);
      if (!match || !KNOWN_DIRECTIVES.has(match.name) || seen.has(match.name)) break;
      seen.add(match.name);
      found.push({ match, line: i });
    }
    return found;
  };
  const found = read('#').filter((d) => d.match.name !== 'escape');
  if (!found.some((d) => d.match.name === 'syntax')) {
    const syntax = read('//').find((d) => d.match.name === 'syntax');
    if (syntax) found.push(syntax);
  }
  return found;
}

export function escapeTokenError(value: string): string {
  return `invalid escape token '${value}' does not match \` or \\`;
}

export function duplicateDirectiveError(name: string): string {
  return `only one ${name} parser directive can be used`;
}

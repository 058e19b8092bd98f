import type { Span } from '../core/span.ts';
import type { Word } from '../parse/tree.ts';
import type { Flag } from './model.ts';
import { withSuggestion } from '../core/suggest.ts';

/**
 * The flag engine (BuildKit's `bflag.go`): each instruction declares its flags; the parser's
 * raw flag words are validated against them. Names are case-sensitive, values attach with
 * `=`, and the first problem found is the error.
 */

export type FlagKind = 'bool' | 'string' | 'strings';

/** Declared flags by name (without dashes), in declaration order. */
export type FlagSpec = Readonly<Record<string, FlagKind>>;

export interface ParsedFlags {
  /** Every flag word, in the order written (bool values normalised to `true`/`false`). */
  readonly flags: readonly Flag[];
  /** The first error, BuildKit's text without the line prefix. */
  readonly error?: string;
  /** Names of the flags that were given. */
  readonly used: ReadonlySet<string>;
  /** Last value of a string flag, as a word with the value's span. */
  string(name: string): Word | undefined;
  /** Value of a bool flag; undefined when not given. */
  bool(name: string): boolean | undefined;
  /** All values of a repeatable flag, in order. */
  strings(name: string): readonly Word[];
}

export function parseFlags(words: readonly Word[], spec: FlagSpec): ParsedFlags {
  const flags: Flag[] = [];
  const used = new Set<string>();
  const values = new Map<string, Word[]>();
  let error: string | undefined;
  for (const word of words) {
    const text = word.value;
    if (text === '--') break;
    if (!text.startsWith('--')) {
      error = `arg should start with -- : ${text}`;
      break;
    }
    const eq = text.indexOf('=');
    const flagName = eq < 0 ? text : text.slice(0, eq);
    const hasValue = eq >= 0;
    const value = hasValue ? text.slice(eq + 1) : '';
    const name = flagName.slice(2);
    const kind = Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (kind === undefined) {
      error = withSuggestion(`unknown flag: ${flagName}`, name, Object.keys(spec), true);
      break;
    }
    if (used.has(name) && kind !== 'strings') {
      error = `duplicate flag specified: ${flagName}`;
      break;
    }
    used.add(name);
    const valueSpan: Span = hasValue
      ? { start: Math.min(word.span.start + eq + 1, word.span.end), end: word.span.end }
      : word.span;
    let normalised = value;
    if (kind === 'bool') {
      if (hasValue && value === '') {
        error = `missing a value on flag: ${flagName}`;
        break;
      }
      const lower = value.toLowerCase();
      if (lower === 'true' || lower === '') normalised = 'true';
      else if (lower === 'false') normalised = 'false';
      else {
        error = `expecting boolean value for flag ${flagName}, not: ${value}`;
        break;
      }
    } else if (!hasValue) {
      error = `missing a value on flag: ${flagName}`;
      break;
    }
    const list = values.get(name) ?? [];
    list.push({ value: normalised, span: valueSpan });
    values.set(name, list);
    flags.push({ name, value: kind === 'bool' && !hasValue ? undefined : normalised, span: word.span });
  }
  return {
    flags,
    error,
    used,
    string: (name) => values.get(name)?.at(-1),
    bool: (name) => {
      const v = values.get(name)?.at(-1);
      return v === undefined ? undefined : v.value === 'true';
    },
    strings: (name) => values.get(name) ?? [],
  };
}

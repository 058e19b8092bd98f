/**
 * BuildKit's `check` configuration: the `# check=` directive, the build arg
 * `BUILDKIT_DOCKERFILE_CHECK` that replaces it, and per-instruction `# check=` comments
 * (buildkit-model.md §1.2, §7; `linter/linter.go`).
 */
import type { Span } from '../core/span.ts';
import { goQuote } from '../core/go-strings.ts';
import { err, ok, type Result } from '../core/result.ts';

export interface CheckConfig {
  readonly skipAll: boolean;
  readonly skip: ReadonlySet<string>;
  readonly experimentalAll: boolean;
  readonly experimental: ReadonlySet<string>;
  /** `error=true`: BuildKit's checks fail the build. */
  readonly error: boolean;
}

export const DEFAULT_CHECK_CONFIG: CheckConfig = {
  skipAll: false,
  skip: new Set(),
  experimentalAll: false,
  experimental: new Set(),
  error: false,
};

/** Go's `strconv.ParseBool`. */
function parseBool(text: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return undefined;
}

function ruleList(value: string): string[] {
  return value.split(',').map((name) => name.trim());
}

/** `skip=A,B;experimental=all;error=true`: at most three `;` parts, as `strings.SplitN(…, 3)`. */
export function parseCheckOptions(text: string): Result<CheckConfig> {
  const trimmed = text.trim();
  if (trimmed === '') return ok(DEFAULT_CHECK_CONFIG);
  const parts = splitN(trimmed, ';', 3);
  let skipAll = false;
  let experimentalAll = false;
  let error = false;
  let skip: string[] = [];
  let experimental: string[] = [];
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq === -1) return err(`invalid check option ${goQuote(part)}`);
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 'skip') {
      if (value === 'all') skipAll = true;
      else skip = ruleList(value);
    } else if (key === 'experimental') {
      if (value === 'all') experimentalAll = true;
      else experimental = ruleList(value);
    } else if (key === 'error') {
      const parsed = parseBool(value);
      if (parsed === undefined) {
        return err(`failed to parse check option ${goQuote(part)}: strconv.ParseBool: parsing ${goQuote(value)}: invalid syntax`);
      }
      error = parsed;
    } else {
      return err(`invalid check option ${goQuote(key)}`);
    }
  }
  return ok({ skipAll, skip: new Set(skip), experimentalAll, experimental: new Set(experimental), error });
}

function splitN(text: string, separator: string, n: number): string[] {
  const parts = text.split(separator);
  if (parts.length <= n) return parts;
  return [...parts.slice(0, n - 1), parts.slice(n - 1).join(separator)];
}


/** A per-instruction comment adds to the skip and experimental sets; `error=` is not honoured there. */
export function mergeConfig(base: CheckConfig, extra: CheckConfig): CheckConfig {
  return {
    skipAll: base.skipAll || extra.skipAll,
    skip: extra.skip.size ? new Set([...base.skip, ...extra.skip]) : base.skip,
    experimentalAll: base.experimentalAll || extra.experimentalAll,
    experimental: extra.experimental.size ? new Set([...base.experimental, ...extra.experimental]) : base.experimental,
    error: base.error,
  };
}

/** Whether a finding of this rule is reported under the configuration (BuildKit's `Linter.Run`). */
export function isEnabled(config: CheckConfig, name: string, experimental: boolean): boolean {
  if (experimental) return config.experimentalAll || config.experimental.has(name);
  return !(config.skipAll || config.skip.has(name));
}

const DIRECTIVE = /^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const KNOWN_DIRECTIVES = new Set(['syntax', 'escape', 'check']);

/**
 * The `check` options of an instruction's attached comments (text after `#`, trimmed): the
 * first comment shaped like a known directive named `check` counts; a malformed one is ignored.
 */
export function commentCheckConfig(comments: readonly string[]): CheckConfig | undefined {
  for (const comment of comments) {
    const match = DIRECTIVE.exec(comment.replace(/^\s+/, ''));
    if (!match || !KNOWN_DIRECTIVES.has(match[1].toLowerCase()) || match[1].toLowerCase() !== 'check') continue;
    const parsed = parseCheckOptions(match[2].split(' ')[0]);
    return parsed.ok ? parsed.value : undefined;
  }
  return undefined;
}

export interface FileCheckDirective {
  /** The value up to its first space, as BuildKit uses it. */
  readonly value: string;
  /** The directive's line. */
  readonly span: Span;
}

/**
 * Finds the file's `# check=` directive as `parser.ParseDirective("check", …)` does: after an
 * optional BOM and `#!` line, lines that start with `#` (no indentation) and hold a known
 * directive; the first other line, or a repeated directive, ends the search.
 */
export function findCheckDirective(source: string): FileCheckDirective | undefined {
  let offset = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const firstEnd = lineEnd(source, offset);
  if (source.startsWith('#!', offset)) offset = firstEnd + 1;
  const seen = new Set<string>();
  while (offset <= source.length) {
    const end = lineEnd(source, offset);
    let line = source.slice(offset, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (!line.startsWith('#')) return undefined;
    const match = DIRECTIVE.exec(line.slice(1).replace(/^\s+/, ''));
    if (!match) return undefined;
    const key = match[1].toLowerCase();
    if (!KNOWN_DIRECTIVES.has(key) || seen.has(key)) return undefined;
    seen.add(key);
    if (key === 'check') return { value: match[2].split(' ')[0], span: { start: offset, end: offset + line.length } };
    if (end >= source.length) return undefined;
    offset = end + 1;
  }
  return undefined;
}

function lineEnd(source: string, from: number): number {
  const end = source.indexOf('\n', from);
  return end === -1 ? source.length : end;
}

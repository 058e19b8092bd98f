/**
 * `.dockerignore` matching as BuildKit does it (moby/patternmatcher and its `ignorefile`
 * reader), enough for CopyIgnoredFile: patterns, exclusions and `MatchesOrParentMatches`.
 */
import { clean } from './paths.ts';

interface Pattern {
  readonly text: string;
  readonly exclusion: boolean;
  readonly test: (path: string) => boolean;
}

export interface IgnoreMatcher {
  readonly patterns: readonly Pattern[];
  /** Some pattern starts with `!`. */
  readonly exclusions: boolean;
  /** The path or one of its parent directories is ignored. */
  matchesOrParentMatches(path: string): boolean;
}

/** `ignorefile.ReadAll`: comment lines skipped, patterns trimmed and cleaned, leading `/` dropped. */
export function readIgnoreFile(text: string): string[] {
  const patterns: string[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const line of lines) {
    if (line.startsWith('#')) continue;
    let pattern = line.trim();
    if (pattern === '') continue;
    const invert = pattern.startsWith('!');
    if (invert) pattern = pattern.slice(1).trim();
    if (pattern.length > 0) {
      pattern = clean(pattern);
      if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
    }
    patterns.push(invert ? '!' + pattern : pattern);
  }
  return patterns;
}

/** Compiles patterns as `patternmatcher.New`; undefined when one is malformed (BuildKit would fail). */
export function compileIgnore(text: string): IgnoreMatcher | undefined {
  const patterns: Pattern[] = [];
  for (const raw of readIgnoreFile(text)) {
    let text = clean(raw.trim());
    let exclusion = false;
    if (text.startsWith('!')) {
      if (text.length === 1) return undefined;
      exclusion = true;
      text = text.slice(1);
    }
    const test = compilePattern(text);
    if (!test) return undefined;
    patterns.push({ text, exclusion, test });
  }
  return {
    patterns,
    exclusions: patterns.some((pattern) => pattern.exclusion),
    matchesOrParentMatches(path: string): boolean {
      const parent = dirname(path);
      const parentDirs = parent.split('/');
      let matched = false;
      for (const pattern of patterns) {
        if (pattern.exclusion !== matched) continue;
        let match = pattern.test(path);
        if (!match && parent !== '.') {
          for (let i = 0; i < parentDirs.length && !match; i++) match = pattern.test(parentDirs.slice(0, i + 1).join('/'));
        }
        if (match) matched = !pattern.exclusion;
      }
      return matched;
    },
  };
}

/** Go's `filepath.Dir`. */
function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  if (slash === -1) return '.';
  return clean(path.slice(0, slash + 1));
}

const REGEX_SPECIAL = new Set(['.', '+', '(', ')', '|', '{', '}', '$']);

function compilePattern(pattern: string): ((path: string) => boolean) | undefined {
  let regex = '^';
  let type: 'exact' | 'prefix' | 'suffix' | 'regexp' = 'exact';
  const chars = [...pattern];
  for (let i = 0, n = 0; i < chars.length; i++, n++) {
    const ch = chars[i];
    if (ch === '*') {
      if (chars[i + 1] === '*') {
        i++;
        if (chars[i + 1] === '/') i++;
        if (i + 1 >= chars.length) {
          if (type === 'exact') type = 'prefix';
          else {
            regex += '.*';
            type = 'regexp';
          }
        } else {
          regex += '(.*/)?';
          type = 'regexp';
        }
        if (n === 0) type = 'suffix';
      } else {
        regex += '[^/]*';
        type = 'regexp';
      }
    } else if (ch === '?') {
      regex += '[^/]';
      type = 'regexp';
    } else if (REGEX_SPECIAL.has(ch)) {
      regex += '\\' + ch;
    } else if (ch === '\\') {
      if (i + 1 < chars.length) {
        regex += '\\' + chars[++i];
        type = 'regexp';
      } else {
        regex += '\\\\';
      }
    } else if (ch === '[' || ch === ']') {
      regex += ch;
      type = 'regexp';
    } else {
      regex += ch;
    }
  }
  switch (type) {
    case 'exact':
      return (path) => path === pattern;
    case 'prefix': {
      const prefix = pattern.slice(0, -2);
      return (path) => path.startsWith(prefix);
    }
    case 'suffix': {
      const suffix = pattern.slice(2);
      return (path) => path.endsWith(suffix) || (suffix.startsWith('/') && path === suffix.slice(1));
    }
    default: {
      let compiled: RegExp;
      try {
        compiled = new RegExp(regex + '$');
      } catch {
        return undefined;
      }
      return (path) => compiled.test(path);
    }
  }
}

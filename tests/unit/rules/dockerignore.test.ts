/** `.dockerignore` matching as moby/patternmatcher does it (for CopyIgnoredFile). */
import { describe, expect, it } from 'vitest';
import { compileIgnore, readIgnoreFile } from '../../../src/analyzer/core/dockerignore.ts';

describe('readIgnoreFile', () => {
  it('drops comments and blanks, cleans, strips a leading slash', () => {
    expect(readIgnoreFile('\uFEFF# c\n\n  /build/  \n!/keep\n./a/../b\n/\n')).toEqual(['build', '!keep', 'b', '/']);
  });
});

describe('matchesOrParentMatches', () => {
  it.each([
    ['node_modules', 'node_modules', true],
    ['node_modules', 'node_modules/x/y.js', true],
    ['node_modules', 'src/node_modules', false],
    ['**/node_modules', 'src/node_modules/x', true],
    ['**/node_modules', 'node_modules', true],
    ['*.md', 'README.md', true],
    ['*.md', 'docs/README.md', false],
    ['docs/**', 'docs/a/b.md', true],
    ['docs/**/*.md', 'docs/a/b/c.md', true],
    ['docs/**/*.md', 'docs/c.md', true],
    ['?.txt', 'a.txt', true],
    ['?.txt', 'ab.txt', false],
    ['[ab].txt', 'b.txt', true],
    ['a.b', 'axb', false],
    ['.env', '/.env', false],
  ])('%s vs %s', (pattern, path, expected) => {
    expect(compileIgnore(pattern)!.matchesOrParentMatches(path)).toBe(expected);
  });

  it('applies exclusions in order', () => {
    const matcher = compileIgnore('logs\n!logs/keep.log\n')!;
    expect(matcher.exclusions).toBe(true);
    expect(matcher.matchesOrParentMatches('logs/a.log')).toBe(true);
    expect(matcher.matchesOrParentMatches('logs/keep.log')).toBe(false);
  });

  it('rejects a bare !', () => {
    expect(compileIgnore('!\n')).toBeUndefined();
  });
});

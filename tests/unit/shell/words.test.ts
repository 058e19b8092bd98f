import { describe, expect, it } from 'vitest';
import { lexWords } from '../../../src/analyzer/shell/words.ts';

const raw = { rawQuotes: true, rawEscapes: true };
const plain = { rawQuotes: false, rawEscapes: false };
const words = (text: string, options = raw) => {
  const r = lexWords(text, options);
  return r.ok ? r.value.map((w) => w.value) : r.error;
};

describe('shell word splitting for heredoc detection', () => {
  it.each([
    ['RUN <<EOF cat', ['RUN', '<<EOF', 'cat']],
    ['RUN <<  EOF x', ['RUN', '<<  EOF', 'x']],
    ['RUN <<- EOF', ['RUN', '<<-', 'EOF']],
    ['a"b c"d', ['a"b c"d']],
    ["a'b c'd", ["a'b c'd"]],
    ['a\\ b', ['a\\ b']],
    ['$HOME ${X} ${X:-a b}', ['$HOME', '${X}', '${X:-a', 'b}']],
    ['${a/b/c} ${a//b/c}', ['${a/b/c}', '${a/b/c}']],
    ['x$', ['x$']],
    ['\u00a0a\u3000b', ['a', 'b']],
  ])('%j (raw)', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it('clears the word being built when a nested ${…} with a modifier is read', () => {
    // BuildKit's lexer shares one word buffer between nesting levels.
    expect(words('<<EOF${x:-y}')).toEqual(['${x:-y}']);
    expect(words('<<"a${x:-y}"')).toEqual(['"a${x:-y}"']);
    expect(words('<<EOF${x}')).toEqual(['<<EOF${x}']);
  });

  it('removes quotes and escapes when asked', () => {
    expect(words(`'a b'"c\\"d"e\\ f`, plain)).toEqual(['a bc"de f']);
    expect(words(`'a b'"c\\"d"`, { rawQuotes: true, rawEscapes: false })).toEqual([`'a b'"c"d"`]);
    // In double quotes with raw escapes, a backslash before an ordinary character is doubled.
    expect(words('"\\a"', raw)).toEqual(['"\\\\a"']);
  });

  it.each([
    ["'open", "failed to process \"'open\": unexpected end of statement while looking for matching single-quote"],
    ['"open', 'failed to process "\\"open": unexpected end of statement while looking for matching double-quote'],
    ['${', 'failed to process "${": syntax error: missing \'}\''],
    ['${:a}', 'failed to process "${:a}": syntax error: bad substitution'],
    ['${a:#b}', 'failed to process "${a:#b}": unsupported modifier (:#) in substitution'],
    ['${a^}', 'failed to process "${a^}": unsupported modifier (^) in substitution'],
    ['${a:-${b:-c}', 'failed to process "${a:-${b:-c}": syntax error: missing \'}\''],
    ['${a:-"x', 'failed to process "${a:-\\"x": syntax error: missing \'}\''],
    ['${a/b', 'failed to process "${a/b": syntax error: missing \'/\' in ${}'],
    ['${a/b/c', 'failed to process "${a/b/c": syntax error: missing \'}\''],
    ['${a:-${}}', 'failed to process "${a:-${}}": syntax error: bad substitution'],
  ])('%j fails with %j', (text, message) => {
    expect(words(text)).toBe(message);
  });

  it('gives words their indices in the text', () => {
    const r = lexWords('RUN  <<"EOF" x', raw);
    expect(r.ok && r.value.map((w) => [w.start, w.end])).toEqual([
      [0, 3],
      [5, 12],
      [13, 14],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { parseHeredocWord } from '../../../src/analyzer/parse/heredoc.ts';
import { parse } from '../../../src/analyzer/parse/parse.ts';
import { dumpOf, errorsOf, textAt } from './helpers.ts';

const heredocsOf = (source: string) =>
  parse(source).instructions.map((n) => n.heredocs.map(({ name, content, expand, chomp, fileDescriptor }) => ({ name, content, expand, chomp, fileDescriptor })));

describe('heredocs', () => {
  it('reads the body up to the delimiter line and keeps it out of the dump', () => {
    const source = 'FROM a\nRUN <<EOF\necho hi\n# not a comment\n\nEOF\nRUN b\n';
    expect(dumpOf(source)).toBe('(from "a")\n(run "<<EOF")\n(run "b")');
    expect(heredocsOf(source)[1]).toEqual([{ name: 'EOF', content: 'echo hi\n# not a comment\n\n', expand: true, chomp: false, fileDescriptor: 0 }]);
    const run = parse(source).instructions[1];
    expect([run.startLine, run.endLine]).toEqual([2, 6]);
    expect(textAt(source, run.span)).toBe('RUN <<EOF\necho hi\n# not a comment\n\nEOF');
  });

  it.each([
    ['<<-EOF with tabs', 'RUN <<-EOF\n\tx\n\t\tEOF', { name: 'EOF', content: '\tx\n', expand: true, chomp: true, fileDescriptor: 0 }],
    ["<<'EOF'", "RUN <<'EOF'\n$x\nEOF", { name: 'EOF', content: '$x\n', expand: false, chomp: false, fileDescriptor: 0 }],
    ['<<"EOF"', 'RUN <<"EOF"\nEOF', { name: 'EOF', content: '', expand: false, chomp: false, fileDescriptor: 0 }],
    ["<<eo'f'", "RUN <<eo'f'\neof", { name: 'eof', content: '', expand: false, chomp: false, fileDescriptor: 0 }],
    ["<<eo\\'f", "RUN <<eo\\'f\neo'f", { name: "eo'f", content: '', expand: true, chomp: false, fileDescriptor: 0 }],
    ["<<'one two'", "RUN <<'one two'\nx\none two", { name: 'one two', content: 'x\n', expand: false, chomp: false, fileDescriptor: 0 }],
    ['<<$EOF', 'RUN <<$EOF\n$EOF', { name: '$EOF', content: '', expand: true, chomp: false, fileDescriptor: 0 }],
    ['<<  EOF', 'RUN <<  EOF > out\nEOF', { name: 'EOF', content: '', expand: true, chomp: false, fileDescriptor: 0 }],
    ['3<<EOF', 'RUN cat 3<<EOF\nx\nEOF', { name: 'EOF', content: 'x\n', expand: true, chomp: false, fileDescriptor: 3 }],
    ['file.txt', 'COPY <<file.txt /d\nhi\nfile.txt', { name: 'file.txt', content: 'hi\n', expand: true, chomp: false, fileDescriptor: 0 }],
    ['CRLF body', 'RUN <<EOF\r\na\r\nEOF\r\n', { name: 'EOF', content: 'a\r\n', expand: true, chomp: false, fileDescriptor: 0 }],
  ])('%s', (_, source, expected) => {
    expect(heredocsOf(source)[0]).toEqual([expected]);
    expect(errorsOf(source)).toEqual([]);
  });

  it('reads several heredocs per line, one body after the other', () => {
    const source = 'COPY <<X <<Y /dest\nY\nX\nX\nY\n';
    expect(heredocsOf(source)[0].map((h) => [h.name, h.content])).toEqual([
      ['X', 'Y\n'],
      ['Y', 'X\n'],
    ]);
  });

  it('requires the delimiter line to match exactly', () => {
    const source = 'RUN <<EOF\nEOF \n\tEOF\nEOF\n';
    expect(heredocsOf(source)[0][0].content).toBe('EOF \n\tEOF\n');
  });

  it.each([
    ['a word that is not a marker', 'RUN cat<<EOF\nx\nEOF', '(run "cat<<EOF")\n(x "")\n(eof "")'],
    ['<<<', 'RUN cat <<<EOF\nEOF', '(run "cat <<<EOF")\n(eof "")'],
    ['<<- followed by a space', 'RUN <<- EOF\nEOF', '(run "<<- EOF")\n(eof "")'],
    ['a quoted marker', 'RUN "<<EOF"\nEOF', '(run "\\"<<EOF\\"")\n(eof "")'],
    ['an instruction that takes none', 'USER <<EOF\nEOF', '(user "<<EOF")\n(eof "")'],
    ['the JSON form', 'RUN ["<<EOF"]\nEOF', '(run "<<EOF")\n(eof "")'],
    ['a line the shell lexer cannot split', "RUN <<EOF 'open\nEOF", '(run "<<EOF \'open")\n(eof "")'],
    ['a ${ with a modifier after the marker', 'RUN <<EOF${x:-y}\nEOF', '(run "<<EOF${x:-y}")\n(eof "")'],
  ])('not a heredoc: %s', (_, source, expected) => {
    expect(dumpOf(source)).toBe(expected);
    expect(parse(source).instructions[0].heredocs).toEqual([]);
  });

  it('works through ONBUILD', () => {
    const source = 'ONBUILD RUN <<EOF\nmake\nEOF\n';
    const [node] = parse(source).instructions;
    expect(dumpOf(source)).toBe('(onbuild (run "<<EOF"))');
    expect(node.heredocs.map((h) => h.content)).toEqual(['make\n']);
    expect(node.trigger?.heredocs.map((h) => h.name)).toEqual(['EOF']);
  });

  it('reports an unterminated heredoc, keeping the body read', () => {
    const source = 'FROM a\nRUN <<EOF\necho\n';
    const tree = parse(source);
    expect(errorsOf(source)).toEqual(['unterminated heredoc']);
    expect(tree.instructions[1].heredocs[0].content).toBe('echo\n');
    expect(textAt(source, tree.diagnostics[0].span)).toBe('RUN <<EOF\necho\n');
  });

  it('reports the second heredoc of a line unterminated', () => {
    expect(errorsOf('COPY <<A <<B /d\nA\n')).toEqual(['unterminated heredoc']);
  });

  it('gives markers and bodies their spans', () => {
    const source = 'FROM a\nCOPY <<EOF /x\nhello\nEOF\n';
    const [h] = parse(source).instructions[1].heredocs;
    expect(textAt(source, h.span)).toBe('<<EOF');
    expect(textAt(source, h.bodySpan)).toBe('hello\nEOF');
  });
});

describe('heredoc delimiters', () => {
  it.each(['<<EOF', "<<'EOF'", '<<"EOF"', '<<-EOF', "<<-'EOF'", '<<EO"F"', '<< EOF', '<<-\tEOF'])('%s names EOF', (word) => {
    expect(parseHeredocWord(word)).toMatchObject({ name: 'EOF' });
  });
  it.each(['', 'EOF', '<<', '<<-', '<EOF', '<<<EOF', 'a<<EOF', '<<EOF sh'])('%j is not a marker', (word) => {
    expect(parseHeredocWord(word)).toBeUndefined();
  });
  it.each([
    ["<<'EOF", 'failed to process "\'EOF": unexpected end of statement while looking for matching single-quote'],
    ['<<"EOF', 'failed to process "\\"EOF": unexpected end of statement while looking for matching double-quote'],
    ["<<EOF'", 'failed to process "EOF\'": unexpected end of statement while looking for matching single-quote'],
    ['<<${EOF', 'failed to process "${EOF": unsupported modifier (\ufffd) in substitution'],
    ['<<${a:-b', 'failed to process "${a:-b": syntax error: missing \'}\''],
    ['<<${}', 'failed to process "${}": syntax error: bad substitution'],
  ])('%s fails with %j', (word, message) => {
    expect(parseHeredocWord(word)).toBe(message);
  });
});

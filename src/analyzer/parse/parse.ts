import { buildError, type Diagnostic } from '../core/diagnostic.ts';
import { codePointAt, goToLower, goTrimSpace, skipGoSpace, unitWidth } from '../core/go-strings.ts';
import { span, type Span } from '../core/span.ts';
import { duplicateDirectiveError, escapeTokenError, frontendDirectives, KNOWN_DIRECTIVES, matchDirective } from './directives.ts';
import { findHeredocs, HEREDOC_COMMANDS, isTerminator } from './heredoc.ts';
import { parseArguments } from './line-parsers.ts';
import { LogicalLine } from './logical-line.ts';
import { MAX_LINE_BYTES, scanLines, type PhysicalLines } from './scanner.ts';
import { splitCommand, type Piece } from './split-command.ts';
import type { Directive, Heredoc, InstructionNode, SyntaxTree, Word } from './tree.ts';

/**
 * BuildKit's Dockerfile parser (`frontend/dockerfile/parser`), reproduced: text in, the
 * flat list of instructions out, with source spans, BuildKit's warnings, and its errors
 * as diagnostics. It never throws; after an error it carries on, so the tree holds
 * everything that could be read, and the first `BuildError` is the one BuildKit reports.
 */
export function parse(source: string): SyntaxTree {
  try {
    return new Parser(source).run();
  } catch (error) {
    // A bug, never the input's fault: still no exception for the caller.
    const message = `internal parser error: ${error instanceof Error ? error.message : String(error)}`;
    return { source, directives: [], escape: '\\', instructions: [], diagnostics: [buildError(message, span(0, 0))] };
  }
}

const BACKSLASH = 0x5c;
const BACKTICK = 0x60;

const NO_WORDS: readonly Word[] = Object.freeze([]);
const NO_HEREDOCS: readonly Heredoc[] = Object.freeze([]);
const NO_COMMENTS: readonly string[] = Object.freeze([]);

/** Mutable while being built; handed out as the readonly `InstructionNode`. */
type Draft = { -readonly [K in keyof InstructionNode]: InstructionNode[K] };

class Parser {
  private readonly source: string;
  private readonly lines: PhysicalLines;
  private readonly diagnostics: Diagnostic[] = [];
  private readonly directives: Directive[] = [];
  private readonly instructions: InstructionNode[] = [];
  private escape = BACKSLASH;
  /** The next physical line to read. */
  private at = 0;
  private readonly line = new LogicalLine();
  /** Set by `trimContinuation`: the line just trimmed continues on the next one. */
  private continues = false;
  /** Still in the leading section where parser directives are read. */
  private directiveSection = true;
  private readonly seenDirectives = new Set<string>();
  /** Comment lines waiting for the next instruction (BuildKit's `PrevComment`). */
  private comments: string[] = [];

  constructor(source: string) {
    this.source = source;
    this.lines = scanLines(source);
  }

  run(): SyntaxTree {
    const { source, lines } = this;
    if (source.length === 0) {
      this.diagnostics.push(buildError('the Dockerfile cannot be empty', span(0, 0)));
      return this.tree();
    }
    while (this.at < lines.count) {
      const index = this.at++;
      const start = lines.start[index];
      const end = lines.contentEnd[index];
      const first = skipGoSpace(source, start, end);
      const isComment = first < end && source.charCodeAt(first) === 0x23;
      if (isComment) this.comment(start, end);
      if (this.directiveSection && this.directive(first, start, end)) this.comments.pop();
      if (isComment) continue;

      const textEnd = this.trimContinuation(first, end);
      if (!this.continues && textEnd === first) continue; // a blank line
      const line = this.line.reset(first);
      line.append(source, first, textEnd);
      const { last, emptyContinuation } = this.joinContinuation(line);
      this.addInstruction(line, index, last, emptyContinuation);
    }

    for (const { match, line } of frontendDirectives(source, lines)) {
      this.directives.push({ name: match.name, value: match.value, span: span(lines.start[line], lines.contentEnd[line]) });
    }
    this.directives.sort((a, b) => a.span.start - b.span.start);

    if (this.instructions.length === 0) {
      const lastLine = lines.count - 1;
      const at = lastLine >= 0 ? span(lines.start[lastLine], lines.contentEnd[lastLine]) : span(0, 0);
      this.diagnostics.push(buildError('file with no instructions', at));
    } else if (lines.tooLong >= 0) {
      const from = lines.stoppedAt;
      const nl = source.indexOf('\n', from);
      this.diagnostics.push(
        buildError(`dockerfile line greater than max allowed size of ${MAX_LINE_BYTES}`, span(from, nl < 0 ? source.length : nl)),
      );
    }
    return this.tree();
  }

  /**
   * Collects a comment line for the next instruction. BuildKit drops the line's first byte,
   * not its first non-space (`  # a` gives `# a`); a bare `#` clears the collection.
   */
  private comment(start: number, end: number): void {
    const text = goTrimSpace(this.source.slice(start + unitWidth(codePointAt(this.source, start)), end));
    if (text === '') this.comments = [];
    else this.comments.push(text);
  }

  /**
   * Reads a line of the leading directive section; the section ends at the first line that
   * is not a known directive. True when the line was a valid directive.
   */
  private directive(first: number, start: number, end: number): boolean {
    const match = matchDirective(this.source, first, end);
    if (!match || !KNOWN_DIRECTIVES.has(match.name)) {
      this.directiveSection = false;
      return false;
    }
    if (this.seenDirectives.has(match.name)) {
      this.diagnostics.push(buildError(duplicateDirectiveError(match.name), span(start, end)));
      this.directiveSection = false;
      return false;
    }
    this.seenDirectives.add(match.name);
    // The parser acts only on `escape`; `syntax` and `check` follow the frontend's rules (see run).
    if (match.name !== 'escape') return true;
    this.directives.push({ name: match.name, value: match.value, span: span(start, end) });
    if (match.value === '`' || match.value === '\\') {
      this.escape = match.value.charCodeAt(0);
      return true;
    }
    this.diagnostics.push(buildError(escapeTokenError(match.value), span(start, end)));
    return false;
  }

  /**
   * Appends the continuation lines of the instruction in `line`: comment lines are dropped,
   * blank ones dropped and remembered (NoEmptyContinuation, reported on the last line).
   */
  private joinContinuation(line: LogicalLine): { last: number; emptyContinuation: boolean } {
    const { source, lines } = this;
    let last = this.at - 1;
    let emptyContinuation = false;
    while (this.continues && this.at < lines.count) {
      last = this.at++;
      const s = lines.start[last];
      const e = lines.contentEnd[last];
      const f = skipGoSpace(source, s, e);
      if (f < e && source.charCodeAt(f) === 0x23) continue;
      if (f === e) {
        emptyContinuation = true;
        continue;
      }
      line.append(source, s, this.trimContinuation(s, e));
    }
    line.finish();
    if (emptyContinuation) {
      this.diagnostics.push({
        rule: 'NoEmptyContinuation',
        severity: 'warning',
        message: 'Empty continuation line',
        span: span(lines.start[last], lines.contentEnd[last]),
      });
    }
    return { last, emptyContinuation };
  }

  /** Builds the instruction of the joined `line` (physical lines `index` to `last`) and its heredocs. */
  private addInstruction(line: LogicalLine, index: number, last: number, emptyContinuation: boolean): void {
    const lines = this.lines;
    const lineSpan = span(lines.start[index], lines.contentEnd[last]);
    const { node, error } = this.instruction(line, index + 1, last + 1, emptyContinuation);
    if (error) this.diagnostics.push(buildError(error, lineSpan));
    const owner = node.command === 'onbuild' && node.trigger ? (node.trigger as Draft) : node;
    if (HEREDOC_COMMANDS.has(owner.command) && !owner.json && line.text.includes('<<')) {
      last = this.readHeredocs(node, line, lineSpan, last);
      owner.heredocs = node.heredocs;
    }
    this.finishSpans(node, last);
    this.instructions.push(node);
  }

  private tree(): SyntaxTree {
    return {
      source: this.source,
      directives: this.directives,
      escape: this.escape === BACKTICK ? '`' : '\\',
      instructions: this.instructions,
      diagnostics: this.diagnostics,
    };
  }

  /**
   * A line continues when its last non-space/tab character is the escape token and that
   * token is not itself escaped (or is the first character). The token and the spaces
   * after it are cut off. Returns where the text ends and sets `continues`.
   */
  private trimContinuation(from: number, to: number): number {
    const { source } = this;
    let k = to;
    while (k > from) {
      const c = source.charCodeAt(k - 1);
      if (c !== 0x20 && c !== 0x09) break;
      k--;
    }
    if (k > from && source.charCodeAt(k - 1) === this.escape) {
      const at = k - 1;
      if (at === from || source.charCodeAt(at - 1) !== this.escape) {
        this.continues = true;
        return at;
      }
    }
    this.continues = false;
    return to;
  }

  /**
   * One instruction from `line.text`, ONBUILD triggers included. Built as a loop, not by
   * recursion, so `ONBUILD ONBUILD …` of any depth is safe.
   */
  private instruction(line: LogicalLine, startLine: number, endLine: number, emptyContinuation: boolean): { node: Draft; error?: string } {
    const text = line.text;
    // The collected comments go to this instruction, and the collection starts afresh.
    const comments = this.comments.length > 0 ? this.comments : NO_COMMENTS;
    if (this.comments.length > 0) this.comments = [];
    const chain: Draft[] = [];
    let error: string | undefined;
    let piece: Piece | undefined = { value: text, start: 0, end: text.length };
    while (piece) {
      const split = splitCommand(text, piece.start, piece.end, this.escape);
      const command = goToLower(split.keyword.value);
      const parsed = parseArguments(command, text, split.rest, this.escape, split.cut);
      error ??= parsed.error;
      const words = (pieces: Piece[]): readonly Word[] =>
        pieces.length === 0 ? NO_WORDS : pieces.map((p) => ({ value: p.value, span: line.span(p.start, p.end) }));
      chain.push({
        keyword: split.keyword.value,
        command,
        keywordSpan: line.span(split.keyword.start, split.keyword.end),
        flags: words(split.flags),
        args: words(parsed.args),
        json: parsed.json,
        original: chain.length === 0 ? text : piece.value,
        heredocs: NO_HEREDOCS,
        comments: chain.length === 0 ? comments : NO_COMMENTS,
        trigger: undefined,
        startLine,
        endLine,
        span: line.span(split.keyword.start, split.keyword.start),
        emptyContinuation,
      });
      piece = parsed.trigger;
    }
    for (let k = chain.length - 2; k >= 0; k--) chain[k].trigger = chain[k + 1];
    return { node: chain[0], error };
  }

  /** Reads the bodies of the heredocs in `line`, returns the last physical line used. */
  private readHeredocs(node: Draft, line: LogicalLine, lineSpan: Span, last: number): number {
    const { source, lines } = this;
    const found = findHeredocs(line.text);
    if (found.error) this.diagnostics.push(buildError(found.error, lineSpan));
    const heredocs: Heredoc[] = [];
    for (const marker of found.markers) {
      const bodyStart = lines.next[last];
      let terminated = false;
      let bodyEnd = bodyStart;
      let spanEnd = bodyStart;
      while (this.at < lines.count) {
        last = this.at++;
        const s = lines.start[last];
        const e = lines.contentEnd[last];
        if (isTerminator(source, s, e, marker.name, marker.chomp)) {
          terminated = true;
          bodyEnd = s;
          spanEnd = e;
          break;
        }
        bodyEnd = spanEnd = lines.next[last];
      }
      heredocs.push({
        name: marker.name,
        expand: marker.expand,
        chomp: marker.chomp,
        fileDescriptor: marker.fileDescriptor,
        content: source.slice(bodyStart, bodyEnd),
        span: line.span(marker.start, marker.end),
        bodySpan: span(bodyStart, spanEnd),
      });
      if (!terminated) {
        this.diagnostics.push(buildError('unterminated heredoc', span(lineSpan.start, spanEnd)));
        break;
      }
    }
    node.heredocs = heredocs;
    node.endLine = last + 1;
    return last;
  }

  /** Instruction spans run from the keyword to the end of the last physical line. */
  private finishSpans(node: Draft, last: number): void {
    const end = this.lines.contentEnd[last];
    for (let n: Draft | undefined = node; n; n = n.trigger as Draft | undefined) {
      n.span = span(n.keywordSpan.start, Math.max(end, n.keywordSpan.start));
      n.endLine = last + 1;
    }
  }
}

import type { Diagnostic } from '../core/diagnostic.ts';
import type { Span } from '../core/span.ts';

/**
 * The syntax tree: BuildKit's parser output (`parser.Node`), with source spans.
 * Owned by `parse/`. Later stages read it and never change it.
 */

/** One argument as BuildKit's parser records it (a `Node.Next` value). */
export interface Word {
  /** The value exactly as BuildKit's parser stores it (quotes kept where BuildKit keeps them). */
  readonly value: string;
  /** Where it came from; for words joined across continuation lines, from its first to its last character. */
  readonly span: Span;
}

export interface Heredoc {
  /** Delimiter with quotes removed (`<<"EOF"` → `EOF`). */
  readonly name: string;
  /** False when any part of the delimiter was quoted: the body is not variable-expanded. */
  readonly expand: boolean;
  /** `<<-`: leading tabs are stripped from each body line when the content is used. */
  readonly chomp: boolean;
  /** `3<<EOF` records 3; 0 when no digits were written. */
  readonly fileDescriptor: number;
  /** The raw body, each line with its newline, terminator excluded. */
  readonly content: string;
  /** The marker in the instruction line. */
  readonly span: Span;
  /** The body lines plus the terminator line. */
  readonly bodySpan: Span;
}

/**
 * A parser directive BuildKit acts on. `escape` as the parser reads it (leading lines,
 * indentation allowed); `syntax` and `check` as the frontend reads them (`DetectSyntax`,
 * `ParseDirective`: a `#!` first line skipped, no indentation, `// syntax=` accepted).
 */
export interface Directive {
  /** Lower-cased key: `syntax`, `escape` or `check`. */
  readonly name: string;
  readonly value: string;
  readonly span: Span;
}

export interface InstructionNode {
  /** The keyword as written (`COPY`, `copy`, `Copy`). */
  readonly keyword: string;
  /** The keyword lower-cased: what the instruction layer dispatches on. */
  readonly command: string;
  readonly keywordSpan: Span;
  /** Flag words after quote removal, as BuildKit stores them: `--from=build`, `--link`. */
  readonly flags: readonly Word[];
  /**
   * Arguments as in BuildKit's AST dump: one word per whitespace-separated word for
   * COPY/ADD/VOLUME/FROM/EXPOSE, the raw text for shell-form RUN/CMD/ENTRYPOINT, decoded
   * elements for the JSON form, key/value/separator triples for ENV and LABEL, etc. An
   * unknown keyword has one empty argument (BuildKit drops its text); ONBUILD has none
   * (see `trigger`).
   */
  readonly args: readonly Word[];
  /** The arguments were a valid JSON array of strings (exec form). */
  readonly json: boolean;
  /** The instruction with continuations joined, as BuildKit's `Node.Original`. */
  readonly original: string;
  /** In order of their markers. For ONBUILD, the same list is on the node and on its trigger. */
  readonly heredocs: readonly Heredoc[];
  /** Comment lines attached to the instruction (BuildKit's `PrevComment`), text after `#`, trimmed. */
  readonly comments: readonly string[];
  /** For ONBUILD: the trigger instruction, parsed as a complete line. */
  readonly trigger?: InstructionNode;
  /** 1-based first and last physical line, continuation lines and heredoc bodies included. */
  readonly startLine: number;
  readonly endLine: number;
  /** From the keyword to the end of the last physical line (heredoc terminators included). */
  readonly span: Span;
  /** An empty or whitespace-only line sat inside a continuation (NoEmptyContinuation). */
  readonly emptyContinuation: boolean;
}

export interface SyntaxTree {
  readonly source: string;
  readonly directives: readonly Directive[];
  /** The effective escape token. */
  readonly escape: '\\' | '`';
  readonly instructions: readonly InstructionNode[];
  /**
   * Parser errors (rule `BuildError`, BuildKit's message without any prefix, e.g.
   * `unterminated heredoc`) and parser warnings (`NoEmptyContinuation`). When there is an
   * error, `instructions` still holds everything that could be read.
   */
  readonly diagnostics: readonly Diagnostic[];
}

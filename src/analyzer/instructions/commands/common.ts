import { err, type Result } from '../../core/result.ts';
import type { InstructionNode, Word } from '../../parse/tree.ts';
import type { Command } from '../model.ts';

/**
 * Why a command cannot be converted: BuildKit's text (no line prefix), and for a FROM with a
 * bad flag the command anyway (marked invalid), so that its stage still exists.
 */
export interface ConvertError {
  readonly message: string;
  readonly partial?: Command;
}

/** What a converter returns: the typed command, or why there is none. */
export type Converted = Result<Command, ConvertError>;

export type Converter = (node: InstructionNode) => Converted;

export function ok(command: Command): Converted {
  return { ok: true, value: command };
}

export function fail(message: string, partial?: Command): Converted {
  return err({ message, ...(partial !== undefined ? { partial } : {}) });
}

export function errAtLeastOneArgument(command: string): string {
  return `${command} requires at least one argument`;
}

export function errExactlyOneArgument(command: string): string {
  return `${command} requires exactly one argument`;
}

export function errNoDestinationArgument(command: string): string {
  return `${command} requires at least two arguments, but only one was provided. Destination could not be determined`;
}

export function errBlankNames(command: string): string {
  return `${command} names can not be blank`;
}

/** A part of a word: `[from, to)` of its value, with a span estimated from the word's start. */
export function subWord(word: Word, from: number, to = word.value.length): Word {
  const start = Math.min(word.span.start + from, word.span.end);
  const end = Math.max(start, Math.min(word.span.start + to, word.span.end));
  return { value: word.value.slice(from, to), span: { start, end } };
}


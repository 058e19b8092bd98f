/**
 * Step names as BuildKit's progress output shows them after the `[stage i/N] ` prefix (§5.3).
 */
import type { Command } from './model.ts';
import { expandKnownOnly, expandWord, type Env } from '../shell/expand.ts';

/** Upper-cases the text before the first space. */
export function uppercaseCommand(text: string): string {
  const space = text.indexOf(' ');
  return space < 0 ? text.toUpperCase() : text.slice(0, space).toUpperCase() + text.slice(space);
}

/** First line of a heredoc body, with `...` when there are more. */
export function summarizeHeredoc(doc: string): string {
  const lines = doc.trim().replaceAll('\r\n', '\n').split('\n');
  return lines.length > 1 ? `${lines[0]}...` : lines[0];
}

/**
 * RUN: known variables only, quotes kept, heredoc summary appended; COPY/ADD/WORKDIR: normal
 * processing; anything else: the text with its keyword upper-cased. A text the lexer cannot
 * process is shown as written.
 */
export function stepText(command: Command, env: Env, escape: '\\' | '`', singleHeredocBody?: string): string {
  let text = command.node.original.trim();
  switch (command.kind) {
    case 'run': {
      if (singleHeredocBody !== undefined) text += ` (${summarizeHeredoc(singleHeredocBody)})`;
      const r = expandKnownOnly(text, env, escape);
      return uppercaseCommand(r.error === undefined ? r.value : text);
    }
    case 'copy':
    case 'add':
    case 'workdir': {
      const r = expandWord(text, env, escape);
      return uppercaseCommand(r.error === undefined ? r.value : text);
    }
    default:
      return uppercaseCommand(text);
  }
}

import { processWord } from '../../shell/expand.ts';

/** A `<<EOF`-style word as BuildKit's `ParseHeredoc` reads it. */
export interface HeredocWord {
  readonly name: string;
  readonly expand: boolean;
  readonly chomp: boolean;
}

const HEREDOC = /^(\d*)<<(-?)[\t\n\f\r ]*([^<]*)$/;
const NO_ENV: ReadonlyMap<string, string> = new Map();

/** The heredoc a word introduces, or undefined when it is not one (or cannot be read). */
export function heredocWord(src: string): HeredocWord | undefined {
  const m = HEREDOC.exec(src);
  if (m === null || m[3].length === 0) return undefined;
  const plain = processWord(m[3], NO_ENV, { skipUnsetEnv: true });
  if (plain.error !== undefined || plain.words.length !== 1) return undefined;
  const raw = processWord(m[3], NO_ENV, { skipUnsetEnv: true, rawQuotes: true });
  if (raw.error !== undefined || raw.words.length !== 1) return undefined;
  const quotes = (s: string) => s.split('').filter((c) => c === "'" || c === '"').length;
  return { name: plain.words[0], expand: quotes(plain.words[0]) === quotes(raw.words[0]), chomp: m[2] === '-' };
}

/** `<<-` bodies lose their leading tabs on every line. */
export function chompHeredoc(content: string): string {
  return content.replace(/^\t+/gm, '');
}

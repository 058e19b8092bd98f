/** Heredoc markers in lowering: `<<EOF` words of COPY sources and single-heredoc RUNs. */

export const HEREDOC_MARKER = /^(\d*)<<(-?)\s*([^<]*)$/;

/** `MustParseHeredoc` on a RUN command: the whole command is one `<<WORD` marker. */
export function isSingleHeredoc(text: string): boolean {
  const m = HEREDOC_MARKER.exec(text);
  if (!m || m[3].length === 0) return false;
  let words = 0;
  let inWord = false;
  let quote = '';
  const rest = m[3];
  for (let i = 0; i < rest.length; i++) {
    const ch = rest[i];
    if (quote) {
      if (ch === quote) quote = '';
      else if (ch === '\\' && quote === '"') i++;
      continue;
    }
    if (/\s/.test(ch)) {
      inWord = false;
      continue;
    }
    if (!inWord) {
      words++;
      inWord = true;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '\\') i++;
  }
  return words === 1;
}

/**
 * The other half of a `compare="link"` pair: the same Dockerfile with `--link` added to every
 * COPY and ADD when it has none, or removed everywhere when it has some. Works line by line on
 * the instruction keyword, so comments, heredoc bodies and continuation lines are left alone.
 */
const INSTRUCTION = /^(\s*)(COPY|ADD)(?=\s)/i;
const LINK_FLAG = /\s--link(?:=(?:true|false))?(?=\s)/gi;

export function hasLink(code: string): boolean {
  return code.split('\n').some((line) => INSTRUCTION.test(line) && /\s--link(?:=true)?(?=\s)/i.test(line + ' '));
}

export function linkVariant(code: string): string {
  const add = !hasLink(code);
  let inHeredoc: string | undefined;
  return code
    .split('\n')
    .map((line) => {
      if (inHeredoc !== undefined) {
        if (line.trim() === inHeredoc) inHeredoc = undefined;
        return line;
      }
      const m = INSTRUCTION.exec(line);
      if (!m) return line;
      const heredoc = /<<-?["']?([A-Za-z_][A-Za-z0-9_]*)/.exec(line);
      if (heredoc) inHeredoc = heredoc[1];
      if (add) return line.replace(INSTRUCTION, (all) => `${all} --link`);
      return (line + ' ').replace(LINK_FLAG, '').replace(/ $/, '');
    })
    .join('\n');
}

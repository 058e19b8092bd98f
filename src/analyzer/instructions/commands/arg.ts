import type { InstructionNode } from '../../parse/tree.ts';
import type { ArgDeclaration } from '../model.ts';
import { errAtLeastOneArgument, errBlankNames, fail, ok, subWord, type Converted } from './common.ts';

/** `ARG name[=default]…`: flags are not validated at all (silently dropped), as in BuildKit. */
export function convertArg(node: InstructionNode): Converted {
  if (node.args.length === 0) return fail(errAtLeastOneArgument('ARG'));
  const args: ArgDeclaration[] = [];
  for (const word of node.args) {
    const eq = word.value.indexOf('=');
    if (eq < 0) {
      args.push({ name: word });
      continue;
    }
    if (eq === 0) return fail(errBlankNames('ARG'));
    args.push({ name: subWord(word, 0, eq), defaultValue: subWord(word, eq + 1) });
  }
  return ok({ kind: 'arg', node, flags: [], args });
}

import { goQuote, goToLower, goTrimSpace } from '../core/go-strings.ts';
import type { InstructionNode, SyntaxTree } from './tree.ts';

/**
 * BuildKit's `Node.Dump()` of the whole tree: the format of its parser test files
 * (`testfiles/<case>/result`, which hold this text plus a final newline). One line per
 * instruction, `(keyword ["flag" …] "arg" …)`, the keyword lower-cased, values quoted
 * as Go's `strconv.Quote` does, an ONBUILD trigger nested in parentheses.
 */
export function dump(tree: SyntaxTree): string {
  let out = '';
  for (const node of tree.instructions) out += '(' + dumpInstruction(node) + ')\n';
  return goTrimSpace(out);
}

/** One instruction without the outer parentheses. A loop, so deep ONBUILD chains are safe. */
export function dumpInstruction(node: InstructionNode): string {
  const chain: InstructionNode[] = [];
  for (let n: InstructionNode | undefined = node; n; n = n.trigger) chain.push(n);
  let inner = '';
  for (let k = chain.length - 1; k >= 0; k--) {
    const n = chain[k];
    let s = goToLower(n.keyword);
    if (n.flags.length > 0) s += ' [' + n.flags.map((f) => goQuote(f.value)).join(' ') + ']';
    if (k < chain.length - 1) s += ' (' + inner + ')';
    else for (const arg of n.args) s += ' ' + goQuote(arg.value);
    inner = goTrimSpace(s);
  }
  return inner;
}

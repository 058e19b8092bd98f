import type { InstructionNode } from '../../parse/tree.ts';
import { parseFlags } from '../flags.ts';
import type { KeyValue } from '../model.ts';
import { errAtLeastOneArgument, errBlankNames, fail, ok, type Converted } from './common.ts';

export function convertEnv(node: InstructionNode): Converted {
  return convertPairs(node, 'env');
}

export function convertLabel(node: InstructionNode): Converted {
  return convertPairs(node, 'label');
}

/** ENV and LABEL: flags first, then the parser's key/value/separator triples. */
function convertPairs(node: InstructionNode, kind: 'env' | 'label'): Converted {
  const name = kind.toUpperCase();
  const flags = parseFlags(node.flags, {});
  if (flags.error !== undefined) return fail(flags.error);
  const args = node.args;
  if (args.length === 0) return fail(errAtLeastOneArgument(name));
  if (args.length % 3 !== 0) return fail(`Bad input to ${name}, too many arguments`);
  const pairs: KeyValue[] = [];
  for (let i = 0; i < args.length; i += 3) {
    if (args[i].value.length === 0) return fail(errBlankNames(name));
    pairs.push({ key: args[i], value: args[i + 1], legacy: args[i + 2].value === '' });
  }
  return ok({ kind, node, flags: flags.flags, pairs });
}

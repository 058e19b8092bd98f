import type { InstructionNode } from '../../parse/tree.ts';
import { parseFlags } from '../flags.ts';
import type { SimpleCommand } from '../model.ts';
import { errAtLeastOneArgument, errExactlyOneArgument, fail, ok, type Converted } from './common.ts';

type OneArgKind = 'workdir' | 'user' | 'maintainer';

/** WORKDIR, USER, MAINTAINER: exactly one argument (checked before flags), no flags. */
function oneArgument(kind: OneArgKind): (node: InstructionNode) => Converted {
  return (node) => {
    if (node.args.length !== 1) return fail(errExactlyOneArgument(kind.toUpperCase()));
    const flags = parseFlags(node.flags, {});
    if (flags.error !== undefined) return fail(flags.error);
    return ok({ kind, node, flags: flags.flags, args: node.args });
  };
}

export const convertWorkdir = oneArgument('workdir');
export const convertUser = oneArgument('user');
export const convertMaintainer = oneArgument('maintainer');

/** VOLUME: at least one argument, no flags, no empty paths. */
export function convertVolume(node: InstructionNode): Converted {
  if (node.args.length === 0) return fail(errAtLeastOneArgument('VOLUME'));
  const flags = parseFlags(node.flags, {});
  if (flags.error !== undefined) return fail(flags.error);
  if (node.args.some((a) => a.value.trim() === '')) return fail('VOLUME specified can not be an empty string');
  return ok({ kind: 'volume', node, flags: flags.flags, args: node.args });
}

/** EXPOSE: at least one argument, no flags; BuildKit sorts the port strings here. */
export function convertExpose(node: InstructionNode): Converted {
  if (node.args.length === 0) return fail(errAtLeastOneArgument('EXPOSE'));
  const flags = parseFlags(node.flags, {});
  if (flags.error !== undefined) return fail(flags.error);
  const args = [...node.args].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  const command: SimpleCommand = { kind: 'expose', node, flags: flags.flags, args };
  return ok(command);
}

/** STOPSIGNAL: exactly one argument; flags are silently dropped. */
export function convertStopsignal(node: InstructionNode): Converted {
  if (node.args.length !== 1) return fail(errExactlyOneArgument('STOPSIGNAL'));
  return ok({ kind: 'stopsignal', node, flags: [], args: node.args });
}

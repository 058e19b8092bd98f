import type { InstructionNode } from '../../parse/tree.ts';
import { parseFlags } from '../flags.ts';
import type { OnbuildCommand } from '../model.ts';
import { errAtLeastOneArgument, fail, ok, type Converted } from './common.ts';

/**
 * `ONBUILD <instruction>`: only the trigger's keyword is checked now; the trigger itself is
 * converted too (for the graph), but its errors surface only in a stage that runs it.
 */
export function convertOnbuild(node: InstructionNode, convertTrigger: (node: InstructionNode) => Converted): Converted {
  const trigger = node.trigger;
  if (trigger === undefined) return fail(errAtLeastOneArgument('ONBUILD'));
  const flags = parseFlags(node.flags, {});
  if (flags.error !== undefined) return fail(flags.error);
  const keyword = trigger.keyword.trim().toUpperCase();
  if (keyword === 'ONBUILD') return fail('Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed');
  if (keyword === 'MAINTAINER' || keyword === 'FROM') return fail(`${keyword} isn't allowed as an ONBUILD trigger`);
  let expression = node.original.replace(/^\s*ONBUILD\s*/i, '');
  const heredocs = node.heredocs.length > 0 ? node.heredocs : trigger.heredocs;
  for (const heredoc of heredocs) expression += '\n' + heredoc.content + heredoc.name;
  const converted = convertTrigger(trigger);
  const command: OnbuildCommand = {
    kind: 'onbuild',
    node,
    flags: flags.flags,
    expression,
    ...(converted.ok ? { trigger: converted.value } : { triggerError: converted.error.message }),
  };
  return ok(command);
}

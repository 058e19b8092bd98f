import type { InstructionNode } from '../../parse/tree.ts';
import { goQuote } from '../../core/go-strings.ts';
import { parseFlags } from '../flags.ts';
import type { FromCommand } from '../model.ts';
import { fail, ok, type Converted } from './common.ts';

const VALID_STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;

/** `FROM [--platform=…] <image> [AS <name>]`: count and name are checked before flags. */
export function convertFrom(node: InstructionNode): Converted {
  const args = node.args;
  const image = args[0] ?? { value: '', span: { start: node.keywordSpan.end, end: node.keywordSpan.end } };
  const base: FromCommand = { kind: 'from', node, flags: [], image };
  let error: string | undefined;
  let stageName: FromCommand['stageName'];
  if (args.length === 3 && args[1].value.toLowerCase() === 'as') {
    const lower = args[2].value.toLowerCase();
    if (VALID_STAGE_NAME.test(lower)) stageName = { value: lower, span: args[2].span };
    else error = `invalid name for build stage: ${goQuote(args[2].value)}, name can't start with a number or contain symbols`;
  } else if (args.length !== 1) {
    error = 'FROM requires either one or three arguments';
  }
  if (error !== undefined) return fail(error, { ...base, invalid: true });
  const flags = parseFlags(node.flags, { platform: 'string' });
  const platform = flags.string('platform');
  const command: FromCommand = {
    ...base,
    flags: flags.flags,
    ...(platform !== undefined ? { platform } : {}),
    ...(stageName !== undefined ? { stageName } : {}),
  };
  if (flags.error !== undefined) return fail(flags.error, { ...command, invalid: true });
  return ok(command);
}

import type { InstructionNode } from '../../parse/tree.ts';
import { goQuote } from '../../core/go-strings.ts';
import { parseGoDuration } from '../../core/go-duration.ts';
import { parseFlags } from '../flags.ts';
import { errAtLeastOneArgument, fail, ok, type Converted } from './common.ts';

/** CMD and ENTRYPOINT: no flags, any arguments. */
export function convertCmd(node: InstructionNode): Converted {
  const flags = parseFlags(node.flags, {});
  if (flags.error !== undefined) return fail(flags.error);
  return ok({ kind: 'cmd', node, flags: flags.flags, args: node.args });
}

export function convertEntrypoint(node: InstructionNode): Converted {
  const flags = parseFlags(node.flags, {});
  if (flags.error !== undefined) return fail(flags.error);
  return ok({ kind: 'entrypoint', node, flags: flags.flags, args: node.args });
}

/** SHELL: no flags; a non-empty JSON array. */
export function convertShell(node: InstructionNode): Converted {
  const flags = parseFlags(node.flags, {});
  if (flags.error !== undefined) return fail(flags.error);
  if (node.args.length === 0) return fail(errAtLeastOneArgument('SHELL'));
  if (!node.json) return fail('SHELL requires the arguments to be in JSON form');
  return ok({ kind: 'shell', node, flags: flags.flags, args: node.args });
}

const HEALTHCHECK_FLAGS = {
  interval: 'string',
  timeout: 'string',
  'start-period': 'string',
  'start-interval': 'string',
  retries: 'string',
} as const;

/** `HEALTHCHECK NONE` (flags ignored) or `HEALTHCHECK [flags] CMD …`. */
export function convertHealthcheck(node: InstructionNode): Converted {
  if (node.args.length === 0) return fail(errAtLeastOneArgument('HEALTHCHECK'));
  const type = node.args[0].value.toUpperCase();
  const rest = node.args.slice(1);
  if (type === 'NONE') {
    if (rest.length !== 0) return fail('HEALTHCHECK NONE takes no arguments');
    return ok({ kind: 'healthcheck', node, flags: [], args: node.args });
  }
  const flags = parseFlags(node.flags, HEALTHCHECK_FLAGS);
  if (flags.error !== undefined) return fail(flags.error);
  if (type !== 'CMD') return fail(`Unknown type ${goQuote(type)} in HEALTHCHECK (try CMD)`);
  const command = node.json ? rest : rest.length > 0 ? [rest.map((w) => w.value).join(' ')] : [];
  if (command.length === 0) return fail('Missing command after HEALTHCHECK CMD');
  for (const name of ['interval', 'timeout', 'start-period', 'start-interval']) {
    const value = flags.string(name)?.value ?? '';
    const error = checkInterval(name, value);
    if (error !== undefined) return fail(error);
  }
  const retries = flags.string('retries')?.value ?? '';
  if (retries !== '') {
    if (!/^[+-]?\d+$/.test(retries)) return fail(`strconv.ParseInt: parsing ${goQuote(retries)}: invalid syntax`);
    const n = Number(retries);
    if (n > 2147483647 || n < -2147483648) return fail(`strconv.ParseInt: parsing ${goQuote(retries)}: value out of range`);
    if (n < 0) return fail(`--retries cannot be negative (${n})`);
  }
  return ok({ kind: 'healthcheck', node, flags: flags.flags, args: node.args });
}

function checkInterval(name: string, value: string): string | undefined {
  if (value === '') return undefined;
  const parsed = parseGoDuration(value);
  if (!parsed.ok) return parsed.error;
  const d = parsed.value;
  if (d === 0) return undefined;
  if (d < 1e6) return `Interval ${goQuote(name)} cannot be less than 1ms`;
  return undefined;
}

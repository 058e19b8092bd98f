import type { InstructionNode } from '../../parse/tree.ts';
import { goQuote } from '../expand.ts';
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
  const d = parseGoDuration(value);
  if (typeof d === 'string') return d;
  if (d === 0) return undefined;
  if (d < 1e6) return `Interval ${goQuote(name)} cannot be less than 1ms`;
  return undefined;
}

const UNITS: Readonly<Record<string, number>> = {
  ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9,
};

/** Go's time.ParseDuration, in nanoseconds, or its error text. */
export function parseGoDuration(s: string): number | string {
  const orig = s;
  const invalid = `time: invalid duration ${goQuote(orig)}`;
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return invalid;
  let total = 0;
  while (s !== '') {
    const m = /^(\d*)(?:\.(\d*))?/.exec(s);
    const whole = m?.[1] ?? '';
    const frac = m?.[2];
    if (whole === '' && (frac === undefined || frac === '')) return invalid;
    s = s.slice(m?.[0].length ?? 0);
    const u = /^[^\d.]*/.exec(s)?.[0] ?? '';
    if (u === '') return `time: missing unit in duration ${goQuote(orig)}`;
    const unit = UNITS[u];
    if (unit === undefined) return `time: unknown unit ${goQuote(u)} in duration ${goQuote(orig)}`;
    s = s.slice(u.length);
    total += Number(`${whole || '0'}.${frac ?? ''}0`) * unit;
  }
  if (total > 2 ** 63) return invalid; // past Go's int64 (2^63 - 1 rounds to 2^63 as a double)
  return neg ? -total : total;
}

import type { InstructionNode } from '../../parse/tree.ts';
import { goQuote } from '../../core/go-strings.ts';
import { parseFlags } from '../flags.ts';
import type { RunCommand } from '../model.ts';
import { checkMountSyntax, parseGoBool, splitCsv } from '../mounts.ts';
import { withSuggestion } from '../../core/suggest.ts';
import { fail, ok, type Converted } from './common.ts';

/**
 * `RUN [--mount=…]… [--network=…] [--security=…] [--device=…]… <cmd>`: flags first, then the
 * per-flag checks in BuildKit's hook order (device, mount, network, security).
 */
export function convertRun(node: InstructionNode): Converted {
  const flags = parseFlags(node.flags, { device: 'strings', mount: 'strings', network: 'string', security: 'string' });
  if (flags.error !== undefined) return fail(flags.error);
  const devices = flags.strings('device');
  for (const device of devices) {
    const error = checkDevice(device.value);
    if (error !== undefined) return fail(error);
  }
  const mounts = flags.strings('mount');
  for (const mount of mounts) {
    const error = checkMountSyntax(mount.value);
    if (error !== undefined) return fail(error);
  }
  const network = flags.string('network')?.value ?? 'default';
  if (!['default', 'none', 'host'].includes(network)) return fail(`invalid network mode ${goQuote(network)}`);
  const security = flags.string('security')?.value ?? 'sandbox';
  if (!['sandbox', 'insecure'].includes(security)) return fail(`security ${goQuote(security)} is not valid`);
  const command: RunCommand = {
    kind: 'run',
    node,
    flags: flags.flags,
    args: node.json ? node.args.map((a) => a.value) : node.args.length > 0 ? [node.args.map((a) => a.value).join(' ')] : [],
    shellForm: !node.json,
    mounts: mounts.map((m) => ({ raw: m.value, span: m.span })),
    ...(flags.used.has('network') ? { network } : {}),
    ...(flags.used.has('security') ? { security } : {}),
    ...(devices.length > 0 ? { devices: devices.map((d) => d.value) } : {}),
    heredocs: node.heredocs,
  };
  return ok(command);
}

/** `--device=<name>[,required[=<bool>]]` syntax (BuildKit's ParseDevice). */
function checkDevice(value: string): string | undefined {
  const split = splitCsv(value);
  if (!split.ok) return `failed to parse csv devices: ${split.error}`;
  const fields = split.value;
  let name = '';
  for (const field of fields) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    if (eq < 0) {
      if (key === 'required') continue;
      if (name === '') {
        name = field;
        continue;
      }
      return `invalid field '${field}' must be a key=value pair`;
    }
    const v = field.slice(eq + 1);
    if (key === 'name') {
      if (name !== '') return `device name already set to ${name}`;
      name = v;
    } else if (key === 'required') {
      if (parseGoBool(v) === undefined) return `invalid value for ${key}: ${v}`;
    } else if (name === '') {
      name = field;
    } else {
      return withSuggestion(`unexpected key '${key}' in '${field}'`, key, ['name', 'required'], true);
    }
  }
  return undefined;
}

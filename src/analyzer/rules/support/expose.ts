/** EXPOSE arguments as BuildKit's dispatch reads them (`convert_expose.go`). */
import { expandWord } from '../../shell/expand.ts';
import type { EvaluatedCommand } from '../../instructions/model.ts';

export interface PortSpec {
  readonly raw: string;
  readonly ip: string;
  readonly hostPort: string;
  readonly proto: string;
}

function envMap(env: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const pair of env) {
    const eq = pair.indexOf('=');
    if (eq === -1) map.set(pair, '');
    else map.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  return map;
}

/**
 * The port specs of an evaluated EXPOSE, each argument expanded and word-split, up to the
 * first one BuildKit rejects (its checks run only on specs it could split).
 */
export function portSpecs(evaluated: EvaluatedCommand, escape: '\\' | '`'): PortSpec[] {
  const command = evaluated.command;
  if (command.kind !== 'expose') return [];
  const specs: PortSpec[] = [];
  for (const words of expandedPorts(evaluated, escape)) {
    if (words === undefined) return specs;
    for (const raw of words) {
      const parts = raw.split(':');
      const n = parts.length;
      const ip = n >= 3 ? parts.slice(0, n - 2).join(':') : '';
      const hostPort = n >= 2 ? parts[n - 2] : '';
      const container = parts[n - 1];
      const slash = container.indexOf('/');
      const port = slash === -1 ? container : container.slice(0, slash);
      const proto = slash === -1 ? '' : container.slice(slash + 1);
      if (port === '' || !['', 'tcp', 'udp', 'sctp'].includes(proto.toLowerCase())) return specs;
      specs.push({ raw, ip, hostPort, proto });
    }
  }
  return specs;
}

/** Each argument's words after expansion (undefined where it failed); the evaluation's when it has them. */
function expandedPorts(evaluated: EvaluatedCommand, escape: '\\' | '`'): (readonly string[] | undefined)[] {
  const command = evaluated.command;
  if (command.kind !== 'expose') return [];
  const expanded = evaluated.expanded;
  if (expanded.kind === 'expose' && command.args.every((word) => !word.value.includes('$'))) return [expanded.ports];
  const env = envMap(evaluated.state.env);
  return command.args.map((word) => {
    const result = expandWord(word.value, env, escape);
    return result.error === undefined ? result.words : undefined;
  });
}

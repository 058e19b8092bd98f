/** EXPOSE port specs as the rules read them: the evaluated ports, split (instructions/expose.ts). */
import { knownProto, splitPort, type PortParts } from '../../instructions/expose.ts';
import type { EvaluatedCommand } from '../../instructions/model.ts';

/**
 * The port specs of an evaluated EXPOSE, up to the first one BuildKit rejects (its checks
 * run only on specs it could split). None when an argument holds a variable.
 */
export function portSpecs(evaluated: EvaluatedCommand): PortParts[] {
  const command = evaluated.command;
  const expanded = evaluated.expanded;
  if (command.kind !== 'expose' || expanded.kind !== 'expose') return [];
  if (command.args.some((word) => word.value.includes('$'))) return [];
  const specs: PortParts[] = [];
  for (const raw of expanded.ports) {
    const spec = splitPort(raw);
    if (spec.containerPort === '' || !knownProto(spec.proto)) return specs;
    specs.push(spec);
  }
  return specs;
}

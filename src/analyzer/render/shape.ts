/**
 * The shape format of `interfaces.md`: ops numbered in post-order from the result (inputs in
 * BuildKit's order, each op once), one line each, then `result=#N`.
 */
import type { BuildGraph, FileAction, Op } from '../graph/model.ts';

export function renderShape(graph: BuildGraph): string {
  const byId = new Map(graph.ops.map((op) => [op.id, op] as const));
  const numbers = new Map<string, number>();
  const lines: string[] = [];
  const emit = (op: Op) => {
    const n = numbers.size;
    numbers.set(op.id, n);
    const inputs = op.inputs.map((i) => `#${numbers.get(i)}`).join(',');
    switch (op.kind) {
      case 'source':
        lines.push(`#${n} src ${op.details.identifier ?? ''}`);
        break;
      case 'file':
        lines.push(`#${n} file[${inputs}] ${(op.details.actions ?? []).map(action).join(';')}`);
        break;
      default:
        lines.push(`#${n} ${op.kind}[${inputs}]`);
    }
  };
  if (graph.result !== undefined) {
    // Iterative post-order walk.
    const seen = new Set<string>([graph.result]);
    const stack: { op: Op; next: number }[] = [];
    const root = byId.get(graph.result);
    if (root) stack.push({ op: root, next: 0 });
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top.next < top.op.inputs.length) {
        const id = top.op.inputs[top.next++];
        const input = byId.get(id);
        if (input && !seen.has(id)) {
          seen.add(id);
          stack.push({ op: input, next: 0 });
        }
      } else {
        stack.pop();
        emit(top.op);
      }
    }
  }
  lines.push(graph.result !== undefined && numbers.has(graph.result) ? `result=#${numbers.get(graph.result)}` : 'result=scratch');
  return lines.join('\n') + '\n';
}

function action(a: FileAction): string {
  switch (a.type) {
    case 'copy':
      return `copy->${a.onto}:${a.dest}`;
    default:
      return `${a.type}:${a.path}`;
  }
}

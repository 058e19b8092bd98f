/**
 * The op table used while lowering: interns ops by digest (identical definition + inputs =
 * one op, as in BuildKit), then numbers them in the canonical post-order from the result.
 */
import type { Span } from '../core/span.ts';
import { digest } from './digest.ts';
import type { Op, OpDetails, OpKind } from './model.ts';

export interface OpMeta {
  readonly name: string;
  readonly role: string;
  readonly stage?: number;
  readonly span?: Span;
  readonly startLine?: number;
  readonly endLine?: number;
  readonly details: OpDetails;
  readonly linked?: boolean;
}

interface Draft extends OpMeta {
  readonly key: string;
  readonly kind: OpKind;
  readonly inputs: readonly string[];
  readonly definitionDigest: string;
}

export class OpTable {
  private readonly drafts = new Map<string, Draft>();

  /**
   * Adds an op, or returns the existing one with the same definition and inputs.
   * `definition` holds everything BuildKit marshals into the op except its inputs.
   */
  add(kind: OpKind, definition: unknown, inputs: readonly string[], meta: OpMeta): string {
    // As in LLB, an op's digest covers its definition and its inputs' digests.
    const definitionDigest = digest(JSON.stringify([kind, withEnvDigest(definition)]));
    const key = digest(`${definitionDigest}|${inputs.join(',')}`);
    if (!this.drafts.has(key)) this.drafts.set(key, { ...meta, key, kind, inputs, definitionDigest });
    return key;
  }

  has(key: string): boolean {
    return this.drafts.has(key);
  }

  /** Post-order from the result (inputs in order, each op once), then any op not reached. */
  finish(result: string | undefined, roots: readonly (string | undefined)[]): { ops: Op[]; ids: Map<string, string> } {
    const order: string[] = [];
    const seen = new Set<string>();
    const visit = (start: string) => {
      // Iterative post-order, so that very deep graphs cannot overflow the stack.
      const stack: { key: string; next: number }[] = [{ key: start, next: 0 }];
      seen.add(start);
      while (stack.length > 0) {
        const top = stack[stack.length - 1];
        const draft = this.drafts.get(top.key);
        const inputs = draft?.inputs ?? [];
        if (top.next < inputs.length) {
          const input = inputs[top.next++];
          if (!seen.has(input)) {
            seen.add(input);
            stack.push({ key: input, next: 0 });
          }
        } else {
          stack.pop();
          order.push(top.key);
        }
      }
    };
    if (result !== undefined) visit(result);
    for (const root of roots) if (root !== undefined && !seen.has(root)) visit(root);
    for (const key of this.drafts.keys()) if (!seen.has(key)) visit(key);
    const ids = new Map(order.map((key, i) => [key, `op${i}`] as const));
    const ops = order.map((key): Op => {
      const d = this.drafts.get(key)!;
      const op: Op = {
        id: ids.get(key)!,
        kind: d.kind,
        inputs: d.inputs.map((k) => ids.get(k)!),
        name: d.name,
        role: d.role,
        details: renumberDetails(d.details, ids),
        digest: d.key,
        definitionDigest: d.definitionDigest,
        ...(d.stage !== undefined ? { stage: d.stage } : {}),
        ...(d.span ? { span: d.span } : {}),
        ...(d.startLine !== undefined ? { startLine: d.startLine, endLine: d.endLine } : {}),
        ...(d.linked ? { linked: true } : {}),
      };
      return op;
    });
    return { ops, ids };
  }
}

/**
 * An exec op's environment (its definition's `env`, the only one) enters its digest as the
 * digest of the list, computed once per list: consecutive RUN steps share one environment
 * array, so a file with thousands of ENV lines and thousands of RUN lines costs their sum, not
 * their product. Swapped in before JSON.stringify rather than by a replacer function, which
 * would be called for every value of every definition (a third of lowering's time on the corpus).
 */
const envDigests = new WeakMap<object, string>();
function withEnvDigest(definition: unknown): unknown {
  const env = (definition as { env?: unknown } | null)?.env;
  if (!Array.isArray(env)) return definition;
  let known = envDigests.get(env);
  if (known === undefined) {
    known = `env:${digest(JSON.stringify(env))}`;
    envDigests.set(env, known);
  }
  // Same key order as the definition, so the same text as before.
  return { ...(definition as object), env: known };
}

/** Details refer to other ops by draft key while lowering; the final graph uses op ids. */
function renumberDetails(details: OpDetails, ids: Map<string, string>): OpDetails {
  const out: OpDetails = { ...details };
  if (details.actions) {
    (out as { actions?: unknown }).actions = details.actions.map((a) =>
      a.type === 'copy' ? { ...a, sourceOp: ids.get(a.sourceOp) ?? '' } : a,
    );
  }
  if (details.root !== undefined) (out as { root?: string }).root = ids.get(details.root) ?? '';
  if (details.mounts) {
    (out as { mounts?: unknown }).mounts = details.mounts.map((m) =>
      m.input !== undefined ? { ...m, input: ids.get(m.input) ?? '' } : m,
    );
  }
  return out;
}

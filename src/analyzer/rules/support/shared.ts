/**
 * Views of the analysis that several rules need (the built commands, stages by index, root
 * bases), computed once per lint run and kept in the run's own store (`RuleContext.shared`,
 * which lint() creates and drops with the run).
 *
 * Not in module-level WeakMaps keyed by the context: V8's young-generation collector keeps a
 * WeakMap's values alive until the next full collection, so every analysis since then stayed
 * reachable and was copied and promoted at each scavenge (moby/buildkit's 512-line Dockerfile:
 * 220 KiB promoted per analyze(), scavenges several times longer).
 */
import type { RuleContext } from '../define-rule.ts';

/** `compute()` once per run for `key` (the helper's own function); each time without a run store. */
export function shared<T>(context: RuleContext, key: object, compute: () => T): T {
  const store = context.shared;
  if (!store) return compute();
  if (store.has(key)) return store.get(key) as T;
  const value = compute();
  store.set(key, value);
  return value;
}

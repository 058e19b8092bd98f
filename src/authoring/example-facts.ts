import { analyze, type Analysis } from '../analyzer/index.ts';
import type { OpKind } from '../analyzer/graph/model.ts';
import { countOps } from '../live/model/view-model.ts';

/**
 * A live example as the guide declares it: the props of `<LiveExample>` that matter to the
 * analyzer, and the facts the prose around it relies on. The example-facts test runs every
 * example in `content/` through `checkExample`, so a page can never claim what the analyzer
 * does not show.
 */
export interface ExampleSpec {
  /** The Dockerfile. */
  readonly code: string;
  /** Optional second Dockerfile for compare mode. */
  readonly compare?: string;
  readonly buildArgs?: Readonly<Record<string, string>>;
  readonly target?: string;
  readonly dockerignore?: string;
  /** Changes to simulate, in the CLI's syntax: `base:alpine`, `file:app/main.go`, `arg:V=2`, `line:3`. */
  readonly simulate?: readonly string[];
  /** False models a builder without MergeOp. */
  readonly mergeOp?: boolean;
  readonly expect?: ExampleFacts;
  /** Facts for the compare Dockerfile. */
  readonly expectCompare?: ExampleFacts;
}

export interface ExampleFacts {
  /** Exact number of ops of each kind in the graph. */
  readonly ops?: Partial<Record<OpKind, number>>;
  /** Exactly these rule names among the findings (order-free, duplicates collapsed). */
  readonly rules?: readonly string[];
  /** Whether BuildKit would refuse the file (any BuildError). */
  readonly fails?: boolean;
}

/** Problems with the stated facts; empty when the example says only what is true. */
export function checkFacts(analysis: Analysis, facts: ExampleFacts): string[] {
  const problems: string[] = [];
  const counts = countOps(analysis);
  for (const [kind, n] of Object.entries(facts.ops ?? {})) {
    if (counts[kind as OpKind] !== n) problems.push(`expected ${n} ${kind} op(s), the graph has ${counts[kind as OpKind]}`);
  }
  if (facts.rules) {
    const found = [...new Set(analysis.findings.map((f) => f.rule))].sort();
    const want = [...new Set(facts.rules)].sort();
    if (found.join() !== want.join()) problems.push(`expected rules [${want.join(', ')}], found [${found.join(', ')}]`);
  }
  if (facts.fails !== undefined) {
    const fails = analysis.findings.some((f) => f.rule === 'BuildError');
    if (fails !== facts.fails) problems.push(fails ? 'expected the build to succeed, BuildKit would refuse it' : 'expected BuildKit to refuse the file');
  }
  return problems;
}

export function checkExample(spec: ExampleSpec): string[] {
  const options = { buildArgs: spec.buildArgs, target: spec.target, dockerignore: spec.dockerignore, mergeOp: spec.mergeOp };
  const problems = spec.expect ? checkFacts(analyze(spec.code, options), spec.expect) : [];
  if (spec.compare !== undefined && spec.expectCompare) {
    problems.push(...checkFacts(analyze(spec.compare, options), spec.expectCompare).map((p) => `compare: ${p}`));
  }
  return problems;
}

/**
 * What an island shows for one analysis, as plain data: the steps in order with their
 * status, the findings with lines and columns and rule-page links, op counts, and what the
 * controls offer (copied context paths, base images, build args, stages). Pure: used at build
 * time by the Astro component and in the browser by the island.
 */
import type { Analysis, Diagnostic } from '../../analyzer/index.ts';
import { rangeOf } from '../../analyzer/core/span.ts';
import type { OpKind } from '../../analyzer/graph/model.ts';
import type { OpStatus, Simulation } from '../../analyzer/simulate/model.ts';
import { firstBuildError } from '../../analyzer/analysis.ts';
import { ruleSlug } from '../../analyzer/rules/define-rule.ts';
import { ruleInfo } from '../../analyzer/rules/docs.ts';
import { statusWords } from '../../analyzer/render/mermaid.ts';

export interface StepView {
  readonly id: string;
  readonly kind: OpKind;
  readonly name: string;
  readonly stage?: number;
  readonly startLine?: number;
  readonly endLine?: number;
  readonly status?: OpStatus;
  /** The status in a node's words (a base image with a new digest is a "new base image", not "rebuilt"). */
  readonly statusText?: string;
  readonly reason?: string;
  /** A base image's step: where its config came from, in full (`built-in table golang:1.23; …, 2026-08-19`). */
  readonly config?: string;
}

export interface FindingView {
  readonly rule: string;
  readonly severity: Diagnostic['severity'];
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** The rule's page (`/rules/<slug>/`). */
  readonly href?: string;
  /** The stage the finding lies in, when the file has several. */
  readonly stage?: string;
}

export interface AnalysisView {
  readonly counts: Record<OpKind, number>;
  readonly steps: readonly StepView[];
  readonly findings: readonly FindingView[];
  /** BuildKit would refuse the file: its first error message. */
  readonly error?: string;
  readonly copiedPaths: readonly string[];
  readonly baseImages: readonly string[];
  readonly argNames: readonly string[];
  readonly stageNames: readonly string[];
  readonly simulation?: Simulation;
  /** The graph's longest chain of inputs: its height in rows, to reserve its space. */
  readonly rows: number;
}

/** How many ops of each kind the graph has. */
export function countOps(analysis: Analysis): Record<OpKind, number> {
  const counts: Record<OpKind, number> = { source: 0, exec: 0, file: 0, merge: 0 };
  for (const op of analysis.graph.ops) counts[op.kind]++;
  return counts;
}

/** The rule's page on this site; every registered rule and BuildError has one. */
export function rulePage(rule: string): string | undefined {
  return ruleInfo(rule) ? `/rules/${ruleSlug(rule)}/` : undefined;
}

export function viewOf(analysis: Analysis, simulation?: Simulation): AnalysisView {
  const outcome = new Map(simulation?.outcomes.map((o) => [o.op, o]));
  // A build-arg change can change what is built: the simulation then carries its own graph.
  const graph = simulation?.graph ?? analysis.graph;
  const steps = graph.ops.map((op): StepView => {
    const o = outcome.get(op.id);
    return {
      id: op.id,
      kind: op.kind,
      name: op.name || op.kind,
      stage: op.stage,
      startLine: op.startLine,
      endLine: op.endLine,
      status: o?.status,
      statusText: o && statusWords(op, o.status),
      reason: o?.reason,
      ...(op.details.imageConfig !== undefined ? { config: op.details.imageConfig } : {}),
    };
  });
  const several = analysis.model.stages.length > 1;
  const findings = analysis.findings.map((f): FindingView => {
    const r = rangeOf(analysis.lineStarts, f.span);
    return {
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      line: r.start.line,
      column: r.start.column,
      endLine: r.end.line,
      endColumn: r.end.column,
      href: rulePage(f.rule),
      ...(several && f.stage ? { stage: f.stage.name } : {}),
    };
  });
  const error = firstBuildError(analysis)?.message;
  return {
    counts: countOps(analysis),
    steps,
    findings,
    error,
    copiedPaths: copiedPaths(analysis),
    baseImages: baseImages(analysis),
    argNames: argNames(analysis),
    stageNames: analysis.model.stages.flatMap((s) => (s.name ? [s.name] : [])),
    simulation,
    rows: rows(graph.ops),
  };
}

/** Longest input chain; ops come after their inputs. */
function rows(ops: readonly { id: string; inputs: readonly string[] }[]): number {
  const depth = new Map<string, number>();
  let most = 1;
  for (const op of ops) {
    let d = 1;
    for (const input of op.inputs) d = Math.max(d, 1 + (depth.get(input) ?? 0));
    depth.set(op.id, d);
    most = Math.max(most, d);
  }
  return most;
}

/** Context paths the Dockerfile copies, for the "a context file changes" control. */
function copiedPaths(analysis: Analysis): string[] {
  const context = new Set(analysis.graph.ops.filter((op) => op.details.identifier?.startsWith('local://')).map((op) => op.id));
  const paths = new Set<string>();
  for (const op of analysis.graph.ops) {
    for (const action of op.details.actions ?? []) {
      if (action.type === 'copy' && context.has(action.sourceOp)) paths.add(action.src.replace(/^\/+/, '') || '.');
    }
  }
  return [...paths];
}

function baseImages(analysis: Analysis): string[] {
  const refs = new Set<string>();
  for (const stage of analysis.build.stages) if (stage.base.kind === 'image') refs.add(stage.base.ref);
  return [...refs];
}

function argNames(analysis: Analysis): string[] {
  const names = new Set<string>();
  const add = (cmd: { kind: string }) => {
    if (cmd.kind !== 'arg') return;
    for (const decl of (cmd as import('../../analyzer/instructions/model.ts').ArgCommand).args) names.add(decl.name.value);
  };
  analysis.model.globalArgs.forEach(add);
  for (const stage of analysis.model.stages) stage.commands.forEach(add);
  return [...names];
}

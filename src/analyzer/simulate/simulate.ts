/**
 * What the build cache does after a change (buildkit-model.md §6): every op of the graph is
 * `cached`, `rebuilt`, or `remerged` (a merge re-run cheaply because only a lower layer
 * changed), with a one-line reason.
 *
 * The model, per op kind (§6.2):
 *   - sources: new when their definition changed (a new image digest, an edited line);
 *     the context is sent again when one of its files changed;
 *   - file ops: their own definition, the base input's key (never content-addressed), and
 *     the *content* of exactly the paths each copy selects from its sources;
 *   - exec ops: their definition (argv, env, cwd, user, mounts), the root's key, and the
 *     content of bind-mounted paths;
 *   - merge ops: the keys of all inputs.
 * A build-arg change is simulated by lowering again with the new value and comparing each
 * op's definition with the one at the same place before: the most faithful way to see which
 * RUN/COPY/ADD/WORKDIR definitions the value reaches.
 */
import { analyze, firstBuildError, type Analysis, type AnalyzeOptions } from '../analysis.ts';
import { canonicalRef, parseImageRef } from '../core/image-ref.ts';
import type { BuildGraph, Op } from '../graph/model.ts';
import type { EvaluatedBuild, EvaluatedCommand } from '../instructions/model.ts';
import type { Change, OpOutcome, OpStatus, Simulation } from './model.ts';
import { compileIgnore } from '../core/dockerignore.ts';
import { contextPath, selects } from './select.ts';

/** Reads `base:IMAGE`, `file:PATH`, `arg:K=V`, `line:N`; returns an error sentence otherwise. */
export function parseChange(text: string): Change | string {
  const colon = text.indexOf(':');
  const kind = colon === -1 ? text : text.slice(0, colon);
  const value = colon === -1 ? '' : text.slice(colon + 1);
  switch (kind) {
    case 'base':
      return value ? { kind: 'base', image: value } : 'base: needs an image, e.g. base:alpine:3.20';
    case 'file':
      return value ? { kind: 'file', path: value } : 'file: needs a path in the build context, e.g. file:src/main.go';
    case 'arg': {
      const eq = value.indexOf('=');
      return eq > 0 ? { kind: 'arg', key: value.slice(0, eq), value: value.slice(eq + 1) } : 'arg: needs KEY=VALUE, e.g. arg:VERSION=2.0';
    }
    case 'line': {
      const n = Number(value);
      return /^\d+$/.test(value) && n >= 1 ? { kind: 'line', line: n } : 'line: needs a line number, e.g. line:4';
    }
    default:
      return `unknown change ${JSON.stringify(text)}: use base:IMAGE, file:PATH, arg:KEY=VALUE or line:N`;
  }
}

interface Verdict {
  readonly status: OpStatus;
  readonly reason: string;
}

export function simulate(analysis: Analysis, changes: readonly Change[], options: AnalyzeOptions = {}): Simulation {
  try {
    return run(analysis, changes, options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { changes, graph: analysis.graph, outcomes: [], summary: `The simulation failed: internal error (${message}).` };
  }
}

function run(analysis: Analysis, changes: readonly Change[], options: AnalyzeOptions): Simulation {
  const args = changes.filter((c): c is Extract<Change, { kind: 'arg' }> => c.kind === 'arg');
  let current = analysis;
  if (args.length > 0) {
    // Own properties only (via entries), so a build arg named `__proto__` is just a name.
    const buildArgs = Object.fromEntries([...Object.entries(options.buildArgs ?? {}), ...args.map((a) => [a.key, a.value] as const)]);
    current = analyze(analysis.source, { ...options, buildArgs });
    const error = firstBuildError(current);
    if (error) {
      const outcomes = current.graph.ops.map((op) => ({ op: op.id, status: 'rebuilt' as const, reason: 'the build fails with the new value' }));
      return { changes, graph: current.graph, outcomes, summary: `With ${args.map((a) => `${a.key}=${a.value}`).join(', ')} BuildKit would refuse the file: ${error.message}` };
    }
  }
  const graph = current.graph;
  const before = definitionsByPlace(analysis.graph);
  const places = placesOf(graph);
  // A file .dockerignore excludes never reaches the builder: its edits change nothing.
  const ignore = options.dockerignore !== undefined ? compileIgnore(options.dockerignore) : undefined;
  const written = changes.filter((c): c is Extract<Change, { kind: 'file' }> => c.kind === 'file').map((c) => contextPath(c.path));
  const ignored = written.filter((f) => f !== '/' && ignore?.matchesOrParentMatches(f.slice(1)));
  const files = written.filter((f) => !ignored.includes(f));
  const bases = changes.filter((c): c is Extract<Change, { kind: 'base' }> => c.kind === 'base').map((c) => c.image);
  const lines = changes.filter((c): c is Extract<Change, { kind: 'line' }> => c.kind === 'line').map((c) => c.line);
  const edits = lineEffects(current.build, graph, lines);
  globalArgEffects(current, graph, lines, edits);
  const argNames = args.map((a) => a.key).join(', ');

  const byId = new Map(graph.ops.map((op) => [op.id, op] as const));
  const verdicts = new Map<string, Verdict>();
  const missed = (id: string | undefined) => id !== undefined && verdicts.get(id)?.status !== 'cached';
  const describe = (id: string) => describeOp(byId.get(id));

  /** Why an op's own definition is new, if it is. */
  const ownChange = (op: Op): string | undefined => {
    const edit = edits.get(op.id);
    if (edit) return edit;
    if (op.kind === 'source' && (op.role === 'from' || op.role === 'image')) {
      const hit = bases.find((image) => sameImage(image, op.details.identifier ?? ''));
      if (hit) return `${hit} has a new digest: pulled again`;
    }
    if (args.length > 0) {
      const old = before.get(places.get(op.id) ?? '');
      if (old !== op.definitionDigest) {
        if (op.kind === 'exec') return `build arg ${argNames} changed its environment or arguments`;
        if (op.kind === 'source') return `build arg ${argNames} changed which ${op.role === 'from' || op.role === 'image' ? 'image' : 'source'} it is`;
        return `build arg ${argNames} is expanded into its arguments`;
      }
    }
    return undefined;
  };

  /** Did the content a consumer reads from `source` (at `path`) change? */
  const contentChange = (source: string | undefined, path: string | undefined): string | undefined => {
    if (source === undefined) return undefined;
    const op = byId.get(source);
    if (!op) return undefined;
    if (op.role === 'context') {
      const hit = files.find((f) => selects(path ?? '/', f));
      return hit ? `it reads ${shown(hit)}, which changed` : undefined;
    }
    return missed(source) ? `${describe(source)} was rebuilt, so the files it reads may differ` : undefined;
  };

  for (const op of graph.ops) {
    const own = ownChange(op);
    let verdict: Verdict;
    switch (op.kind) {
      case 'source':
        if (own) verdict = { status: 'rebuilt', reason: own };
        else if (op.role === 'context') {
          const read = files.filter((f) => contextReaders(graph, op.id).some((src) => selects(src, f)));
          verdict = read.length
            ? { status: 'rebuilt', reason: `the context is sent again: ${read.map(shown).join(', ')} changed` }
            : {
                status: 'cached',
                reason: files.length
                  ? `no COPY, ADD or bind mount selects ${files.map(shown).join(', ')}`
                  : ignored.length
                    ? `${ignored.map(shown).join(', ')} ${ignored.length === 1 ? 'is' : 'are'} excluded by .dockerignore and never sent`
                    : 'no context file changed',
              };
        } else verdict = { status: 'cached', reason: 'source unchanged' };
        break;
      case 'file': {
        const actions = op.details.actions ?? [];
        const onBase = actions[0]?.onto === 'base';
        const why =
          own ??
          (onBase && missed(op.inputs[0]) ? `${describe(op.inputs[0])} changed, and a copy onto it is keyed by the whole chain below` : undefined) ??
          actions.map((a) => (a.type === 'copy' ? contentChange(a.sourceOp, a.src) : undefined)).find(Boolean);
        if (why) verdict = { status: 'rebuilt', reason: why };
        else if (op.linked) {
          verdict = { status: 'cached', reason: 'linked copy: no base input, and the files it copies are unchanged, so its layer is reused' };
        } else {
          const copies = actions.some((a) => a.type === 'copy');
          verdict = {
            status: 'cached',
            reason: copies ? (onBase ? 'its base and the files it copies are unchanged' : 'the files it copies are unchanged') : onBase ? 'its base is unchanged' : 'its content is unchanged',
          };
        }
        break;
      }
      case 'exec': {
        const root = op.details.root;
        const why =
          own ??
          (missed(root) ? `its root filesystem (${describe(root!)}) changed, and a RUN's root is keyed by the whole chain` : undefined) ??
          (op.details.mounts ?? [])
            .filter((m) => m.input !== undefined && m.input !== root)
            .map((m) => contentChange(m.input, m.selector ?? '/'))
            .find(Boolean);
        verdict = why ? { status: 'rebuilt', reason: why } : { status: 'cached', reason: 'its command, environment and inputs are unchanged' };
        break;
      }
      case 'merge': {
        const upper = op.inputs[op.inputs.length - 1];
        const lower = op.inputs.slice(0, -1);
        if (own) verdict = { status: 'rebuilt', reason: own };
        else if (missed(upper)) verdict = { status: 'rebuilt', reason: `its linked layer (${describe(upper)}) changed` };
        else if (lower.some(missed)) {
          verdict = { status: 'remerged', reason: 'a lower layer changed; the linked layer is reused and merged again (cheap, no copying)' };
        } else verdict = { status: 'cached', reason: 'both layers are unchanged' };
        break;
      }
    }
    verdicts.set(op.id, verdict);
  }

  const outcomes: OpOutcome[] = graph.ops.map((op) => ({ op: op.id, ...verdicts.get(op.id)! }));
  const unused = bases.filter((image) => !graph.ops.some((op) => op.kind === 'source' && sameImage(image, op.details.identifier ?? '')));
  const note = unused.length ? ` (${unused.join(', ')}: no such image in this build)` : '';
  return { changes, graph, outcomes, summary: summarize(graph, outcomes) + note };
}

/** A context path as people write it: relative to the context root. */
function shown(path: string): string {
  return path === '/' ? '.' : path.replace(/^\//, '');
}

/** The context paths each consumer of the context selects. */
function contextReaders(graph: BuildGraph, context: string): string[] {
  const out: string[] = [];
  for (const op of graph.ops) {
    for (const a of op.details.actions ?? []) if (a.type === 'copy' && a.sourceOp === context) out.push(a.src);
    for (const m of op.details.mounts ?? []) if (m.input === context) out.push(m.selector ?? '/');
  }
  return out;
}

/**
 * "3 of 5 steps rebuild; the linked copy is reused", counted in steps as BuildKit numbers them
 * (`[2/5]`, which the graph's nodes show): a `COPY --link` is one step of two ops, the FROM is
 * step 1. A step rebuilds when any of its ops does; it only re-merges when its merge is all
 * that runs again. Ops without a step number (the context, images read by COPY --from) are not steps.
 */
export function summarize(graph: BuildGraph, outcomes: readonly OpOutcome[]): string {
  const status = new Map(outcomes.map((o) => [o.op, o.status] as const));
  const rank: Record<OpStatus, number> = { cached: 0, remerged: 1, rebuilt: 2 };
  const steps = new Map<string, OpStatus>();
  for (const op of graph.ops) {
    const step = /^\[([^\]]*\d+\/\d+)\]/.exec(op.name)?.[1];
    if (step === undefined) continue;
    const now = status.get(op.id) ?? 'cached';
    const was = steps.get(step);
    if (was === undefined || rank[now] > rank[was]) steps.set(step, now);
  }
  const all = [...steps.values()];
  const redo = all.filter((s) => s !== 'cached').length;
  const remerged = all.filter((s) => s === 'remerged').length;
  const reusedLinks = graph.ops.filter((op) => op.linked && op.kind === 'file' && status.get(op.id) === 'cached').length;
  if (all.length === 0) return 'Nothing to build: the target has no steps';
  if (redo === 0) {
    return `Nothing rebuilds: ${all.length === 1 ? 'the only step is' : all.length === 2 ? 'both steps are' : `all ${all.length} steps are`} cached`;
  }
  let s = `${redo} of ${all.length} ${plural(all.length, 'step')} rebuild`;
  if (remerged > 0) s += ` (${remerged} only ${plural(remerged, 're-merge', 're-merges')})`;
  if (reusedLinks === 1) s += '; the linked copy is reused';
  else if (reusedLinks > 1) s += `; ${reusedLinks} linked copies are reused`;
  return s;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}

function describeOp(op: Op | undefined): string {
  if (!op) return 'an input';
  const text = op.name.replace(/^\[[^\]]*\]\s*/, '');
  return text.length > 50 ? `${text.slice(0, 49)}…` : text;
}

/** Where an op sits, independent of its id: role, stage, lines, and its rank among equals. */
function placesOf(graph: BuildGraph): Map<string, string> {
  const seen = new Map<string, number>();
  const out = new Map<string, string>();
  for (const op of graph.ops) {
    const base = `${op.kind}|${op.role}|${op.stage ?? ''}|${op.startLine ?? ''}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.set(op.id, `${base}|${n}`);
  }
  return out;
}

function definitionsByPlace(graph: BuildGraph): Map<string, string> {
  const places = placesOf(graph);
  return new Map(graph.ops.map((op) => [places.get(op.id)!, op.definitionDigest] as const));
}

function sameImage(written: string, identifier: string): boolean {
  const w = parseImageRef(written.replace(/^docker-image:\/\//, ''));
  const o = parseImageRef(identifier.replace(/^docker-image:\/\//, ''));
  if (!w.ok || !o.ok) return false;
  const parsed = w.value;
  const op = o.value;
  if (parsed.name !== op.name) return false;
  if (parsed.tag === undefined && parsed.digest === undefined) return true;
  return canonicalRef(parsed) === canonicalRef(op);
}

/**
 * `line:N`: the ops made by the instruction on that line are edited; a metadata instruction
 * there changes what later ops contain (table 6.3): ENV/ARG → later RUNs (env) and the
 * COPY/ADD/WORKDIR that expand those names; USER → later RUNs and WORKDIR mkdirs; SHELL →
 * later shell-form RUNs; WORKDIR → its mkdir, later RUNs (cwd) and relative destinations.
 * LABEL, EXPOSE, CMD and the like change only the image config.
 */
function lineEffects(build: EvaluatedBuild, graph: BuildGraph, lines: readonly number[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const n of lines) {
    for (const op of graph.ops) {
      if (op.startLine !== undefined && op.startLine <= n && n <= (op.endLine ?? op.startLine) && !out.has(op.id)) {
        out.set(op.id, `line ${n} was edited`);
      }
    }
    for (const stage of build.stages ?? []) {
      const from = stage.stage.from.node;
      if (from.startLine <= n && n <= from.endLine) {
        for (const op of graph.ops) if (op.stage === stage.stage.index && op.role === 'from' && !out.has(op.id)) out.set(op.id, `line ${n} (FROM) was edited`);
      }
      const command = stage.commands.find((c) => !c.onbuild && c.command.node.startLine <= n && n <= c.command.node.endLine);
      if (!command) continue;
      const affected = affectedBy(command, build, stage.stage.index);
      if (!affected) continue;
      const stages = descendants(build, stage.stage.index);
      for (const op of graph.ops) {
        if (op.stage === undefined || !stages.has(op.stage) || out.has(op.id)) continue;
        if (op.stage === stage.stage.index && (op.startLine ?? 0) <= command.command.node.endLine) continue;
        const why = affected(op);
        if (why) out.set(op.id, why);
      }
    }
  }
  return out;
}

function affectedBy(c: EvaluatedCommand, build: EvaluatedBuild, _stage: number): ((op: Op) => string | undefined) | undefined {
  const line = c.command.node.startLine;
  const kind = c.command.kind;
  const text = (op: Op) => opText(build, op);
  if (kind === 'env' || kind === 'arg') {
    const names =
      kind === 'env'
        ? (c.command as { pairs: readonly { key: { value: string } }[] }).pairs.map((p) => p.key.value)
        : (c.command as { args: readonly { name: { value: string } }[] }).args.map((a) => a.name.value);
    const uses = (t: string) => names.some((k) => new RegExp(`\\$\\{?${k.replace(/[^\w]/g, '')}\\b`).test(t));
    return (op) => {
      if (op.kind === 'exec') return `the ${kind.toUpperCase()} on line ${line} is in its environment`;
      if (op.kind === 'file' && (op.role === 'copy' || op.role === 'add' || op.role === 'workdir') && uses(text(op))) {
        return `it expands a variable set on line ${line}`;
      }
      return undefined;
    };
  }
  if (kind === 'user') {
    return (op) => (op.kind === 'exec' ? `it runs as the USER set on line ${line}` : op.role === 'workdir' ? `its directory is owned by the USER set on line ${line}` : undefined);
  }
  if (kind === 'shell') return (op) => (op.kind === 'exec' && isShellForm(build, op) ? `its argv starts with the SHELL set on line ${line}` : undefined);
  if (kind === 'workdir') {
    return (op) => {
      if (op.kind === 'exec') return `its working directory comes from line ${line}`;
      if ((op.role === 'copy' || op.role === 'add') && !isAbsoluteDest(build, op)) return `its relative destination resolves against the WORKDIR on line ${line}`;
      if (op.role === 'workdir') return `it is relative to the WORKDIR on line ${line}`;
      return undefined;
    };
  }
  return undefined;
}

function commandOf(build: EvaluatedBuild, op: Op): EvaluatedCommand | undefined {
  const stage = (build.stages ?? []).find((s) => s.stage.index === op.stage);
  return stage?.commands.find((c) => c.command.node.startLine === op.startLine);
}

function opText(build: EvaluatedBuild, op: Op): string {
  return commandOf(build, op)?.command.node.original ?? '';
}

function isShellForm(build: EvaluatedBuild, op: Op): boolean {
  const c = commandOf(build, op);
  return c?.command.kind === 'run' ? c.command.shellForm : true;
}

function isAbsoluteDest(build: EvaluatedBuild, op: Op): boolean {
  const c = commandOf(build, op);
  if (!c || (c.command.kind !== 'copy' && c.command.kind !== 'add')) return true;
  const dest = c.expanded.kind === 'copy' || c.expanded.kind === 'add' ? c.expanded.dest : c.command.dest.value;
  return dest.startsWith('/');
}

/** `line:N` on a global ARG: the FROM lines that expand it get another base. */
function globalArgEffects(analysis: Analysis, graph: BuildGraph, lines: readonly number[], out: Map<string, string>): void {
  for (const n of lines) {
    const arg = (analysis.model.globalArgs ?? []).find((a) => a.node.startLine <= n && n <= a.node.endLine);
    if (!arg) continue;
    const names = arg.args.map((a) => a.name.value.replace(/[^\w]/g, ''));
    for (const stage of analysis.build.stages ?? []) {
      const from = stage.stage.from.node.original;
      if (!names.some((k) => new RegExp(`\\$\\{?${k}\\b`).test(from))) continue;
      for (const op of graph.ops) {
        if (op.stage === stage.stage.index && op.role === 'from' && !out.has(op.id)) out.set(op.id, `the global ARG on line ${n} names its base image`);
      }
    }
  }
}

/** The stage and every stage built FROM it, transitively. */
function descendants(build: EvaluatedBuild, index: number): Set<number> {
  const out = new Set([index]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const s of build.stages ?? []) {
      if (s.base.kind === 'stage' && out.has(s.base.index) && !out.has(s.stage.index)) {
        out.add(s.stage.index);
        grew = true;
      }
    }
  }
  return out;
}

/**
 * What every lowering step shares: the op table, each stage's result so far, the build's
 * options, step-name prefixes and the sources (images, the context) any step may add.
 */
import type { Diagnostic } from '../../core/diagnostic.ts';
import { buildError } from '../../core/diagnostic.ts';
import { canonicalRef, displayRef, parseImageRef } from '../../core/image-ref.ts';
import type { BuildOptions, DockerfileModel, EvaluatedBuild, EvaluatedCommand, EvaluatedStage } from '../../instructions/model.ts';
import { baseImageConfig } from '../../image/base-image.ts';
import { describeSource, sourceLine, type ImageOverrides } from '../../image/model.ts';
import { OpTable, type OpMeta } from '../op-table.ts';

export const DEFAULT_PLATFORM = 'linux/amd64';

/** A stage's LLB state while lowering: the op whose output is its filesystem (none = scratch). */
export interface FsState {
  readonly fs?: string;
  readonly platform: string;
}

/** Step numbering of one stage (`prefixCommand` in the frontend). */
export interface Steps {
  readonly stageName: string;
  readonly total: number;
  index: number;
}

/** BuildKit stops at its first error: thrown to unwind, caught by the stage loop. */
export class LowerError extends Error {}

export class LowerContext {
  readonly table = new OpTable();
  readonly diagnostics: Diagnostic[] = [];
  /** Final filesystem of each lowered stage, by stage index. */
  readonly stageResults = new Map<number, FsState>();
  readonly targetPlatform: string;
  readonly mergeOp: boolean;
  /** Caller-supplied base-image configs (`BuildOptions.images`). */
  readonly images?: ImageOverrides;
  /** SOURCE_DATE_EPOCH: WORKDIR directories get this timestamp (part of the mkdir). */
  readonly epoch?: string;
  readonly build: EvaluatedBuild;
  readonly model: DockerfileModel;
  /** Reachable stages by index and by name (a later definition of a name wins, as in BuildKit). */
  readonly byIndex = new Map<number, EvaluatedStage>();
  readonly byName = new Map<string, EvaluatedStage>();

  constructor(build: EvaluatedBuild, options: BuildOptions, model: DockerfileModel) {
    this.build = build;
    this.model = model;
    this.mergeOp = options.mergeOp !== false;
    this.images = options.images;
    this.epoch = options.buildArgs?.SOURCE_DATE_EPOCH ?? build.globalArgs.SOURCE_DATE_EPOCH;
    for (const s of build.stages) {
      this.byIndex.set(s.stage.index, s);
      if (s.stage.name) this.byName.set(s.stage.name, s);
    }
    this.targetPlatform = normalizePlatform(build.globalArgs.TARGETPLATFORM ?? DEFAULT_PLATFORM, DEFAULT_PLATFORM);
  }

  fail(message: string, c: EvaluatedCommand): never {
    // Evaluation may already have reported the same dispatch error; say it once.
    if (!this.build.diagnostics.some((d) => d.message === message)) this.diagnostics.push(buildError(message, c.command.node.span));
    throw new LowerError(message);
  }

  /** `[stage 2/5] ` + optional `ONBUILD ` + text; no prefix when the stage counts no steps. */
  prefix(steps: Steps, text: string, onbuild: boolean): string {
    if (steps.total === 0) return text;
    steps.index++;
    const width = String(steps.total).length;
    const stagePart = steps.stageName ? `${steps.stageName} ` : '';
    return `[${stagePart}${String(steps.index).padStart(width, ' ')}/${steps.total}] ${onbuild ? 'ONBUILD ' : ''}${text}`;
  }

  imageName(ref: string): string {
    const parsed = parseImageRef(ref);
    return parsed.ok ? canonicalRef(parsed.value) : ref;
  }

  imageSource(ref: string, platform: string, meta: OpMeta): string {
    const parsed = parseImageRef(ref);
    const identity = parsed.ok ? canonicalRef(parsed.value) : ref;
    const shown = parsed.ok ? displayRef(parsed.value) : ref;
    const platformDetail = platform !== this.targetPlatform ? { platform } : {};
    // Where the image's config came from, for readers of the graph (not part of the op's identity).
    const source = baseImageConfig(ref, this.images).source;
    return this.table.add('source', { image: identity, platform }, [], {
      ...meta,
      details: { identifier: `docker-image://${shown}`, ...platformDetail, imageConfig: describeSource(source), imageConfigLine: sourceLine(source) },
    });
  }

  context(): string {
    return this.table.add('source', { local: 'context' }, [], {
      name: '[internal] load build context',
      role: 'context',
      details: { identifier: 'local://context' },
    });
  }

  commandMeta(stage: EvaluatedStage, c: EvaluatedCommand, name: string, role: string): Omit<OpMeta, 'details'> {
    return { name, role, stage: stage.stage.index, ...nodeLines(c.command.node) };
  }

  stepText(c: EvaluatedCommand): string {
    if (c.stepText) return c.stepText;
    const original = c.command.node.original ?? '';
    const space = original.search(/\s/);
    return space === -1 ? original.toUpperCase() : original.slice(0, space).toUpperCase() + original.slice(space);
  }
}

export function normalizePlatform(p: string | undefined, fallback: string): string {
  if (p === undefined || p.trim() === '') return fallback;
  const parts = p.trim().toLowerCase().split('/');
  if (parts[1] === 'x86_64' || parts[1] === 'x86-64') parts[1] = 'amd64';
  if (parts[1] === 'aarch64') parts[1] = 'arm64';
  if (parts[1] === 'arm64' && parts[2] === 'v8') parts.length = 2;
  return parts.join('/');
}

export function nodeLines(node: { span?: { start: number; end: number }; startLine?: number; endLine?: number } | undefined) {
  if (!node) return {};
  return {
    ...(node.span ? { span: node.span } : {}),
    ...(node.startLine !== undefined ? { startLine: node.startLine, endLine: node.endLine ?? node.startLine } : {}),
  };
}

/**
 * An op's input list as LLB marshals it: each input once, in order of first use.
 * `indexOf` adds a key on first sight and gives its position; -1 stands for no input (scratch).
 */
export function inputList(): { inputs: string[]; indexOf: (key: string | undefined) => number } {
  const inputs: string[] = [];
  const indexOf = (key: string | undefined): number => {
    if (key === undefined) return -1;
    const i = inputs.indexOf(key);
    if (i !== -1) return i;
    inputs.push(key);
    return inputs.length - 1;
  };
  return { inputs, indexOf };
}

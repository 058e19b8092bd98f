/**
 * Hand-built `EvaluatedBuild` fixtures, so lowering is tested apart from parsing and
 * evaluation: a tiny builder that tracks WORKDIR/USER/ENV like BuildKit's dispatch state.
 */
import type {
  Command,
  CopyOrigin,
  EvaluatedBuild,
  EvaluatedCommand,
  EvaluatedStage,
  Expanded,
  Mount,
  StageBase,
  StageState,
} from '../../../src/analyzer/instructions/model.ts';
import { parseMount } from '../../../src/analyzer/instructions/mounts.ts';
import type { Heredoc, InstructionNode, Word } from '../../../src/analyzer/parse/tree.ts';
import { unknownImage } from '../../../src/analyzer/image/model.ts';

let line = 0;

function word(value: string): Word {
  return { value, span: { start: 0, end: value.length } };
}

function node(keyword: string, original: string, heredocs: Heredoc[] = []): InstructionNode {
  line++;
  return {
    keyword,
    command: keyword.toLowerCase(),
    keywordSpan: { start: line * 100, end: line * 100 + keyword.length },
    flags: [],
    args: [],
    json: false,
    original,
    heredocs,
    comments: [],
    startLine: line,
    endLine: line,
    span: { start: line * 100, end: line * 100 + original.length },
    emptyContinuation: false,
  };
}

export function heredoc(name: string, content: string): Heredoc {
  return { name, expand: true, chomp: false, fileDescriptor: 0, content, span: { start: 0, end: 0 }, bodySpan: { start: 0, end: 0 } };
}

export interface CopyOpts {
  readonly link?: boolean;
  readonly from?: string;
  readonly origin?: CopyOrigin;
  readonly chmod?: string;
  readonly chown?: string;
  readonly add?: boolean;
  readonly heredocs?: Heredoc[];
  readonly checksum?: string;
}

export class StageBuilder {
  readonly commands: EvaluatedCommand[] = [];
  state: StageState = { env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], workdir: '/', user: '', shell: ['/bin/sh', '-c'] };
  readonly index: number;
  readonly name?: string;
  readonly base: StageBase;
  readonly fromText: string;
  private onbuildNext = false;

  constructor(index: number, base: StageBase, name?: string, fromText = 'FROM x') {
    this.index = index;
    this.base = base;
    this.name = name;
    this.fromText = fromText;
  }

  private push(command: Command, expanded: Expanded, stepText: string, origin?: CopyOrigin) {
    this.commands.push({ command, state: this.state, onbuild: this.onbuildNext, expanded, stepText, unmatched: [], ...(origin ? { origin } : {}) });
    this.onbuildNext = false;
    return this;
  }

  onbuild(): this {
    this.onbuildNext = true;
    return this;
  }

  run(text: string, opts: { mounts?: string[]; heredocs?: Heredoc[]; json?: string[] } = {}): this {
    const n = node('RUN', `RUN ${text}`, opts.heredocs);
    const command: Command = {
      kind: 'run',
      node: n,
      flags: [],
      args: opts.json ?? [text],
      shellForm: !opts.json,
      mounts: (opts.mounts ?? []).map((raw) => ({ raw, span: n.span })),
      heredocs: opts.heredocs ?? [],
    };
    // Evaluation interprets each --mount; here its values are taken as already expanded.
    const mounts = (opts.mounts ?? []).map((raw) => parseMount(raw, (value) => ({ value, unmatched: [] })).mount).filter((m): m is Mount => m !== undefined);
    return this.push(command, { kind: 'run', mountTexts: opts.mounts ?? [], mounts }, `RUN ${text}`);
  }

  copy(sources: string[], dest: string, opts: CopyOpts = {}): this {
    const kw = opts.add ? 'ADD' : 'COPY';
    const flags = [opts.link ? '--link' : '', opts.from ? `--from=${opts.from}` : '', opts.chmod ? `--chmod=${opts.chmod}` : '', opts.chown ? `--chown=${opts.chown}` : '']
      .filter(Boolean)
      .join(' ');
    const text = `${kw} ${flags ? flags + ' ' : ''}${sources.join(' ')} ${dest}`;
    const command: Command = {
      kind: opts.add ? 'add' : 'copy',
      node: node(kw, text, opts.heredocs),
      flags: [],
      sources: sources.map(word),
      dest: word(dest),
      heredocs: opts.heredocs ?? [],
      ...(opts.from ? { from: word(opts.from) } : {}),
      ...(opts.chmod ? { chmod: word(opts.chmod) } : {}),
      ...(opts.chown ? { chown: word(opts.chown) } : {}),
      ...(opts.checksum ? { checksum: word(opts.checksum) } : {}),
      link: opts.link ?? false,
      parents: false,
      excludes: [],
    };
    const origin: CopyOrigin | undefined = opts.origin ?? (opts.from ? undefined : { kind: 'context' });
    const expanded: Expanded = {
      kind: command.kind,
      sources,
      dest,
      ...(opts.chmod ? { chmod: opts.chmod } : {}),
      ...(opts.chown ? { chown: opts.chown } : {}),
      ...(opts.checksum ? { checksum: opts.checksum } : {}),
    };
    return this.push(command, expanded, text, origin);
  }

  workdir(path: string): this {
    const n = node('WORKDIR', `WORKDIR ${path}`);
    const wd = path.startsWith('/') ? path : `${this.state.workdir.replace(/\/$/, '')}/${path}`;
    this.push({ kind: 'workdir', node: n, flags: [], args: [word(path)] }, { kind: 'workdir', path, workdir: wd }, `WORKDIR ${path}`);
    this.state = { ...this.state, workdir: wd };
    return this;
  }

  user(u: string): this {
    const n = node('USER', `USER ${u}`);
    this.push({ kind: 'user', node: n, flags: [], args: [word(u)] }, { kind: 'user', user: u }, `USER ${u}`);
    this.state = { ...this.state, user: u };
    return this;
  }

  env(k: string, v: string): this {
    const n = node('ENV', `ENV ${k}=${v}`);
    this.push({ kind: 'env', node: n, flags: [], pairs: [{ key: word(k), value: word(v), legacy: false }] }, { kind: 'env', keys: [k], values: [v] }, `ENV ${k}=${v}`);
    this.state = { ...this.state, env: [...this.state.env.filter((e) => !e.startsWith(`${k}=`)), `${k}=${v}`] };
    return this;
  }

  /** A metadata instruction (SHELL, LABEL, EXPOSE, …) that makes no op. */
  meta(kind: 'shell' | 'expose' | 'cmd' | 'stopsignal', text: string): this {
    const n = node(kind.toUpperCase(), `${kind.toUpperCase()} ${text}`);
    const expanded: Expanded =
      kind === 'expose' ? { kind, ports: [text], exposed: [] } : kind === 'stopsignal' ? { kind, signal: text } : { kind };
    return this.push({ kind, node: n, flags: [], args: [word(text)] }, expanded, `${kind.toUpperCase()} ${text}`);
  }

  arg(name: string): this {
    const n = node('ARG', `ARG ${name}`);
    return this.push({ kind: 'arg', node: n, flags: [], args: [{ name: word(name) }] }, { kind: 'arg', args: [name] }, `ARG ${name}`);
  }

  /** Line of the last instruction added. */
  get lastLine(): number {
    return this.commands[this.commands.length - 1].command.node.startLine;
  }

  toStage(): EvaluatedStage {
    const fromNode = node('FROM', this.fromText);
    return {
      stage: {
        index: this.index,
        ...(this.name ? { name: this.name } : {}),
        from: { kind: 'from', node: fromNode, flags: [], image: word('x'), ...(this.name ? { stageName: word(this.name) } : {}) },
        commands: this.commands.map((c) => c.command),
        span: fromNode.span,
      },
      base: this.base,
      commands: this.commands,
      initial: this.commands[0]?.state ?? this.state,
    };
  }
}

/** `stage(0, 'alpine')`, `stage(1, 'scratch')`, `stage(2, 0)` (FROM the stage with index 0). */
export function stage(index: number, base: string | number, name?: string): StageBuilder {
  const b: StageBase =
    typeof base === 'number'
      ? { kind: 'stage', index: base }
      : base === 'scratch'
        ? { kind: 'scratch' }
        : { kind: 'image', ref: base, config: unknownImage(base) };
  return new StageBuilder(index, b, name);
}

export function buildOf(stages: StageBuilder[], target = stages[stages.length - 1].index): EvaluatedBuild {
  const built = stages.map((s) => s.toStage());
  return { target, stages: built, linted: built, globalArgs: {}, froms: [], diagnostics: [], lintDiagnostics: [] };
}

export function modelOf(count: number) {
  return { globalArgs: [], stages: Array.from({ length: count }, () => ({}) as never), diagnostics: [] };
}

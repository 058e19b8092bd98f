import type { Diagnostic } from '../core/diagnostic.ts';
import type { Span } from '../core/span.ts';
import type { Heredoc, InstructionNode, Word } from '../parse/tree.ts';
import type { ImageConfig, ImageOverrides } from '../image/model.ts';
import type { Mount } from './mounts.ts';

export type { Mount, MountSharing, MountType } from './mounts.ts';

/**
 * The instruction model, in two steps as in BuildKit:
 *   1. `DockerfileModel`: typed commands grouped in stages (BuildKit's `instructions.Parse`).
 *      Values are still unexpanded words.
 *   2. `EvaluatedBuild`: the target and the stages it reaches, with variables expanded in
 *      every argument BuildKit expands, and the state (env, workdir, user, shell) each command
 *      sees (the dispatch half of BuildKit's `dockerfile2llb`). This is what `graph/` lowers
 *      and what dispatch-time rules read.
 * Owned by `instructions/`.
 */

export interface Flag {
  /** Without dashes: `from`, `link`, `mount`. */
  readonly name: string;
  /** Undefined for a bare boolean flag (`--link`). */
  readonly value: string | undefined;
  readonly span: Span;
}

interface CommandBase {
  readonly node: InstructionNode;
  /** Validated flags, in the order written. */
  readonly flags: readonly Flag[];
}

export interface FromCommand extends CommandBase {
  readonly kind: 'from';
  readonly image: Word;
  readonly platform?: Word;
  /** Lower-cased stage name after `AS`, if any. */
  readonly stageName?: Word;
  /**
   * The FROM line had an instruction error. The stage is kept anyway so that the commands
   * after it group as in the file; evaluation reports nothing more about its base.
   */
  readonly invalid?: boolean;
}

export interface RunMount {
  /** The raw `--mount` value, unexpanded. */
  readonly raw: string;
  readonly span: Span;
}

export interface RunCommand extends CommandBase {
  readonly kind: 'run';
  /** Shell form: one element holding the raw text. JSON form: the decoded array. */
  readonly args: readonly string[];
  readonly shellForm: boolean;
  readonly mounts: readonly RunMount[];
  readonly network?: string;
  readonly security?: string;
  /** Raw `--device` values (labs-only feature: evaluation rejects them as stable BuildKit does). */
  readonly devices?: readonly string[];
  readonly heredocs: readonly Heredoc[];
}

export interface CopyCommand extends CommandBase {
  readonly kind: 'copy' | 'add';
  /** Source words, unexpanded; heredoc sources appear here as their `<<EOF` word. */
  readonly sources: readonly Word[];
  readonly dest: Word;
  readonly heredocs: readonly Heredoc[];
  readonly from?: Word;
  readonly chown?: Word;
  readonly chmod?: Word;
  readonly link: boolean;
  readonly parents: boolean;
  readonly excludes: readonly string[];
  readonly checksum?: Word;
  readonly keepGitDir?: boolean;
  readonly unpack?: boolean;
}

export interface KeyValue {
  readonly key: Word;
  readonly value: Word;
  /** `=` form, or the legacy `KEY value` form. */
  readonly legacy: boolean;
}

export interface EnvCommand extends CommandBase {
  readonly kind: 'env' | 'label';
  readonly pairs: readonly KeyValue[];
}

export interface ArgDeclaration {
  readonly name: Word;
  /** Unexpanded default, if `=` was written. */
  readonly defaultValue?: Word;
}

export interface ArgCommand extends CommandBase {
  readonly kind: 'arg';
  readonly args: readonly ArgDeclaration[];
}

/** Commands whose single or few arguments need no further structure here. */
export interface SimpleCommand extends CommandBase {
  readonly kind:
    | 'workdir'
    | 'user'
    | 'volume'
    | 'expose'
    | 'stopsignal'
    | 'cmd'
    | 'entrypoint'
    | 'shell'
    | 'maintainer'
    | 'healthcheck';
  readonly args: readonly Word[];
}

export interface OnbuildCommand extends CommandBase {
  readonly kind: 'onbuild';
  /** The trigger's text, stored unevaluated. */
  readonly expression: string;
  readonly trigger?: Command;
  /**
   * Why the trigger cannot be converted (BuildKit's text, no line prefix). BuildKit only finds
   * out when a downstream stage runs the trigger, so evaluation reports it there.
   */
  readonly triggerError?: string;
}

export type Command =
  | FromCommand
  | RunCommand
  | CopyCommand
  | EnvCommand
  | ArgCommand
  | SimpleCommand
  | OnbuildCommand;

export interface Stage {
  /** 0-based position among the FROMs. */
  readonly index: number;
  /** Lower-cased `AS` name, if any. */
  readonly name?: string;
  readonly from: FromCommand;
  /** Everything after FROM up to the next FROM. */
  readonly commands: readonly Command[];
  /** From the FROM keyword to the end of the stage's last instruction. */
  readonly span: Span;
}

export interface DockerfileModel {
  /** ARGs before the first FROM. */
  readonly globalArgs: readonly ArgCommand[];
  readonly stages: readonly Stage[];
  /** Instruction-layer errors, already wrapped as BuildKit wraps them. */
  readonly diagnostics: readonly Diagnostic[];
  /** The Dockerfile's escape token (from the tree), used by every expansion. Default `\`. */
  readonly escape?: '\\' | '`';
}

// ---------------------------------------------------------------------------
// Step 2: evaluation for one build request.

export interface BuildOptions {
  /** `--target`; default: the last stage. */
  readonly target?: string;
  /** `--build-arg KEY=VALUE`. */
  readonly buildArgs?: Readonly<Record<string, string>>;
  /** Builder advertises MergeOp (default true). False models the classic Docker Engine store. */
  readonly mergeOp?: boolean;
  /**
   * Base-image configs supplied by the caller (`--image-config`, registry answers), by
   * reference; they win over the built-in table (`image/base-image.ts`).
   */
  readonly images?: ImageOverrides;
}

/** The state a command sees, as BuildKit's dispatch state holds it. */
export interface StageState {
  /**
   * `KEY=VALUE` in order: base env, default PATH, ENV and ARG values (a key set again moves to
   * the end). Evaluation provides it as an enumerable getter built on first read, so it reads,
   * spreads, serialises and structured-clones like a plain array; commands whose state did not
   * change share the same `StageState` object.
   */
  readonly env: readonly string[];
  readonly workdir: string;
  readonly user: string;
  /** SHELL in force (default `["/bin/sh","-c"]`). */
  readonly shell: readonly string[];
}

export type StageBase =
  | { readonly kind: 'scratch' }
  | {
      readonly kind: 'image';
      readonly ref: string;
      readonly platform?: string;
      /** What is known of the image's config (table, file, registry, or unknown): the stage starts from it. */
      readonly config: ImageConfig;
    }
  | { readonly kind: 'stage'; readonly index: number };

export type CopyOrigin =
  | { readonly kind: 'context' }
  | { readonly kind: 'stage'; readonly index: number }
  | { readonly kind: 'image'; readonly ref: string };

/** COPY/ADD: the flags only when given; heredoc sources appear in `sources` as written. */
export interface ExpandedCopy {
  readonly kind: 'copy' | 'add';
  /** One entry per source word, in order; heredoc words as written. */
  readonly sources: readonly string[];
  readonly dest: string;
  readonly chown?: string;
  readonly chmod?: string;
  /** ADD only. */
  readonly checksum?: string;
  /** One body per heredoc source, in source order, chomped for `<<-`, expanded unless the delimiter was quoted. */
  readonly heredocs?: readonly string[];
}

export interface ExpandedRun {
  readonly kind: 'run';
  /** One CSV string per `--mount`, every field value expanded. */
  readonly mountTexts: readonly string[];
  /** Each `--mount`, interpreted (a mount that failed to parse is left out). */
  readonly mounts: readonly Mount[];
}

export type Expanded =
  | ExpandedCopy
  | ExpandedRun
  /** `path`: the expanded argument; `workdir`: the resolved absolute directory. */
  | { readonly kind: 'workdir'; readonly path: string; readonly workdir: string }
  | { readonly kind: 'user'; readonly user: string }
  | { readonly kind: 'volume'; readonly volumes: readonly string[] }
  | { readonly kind: 'stopsignal'; readonly signal: string }
  /** `ports`: each argument expanded, then split; `exposed`: `80/tcp`, one per port of each range (the image config keys). */
  | { readonly kind: 'expose'; readonly ports: readonly string[]; readonly exposed: readonly string[] }
  /** Parallel arrays, one entry per pair. */
  | { readonly kind: 'env' | 'label'; readonly keys: readonly string[]; readonly values: readonly string[] }
  /** `NAME=value` for a declaration that got a value, `NAME` otherwise. */
  | { readonly kind: 'arg'; readonly args: readonly string[] }
  /** Instructions that expand nothing here. */
  | { readonly kind: 'from' | 'cmd' | 'entrypoint' | 'shell' | 'maintainer' | 'healthcheck' | 'onbuild' };

export interface EvaluatedCommand {
  readonly command: Command;
  /** The state before this command ran. */
  readonly state: StageState;
  /** True when the command came from an ONBUILD trigger of the base stage. */
  readonly onbuild: boolean;
  /**
   * What evaluation computed for the command, by keyword: only what BuildKit expands for
   * that instruction. When an expansion fails the raw text is kept and the error is in
   * `diagnostics`.
   */
  readonly expanded: Expanded;
  /** For COPY/ADD: where `--from` points. */
  readonly origin?: CopyOrigin;
  /** For RUN: the stage each `--mount from=` names, by mount position (absent: context or image). */
  readonly mountStages?: readonly (number | undefined)[];
  /**
   * Step text as BuildKit shows it after the `[i/N] ` prefix: first word upper-cased, RUN with
   * only known variables substituted and quotes kept (plus ` (<first heredoc line>...)`),
   * COPY/ADD/WORKDIR fully processed. It does not include BuildKit's `ONBUILD ` marker: when
   * `onbuild` is true, put `ONBUILD ` right after the prefix (before `LINK ` for a merge).
   */
  readonly stepText: string;
  /**
   * Names of variables that expanded while unset (feeds UndefinedVar), in first-use order.
   * Names declared by an ARG of the stage (or its FROM ancestors) are left out, as BuildKit does.
   */
  readonly unmatched: readonly string[];
}

export interface EvaluatedStage {
  readonly stage: Stage;
  readonly base: StageBase;
  /** ONBUILD triggers of the base stage first, then the stage's own commands. */
  readonly commands: readonly EvaluatedCommand[];
  /** State after FROM (what the first command sees). */
  readonly initial: StageState;
  /**
   * BuildKit's progress name for the stage: the `AS` name, else `stage-<index>`; empty when
   * the build has a single dispatch state (one stage, no image or mount sources).
   */
  readonly displayName?: string;
  /** The FROM base name after expansion against the global scope. */
  readonly baseName?: string;
  /** The expanded `--platform`, when given. */
  readonly platform?: string;
}

/** One word as evaluation expanded it: the value (as written on error) and the names it read. */
export interface ExpandedWord {
  readonly value: string;
  /** Names that were set. */
  readonly matched: readonly string[];
  /** Names that were unset, in first-use order. */
  readonly unmatched: readonly string[];
  readonly error?: string;
}

/** A FROM line of any stage, reachable or not, expanded against the global scope. */
export interface FromExpansion {
  readonly image: ExpandedWord;
  readonly platform?: ExpandedWord;
  /**
   * The base name expanded with the global ARGs' defaults only (build args ignored, the
   * built-ins keep theirs), as BuildKit validates base images for InvalidDefaultArgInFrom.
   */
  readonly imageWithDefaults: ExpandedWord;
}

export interface EvaluatedBuild {
  /** Index of the target stage. */
  readonly target: number;
  /** Reachable stages in file order (the target and every stage it depends on). */
  readonly stages: readonly EvaluatedStage[];
  /**
   * The stages a lint request converts, in file order: every stage when no target is given (as
   * `docker build --check` does), else the reachable ones. Shares its objects with `stages`;
   * stages the build does not reach run no ONBUILD triggers (BuildKit initialises those only
   * for reachable stages).
   */
  readonly linted: readonly EvaluatedStage[];
  /** Values of the global ARGs and built-in platform args after build-arg overrides. */
  readonly globalArgs: Readonly<Record<string, string>>;
  /** Every stage's FROM line, by stage index. */
  readonly froms: readonly FromExpansion[];
  /** Errors BuildKit raises while evaluating (unknown target, bad stage reference, …). */
  readonly diagnostics: readonly Diagnostic[];
  /** Errors in stages only a lint request converts (`docker build --check` fails on them; a build does not). */
  readonly lintDiagnostics: readonly Diagnostic[];
}

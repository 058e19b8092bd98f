import type { Diagnostic } from '../core/diagnostic.ts';
import type { Span } from '../core/span.ts';

/**
 * The build graph: the LLB ops BuildKit's Dockerfile frontend would emit for the target.
 * Owned by `graph/`. Plain data: ops refer to their inputs by id.
 */

export type OpKind = 'source' | 'exec' | 'file' | 'merge';

export type FileAction =
  | {
      readonly type: 'copy';
      /** `scratch`: starts from an empty filesystem; `base`: onto the op's first input; `prev`: onto the previous action. */
      readonly onto: 'scratch' | 'base' | 'prev';
      /** Id of the op the files come from. */
      readonly sourceOp: string;
      readonly src: string;
      readonly dest: string;
      readonly chown?: string;
      readonly chmod?: string;
      readonly excludes?: readonly string[];
      readonly unpack?: boolean;
      /** `--parents`: include patterns relative to `src`. */
      readonly includes?: readonly string[];
    }
  | {
      readonly type: 'mkdir';
      readonly path: string;
      readonly onto: 'scratch' | 'base' | 'prev';
      readonly mode?: number;
      /** WORKDIR: the USER in force; cache mounts: `uid:gid`. */
      readonly owner?: string;
    }
  | {
      readonly type: 'mkfile';
      readonly path: string;
      readonly onto: 'scratch' | 'base' | 'prev';
      readonly mode?: number;
      /** The inline document's content. */
      readonly data?: string;
    }
  | { readonly type: 'rm'; readonly path: string; readonly onto: 'scratch' | 'base' | 'prev' };

export interface ExecMount {
  readonly type: 'bind' | 'cache' | 'tmpfs' | 'secret' | 'ssh';
  readonly target: string;
  /** Id of the op mounted, for mounts with an input. */
  readonly input?: string;
  readonly source?: string;
  readonly readonly: boolean;
  readonly id?: string;
  readonly sharing?: string;
  /** Path inside the mounted input (`source=`), when not its root. */
  readonly selector?: string;
}

export interface OpDetails {
  /** Source ops: BuildKit's identifier without digest (`docker-image://docker.io/library/alpine`). */
  readonly identifier?: string;
  /** Image sources: where the image's config came from (`built-in table golang:1.27; … , 2026-08-19`, `unknown`). */
  readonly imageConfig?: string;
  /** Image sources: the same in a few words for the drawn node (`config: table, 2026-08-19`, `config: unknown`). */
  readonly imageConfigLine?: string;
  /** Exec ops. */
  readonly args?: readonly string[];
  readonly env?: readonly string[];
  readonly cwd?: string;
  readonly user?: string;
  readonly network?: string;
  readonly security?: string;
  readonly mounts?: readonly ExecMount[];
  /** Exec ops: id of the op mounted as the root filesystem; absent when the root is scratch. */
  readonly root?: string;
  /** File ops. */
  readonly actions?: readonly FileAction[];
  /** Source and exec ops: the platform, when it is not the build's target platform. */
  readonly platform?: string;
  /** HTTP/Git sources: `--checksum`; Git: keep the `.git` directory. */
  readonly checksum?: string;
  readonly keepGitDir?: boolean;
}

export interface Op {
  /** Stable within one analysis, derived from the graph position (e.g. `op3`). */
  readonly id: string;
  readonly kind: OpKind;
  /** Input op ids in BuildKit's input order. */
  readonly inputs: readonly string[];
  /** Progress name as BuildKit prints it: `[2/2] COPY /dir1 /dir1`, `[2/2] LINK COPY --link …`, `[internal] load build context`. */
  readonly name: string;
  /** Index of the stage that emitted it; undefined for shared sources such as the context. */
  readonly stage?: number;
  /** The Dockerfile instruction it came from. */
  readonly span?: Span;
  readonly startLine?: number;
  readonly endLine?: number;
  /** What emitted it: `from`, `copy`, `add`, `run`, `workdir`, `link-merge`, `heredoc`, `context`, … */
  readonly role: string;
  readonly details: OpDetails;
  /**
   * Identity of the op as BuildKit digests it: its definition plus its inputs' digests.
   * Equal digests are one op (deduplicated); names, lines and stages never take part.
   */
  readonly digest: string;
  /** Digest of the definition alone (without inputs): what an edit of the instruction changes. */
  readonly definitionDigest: string;
  /** True for the scratch copy and the merge of a `COPY/ADD --link`. */
  readonly linked?: boolean;
}

export interface BuildGraph {
  /** Ops in the canonical order of the shape format (post-order from the result). */
  readonly ops: readonly Op[];
  /** Id of the op whose output is the target stage's filesystem; undefined when it is empty (scratch). */
  readonly result?: string;
  /** For each reachable stage, its name and the op holding its final state. */
  readonly stages: readonly { readonly index: number; readonly name: string; readonly result?: string }[];
  /** Errors BuildKit raises while lowering, with its messages. */
  readonly diagnostics: readonly Diagnostic[];
}

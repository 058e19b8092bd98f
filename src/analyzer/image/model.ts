/**
 * What the analyzer knows about a base image: the parts of its config BuildKit's dispatch reads
 * before converting a stage (Env, WorkingDir, User, OnBuild, platform) and the filesystem facts
 * the `--link` rules need. One model for every source: the built-in table, a config file given
 * on the command line, a registry, or nothing at all.
 */

export interface ImagePlatform {
  readonly os: string;
  readonly architecture: string;
  readonly variant?: string;
}

/** Where a config came from; shown on the graph's source node and in findings. */
export interface ImageConfigSource {
  /** `table`: built-in table; `file`: `--image-config`; `registry`: `--resolve-images`; `unknown`: nothing known. */
  readonly kind: 'table' | 'file' | 'registry' | 'unknown';
  /** Table: `golang:1.27-alpine (docker-library/golang@7aa947b 1.27/alpine3.24/Dockerfile)`; file: its path; registry: the digest. */
  readonly detail: string;
  /** ISO date the facts were read (table: generation date of the entry's sources). */
  readonly date?: string;
}

/** Top-level layout facts: which system directories are symbolic links, and to where. */
export interface ImageFilesystem {
  /** Absolute link path → target as an absolute path (`/bin` → `/usr/bin`). Paths not listed are real directories or absent. */
  readonly symlinks: Readonly<Record<string, string>>;
}

export interface ImageConfig {
  /** `KEY=VALUE` in the image's order. */
  readonly env: readonly string[];
  /** Empty when the image sets none (BuildKit then starts at `/`). */
  readonly workingDir: string;
  /** Empty when the image sets none (root). */
  readonly user: string;
  /** The image's ONBUILD triggers, as their instruction text. */
  readonly onBuild: readonly string[];
  /** Platforms the reference is published for; empty when not known. */
  readonly platforms: readonly ImagePlatform[];
  /** Undefined when the layout is not known. */
  readonly fs?: ImageFilesystem;
  readonly source: ImageConfigSource;
}

/** Configs supplied by the caller (`--image-config`, `--resolve-images`), by reference as written or normalised. */
export type ImageOverrides = Readonly<Record<string, ImageConfig>>;

/** The answer for an image nothing is known about. */
export function unknownImage(ref: string): ImageConfig {
  return { env: [], workingDir: '', user: '', onBuild: [], platforms: [], source: { kind: 'unknown', detail: ref } };
}

export function isKnown(config: ImageConfig): boolean {
  return config.source.kind !== 'unknown';
}

/** `linux/arm64/v8`. */
export function formatPlatform(platform: ImagePlatform): string {
  return [platform.os, platform.architecture, platform.variant].filter((part) => part).join('/');
}

/** The whole answer, for the steps list, tooltips and JSON: `built-in table golang:1.27-alpine; …, 2026-08-21`, `config file ./golang.json`, `unknown`. */
export function describeSource(source: ImageConfigSource): string {
  if (source.kind === 'unknown') return 'unknown';
  const detail = source.detail !== '' ? ` ${source.detail}` : '';
  const date = source.date ? `, ${source.date}` : '';
  const kind = source.kind === 'table' ? 'built-in table' : source.kind === 'file' ? 'config file' : 'registry';
  return `${kind}${detail}${date}`;
}

/**
 * The line a drawn graph shows under a base image's node: the kind of source and its date,
 * short enough never to be cut (`config: table, 2026-08-19`, `config: file`, `config: unknown`).
 * The file's path and the table entry are in `describeSource`, shown in the steps list and on hover.
 */
export function sourceLine(source: ImageConfigSource): string {
  return `config: ${source.kind}${source.date ? `, ${source.date}` : ''}`;
}

/** Short form for finding messages: `built-in table, 2026-08-19`, `config file ./x.json`, `registry, 2026-12-06`. */
export function shortSource(source: ImageConfigSource): string {
  const date = source.date ? `, ${source.date}` : '';
  if (source.kind === 'table') return `built-in table${date}`;
  if (source.kind === 'file') return `config file ${source.detail}`;
  if (source.kind === 'registry') return `registry${date}`;
  return 'unknown image config';
}

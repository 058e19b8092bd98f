/**
 * The shape of the built-in image table (`table-data.ts`, written by
 * `scripts/image-table/generate.ts`). Kept compact because it ships with the analysis:
 * env lists, architecture lists and layouts are stored once and referred to by index or name.
 */

export interface ImageTable {
  /** Date (YYYY-MM-DD) the generator ran. */
  readonly generated: string;
  /** Shared `KEY=VALUE` lists. */
  readonly envs: readonly (readonly string[])[];
  /** Shared architecture lists, official-images words separated by spaces (`amd64 arm64v8`). */
  readonly arches: readonly string[];
  /** Named filesystem layouts: link → target. */
  readonly layouts: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Layout name → where the fact comes from (a distribution's documentation or build scripts). */
  readonly layoutSources: Readonly<Record<string, string>>;
  /**
   * Distribution release named in a tag variant (`alpine3.22`, `bookworm`) → layout name: a tag
   * matched through its family gets the layout of the release it names, or none.
   */
  readonly releaseLayouts: Readonly<Record<string, string>>;
  /** By repository name as written on Docker Hub (`golang`, not `docker.io/library/golang`). */
  readonly images: Readonly<Record<string, TableImage>>;
}

export interface TableImage {
  readonly configs: readonly TableConfig[];
  /** Tag → index into `configs`. */
  readonly tags: Readonly<Record<string, number>>;
  /**
   * Tag variant (the tag without its leading version: `alpine`, `slim-bookworm`, `` for plain
   * versions) → the config every tag of that variant shares, for tags not listed. Only variants
   * whose listed tags agree on working directory, user and triggers are here.
   */
  readonly families?: Readonly<Record<string, TableFamily>>;
}

export interface TableFamily {
  /** The newest listed tag's config (its source, date, platforms). */
  readonly config: number;
  /** Index into `envs` of the union of the members' env keys, when it differs from the config's. */
  readonly env?: number;
  /** Env keys whose values differ between the family's tags, or that only some set (the value given is the newest tag's). */
  readonly varies?: readonly string[];
}

export interface TableConfig {
  /** Index into `envs`. */
  readonly env: number;
  readonly workdir?: string;
  readonly user?: string;
  readonly onbuild?: readonly string[];
  /** Index into `arches`. */
  readonly arch: number;
  /** Name in `layouts`; absent when the layout is not known. */
  readonly layout?: string;
  /** `owner/repo@commit path`: the Dockerfile, or the official-images manifest for root filesystem images. */
  readonly source: string;
  /** Commit date of the source, YYYY-MM-DD. */
  readonly date: string;
  /** The base image this config was built from (`debian:bookworm`), itself an entry of the table. */
  readonly base?: string;
}

/**
 * Finding an image's config: caller-supplied configs first (`--image-config`, then resolved from
 * a registry), then the built-in table, else unknown. A tag missing from the table is matched
 * only when the table records that every tag of its variant shares one config.
 */
import { parseImageRef } from '../core/image-ref.ts';
import type { ImageConfig, ImageOverrides, ImagePlatform } from './model.ts';
import { unknownImage } from './model.ts';
import { platformFromArchWord } from './platform.ts';
import type { ImageTable, TableConfig, TableImage } from './table-format.ts';

const LIBRARY = 'docker.io/library/';

/** `golang:1.23-alpine`, `docker.io/library/golang:1.23-alpine` and `index.docker.io/golang:1.23-alpine` are one key. */
export function imageKey(ref: string): string | undefined {
  const result = parseImageRef(ref);
  if (!result.ok) return undefined;
  const parsed = result.value;
  const tag = parsed.tag ?? (parsed.digest ? undefined : 'latest');
  return `${parsed.name}${tag !== undefined ? `:${tag}` : ''}${parsed.digest ? `@${parsed.digest}` : ''}`;
}

export function lookupImage(ref: string, table: ImageTable | undefined, overrides?: ImageOverrides): ImageConfig {
  const key = imageKey(ref);
  if (key === undefined) return unknownImage(ref);
  if (overrides) {
    const found = overrideFor(key, overrides);
    if (found) return withTableLayout(found, ref, table);
  }
  return (table && tableLookup(key, table)) || unknownImage(ref);
}

function overrideFor(key: string, overrides: ImageOverrides): ImageConfig | undefined {
  if (Object.hasOwn(overrides, key)) return overrides[key];
  // A digest-pinned reference also matches a config given for its tag, and the other way round.
  const bare = key.replace(/@.*$/, '');
  for (const [written, config] of Object.entries(overrides)) {
    const other = imageKey(written);
    if (other === key || (other !== undefined && other.replace(/@.*$/, '') === bare)) return config;
  }
  return undefined;
}

/** A config file says nothing about the filesystem; keep the table's layout facts for the same tag. */
function withTableLayout(config: ImageConfig, ref: string, table: ImageTable | undefined): ImageConfig {
  if (config.fs || !table) return config;
  const key = imageKey(ref);
  const tabled = key !== undefined ? tableLookup(key, table) : undefined;
  return tabled?.fs ? { ...config, fs: tabled.fs } : config;
}

function tableLookup(key: string, table: ImageTable): ImageConfig | undefined {
  if (!key.startsWith(LIBRARY)) return undefined;
  const match = /^([^:@]+)(?::([^@]+))?(?:@(.+))?$/.exec(key.slice(LIBRARY.length));
  if (!match) return undefined;
  const [, name, tag, digest] = match;
  const image: TableImage | undefined = Object.hasOwn(table.images, name) ? table.images[name] : undefined;
  // A bare digest names bytes the table cannot know.
  if (!image || tag === undefined) return undefined;
  const suffix = digest ? ` (tag ${tag}; digest not checked)` : '';
  if (Object.hasOwn(image.tags, tag)) return fromTable(table, image.configs[image.tags[tag]], `${name}:${tag}${suffix}`);
  const variant = tagVariant(tag);
  if (variant === undefined || !image.families) return undefined;
  // `alpine3.19` and `slim-bullseye` are not listed any more: the `alpine` and `slim` families
  // answer, with the layout of the release the tag names.
  const isRelease = (word: string) => Object.hasOwn(table.releaseLayouts, word);
  const general = variant
    .split('-')
    .map((word) => (/^alpine\d/.test(word) ? 'alpine' : word))
    .filter((word) => !isRelease(word))
    .join('-');
  const familyName = Object.hasOwn(image.families, variant) ? variant : Object.hasOwn(image.families, general) ? general : undefined;
  if (familyName === undefined) return undefined;
  const family = image.families[familyName];
  const varies = family.varies?.length ? `; ${family.varies.join(', ')} vary by version` : '';
  const entry = image.configs[family.config];
  const config = fromTable(table, entry, `${name}:${tag} as ${name} family "${familyName || 'version'}"${varies}${suffix}`);
  // Which release an unlisted tag was built on is only known when the tag names it.
  const release = variant.split('-').filter(isRelease).map((word) => table.releaseLayouts[word])[0];
  const layout = release !== undefined ? table.layouts[release] : undefined;
  // Nor which platforms it was published for.
  const { fs: _fs, ...rest } = config;
  return {
    ...rest,
    platforms: [],
    ...(family.env !== undefined ? { env: table.envs[family.env] ?? config.env } : {}),
    ...(layout ? { fs: { symlinks: layout } } : {}),
  };
}

/** The tag without its leading version: `1.23-alpine` → `alpine`, `3.12.1` → ``, `bookworm` → undefined (no version). */
export function tagVariant(tag: string): string | undefined {
  const match = /^v?\d+(?:\.\d+)*(?:(?:rc|a|b|beta|alpha)\d*)?(?:-(.*))?$/.exec(tag);
  if (!match) return undefined;
  return match[1] ?? '';
}

/** The table's few architecture lists, parsed once each: every FROM of a tabled image looks one up. */
const parsedArches = new Map<string, readonly ImagePlatform[]>();
function tablePlatforms(arches: string): readonly ImagePlatform[] {
  let platforms = parsedArches.get(arches);
  if (platforms === undefined) {
    platforms = Object.freeze(arches === '' ? [] : arches.split(' ').map((word) => Object.freeze(platformFromArchWord(word))));
    parsedArches.set(arches, platforms);
  }
  return platforms;
}

function fromTable(table: ImageTable, entry: TableConfig, tagDetail: string): ImageConfig {
  const layout = entry.layout !== undefined ? table.layouts[entry.layout] : undefined;
  const platforms = tablePlatforms(table.arches[entry.arch] ?? '');
  return {
    env: table.envs[entry.env] ?? [],
    workingDir: entry.workdir ?? '',
    user: entry.user ?? '',
    onBuild: entry.onbuild ?? [],
    platforms,
    ...(layout ? { fs: { symlinks: layout } } : {}),
    source: { kind: 'table', detail: `${tagDetail}; ${entry.source}`, date: entry.date },
  };
}

/**
 * The CLI's base-image options, shared by every command:
 *   --image-config REF=FILE  FILE is `docker image inspect REF` output or an OCI image config
 *   --resolve-images         fetch each base image's config from its registry (cached by digest)
 *   --offline                resolve from the cache only (implies --resolve-images)
 * They produce the `images` overrides of `analyze()`: files first, then registry answers; the
 * built-in table and "unknown" are the analyzer's own fallbacks.
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { analyze, type AnalyzeOptions } from '../analyzer/index.ts';
import { parseImageConfigJson } from '../analyzer/image/config-json.ts';
import { mergeOverrides } from '../analyzer/image/base-image.ts';
import { imageKey } from '../analyzer/image/lookup.ts';
import type { ImageConfig, ImageOverrides } from '../analyzer/image/model.ts';
import { parsePlatform } from '../analyzer/image/platform.ts';
import type { OptionSpec } from './args.ts';
import { type Io, UsageError } from './io.ts';
import { DiskCache, defaultCacheDir } from './registry/cache.ts';
import { resolveImageConfig } from './registry/client.ts';

export const IMAGE_OPTIONS = {
  'image-config': {
    kind: 'repeat',
    value: 'REF=FILE',
    help: "A base image's config: FILE is `docker image inspect REF` output or an OCI image config; repeatable.",
    default: 'the built-in table of common images',
    example: '--image-config golang:1.23=golang.json',
  },
  'resolve-images': {
    kind: 'boolean',
    help: "Fetch each base image's config from its registry (cached by digest in ~/.cache/layerwise).",
    default: 'off',
    example: '--resolve-images',
  },
  offline: { kind: 'boolean', help: 'Resolve base images from the cache only (implies --resolve-images).', default: 'off', example: '--offline' },
} as const satisfies OptionSpec;

export interface ImageOptionValues {
  readonly 'image-config'?: unknown;
  readonly 'resolve-images'?: unknown;
  readonly offline?: unknown;
}

/** A base image the build pulls: its reference and the platform its stage asks for, if any. */
export interface BaseImage {
  readonly ref: string;
  readonly platform?: string;
}

export interface ImageEnvironment {
  /** Default: the command's environment (`io.env`). */
  readonly env?: Io['env'];
  /** For tests: the registry client's fetch. */
  readonly fetch?: typeof fetch;
}

/** Reads every `--image-config REF=FILE`; a bad pair or file is a usage error naming it. */
export async function loadImageConfigFiles(values: readonly string[], io: Io): Promise<Record<string, ImageConfig>> {
  const configs: Record<string, ImageConfig> = {};
  for (const value of values) {
    const eq = value.indexOf('=');
    if (eq <= 0 || eq === value.length - 1) throw new UsageError(`--image-config needs REF=FILE, got ${JSON.stringify(value)}`);
    const ref = value.slice(0, eq);
    const file = value.slice(eq + 1);
    if (imageKey(ref) === undefined) throw new UsageError(`--image-config: ${JSON.stringify(ref)} is not a valid image reference`);
    let text: string;
    try {
      text = new TextDecoder().decode(await io.readFile(file));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(`--image-config: cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : String(code ?? error)}`);
    }
    const parsed = parseImageConfigJson(text, { kind: 'file', detail: file });
    if (!parsed.ok) throw new UsageError(`--image-config: ${file}: ${parsed.error}`);
    configs[ref] = parsed.value;
  }
  return configs;
}

/**
 * The overrides for one analysis. `bases` is asked for only when resolving: the CLI gets them
 * from a first analysis without overrides (base names do not depend on image configs).
 * A registry failure is a warning on standard error; that image falls back to the table.
 */
export async function imageOverrides(
  options: ImageOptionValues,
  io: Io,
  bases: () => readonly BaseImage[],
  environment: ImageEnvironment = {},
): Promise<ImageOverrides | undefined> {
  const values = (options['image-config'] as string[] | undefined) ?? [];
  const offline = options.offline === true;
  const resolve = offline || options['resolve-images'] === true;
  if (values.length === 0 && !resolve) return undefined;
  const files = await loadImageConfigFiles(values, io);
  const resolved: Record<string, ImageConfig> = {};
  if (resolve) {
    const env = environment.env ?? io.env;
    const cache = new DiskCache(env.LAYERWISE_CACHE_DIR || defaultCacheDir(env));
    const dockerConfig = await readDockerConfig(env, io);
    const given = new Set(Object.keys(files).map((ref) => imageKey(ref)));
    const seen = new Set<string>();
    for (const base of bases()) {
      const key = imageKey(base.ref);
      if (key === undefined || given.has(key) || seen.has(key) || base.ref === 'scratch') continue;
      seen.add(key);
      const platform = base.platform !== undefined ? parsePlatform(base.platform) : undefined;
      try {
        resolved[base.ref] = await resolveImageConfig(base.ref, {
          cache,
          offline,
          dockerConfig,
          ...(platform ? { platform } : {}),
          ...(environment.fetch ? { fetch: environment.fetch } : {}),
        });
      } catch (error) {
        io.stderr(`layerwise: cannot resolve ${base.ref}: ${error instanceof Error ? error.message : String(error)}; using the built-in table\n`);
      }
    }
  }
  return mergeOverrides(files, resolved);
}

/** `$DOCKER_CONFIG/config.json` or `$HOME/.docker/config.json`; absent is fine, unreadable JSON is a warning. */
async function readDockerConfig(env: Io['env'], io: Io): Promise<unknown> {
  // The command's own environment (Io.env) names the home directory; the OS's answer is the fallback.
  const path = join(env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker'), 'config.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    io.stderr(`layerwise: ignoring ${path}: not JSON\n`);
    return undefined;
  }
}

/**
 * `{ images }` for `analyze()` from the command's options, or `{}`. When resolving, a first
 * analysis with the other options names the base images (FROM and `COPY --from` images).
 */
export async function imagesOption(
  options: ImageOptionValues,
  io: Io,
  text: string,
  analyzeOptions: AnalyzeOptions,
  environment: ImageEnvironment = {},
): Promise<{ images?: ImageOverrides }> {
  const bases = (): BaseImage[] => {
    const { build } = analyze(text, analyzeOptions);
    const found: BaseImage[] = [];
    for (const stage of build.stages) {
      if (stage.base.kind === 'image') found.push({ ref: stage.base.ref, ...(stage.platform !== undefined ? { platform: stage.platform } : {}) });
      for (const command of stage.commands) if (command.origin?.kind === 'image') found.push({ ref: command.origin.ref });
    }
    return found;
  };
  const images = await imageOverrides(options, io, bases, environment);
  return images ? { images } : {};
}

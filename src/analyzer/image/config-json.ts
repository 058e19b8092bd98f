/**
 * Reading an image config the user hands us: the JSON `docker image inspect REF` prints (an
 * array of objects with `Config`, `Os`, `Architecture`), or an OCI / Docker image config
 * (`config`, `os`, `architecture`, as a registry serves it). Returns a message for anything else.
 */
import { err, ok, type Result } from '../core/result.ts';
import type { ImageConfig, ImageConfigSource, ImagePlatform } from './model.ts';
import { normalizePlatform } from './platform.ts';

export function parseImageConfigJson(text: string, source: ImageConfigSource): Result<ImageConfig> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return err(`not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (Array.isArray(value)) {
    if (value.length !== 1) {
      return err(`expected the output of \`docker image inspect\` for one image, got ${value.length} entries`);
    }
    value = value[0];
  }
  if (!isObject(value)) return err('expected a JSON object (an image config) or the array `docker image inspect` prints');
  // `docker image inspect` capitalises (Config, Os); image configs (OCI and Docker v2) do not.
  const inspect = isObject(value.Config) || typeof value.Os === 'string';
  const config = inspect ? value.Config : value.config;
  if (config !== undefined && config !== null && !isObject(config)) return err('the "config" member is not an object');
  const os = inspect ? value.Os : value.os;
  const architecture = inspect ? value.Architecture : value.architecture;
  const variant = inspect ? value.Variant : value.variant;
  if (config == null && typeof architecture !== 'string') {
    return err('no image config found: expected "config" (OCI image config) or "Config" (docker image inspect)');
  }
  const fields = (config ?? {}) as Record<string, unknown>;
  const env = stringList(fields.Env, 'Env');
  if (!env.ok) return env;
  const onBuild = stringList(fields.OnBuild, 'OnBuild');
  if (!onBuild.ok) return onBuild;
  for (const name of ['WorkingDir', 'User'] as const) {
    if (fields[name] != null && typeof fields[name] !== 'string') return err(`"${name}" is not a string`);
  }
  const platforms: ImagePlatform[] =
    typeof os === 'string' && typeof architecture === 'string'
      ? [normalizePlatform({ os, architecture, ...(typeof variant === 'string' && variant !== '' ? { variant } : {}) })]
      : [];
  return ok({
    env: env.value,
    workingDir: (fields.WorkingDir as string | undefined) ?? '',
    user: (fields.User as string | undefined) ?? '',
    onBuild: onBuild.value,
    platforms,
    source,
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown, name: string): Result<string[]> {
  if (value == null) return ok([]);
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) return err(`"${name}" is not a list of strings`);
  return ok(value as string[]);
}

/**
 * The one entry point the pipeline uses: a base image's config by the precedence
 * `--image-config` > resolved from a registry > built-in table > unknown. The caller passes the
 * first two, merged with file configs winning, as `overrides`.
 */
import { imageKey, lookupImage } from './lookup.ts';
import type { ImageConfig, ImageOverrides } from './model.ts';
import { IMAGE_TABLE } from './table-data.ts';

export function baseImageConfig(ref: string, overrides?: ImageOverrides): ImageConfig {
  return lookupImage(ref, IMAGE_TABLE, overrides);
}

/** Merges caller configs so that `--image-config` files win over registry answers for the same reference. */
export function mergeOverrides(files: ImageOverrides, resolved: ImageOverrides): ImageOverrides {
  const merged: Record<string, ImageConfig> = {};
  for (const layer of [resolved, files]) {
    for (const [ref, config] of Object.entries(layer)) merged[imageKey(ref) ?? ref] = config;
  }
  return merged;
}

export { IMAGE_TABLE };

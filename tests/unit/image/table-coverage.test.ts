/**
 * What the built-in table promises: every official image a corpus Dockerfile builds on resolves
 * (by tag or family), every image the generator lists is present, and the table stays within
 * its budget of 30 KiB gzipped in the analysis bundle.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.ts';
import { baseImageConfig, IMAGE_TABLE } from '../../../src/analyzer/image/base-image.ts';
import { imageKey } from '../../../src/analyzer/image/lookup.ts';
import { IMAGES, ROOT_IMAGES } from '../../../scripts/image-table/images.ts';
import { SHARED } from '../../conformance/shared.ts';

const CORPUS = join(SHARED, 'corpus');

describe('built-in image table', () => {
  it('knows every official image the corpus builds on', () => {
    const official = new Set<string>();
    for (const file of readdirSync(CORPUS)) {
      if (file.endsWith('.tsv')) continue;
      const { build } = analyze(readFileSync(join(CORPUS, file), 'utf8'));
      for (const stage of build.stages) {
        if (stage.base.kind === 'image' && imageKey(stage.base.ref)?.startsWith('docker.io/library/')) official.add(stage.base.ref);
      }
    }
    expect(official.size).toBeGreaterThan(30);
    const unknown = [...official].filter((ref) => baseImageConfig(ref).source.kind !== 'table');
    expect(unknown).toEqual([]);
  });

  it('has every image the generator covers', () => {
    for (const name of [...IMAGES, ...ROOT_IMAGES.keys()]) expect(Object.keys(IMAGE_TABLE.images), name).toContain(name);
  });

  it('stays within 30 KiB gzipped', () => {
    const module = readFileSync(join(import.meta.dirname, '../../../src/analyzer/image/table-data.ts'));
    expect(gzipSync(module, { level: 9 }).length).toBeLessThanOrEqual(30 * 1024);
  });
});

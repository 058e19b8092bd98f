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
import { IMAGES, MOST_PULLED, NOT_TABULATED, ROOT_IMAGES } from '../../../scripts/image-table/images.ts';
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

  it('has the 30 most pulled official images, but those it says why it leaves out', () => {
    expect(new Set(MOST_PULLED).size).toBe(30);
    const tabled = new Set(Object.keys(IMAGE_TABLE.images));
    expect(MOST_PULLED.filter((name) => !tabled.has(name) && !NOT_TABULATED.has(name))).toEqual([]);
    for (const [name, why] of NOT_TABULATED) {
      expect(tabled.has(name), name).toBe(false);
      expect(why.length, name).toBeGreaterThan(20);
    }
    // A tag of each answers from the table with its source and date.
    for (const ref of ['caddy:2', 'nextcloud:apache', 'sonarqube:community', 'eclipse-mosquitto:2', 'telegraf:latest', 'amazonlinux:2023']) {
      expect(baseImageConfig(ref).source, ref).toMatchObject({ kind: 'table', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    }
    expect(baseImageConfig('nextcloud:apache').workingDir).toBe('/var/www/html');
    expect(baseImageConfig('sonarqube:community')).toMatchObject({ workingDir: '/opt/sonarqube', user: 'sonarqube' });
  });

  it('stays within 30 KiB gzipped', () => {
    const module = readFileSync(join(import.meta.dirname, '../../../src/analyzer/image/table-data.ts'));
    expect(gzipSync(module, { level: 9 }).length).toBeLessThanOrEqual(30 * 1024);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { changelog } from '../../../src/changelog/changelog.ts';
import { releases } from '../../../src/changelog/releases.ts';
import { compareVersions, releaseAnchor, SITE_VERSION } from '../../../src/changelog/site-version.ts';
import { referencePages } from '../../../src/pages/rules/_rules.ts';

/**
 * Rule history: each rule says which release added it and what changed since, in its own
 * declaration; every such version is a release of the changelog, none is newer than the
 * package, and the changelog lists each rule once, under the release that added it.
 */

const pages = referencePages();
const versions = new Set(releases.map((r) => r.version));
const VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

describe('rule history', () => {
  it('the site version is the package version, and it has a release entry', () => {
    expect(SITE_VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
    expect(versions.has(SITE_VERSION)).toBe(true);
  });

  it('every rule names the release that added it and each later change, in order', () => {
    for (const page of pages) {
      expect(page.since, page.name).toMatch(VERSION);
      expect(versions.has(page.since), `${page.name} since ${page.since}`).toBe(true);
      expect(compareVersions(page.since, SITE_VERSION), page.name).toBeLessThanOrEqual(0);
      let previous = page.since;
      for (const change of page.changes) {
        expect(versions.has(change.version), `${page.name} change in ${change.version}`).toBe(true);
        expect(compareVersions(change.version, previous), `${page.name}: changes come after the rule and each other`).toBeGreaterThan(0);
        expect(compareVersions(change.version, SITE_VERSION), page.name).toBeLessThanOrEqual(0);
        expect(change.change.trim(), page.name).not.toBe('');
        previous = change.version;
      }
    }
  });

  it('the changelog lists every rule once, under the release that added it, newest release first', () => {
    const log = changelog(pages);
    const added = log.flatMap((entry) => entry.added.map((rule) => `${entry.version}:${rule.name}`));
    expect(added.sort()).toEqual(pages.map((p) => `${p.since}:${p.name}`).sort());
    for (let i = 1; i < log.length; i++) expect(compareVersions(log[i - 1].version, log[i].version)).toBeGreaterThan(0);
  });

  it('a rule change shows under the release it was made in', () => {
    const changed = { ...pages[0], changes: [{ version: SITE_VERSION, change: 'Reports `ADD` too.' }] };
    const entry = changelog([changed]).find((e) => e.version === SITE_VERSION);
    expect(entry?.changed).toEqual([{ rule: changed, change: 'Reports `ADD` too.' }]);
  });

  it('compares versions numerically, pre-releases first', () => {
    expect(compareVersions('0.10.0', '0.9.1')).toBeGreaterThan(0);
    expect(compareVersions('1.0.0-rc.1', '1.0.0')).toBeLessThan(0);
    expect(compareVersions('1.2.3', '1.2.3')).toBe(0);
    expect(releaseAnchor('0.1.0')).toBe('v0-1-0');
  });
});

/**
 * /changelog/'s content, by release, newest first: the behaviour changes of `releases.ts`,
 * and the rules added and changed in that version, read from the rules' declarations.
 */
import type { RulePage } from '../analyzer/rules/docs.ts';
import { releases } from './releases.ts';
import { compareVersions } from './site-version.ts';

export interface ChangelogEntry {
  readonly version: string;
  readonly summary: string;
  readonly behaviour: readonly string[];
  readonly added: readonly RulePage[];
  readonly changed: readonly { readonly rule: RulePage; readonly change: string }[];
}

export function changelog(pages: readonly RulePage[]): ChangelogEntry[] {
  return [...releases]
    .sort((a, b) => compareVersions(b.version, a.version))
    .map((release) => ({
      ...release,
      added: pages.filter((page) => page.since === release.version),
      changed: pages.flatMap((rule) => rule.changes.filter((c) => c.version === release.version).map((c) => ({ rule, change: c.change }))),
    }));
}

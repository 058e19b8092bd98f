/**
 * `--format gitlab`: a GitLab Code Quality report (`artifacts:reports:codequality`), the
 * Code Climate subset GitLab reads: per finding `description`, `check_name`, a `fingerprint`
 * unique to the finding and stable across edits elsewhere, `severity` (info, minor, major,
 * critical, blocker) and `location.path` with `location.lines.begin`. Paths are as given,
 * with a leading `./` dropped: GitLab matches them against the repository root, so run the
 * linter from there.
 */
import type { FileFindings, RenderOptions } from './findings-json.ts';
import { fingerprinted } from './fingerprint.ts';

/** error blocks a merge request in most teams' eyes; info is informational. */
const SEVERITY = { error: 'critical', warning: 'major', info: 'info' } as const;

function gitlabPath(file: string): string {
  return file === '-' ? 'stdin' : file.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

export function gitlabReport(files: readonly FileFindings[], options: RenderOptions = {}) {
  return fingerprinted(files, options, gitlabPath).map((f) => ({
    type: 'issue' as const,
    description: `${f.rule}: ${f.message}`,
    check_name: f.rule,
    fingerprint: f.fingerprint,
    severity: SEVERITY[f.severity],
    location: { path: gitlabPath(f.file), lines: { begin: f.range.start.line, end: f.range.end.line } },
    url: f.docs,
  }));
}

export function renderGitlab(files: readonly FileFindings[], options: RenderOptions = {}): string {
  return JSON.stringify(gitlabReport(files, options), null, 2) + '\n';
}

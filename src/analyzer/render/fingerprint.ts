/**
 * Fingerprints that survive edits elsewhere in the file: the rule, the file and the text of the
 * finding's first line (whitespace collapsed), plus which occurrence of that triple it is. A
 * line added above a finding leaves its fingerprint as it was, so code-scanning services keep
 * an alert open (SARIF `partialFingerprints`) and GitLab keeps one issue (`fingerprint`).
 */
import { digest } from '../graph/digest.ts';
import { lineStarts } from '../core/span.ts';
import { type FileFindings, locate, type LocatedFinding, type RenderOptions } from './findings-json.ts';

export interface FingerprintedFinding extends LocatedFinding {
  readonly fingerprint: string;
}

/** `locate()`'s findings, each with its fingerprint; `key` names the file in it (default: the path as given). */
export function fingerprinted(
  files: readonly FileFindings[],
  options: RenderOptions = {},
  key: (file: string) => string = (file) => file,
): FingerprintedFinding[] {
  return files.flatMap((file) => {
    const starts = file.lineStarts ?? lineStarts(file.source);
    const seen = new Map<string, number>();
    return locate([file], options).map((finding) => {
      const line = finding.range.start.line;
      const text = file.source.slice(starts[line - 1] ?? 0, starts[line] ?? file.source.length).replace(/\s+/g, ' ').trim();
      const identity = `${finding.rule}\u0000${key(file.file)}\u0000${text}`;
      const n = (seen.get(identity) ?? 0) + 1;
      seen.set(identity, n);
      return { ...finding, fingerprint: digest(`${identity}\u0000${n}`) };
    });
  });
}

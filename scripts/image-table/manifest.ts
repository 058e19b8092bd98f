/**
 * Reads a docker-library/official-images `library/NAME` file: RFC 2822-style blocks, the first
 * holding defaults (GitRepo, GitCommit, Directory…) for the entries after it.
 */
export interface ManifestEntry {
  readonly tags: readonly string[];
  readonly sharedTags: readonly string[];
  /** Official-images architecture words (`amd64`, `arm64v8`, `windows-amd64`). */
  readonly arches: readonly string[];
  readonly gitRepo: string;
  readonly gitCommit: string;
  readonly directory?: string;
  readonly file?: string;
}

export function parseManifest(text: string): ManifestEntry[] {
  const blocks = text
    .split(/\n\s*\n/)
    .map(parseBlock)
    .filter((block) => Object.keys(block).length > 0);
  const defaults = blocks[0] && !blocks[0].Tags ? blocks.shift()! : {};
  const entries: ManifestEntry[] = [];
  for (const block of blocks) {
    const field = (name: string) => block[name] ?? defaults[name];
    const list = (value: string | undefined) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const arches = list(field('Architectures') ?? 'amd64');
    const gitCommit = field('GitCommit') ?? field(`${arches[0]}-GitCommit`);
    const gitRepo = field('GitRepo') ?? field(`${arches[0]}-GitRepo`);
    if (!gitCommit || !gitRepo || !block.Tags) continue;
    entries.push({
      tags: list(block.Tags),
      sharedTags: list(block.SharedTags),
      arches,
      gitRepo,
      gitCommit,
      ...(field('Directory') !== undefined ? { directory: field('Directory') } : {}),
      ...(field('File') !== undefined ? { file: field('File') } : {}),
    });
  }
  return entries;
}

function parseBlock(block: string): Record<string, string> {
  const fields: Record<string, string> = {};
  let last: string | undefined;
  for (const line of block.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (/^\s/.test(line) && last) {
      fields[last] += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon === -1) continue;
    last = line.slice(0, colon).trim();
    fields[last] = line.slice(colon + 1).trim();
  }
  return fields;
}

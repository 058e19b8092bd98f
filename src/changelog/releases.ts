/**
 * What changed in each release, besides the rules (their additions and changes are in each
 * rule's own declaration, `since` and `changes`, and /changelog/ reads them from there).
 * Newest first. A release is the package's version (package.json), which is also the site's.
 */
export interface Release {
  readonly version: string;
  /** One line for the release. */
  readonly summary: string;
  /** Behaviour changes a style guide or a CI job could notice, one Markdown sentence each. */
  readonly behaviour: readonly string[];
}

export const releases: readonly Release[] = [
  {
    version: '0.1.0',
    summary: 'The first release: the guide, the analyzer and its rules, the playground and the `layerwise` command.',
    behaviour: [
      'The analyzer models BuildKit’s Dockerfile frontend: the build graph of `COPY` and `COPY --link` (file, exec, merge and source operations), the cache and what rebuilds after a change.',
      'BuildKit’s own build checks, with its names, messages and `# check=` directives, plus Layerwise’s rules about `--link`.',
      '`layerwise lint`, `graph`, `simulate` and `ast`, with text, JSON and SARIF output and the exit codes of the command-line reference.',
      'Permanent links: heading anchors, readable rule example anchors (`#bad`, `#good-2`; the older `#example-bad-1` still work), in-page links to an edited example, and embeds with oEmbed.',
    ],
  },
];

/**
 * The style-guide policy's points, once: /style-guide/ renders the fixed policy and the
 * builder's outputs from this list, and its sections (`#p1-…`) explain each point. A point's
 * `rules` are the checks that enforce it.
 */
export interface PolicyPoint {
  /** `P1`…: permanent, as the section anchors are. */
  readonly id: string;
  /** The point's section on /style-guide/. */
  readonly anchor: string;
  /** One Markdown sentence or two. `{failOn}` is filled in from the policy's failOn. */
  readonly text: string;
  readonly rules: readonly string[];
}

export const POLICY_POINTS: readonly PolicyPoint[] = [
  { id: 'P1', anchor: 'p1-plain-copy-by-default', text: 'Use plain `COPY` by default.', rules: [] },
  {
    id: 'P2',
    anchor: 'p2-link-only-the-final-stages-build-results',
    text:
      'Use `COPY --link` only in a final stage that copies build results onto a base image updated separately from the ' +
      'code, with no RUN, WORKDIR or plain COPY after it in that stage.',
    rules: ['LinkRebaseDefeated'],
  },
  {
    id: 'P3',
    anchor: 'p3-no-chmod-no-chown-names-with-link',
    text: 'Never combine `--link` with `--chmod` (the link is silently dropped) or with a `--chown` user or group name (the build fails); use numeric ids.',
    rules: ['LinkDisabledByChmod', 'LinkChownByName'],
  },
  {
    id: 'P4',
    anchor: 'p4-safe-destinations',
    text: 'With `--link`, end directory destinations with `/`, and do not copy into /bin, /sbin, /lib, /lib64, /var/run, /var/lock, /tmp or /var/tmp.',
    rules: ['LinkReplacesDirectory', 'LinkThroughSymlink', 'LinkResetsParentPermissions'],
  },
  {
    id: 'P5',
    anchor: 'p5-few-merges',
    text:
      'Group linked copies that belong together into one instruction; do not chain three or more. Leave `--link` off ' +
      'where it changes nothing, such as the first copy into a FROM scratch stage.',
    rules: ['LinkMergeChain', 'LinkOnScratchNoop'],
  },
  {
    id: 'P6',
    anchor: 'p6-declare-the-syntax',
    text: 'Files using `--link` declare `# syntax=docker/dockerfile:1` (1.4 or newer).',
    rules: ['LinkSyntaxTooOld'],
  },
  {
    id: 'P7',
    anchor: 'p7-copy-lines-that-mean-what-they-say',
    text:
      'Write COPY so it means what it says: a trailing `/` for several sources, JSON form for paths with spaces, ' +
      '`--from` naming a stage that exists, COPY rather than ADD for local files, nothing excluded by .dockerignore.',
    rules: ['CopyMultipleSourcesNoSlash', 'CopyQuotedPathShellForm', 'CopyFromUnknownStage', 'AddForLocalFile', 'CopyIgnoredFile'],
  },
  {
    id: 'P8',
    anchor: 'p8-enforce-it-in-ci',
    text:
      'CI runs `layerwise lint` on every Dockerfile with this `.layerwise.yaml`; {failOn}. A rule is silenced only for one ' +
      'instruction, with a reason: `# check=skip=RuleName // why`.',
    rules: [],
  },
];

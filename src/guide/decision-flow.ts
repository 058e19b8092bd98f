/**
 * The "should this COPY use --link?" decision, as data: the when-to-link page renders it as a
 * checklist (the accessible, linkable form), as an SVG flowchart, and as Mermaid source for
 * teams to paste into their own docs. One list, so the three can never disagree.
 */

export interface Decision {
  /** Anchor of the checklist item: permanent, style guides link to it. */
  readonly id: string;
  /** The question, short enough for the chart. */
  readonly question: string;
  /** Markdown for the checklist: what to look at, and why. */
  readonly detail: string;
  /** The answer that leaves the flow. */
  readonly exit: 'yes' | 'no';
  /** Where that answer leads, short enough for the chart. */
  readonly outcome: string;
  /** Rules that detect this case (names; pages at /rules/<slug>/). */
  readonly rules: readonly string[];
  /** The guide section that explains it. */
  readonly more: string;
}

export const decisions: readonly Decision[] = [
  {
    id: 'builder-supports-merge',
    question: 'Does your builder support merge operations?',
    detail:
      'BuildKit 0.10 or newer with a containerd or OCI worker does, for example a `docker-container` buildx builder. ' +
      'The classic Docker Engine image store (the buildx `docker` driver) does not, and builds every `--link` as a plain copy without a word.',
    exit: 'no',
    outcome: '--link is ignored; every copy is a plain COPY',
    rules: [],
    more: '/copy-link/#a-builder-without-merge-support',
  },
  {
    id: 'final-stage-onto-separate-base',
    question: 'Does the copy put build results onto a base image you update separately?',
    detail:
      'The benefit of `--link` is a rebase: after a base-image update the copied layer is reused instead of copied again. ' +
      'That matters for a final stage that copies an application onto a slim base (distroless, static, a runtime image). ' +
      'In a build stage, or when the files change with every build anyway, there is nothing to reuse.',
    exit: 'no',
    outcome: 'Use plain COPY; there is nothing to rebase',
    rules: [],
    more: '/copy-link/#rebase-reusing-layers-across-base-image-updates',
  },
  {
    id: 'nothing-after-needs-base',
    question: 'Does a RUN, WORKDIR or plain COPY follow it in the same stage?',
    detail:
      'A step after the linked copy runs on the merged filesystem, so a base change rebuilds it and everything after it. ' +
      'The linked layer is still reused, but the stage needs the base again and the saving is a single copy.',
    exit: 'yes',
    outcome: 'Use plain COPY; the stage rebuilds on a base change anyway',
    rules: ['LinkRebaseDefeated'],
    more: '/copy-link/#why-the-copy-survives-a-base-change',
  },
  {
    id: 'cache-available',
    question: 'Will the builder have the linked layer in its cache?',
    detail:
      'Reuse needs the previous result: a builder with a local cache, or a cache imported with `--cache-from`. ' +
      'A fresh CI runner without cache import copies everything again, merge included.',
    exit: 'no',
    outcome: 'Use plain COPY; without cache the copy runs again, plus a merge',
    rules: [],
    more: '/copy-link/#rebase-reusing-layers-across-base-image-updates',
  },
  {
    id: 'no-chmod',
    question: 'Does the instruction use --chmod?',
    detail: 'BuildKit drops `--link` whenever the same instruction has `--chmod`, and says nothing.',
    exit: 'yes',
    outcome: '--link is ignored; set the mode at the source instead',
    rules: ['LinkDisabledByChmod'],
    more: '/copy-link/#chmod-on-the-same-instruction',
  },
  {
    id: 'no-chown-by-name',
    question: 'Does it use --chown with a user or group name?',
    detail:
      'Names are looked up in the filesystem the copy writes to, which is empty for a linked copy: the build fails with `invalid user index: -1`. ' +
      'Numeric ids and `root` work.',
    exit: 'yes',
    outcome: 'The build fails; use numeric ids',
    rules: ['LinkChownByName'],
    more: '/copy-link/#chown-by-user-name-fails-the-build',
  },
  {
    id: 'safe-destination',
    question: 'Is the destination a directory path without a trailing /, or under /bin or /tmp?',
    detail:
      'A linked copy decides the destination on an empty filesystem: one file to `/usr/local/bin` replaces the directory, ' +
      'a path through a symbolic link such as `/bin` replaces the link with a real directory, and parents such as `/tmp` get fresh `0755` permissions.',
    exit: 'yes',
    outcome: 'Fix the destination, or use plain COPY',
    rules: ['LinkReplacesDirectory', 'LinkThroughSymlink', 'LinkResetsParentPermissions'],
    more: '/copy-link/#when-linking-changes-the-result',
  },
];

/** Where the flow ends when no question exits it. */
export const verdict = 'Use COPY --link';

/** Greedy word wrap for SVG text, which does not wrap by itself. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? line + ' ' + word : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Mermaid source of the same flowchart. Labels are our own text, quoted for Mermaid. */
export function mermaidSource(): string {
  const label = (text: string) => '"' + text.replace(/"/g, '#quot;') + '"';
  const out = ['flowchart TD'];
  decisions.forEach((d, i) => {
    out.push(`  q${i}{${label(d.question)}}`);
    out.push(`  q${i} -- ${d.exit} --> o${i}[${label(d.outcome)}]`);
    const next = i + 1 < decisions.length ? `q${i + 1}` : 'done';
    out.push(`  q${i} -- ${d.exit === 'yes' ? 'no' : 'yes'} --> ${next}`);
  });
  out.push(`  done([${label(verdict)}])`);
  return out.join('\n');
}

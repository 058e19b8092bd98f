import { classifySource } from '../graph/source-kind.ts';
import { defineRule } from './define-rule.ts';
import { copySources, evaluatedByOffset, everyCommand } from './support/walk.ts';

/** Names ADD would unpack (a tar archive, possibly compressed), or that look compressed. */
const ARCHIVE = /\.(?:tar|tgz|tbz|tbz2|txz|tzst|tlz|taz|gz|bz2|xz|zst|lz4|lzma|z)$/i;

export const addForLocalFile = defineRule({
  name: 'AddForLocalFile',
  since: '0.1.0',
  title: 'Use COPY for local files that are not archives',
  severity: 'info',
  message: 'ADD of %s, a local file that is not an archive, does what COPY does; COPY says what is meant',
  description:
    'ADD does more than COPY: it downloads URLs, clones Git repositories and unpacks local tar archives. ' +
    'For an ordinary local file the result is the same as COPY, but a reader has to wonder whether ' +
    'something is unpacked (and a file later renamed to `.tar` suddenly would be). Keep ADD for the cases ' +
    'that need it.',
  origin: 'layerwise',
  examples: {
    bad: [{ dockerfile: 'FROM alpine\nADD config.json /etc/app/\n' }],
    good: [{ dockerfile: 'FROM alpine\nCOPY config.json /etc/app/\n' }, { dockerfile: 'FROM alpine\nADD rootfs.tar.gz /\n' }],
  },
  check(context, report) {
    const evaluated = evaluatedByOffset(context);
    for (const { command } of everyCommand(context)) {
      if (command.kind !== 'add' || command.heredocs.length > 0) continue;
      if (command.unpack !== undefined || command.checksum !== undefined || command.keepGitDir !== undefined) continue;
      const sources = copySources(command, evaluated.get(command.node.span.start)?.evaluated);
      if (sources.length === 0 || sources.some((source) => source.includes('$'))) continue;
      if (sources.some((source) => classifySource(source).kind !== 'local')) continue;
      const plain = sources.find((source) => !ARCHIVE.test(source.replace(/\/+$/, '')));
      if (plain !== undefined && sources.every((source) => !ARCHIVE.test(source))) report(command.node.keywordSpan, plain);
    }
  },
});

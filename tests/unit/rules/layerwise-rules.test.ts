/** Table tests for our --link and COPY rules: exact ranges (the flag, the destination word, …) and messages. */
import { describe, expect, it } from 'vitest';
import { ruleByName } from '../../../src/analyzer/rules/registry.ts';
import { type Case, expectHits } from './helpers.ts';
import { baseImageConfig } from '../../../src/analyzer/image/base-image.ts';

/** The table's date for debian:12, which layout-based messages quote. */
const DEBIAN_DATE = baseImageConfig('debian:12').source.date;

const tables: Record<string, readonly Case[]> = {
  LinkDisabledByChmod: [
    {
      name: 'the --chmod flag is reported',
      dockerfile: 'FROM alpine\nCOPY --link --chmod=755 run.sh /usr/local/bin/\n',
      expect: [['2:13-2:24', 'COPY --link with --chmod is built as a plain COPY; --link has no effect here']],
    },
    {
      name: 'ADD too',
      dockerfile: 'FROM alpine\nADD --chmod=644 --link a.txt /a/\n',
      expect: [['2:5-2:16', 'ADD --link with --chmod is built as a plain ADD; --link has no effect here']],
    },
    { name: '--link alone', dockerfile: 'FROM alpine\nCOPY --link run.sh /usr/local/bin/\n', expect: [] },
    { name: '--chmod alone', dockerfile: 'FROM alpine\nCOPY --chmod=755 run.sh /usr/local/bin/\n', expect: [] },
    {
      name: 'moot without MergeOp',
      dockerfile: 'FROM alpine\nCOPY --link --chmod=755 run.sh /usr/local/bin/\n',
      options: { mergeOp: false },
      expect: [],
    },
  ],
  LinkChownByName: [
    {
      name: 'user and group names',
      dockerfile: 'FROM node:22\nCOPY --link --chown=node:node . /app/\n',
      expect: [['2:13-2:30', '--chown=node:node names a user or group, which --link cannot look up; use numeric ids such as --chown=1000:1000']],
    },
    {
      name: 'a group name after a numeric user, expanded',
      dockerfile: 'FROM node:22\nARG GROUP=staff\nCOPY --link --chown=1000:$GROUP . /app/\n',
      expect: [['3:13-3:32', '--chown=1000:staff names a user or group, which --link cannot look up; use numeric ids such as --chown=1000:1000']],
    },
    { name: 'numeric ids', dockerfile: 'FROM node:22\nCOPY --link --chown=1000:1000 . /app/\n', expect: [] },
    { name: 'root', dockerfile: 'FROM node:22\nCOPY --link --chown=root:0 . /app/\n', expect: [] },
    { name: 'without --link', dockerfile: 'FROM node:22\nCOPY --chown=node:node . /app/\n', expect: [] },
    { name: '--chmod turns --link off', dockerfile: 'FROM node:22\nCOPY --link --chmod=644 --chown=node . /app/\n', expect: [] },
    { name: 'no MergeOp: --link is ignored', dockerfile: 'FROM node:22\nCOPY --link --chown=node . /app/\n', options: { mergeOp: false }, expect: [] },
  ],
  LinkReplacesDirectory: [
    {
      name: 'single file to /usr/local/bin',
      dockerfile: 'FROM alpine\nCOPY --link tool /usr/local/bin\n',
      expect: [['2:18-2:32', '/usr/local/bin is a directory in common base images; a single file copied there with --link replaces the whole directory (write /usr/local/bin/)']],
    },
    {
      name: 'relative destination resolved against WORKDIR',
      dockerfile: 'FROM alpine\nWORKDIR /usr/local\nCOPY --link tool bin\n',
      expect: [['3:18-3:21', '/usr/local/bin is a directory in common base images; a single file copied there with --link replaces the whole directory (write /usr/local/bin/)']],
    },
    { name: 'trailing slash', dockerfile: 'FROM alpine\nCOPY --link tool /usr/local/bin/\n', expect: [] },
    { name: 'a path of its own', dockerfile: 'FROM alpine\nCOPY --link tool /usr/local/bin/tool\n', expect: [] },
    { name: 'plain COPY copies into the directory', dockerfile: 'FROM alpine\nCOPY tool /usr/local/bin\n', expect: [] },
  ],
  LinkThroughSymlink: [
    {
      name: 'under /bin, in an image whose layout the table knows',
      dockerfile: 'FROM debian:12\nCOPY --link tool /bin/tool\n',
      expect: [['2:18-2:27', `/bin is a symbolic link to /usr/bin in debian:12 (built-in table, ${DEBIAN_DATE}); --link replaces it with a real directory`]],
    },
    {
      name: '/var/run',
      dockerfile: 'FROM debian:12\nCOPY --link app.sock.conf /var/run/app/\n',
      expect: [['2:27-2:40', `/var/run is a symbolic link to /run in debian:12 (built-in table, ${DEBIAN_DATE}); --link replaces it with a real directory`]],
    },
    {
      name: 'under /bin, in an unknown image',
      dockerfile: 'FROM example.com/base\nCOPY --link tool /bin/tool\n',
      expect: [['2:18-2:27', '/bin is a symbolic link to /usr/bin in common base images; --link replaces it with a real directory']],
    },
    { name: 'a release whose /bin is a real directory', dockerfile: 'FROM debian:bullseye\nCOPY --link tool /bin/tool\n', expect: [] },
    { name: 'Alpine before the /usr merge', dockerfile: 'FROM alpine:3.20\nCOPY --link tool /bin/tool\n', expect: [] },
    { name: 'a scratch stage has no links', dockerfile: 'FROM scratch\nCOPY --link tool /bin/tool\n', expect: [] },
    { name: 'the real path', dockerfile: 'FROM debian:12\nCOPY --link tool /usr/bin/tool\n', expect: [] },
    { name: 'a name that only starts the same', dockerfile: 'FROM debian:12\nCOPY --link tool /binaries/tool\n', expect: [] },
    { name: 'plain COPY follows the link', dockerfile: 'FROM debian:12\nCOPY tool /bin/tool\n', expect: [] },
  ],
  LinkResetsParentPermissions: [
    {
      name: 'inside /tmp',
      dockerfile: 'FROM alpine\nCOPY --link app.conf /tmp/app.conf\n',
      expect: [['2:22-2:35', '--link recreates the parent directories of /tmp/app.conf with new metadata: /tmp loses its sticky bit (mode 1777 becomes 0755)']],
    },
    {
      name: '--chown under system directories',
      dockerfile: 'FROM alpine\nCOPY --link --chown=1000:1000 app/ /usr/local/app/\n',
      expect: [['2:36-2:51', '--link recreates the parent directories of /usr/local/app/ with new metadata: /usr, /usr/local become owned by 1000:1000']],
    },
    { name: 'a directory of its own', dockerfile: 'FROM alpine\nCOPY --link --chown=1000 app/ /app/\n', expect: [] },
    { name: 'without --chown under /usr', dockerfile: 'FROM alpine\nCOPY --link app/ /usr/local/app/\n', expect: [] },
    { name: 'plain COPY into /tmp', dockerfile: 'FROM alpine\nCOPY app.conf /tmp/app.conf\n', expect: [] },
  ],
  LinkRebaseDefeated: [
    {
      name: 'RUN after the copy',
      dockerfile: 'FROM python:3.12\nCOPY --link requirements.txt /app/\nRUN pip install -r /app/requirements.txt\n',
      expect: [['2:6-2:12', 'The RUN on line 3 runs on top of this --link copy, so the stage still rebuilds whenever its base changes']],
    },
    {
      name: 'plain COPY and WORKDIR after',
      dockerfile: 'FROM alpine\nCOPY --link a /a/\nENV X=1\nWORKDIR /w\nCOPY --link b /b/\nCOPY c /c/\n',
      expect: [
        ['2:6-2:12', 'The WORKDIR on line 4 runs on top of this --link copy, so the stage still rebuilds whenever its base changes'],
        ['5:6-5:12', 'The COPY on line 6 runs on top of this --link copy, so the stage still rebuilds whenever its base changes'],
      ],
    },
    { name: 'link copies last', dockerfile: 'FROM python:3.12\nRUN pip install flask\nCOPY --link app.py /app/\nCMD ["python", "/app/app.py"]\n', expect: [] },
    {
      name: 'stage the target does not reach',
      dockerfile: 'FROM alpine AS unused\nCOPY --link a /a/\nRUN true\nFROM alpine AS app\n',
      options: { target: 'app' },
      expect: [],
    },
    {
      name: 'unused stage without a target (linted like --check)',
      dockerfile: 'FROM alpine AS unused\nCOPY --link a /a/\nRUN true\nFROM alpine AS app\n',
      expect: [['2:6-2:12', 'The RUN on line 3 runs on top of this --link copy, so the stage still rebuilds whenever its base changes']],
    },
  ],
  LinkOnScratchNoop: [
    {
      name: 'first copy of a scratch stage',
      dockerfile: 'FROM scratch\nCOPY --link app /app\nCOPY --link cfg /etc/cfg\n',
      expect: [['2:6-2:12', '--link on the first COPY of a FROM scratch stage changes nothing: there is no lower layer to merge onto']],
    },
    { name: 'second copy', dockerfile: 'FROM scratch\nCOPY app /app\nCOPY --link cfg /etc/cfg\n', expect: [] },
    { name: 'not scratch', dockerfile: 'FROM alpine\nCOPY --link app /app\n', expect: [] },
    {
      name: 'once per file, listing the other stages',
      dockerfile: 'FROM scratch AS a\nCOPY --link a /a\nFROM scratch AS b\nADD --link b /b\nFROM alpine\nCOPY --link c /c\nFROM scratch\nCOPY --link d /d\n',
      expect: [['2:6-2:12', '--link on the first COPY of a FROM scratch stage changes nothing: there is no lower layer to merge onto (the same on lines 4, 8)']],
    },
  ],
  LinkMergeChain: [
    {
      name: 'three in a row, metadata between',
      dockerfile: 'FROM alpine\nCOPY --link a /app/\nENV X=1\nCOPY --link b /app/\nCOPY --link c /app/\n',
      expect: [['2:1-5:20', '3 consecutive --link copies nest 3 merge ops; the copies on lines 2, 4, 5 go to one directory and could be one multi-source COPY --link']],
    },
    { name: 'broken by a RUN', dockerfile: 'FROM alpine\nCOPY --link a /app/\nCOPY --link b /app/\nRUN true\nCOPY --link c /app/\n', expect: [] },
    { name: 'one copy', dockerfile: 'FROM alpine\nCOPY --link a b c /app/\n', expect: [] },
    {
      name: 'different origins: the merges, no advice',
      dockerfile: 'FROM alpine\nCOPY --link --from=a:1 /x /x/\nCOPY --link --from=b:1 /y /x/\nCOPY --link --from=c:1 /z /x/\n',
      expect: [['2:1-4:30', '3 consecutive --link copies nest 3 merge ops']],
    },
    {
      // The case: the first copy into scratch makes no merge, and renaming copies cannot be one.
      name: 'scratch: merges counted from the graph, renames not combinable',
      dockerfile: 'FROM scratch\nCOPY --link a /bin/a1\nCOPY --link b /bin/b1\nCOPY --link c /bin/c1\nCOPY --link d /bin/d1\n',
      expect: [['2:1-5:22', '4 consecutive --link copies nest 3 merge ops']],
    },
    {
      name: 'scratch: three copies make two merges',
      dockerfile: 'FROM scratch\nCOPY --link a /app/\nCOPY --link b /app/\nCOPY --link c /etc/\n',
      expect: [['2:1-4:20', '3 consecutive --link copies nest 2 merge ops; the copies on lines 2, 3 go to one directory and could be one multi-source COPY --link']],
    },
    {
      name: 'different owners are not one copy',
      dockerfile: 'FROM alpine\nCOPY --link --chown=1:1 a /app/\nCOPY --link --chown=2:2 b /app/\nCOPY --link c /app/\n',
      expect: [['2:1-4:20', '3 consecutive --link copies nest 3 merge ops']],
    },
    { name: 'a stage the target does not build', dockerfile: 'FROM alpine AS x\nCOPY --link a /app/\nCOPY --link b /app/\nCOPY --link c /app/\nFROM alpine\n', expect: [] },
  ],
  LinkSyntaxTooOld: [
    {
      name: 'frontend 1.3',
      dockerfile: '# syntax=docker/dockerfile:1.3\nFROM alpine\nCOPY --link app /app/\n',
      expect: [['3:6-3:12', 'The Dockerfile frontend 1.3 pinned by # syntax= predates --link (1.4); the build fails with an unknown flag error']],
    },
    {
      name: 'labs channel of 1.2',
      dockerfile: '# syntax = docker.io/docker/dockerfile:1.2-labs\nFROM alpine\nADD --link app /app/\n',
      expect: [['3:5-3:11', 'The Dockerfile frontend 1.2-labs pinned by # syntax= predates --link (1.4); the build fails with an unknown flag error']],
    },
    { name: 'latest 1.x', dockerfile: '# syntax=docker/dockerfile:1\nFROM alpine\nCOPY --link app /app/\n', expect: [] },
    { name: '1.4', dockerfile: '# syntax=docker/dockerfile:1.4\nFROM alpine\nCOPY --link app /app/\n', expect: [] },
    { name: 'no --link', dockerfile: '# syntax=docker/dockerfile:1.3\nFROM alpine\nCOPY app /app/\n', expect: [] },
  ],
  CopyFromUnknownStage: [
    {
      name: 'a typo of a stage name',
      dockerfile: 'FROM golang AS builder\nFROM alpine\nCOPY --from=buidler /out/app /app\n',
      expect: [['3:6-3:20', '--from=buidler names no stage, but stage "builder" is close: BuildKit will try to pull an image called buidler instead']],
    },
    { name: 'the stage, any case', dockerfile: 'FROM golang AS builder\nFROM alpine\nCOPY --from=Builder /out/app /app\n', expect: [] },
    { name: 'an image', dockerfile: 'FROM golang AS builder\nFROM alpine\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n', expect: [] },
    { name: 'a stage index', dockerfile: 'FROM golang AS builder\nFROM alpine\nCOPY --from=0 /out/app /app\n', expect: [] },
  ],
  CopyQuotedPathShellForm: [
    {
      name: 'quoted path with a space',
      dockerfile: 'FROM alpine\nCOPY "my file.txt" /app/\n',
      expect: [['2:6-2:19', 'Quotes do not group words in the shell form of COPY: "my file.txt" is split at the space; use the JSON form for paths with spaces']],
    },
    {
      name: 'single quotes, unterminated',
      dockerfile: "FROM alpine\nadd 'a b /app/\n",
      expect: [["2:5-2:15", "Quotes do not group words in the shell form of ADD: 'a b /app/ is split at the space; use the JSON form for paths with spaces"]],
    },
    { name: 'JSON form', dockerfile: 'FROM alpine\nCOPY ["my file.txt", "/app/"]\n', expect: [] },
    { name: 'quotes around a single word', dockerfile: 'FROM alpine\nCOPY "file.txt" /app/\n', expect: [] },
  ],
  CopyMultipleSourcesNoSlash: [
    {
      name: 'two sources',
      dockerfile: 'FROM alpine\nCOPY package.json package-lock.json /app\n',
      expect: [['2:37-2:41', 'COPY copies 2 sources to /app, which does not end with /; write /app/ so it is a directory']],
    },
    { name: 'trailing slash', dockerfile: 'FROM alpine\nCOPY a b /app/\n', expect: [] },
    { name: 'dot', dockerfile: 'FROM alpine\nWORKDIR /app\nCOPY a b .\n', expect: [] },
    { name: 'one source', dockerfile: 'FROM alpine\nCOPY a /app\n', expect: [] },
  ],
  AddForLocalFile: [
    {
      name: 'a local file',
      dockerfile: 'FROM alpine\nADD config.json /etc/app/\n',
      expect: [['2:1-2:4', 'ADD of config.json, a local file that is not an archive, does what COPY does; COPY says what is meant']],
    },
    { name: 'an archive', dockerfile: 'FROM alpine\nADD rootfs.tar.gz /\n', expect: [] },
    { name: 'a URL', dockerfile: 'FROM alpine\nADD https://example.com/app.json /etc/app/\n', expect: [] },
    { name: 'COPY', dockerfile: 'FROM alpine\nCOPY config.json /etc/app/\n', expect: [] },
  ],
};

describe.each(Object.entries(tables))('%s', (rule, rows) => {
  const severity = ruleByName(rule)!.severity;
  it.each(rows.map((row) => [row.name, row] as const))('%s', (_name, row) => {
    const { actual, expected } = expectHits(rule, severity, row);
    expect(actual).toEqual(expected);
  });
});

it('covers every rule of ours', () => {
  const ours = ['LinkDisabledByChmod', 'LinkChownByName', 'LinkReplacesDirectory', 'LinkThroughSymlink', 'LinkResetsParentPermissions',
    'LinkRebaseDefeated', 'LinkOnScratchNoop', 'LinkMergeChain', 'LinkSyntaxTooOld', 'CopyFromUnknownStage', 'CopyQuotedPathShellForm',
    'CopyMultipleSourcesNoSlash', 'AddForLocalFile'];
  expect(Object.keys(tables).sort()).toEqual([...ours].sort());
});

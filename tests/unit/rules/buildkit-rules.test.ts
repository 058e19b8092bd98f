/** Table tests for BuildKit's build checks: exact ranges and BuildKit's messages. */
import { describe, expect, it } from 'vitest';
import { type Case, expectHits } from './helpers.ts';

const tables: Record<string, readonly Case[]> = {
  StageNameCasing: [
    { name: 'mixed-case name', dockerfile: 'FROM alpine AS Build\n', expect: [['1:1-1:21', "Stage name 'Build' should be lowercase"]] },
    { name: 'lowercase name', dockerfile: 'FROM alpine AS build\n', expect: [] },
    { name: 'no name', dockerfile: 'FROM alpine\n', expect: [] },
    {
      name: 'unreachable stages too',
      dockerfile: 'FROM alpine AS OLD\nRUN true\nFROM alpine\n',
      expect: [['1:1-1:19', "Stage name 'OLD' should be lowercase"]],
    },
  ],
  FromAsCasing: [
    { name: 'FROM with as', dockerfile: 'FROM alpine as build\n', expect: [['1:1-1:21', "'as' and 'FROM' keywords' casing do not match"]] },
    { name: 'from with AS', dockerfile: 'from alpine AS build\n', expect: [['1:1-1:21', "'AS' and 'from' keywords' casing do not match"]] },
    { name: 'matching', dockerfile: 'FROM alpine AS build\nfrom alpine as test\n', expect: [] },
    { name: 'mixed-case FROM is left to casing', dockerfile: 'From alpine as build\n', expect: [] },
  ],
  NoEmptyContinuation: [
    { name: 'empty line inside a continuation', dockerfile: 'FROM alpine\nRUN echo a \\\n\n  b\n', expect: [['4:1-4:4', 'Empty continuation line']] },
    { name: 'no empty line', dockerfile: 'FROM alpine\nRUN echo a \\\n  b\n', expect: [] },
  ],
  ConsistentInstructionCasing: [
    {
      name: 'minority lowercase',
      dockerfile: 'FROM alpine\nrun true\nRUN false\n',
      expect: [['2:1-2:9', "Command 'run' should match the case of the command majority (uppercase)"]],
    },
    {
      name: 'minority uppercase',
      dockerfile: 'from alpine\nrun true\nCOPY a b\n',
      expect: [['3:1-3:9', "Command 'COPY' should match the case of the command majority (lowercase)"]],
    },
    {
      name: 'mixed-case keyword, tie goes to uppercase',
      dockerfile: 'FROM alpine\nrun true\nCopy a b\n',
      expect: [
        ['2:1-2:9', "Command 'run' should match the case of the command majority (uppercase)"],
        ['3:1-3:9', "Command 'Copy' should match the case of the command majority (uppercase)"],
      ],
    },
    { name: 'global ARG does not count', dockerfile: 'arg V=1\nFROM alpine\nRUN true\n', expect: [] },
  ],
  DuplicateStageName: [
    {
      name: 'same name twice, case-insensitively',
      dockerfile: 'FROM alpine AS base\nFROM alpine AS BASE\nFROM base\n',
      expect: [['2:1-2:20', 'Duplicate stage name "base", stage names should be unique']],
    },
    { name: 'distinct', dockerfile: 'FROM alpine AS a\nFROM alpine AS b\n', expect: [] },
  ],
  ReservedStageName: [
    { name: 'scratch', dockerfile: 'FROM alpine AS scratch\n', expect: [['1:1-1:23', 'Stage name should not use the same name as reserved stage "scratch"']] },
    { name: 'context', dockerfile: 'FROM alpine AS context\n', expect: [['1:1-1:23', 'Stage name should not use the same name as reserved stage "context"']] },
    { name: 'ordinary', dockerfile: 'FROM alpine AS build\n', expect: [] },
  ],
  JSONArgsRecommended: [
    {
      name: 'shell-form CMD and ENTRYPOINT',
      dockerfile: 'FROM alpine\nENTRYPOINT my-app\ncmd serve\n',
      expect: [
        ['2:1-2:18', 'JSON arguments recommended for ENTRYPOINT to prevent unintended behavior related to OS signals'],
        ['3:1-3:10', 'JSON arguments recommended for cmd to prevent unintended behavior related to OS signals'],
      ],
    },
    { name: 'JSON form', dockerfile: 'FROM alpine\nCMD ["my-app"]\n', expect: [] },
    { name: 'SHELL in a parent stage', dockerfile: 'FROM alpine AS base\nSHELL ["/bin/ash", "-c"]\nFROM base\nCMD my-app\n', expect: [] },
    {
      name: 'unused stage checked without a target, as --check does',
      dockerfile: 'FROM alpine AS old\nCMD my-app\nFROM alpine\n',
      expect: [['2:1-2:11', 'JSON arguments recommended for CMD to prevent unintended behavior related to OS signals']],
    },
    {
      name: 'stage the target does not reach not checked (--check --target)',
      dockerfile: 'FROM alpine AS old\nCMD my-app\nFROM alpine AS new\n',
      options: { target: 'new' },
      expect: [],
    },
  ],
  MaintainerDeprecated: [
    { name: 'MAINTAINER', dockerfile: 'FROM alpine\nMAINTAINER me <me@example.com>\n', expect: [['2:1-2:31', 'Maintainer instruction is deprecated in favor of using label']] },
    { name: 'LABEL', dockerfile: 'FROM alpine\nLABEL org.opencontainers.image.authors=me\n', expect: [] },
  ],
  UndefinedArgInFrom: [
    { name: 'undeclared', dockerfile: 'FROM alpine:${TAG}\n', expect: [['1:1-1:19', "FROM argument 'TAG' is not declared"]] },
    {
      name: 'with a suggestion',
      dockerfile: 'ARG VERSION=3.20\nFROM alpine:${VERSIN}\n',
      expect: [['2:1-2:22', "FROM argument 'VERSIN' is not declared (did you mean VERSION?)"]],
    },
    {
      name: 'in --platform',
      dockerfile: 'FROM --platform=$TARGETPLATFOM alpine\n',
      expect: [['1:1-1:38', "FROM argument 'TARGETPLATFOM' is not declared (did you mean TARGETPLATFORM?)"]],
    },
    { name: 'declared without default', dockerfile: 'ARG TAG\nFROM alpine:${TAG:-3.20}\n', expect: [] },
    { name: 'built-in', dockerfile: 'FROM --platform=$BUILDPLATFORM alpine\n', expect: [] },
  ],
  WorkdirRelativePath: [
    { name: 'first WORKDIR relative', dockerfile: 'FROM alpine\nWORKDIR app\nWORKDIR src\n', expect: [['2:1-2:12', 'Relative workdir "app" can have unexpected results if the base image changes']] },
    { name: 'absolute first', dockerfile: 'FROM alpine\nWORKDIR /app\nWORKDIR src\n', expect: [] },
    { name: 'absolute in the parent stage', dockerfile: 'FROM alpine AS base\nWORKDIR /app\nFROM base\nWORKDIR src\n', expect: [] },
  ],
  UndefinedVar: [
    { name: 'unset in COPY', dockerfile: 'FROM alpine\nCOPY app-$VERSION.jar /app/\n', expect: [['2:1-2:28', "Usage of undefined variable '$VERSION'"]] },
    { name: 'typo with suggestion', dockerfile: 'FROM alpine\nENV PATH=$PTH:/bin\n', expect: [['2:1-2:19', "Usage of undefined variable '$PTH' (did you mean $PATH?)"]] },
    { name: 'declared ARG without value', dockerfile: 'FROM alpine\nARG VERSION\nCOPY app-$VERSION.jar /app/\n', expect: [] },
    { name: 'RUN text is the shell\'s business', dockerfile: 'FROM alpine\nRUN echo $NOPE\n', expect: [] },
  ],
  MultipleInstructionsDisallowed: [
    {
      name: 'two CMDs: the first is reported',
      dockerfile: 'FROM alpine\nCMD ["a"]\nCMD ["b"]\n',
      expect: [['2:1-2:10', 'Multiple CMD instructions should not be used in the same stage because only the last one will be used']],
    },
    {
      name: 'three HEALTHCHECKs',
      dockerfile: 'FROM alpine\nHEALTHCHECK NONE\nHEALTHCHECK NONE\nhealthcheck NONE\n',
      expect: [
        ['2:1-2:17', 'Multiple HEALTHCHECK instructions should not be used in the same stage because only the last one will be used'],
        ['3:1-3:17', 'Multiple healthcheck instructions should not be used in the same stage because only the last one will be used'],
      ],
    },
    { name: 'one per stage', dockerfile: 'FROM alpine AS a\nCMD ["a"]\nFROM a\nCMD ["b"]\n', expect: [] },
  ],
  LegacyKeyValueFormat: [
    { name: 'ENV k v', dockerfile: 'FROM alpine\nENV A 1\n', expect: [['2:1-2:8', '"ENV key=value" should be used instead of legacy "ENV key value" format']] },
    { name: 'label k v', dockerfile: 'FROM alpine\nlabel a b\n', expect: [['2:1-2:10', '"label key=value" should be used instead of legacy "label key value" format']] },
    { name: 'k=v', dockerfile: 'FROM alpine\nENV A=1 B=2\n', expect: [] },
  ],
  RedundantTargetPlatform: [
    {
      name: '$TARGETPLATFORM',
      dockerfile: 'FROM --platform=${TARGETPLATFORM} alpine\n',
      expect: [['1:1-1:41', 'Setting platform to predefined ${TARGETPLATFORM} in FROM is redundant as this is the default behavior']],
    },
    { name: '$BUILDPLATFORM', dockerfile: 'FROM --platform=$BUILDPLATFORM alpine\n', expect: [] },
  ],
  SecretsUsedInArgOrEnv: [
    {
      name: 'ARG and ENV',
      dockerfile: 'FROM alpine\nARG DB_PASSWORD\nENV api_key=x GITHUB_TOKEN=y\n',
      expect: [
        ['2:1-2:16', 'Do not use ARG or ENV instructions for sensitive data (ARG "DB_PASSWORD")'],
        ['3:1-3:29', 'Do not use ARG or ENV instructions for sensitive data (ENV "api_key")'],
        ['3:1-3:29', 'Do not use ARG or ENV instructions for sensitive data (ENV "GITHUB_TOKEN")'],
      ],
    },
    { name: 'allowed words and non-tokens', dockerfile: 'FROM alpine\nARG PUBLIC_KEY\nARG TOKEN_FILE\nENV KEYBOARD=us MONKEY=1\n', expect: [] },
    { name: 'global ARG not checked', dockerfile: 'ARG PASSWORD=x\nFROM alpine\n', expect: [] },
    {
      name: 'ENV keys after expansion',
      dockerfile: 'FROM alpine\nARG P=DB\nENV ${P}_TOKEN=x\n',
      expect: [['3:1-3:17', 'Do not use ARG or ENV instructions for sensitive data (ENV "DB_TOKEN")']],
    },
  ],
  InvalidDefaultArgInFrom: [
    { name: 'no default', dockerfile: 'ARG IMAGE\nFROM $IMAGE\n', expect: [['2:1-2:12', 'Default value for ARG $IMAGE results in empty or invalid base image name']] },
    {
      name: 'only a build arg makes it valid',
      dockerfile: 'ARG TAG\nFROM alpine:${TAG}\n',
      options: { buildArgs: { TAG: '3.20' } },
      expect: [['2:1-2:19', 'Default value for ARG alpine:${TAG} results in empty or invalid base image name']],
    },
    { name: 'working default', dockerfile: 'ARG TAG=3.20\nFROM alpine:${TAG}\n', expect: [] },
  ],
  FromPlatformFlagConstDisallowed: [
    { name: 'constant', dockerfile: 'FROM --platform=linux/arm64 alpine\n', expect: [['1:1-1:35', 'FROM --platform flag should not use constant value "linux/arm64"']] },
    { name: 'architecture in the stage name', dockerfile: 'FROM --platform=linux/arm64 alpine AS build-arm64\n', expect: [] },
    { name: 'variable', dockerfile: 'FROM --platform=$BUILDPLATFORM alpine\n', expect: [] },
  ],
  CopyIgnoredFile: [
    {
      name: 'ignored file and ignored parent',
      dockerfile: 'FROM alpine\nCOPY .env /app/\nADD ./logs/today.log /logs/\n',
      options: { dockerignore: '# local only\n.env\nlogs\n' },
      expect: [
        ['2:1-2:16', 'Attempting to Copy file ".env" that is excluded by .dockerignore'],
        ['3:1-3:28', 'Attempting to Add file "logs/today.log" that is excluded by .dockerignore'],
      ],
    },
    { name: 'exceptions disable the check', dockerfile: 'FROM alpine\nCOPY .env /app/\n', options: { dockerignore: '.env\n!keep\n' }, expect: [] },
    { name: '--from sources are not in the context', dockerfile: 'FROM alpine AS a\nFROM alpine\nCOPY --from=a .env /app/\n', options: { dockerignore: '.env\n' }, expect: [] },
    { name: 'no .dockerignore', dockerfile: 'FROM alpine\nCOPY .env /app/\n', expect: [] },
    {
      name: 'the context root only when everything is ignored',
      dockerfile: 'FROM alpine\nCOPY . /app/\n',
      options: { dockerignore: '*\n' },
      expect: [['2:1-2:13', 'Attempting to Copy file "." that is excluded by .dockerignore']],
    },
  ],
  InvalidDefinitionDescription: [
    {
      name: 'enabled, wrong comment',
      dockerfile: '# check=experimental=InvalidDefinitionDescription\n\n# the builder\nFROM alpine AS build\n# version to use\nARG VERSION=1\n',
      expect: [
        ['4:1-4:21', 'Comment for FROM should follow the format: `# build <description>`'],
        ['6:1-6:14', 'Comment for ARG should follow the format: `# VERSION <description>`'],
      ],
    },
    {
      name: 'several ARG keys',
      dockerfile: '# check=experimental=all\n\nFROM alpine\n# versions\nARG A=1 B=2\n',
      expect: [['5:1-5:12', 'Comment for ARG should follow the format: `# <arg_key> <description>`']],
    },
    { name: 'experimental: off by default', dockerfile: '# the builder\nFROM alpine AS build\n', expect: [] },
    { name: 'good description', dockerfile: '# check=experimental=InvalidDefinitionDescription\n\n# build compiles\nFROM alpine AS build\n', expect: [] },
  ],
  ExposeProtoCasing: [
    { name: 'upper-case protocol', dockerfile: 'FROM alpine\nEXPOSE 80/TCP 53/udp\n', expect: [['2:1-2:21', "Defined protocol '80/TCP' in EXPOSE instruction should be lowercase"]] },
    { name: 'lower-case', dockerfile: 'FROM alpine\nEXPOSE 80/tcp\n', expect: [] },
  ],
  ExposeInvalidFormat: [
    {
      // BuildKit sorts the EXPOSE arguments before it reads them.
      name: 'host port and IP',
      dockerfile: 'FROM alpine\nEXPOSE 8080:80 127.0.0.1:53:53/udp\n',
      expect: [
        ['2:1-2:35', "EXPOSE instruction should not define an IP address or host-port mapping, found '127.0.0.1:53:53/udp'"],
        ['2:1-2:35', "EXPOSE instruction should not define an IP address or host-port mapping, found '8080:80'"],
      ],
    },
    { name: 'container port only', dockerfile: 'FROM alpine\nEXPOSE 80 443/tcp\n', expect: [] },
  ],
};

describe.each(Object.entries(tables))('%s', (rule, rows) => {
  it.each(rows.map((row) => [row.name, row] as const))('%s', (_name, row) => {
    const { actual, expected } = expectHits(rule, 'warning', row);
    expect(actual).toEqual(expected);
  });
});

describe('InvalidBaseImagePlatform', () => {
  it('is not reported when the image and its platforms are unknown', () => {
    const { actual } = expectHits('InvalidBaseImagePlatform', 'warning', {
      name: '',
      dockerfile: 'FROM --platform=linux/arm64 amd64-only\n',
      expect: [],
    });
    expect(actual).toEqual([]);
  });
});

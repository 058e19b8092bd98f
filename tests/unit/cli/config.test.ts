/** `.layerwise.yaml`: the YAML subset, validation, the shipped schema, discovery, and how policy layers combine. */
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/cli/config/presets.ts';
import { configSchema, validateConfig } from '../../../src/cli/config/schema.ts';
import { parseYaml } from '../../../src/cli/config/yaml-subset.ts';
import { cli, CWD } from './harness.ts';

const FULL = `# Team policy
preset: link-focus
ignore: [LegacyKeyValueFormat, "StageNameCasing"]
severity:
  JSONArgsRecommended: info
  CopyIgnoredFile: error   # secrets must not slip into images
  MaintainerDeprecated: off
failOn: warning
buildArgs:
  NODE_VERSION: 22
  'EMPTY': ""
target: prod
docsBase: https://docs.example.com/layerwise
allowInlineSkips: false
`;

describe('the YAML subset', () => {
  it('reads mappings, block and flow lists, quoted and plain scalars, comments', () => {
    const parsed = parseYaml(FULL);
    expect(parsed).toEqual({
      ok: true,
      value: {
        preset: 'link-focus',
        ignore: ['LegacyKeyValueFormat', 'StageNameCasing'],
        severity: { JSONArgsRecommended: 'info', CopyIgnoredFile: 'error', MaintainerDeprecated: 'off' },
        failOn: 'warning',
        buildArgs: { NODE_VERSION: 22, EMPTY: '' },
        target: 'prod',
        docsBase: 'https://docs.example.com/layerwise',
        allowInlineSkips: false,
      },
    });
    expect(parseYaml('ignore:\n  - A\n  - "B # not a comment"\nother:\n- C\n')).toEqual({ ok: true, value: { ignore: ['A', 'B # not a comment'], other: ['C'] } });
    expect(parseYaml('---\n# nothing else\n')).toEqual({ ok: true, value: null });
    expect(parseYaml("a: 'it''s'\nb: \"tab\\tx\"\nc: ~\nd: {}\ne: []\n")).toEqual({ ok: true, value: { a: "it's", b: 'tab\tx', c: null, d: {}, e: [] } });
  });

  it.each([
    ['base: &b x\n', 'line 1: anchors and aliases (& and *) are not supported'],
    ['a: *b\n', 'line 1: anchors and aliases (& and *) are not supported'],
    ['a: !!str x\n', 'line 1: tags (!) are not supported'],
    ['a: |\n  text\n', 'line 1: block scalars (| and >) are not supported; write the value on one line'],
    ['a: {b: c}\n', 'line 1: flow mappings ({a: b}) are not supported; write one "key: value" per line'],
    ['a:\n\tb: c\n', 'line 2: tabs are not allowed for indentation; use spaces'],
    ['a: 1\na: 2\n', 'line 2: duplicate key "a"'],
    ['a: 1\n---\nb: 2\n', 'line 2: only one YAML document is allowed'],
    ['allowInlineSkips: no\n', 'line 1: "no" is ambiguous between YAML versions; write true/false, or quote it'],
    ['a: "open\n', 'line 1: unterminated double-quoted string'],
    ['a: b: c\n', 'line 1: unexpected ": " in a value; quote it: "b: c"'],
    ['a:\n  - b\n    - c\n', 'line 3: unexpected indentation'],
    ['just text\nmore\n', 'line 1: expected "key: value" or "- item", got "just text"'],
  ])('refuses %j with its line', (source, error) => {
    expect(parseYaml(source)).toEqual({ ok: false, error });
  });
});

describe('validation and the shipped JSON Schema', () => {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  const schemaValidates = ajv.compile(configSchema());

  it('accepts the full example, and every preset is itself a valid config', () => {
    const parsed = parseYaml(FULL);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(validateConfig(parsed.value)).toMatchObject({ ok: true, config: { buildArgs: { NODE_VERSION: '22', EMPTY: '' } } });
    expect(schemaValidates(JSON.parse(JSON.stringify(parsed.value)))).toBe(true);
    for (const preset of Object.values(PRESETS)) {
      expect(validateConfig(JSON.parse(JSON.stringify(preset)))).toMatchObject({ ok: true });
      expect(schemaValidates(preset)).toBe(true);
    }
  });

  it.each([
    ['failOn: sometimes\n', 'failOn must be one of error, warning, info, none'],
    ['fail_on: error\n', 'unknown setting "fail_on" (did you mean failOn?)'],
    ['ignore: [LegacyKeyValueFormats]\n', 'ignore: unknown rule "LegacyKeyValueFormats" (did you mean LegacyKeyValueFormat?)'],
    ['ignore: [BuildError]\n', 'ignore: BuildError is BuildKit refusing the file; it cannot be ignored or re-levelled'],
    ['severity:\n  UndefinedVar: fatal\n', 'severity.UndefinedVar must be one of error, warning, info, off'],
    ['docsBase: docs.example.com\n', 'docsBase must be an http(s) URL or an absolute path'],
    ['allowInlineSkips: "false"\n', 'allowInlineSkips must be true or false'],
    ['target: ""\n', 'target must be a non-empty string'],
    ['preset: lenient\n', 'preset must be one of recommended, link-focus, strict'],
    ['- a\n', 'the file must be a mapping of settings ("key: value" lines)'],
  ])('the loader and the schema both refuse %j', (source, error) => {
    const parsed = parseYaml(source);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(validateConfig(parsed.value)).toEqual({ ok: false, errors: [error] });
    expect(schemaValidates(JSON.parse(JSON.stringify(parsed.value)))).toBe(false);
  });
});

describe('finding the config', () => {
  const WARN = 'FROM alpine\nMAINTAINER me\n';
  const strict = 'failOn: warning\n';

  it('uses the nearest .layerwise.yaml from the working directory up to the repository root', async () => {
    const files = { '/repo/.git/HEAD': 'ref', '/repo/.layerwise.yaml': strict, '/repo/sub/dir/Dockerfile': WARN };
    expect((await cli(['lint', 'Dockerfile'], files, { cwd: '/repo/sub/dir' })).code).toBe(1);
    const nearer = { ...files, '/repo/sub/.layerwise.yml': 'failOn: error\n' };
    expect((await cli(['lint', 'Dockerfile'], nearer, { cwd: '/repo/sub/dir' })).code).toBe(0);
  });

  it('never looks above the repository root, and outside a repository only in the working directory', async () => {
    const above = { '/.layerwise.yaml': strict, '/repo/.git/HEAD': 'ref', '/repo/Dockerfile': WARN };
    expect((await cli(['lint', 'Dockerfile'], above, { cwd: '/repo' })).code).toBe(0);
    const noRepo = { '/a/.layerwise.yaml': strict, '/a/b/Dockerfile': WARN };
    expect((await cli(['lint', 'Dockerfile'], noRepo, { cwd: '/a/b' })).code).toBe(0);
    expect((await cli(['lint', 'b/Dockerfile'], noRepo, { cwd: '/a' })).code).toBe(1);
  });

  it('--config names the file; a missing or invalid one is a usage error with its line', async () => {
    const files = { 'ci/policy.yaml': strict, D: WARN, 'bad.yaml': 'failOn: warning\nseverity: [x\n' };
    expect((await cli(['lint', '--config', 'ci/policy.yaml', 'D'], files)).code).toBe(1);
    expect(await cli(['lint', '--config', 'nope.yaml', 'D'], files)).toEqual({ code: 2, stdout: '', stderr: 'layerwise lint: cannot read config nope.yaml: no such file\n' });
    expect(await cli(['lint', '--config', 'bad.yaml', 'D'], files)).toEqual({ code: 2, stdout: '', stderr: 'layerwise lint: bad.yaml: line 2: a [list] must close on the same line\n' });
    const found = await cli(['lint', 'D'], { D: WARN, '.git/HEAD': '', '.layerwise.yaml': 'ignore: [Nope]\n' });
    expect(found).toEqual({ code: 2, stdout: '', stderr: `layerwise lint: ${CWD}/.layerwise.yaml: ignore: unknown rule "Nope"\n` });
  });

  it('gives graph and simulate their target and build args', async () => {
    const files = { '.layerwise.yaml': 'target: a\nbuildArgs:\n  BASE: debian:12\n', D: 'ARG BASE=alpine\nFROM $BASE AS a\nRUN a\nFROM a\nRUN b\n' };
    const shape = await cli(['graph', '--format', 'shape', 'D'], files);
    expect(shape.stdout).toBe('#0 src docker-image://docker.io/library/debian:12\n#1 exec[#0]\nresult=#1\n');
    const flagWins = await cli(['graph', '--format', 'shape', '--build-arg', 'BASE=busybox', 'D'], files);
    expect(flagWins.stdout).toContain('docker.io/library/busybox');
  });
});

describe('policy: flags over config over the Dockerfile', () => {
  const WARN = 'FROM alpine\nMAINTAINER me\n';
  const levels = (stdout: string) => stdout.trim().split('\n').filter(Boolean).map((line) => line.split(' ').slice(1, 3).join(' '));

  it('per-rule severity and ignore, flags winning over the config', async () => {
    const files = { D: WARN, '.layerwise.yaml': 'severity:\n  MaintainerDeprecated: error\n' };
    const config = await cli(['lint', 'D'], files);
    expect([config.code, levels(config.stdout)]).toEqual([1, ['error MaintainerDeprecated']]);
    const flag = await cli(['lint', '--severity', 'MaintainerDeprecated=info', 'D'], files);
    expect([flag.code, levels(flag.stdout)]).toEqual([0, ['info MaintainerDeprecated']]);
    expect((await cli(['lint', '--ignore', 'MaintainerDeprecated', 'D'], files)).stdout).toBe('');
    const back = await cli(['lint', '--severity', 'MaintainerDeprecated=warning', 'D'], { D: WARN, '.layerwise.yaml': 'ignore: [MaintainerDeprecated]\n' });
    expect(levels(back.stdout)).toEqual(['warning MaintainerDeprecated']);
  });

  it('failOn, --fail-on and --no-fail decide the exit status', async () => {
    const ERROR = 'FROM node:22\nCOPY --link --chown=node . /app/\n';
    expect((await cli(['lint', 'D'], { D: WARN })).code).toBe(0);
    expect((await cli(['lint', '--fail-on', 'warning', 'D'], { D: WARN })).code).toBe(1);
    expect((await cli(['lint', 'D'], { D: WARN, '.layerwise.yaml': 'failOn: warning\n' })).code).toBe(1);
    expect((await cli(['lint', '--fail-on', 'error', 'D'], { D: WARN, '.layerwise.yaml': 'failOn: warning\n' })).code).toBe(0);
    expect((await cli(['lint', '--no-fail', 'D'], { D: ERROR })).code).toBe(0);
    expect((await cli(['lint', 'D'], { D: ERROR, '.layerwise.yaml': 'failOn: none\n' })).code).toBe(0);
    const INFO = 'FROM scratch\nCOPY --link a /a\n';
    expect((await cli(['lint', '--fail-on', 'warning', 'D'], { D: INFO })).code).toBe(0);
    expect((await cli(['lint', '--fail-on', 'info', 'D'], { D: INFO })).code).toBe(1);
  });

  it('presets: link-focus keeps BuildKit style checks at info; strict fails on warnings; config and flags apply on top', async () => {
    const style = 'FROM alpine\nENV A 1\nCOPY --link --chown=node a /a\n';
    expect(levels((await cli(['lint', 'D'], { D: style })).stdout)).toEqual(['warning LegacyKeyValueFormat', 'error LinkChownByName']);
    expect(levels((await cli(['lint', '--preset', 'link-focus', 'D'], { D: style })).stdout)).toEqual(['info LegacyKeyValueFormat', 'error LinkChownByName']);
    const files = { D: style, '.layerwise.yaml': 'preset: link-focus\nseverity:\n  LegacyKeyValueFormat: warning\n' };
    expect(levels((await cli(['lint', 'D'], files)).stdout)).toEqual(['warning LegacyKeyValueFormat', 'error LinkChownByName']);
    expect((await cli(['lint', '--preset', 'strict', 'D'], { D: WARN })).code).toBe(1);
  });

  it("the Dockerfile's # check= directive applies under the policy, and BUILDKIT_DOCKERFILE_CHECK replaces it as in BuildKit", async () => {
    const skipped = '# check=skip=MaintainerDeprecated\nFROM alpine\nMAINTAINER me\nENV A 1\n';
    expect(levels((await cli(['lint', 'D'], { D: skipped })).stdout)).toEqual(['warning LegacyKeyValueFormat']);
    // The config cannot see what the file skipped…
    const policy = { D: skipped, '.layerwise.yaml': 'severity:\n  MaintainerDeprecated: error\n' };
    expect(levels((await cli(['lint', 'D'], policy)).stdout)).toEqual(['warning LegacyKeyValueFormat']);
    // …unless it stops in-file skips.
    const strictPolicy = { ...policy, '.layerwise.yaml': 'allowInlineSkips: false\nseverity:\n  MaintainerDeprecated: error\n' };
    const unskipped = await cli(['lint', 'D'], strictPolicy);
    expect([unskipped.code, levels(unskipped.stdout)]).toEqual([1, ['error MaintainerDeprecated', 'warning LegacyKeyValueFormat']]);
    // The build arg replaces the directive (BuildKit's precedence), skips and all, even then.
    const arg = await cli(['lint', '--build-arg', 'BUILDKIT_DOCKERFILE_CHECK=skip=LegacyKeyValueFormat', 'D'], strictPolicy);
    expect(levels(arg.stdout)).toEqual(['error MaintainerDeprecated']);
  });

  it('allowInlineSkips: false keeps the directive’s error=true and experimental= parts', async () => {
    const files = { D: '# check=skip=LegacyKeyValueFormat;error=true\nFROM alpine\nMAINTAINER me\nENV A 1\n', '.layerwise.yaml': 'allowInlineSkips: false\n' };
    expect(levels((await cli(['lint', 'D'], files)).stdout)).toEqual(['error MaintainerDeprecated', 'error LegacyKeyValueFormat']);
  });

  it('allowInlineSkips: false also overrides # check=skip= comments above single instructions', async () => {
    const D = 'FROM alpine\n# check=skip=MaintainerDeprecated\nMAINTAINER me\n';
    expect((await cli(['lint', 'D'], { D })).stdout).toBe('');
    const r = await cli(['lint', 'D'], { D, '.layerwise.yaml': 'allowInlineSkips: false\n' });
    expect(levels(r.stdout)).toEqual(['warning MaintainerDeprecated']);
  });

  it('refuses unknown rules and levels in flags', async () => {
    expect(await cli(['lint', '--ignore', 'Maintainer', 'D'], { D: WARN })).toEqual({ code: 2, stdout: '', stderr: 'layerwise lint: --ignore: unknown rule "Maintainer"\n' });
    expect((await cli(['lint', '--severity', 'MaintainerDeprecated', 'D'], { D: WARN })).stderr).toBe(
      'layerwise lint: --severity needs RULE=LEVEL with LEVEL one of error, warning, info, off, got "MaintainerDeprecated"\n',
    );
    expect((await cli(['lint', '--fail-on', 'warn', 'D'], { D: WARN })).stderr).toBe('layerwise lint: --fail-on must be one of error, warning, info, none\n');
    expect((await cli(['lint', '--preset', 'x', 'D'], { D: WARN })).stderr).toBe('layerwise lint: --preset must be one of recommended, link-focus, strict\n');
  });

  it('docsBase from the config; LAYERWISE_DOCS_BASE and --docs-base over it', async () => {
    const files = { D: WARN, '.layerwise.yaml': 'docsBase: https://config.example\n' };
    expect((await cli(['lint', 'D'], files)).stdout).toContain('(https://config.example/rules/maintainer-deprecated/)');
    expect((await cli(['lint', 'D'], files, { env: { LAYERWISE_DOCS_BASE: 'https://env.example' } })).stdout).toContain('(https://env.example/rules/');
    expect((await cli(['lint', '--docs-base', 'https://flag.example', 'D'], files)).stdout).toContain('(https://flag.example/rules/');
  });
});

/** The registry and the metadata every page, hover and report is derived from. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.ts';
import { formatMessage, ruleSlug } from '../../../src/analyzer/rules/define-rule.ts';
import { buildErrorRule, docsUrl, rulePages } from '../../../src/analyzer/rules/docs.ts';
import { ruleByName, rules } from '../../../src/analyzer/rules/registry.ts';

/** BuildKit's build checks and message templates (buildkit-model.md §7). */
const BUILDKIT: Record<string, string> = {
  StageNameCasing: "Stage name '%s' should be lowercase",
  FromAsCasing: "'%s' and '%s' keywords' casing do not match",
  NoEmptyContinuation: 'Empty continuation line',
  ConsistentInstructionCasing: "Command '%s' should match the case of the command majority (%s)",
  DuplicateStageName: 'Duplicate stage name %q, stage names should be unique',
  ReservedStageName: 'Stage name should not use the same name as reserved stage %q',
  JSONArgsRecommended: 'JSON arguments recommended for %s to prevent unintended behavior related to OS signals',
  MaintainerDeprecated: 'Maintainer instruction is deprecated in favor of using label',
  UndefinedArgInFrom: "FROM argument '%s' is not declared",
  WorkdirRelativePath: 'Relative workdir %q can have unexpected results if the base image changes',
  UndefinedVar: "Usage of undefined variable '$%s'",
  MultipleInstructionsDisallowed: 'Multiple %s instructions should not be used in the same stage because only the last one will be used',
  LegacyKeyValueFormat: '"%s key=value" should be used instead of legacy "%s key value" format',
  InvalidBaseImagePlatform: 'Base image %s was pulled with platform %q, expected %q for current build',
  RedundantTargetPlatform: 'Setting platform to predefined %s in FROM is redundant as this is the default behavior',
  SecretsUsedInArgOrEnv: 'Do not use ARG or ENV instructions for sensitive data (%s %q)',
  InvalidDefaultArgInFrom: 'Default value for ARG %v results in empty or invalid base image name',
  FromPlatformFlagConstDisallowed: 'FROM --platform flag should not use constant value %q',
  CopyIgnoredFile: 'Attempting to %s file %q that is excluded by .dockerignore',
  InvalidDefinitionDescription: 'Comment for %s should follow the format: `# %s <description>`',
  ExposeProtoCasing: "Defined protocol '%s' in EXPOSE instruction should be lowercase",
  ExposeInvalidFormat: "EXPOSE instruction should not define an IP address or host-port mapping, found '%s'",
};

const OURS: Record<string, string> = {
  LinkDisabledByChmod: 'warning',
  LinkChownByName: 'error',
  LinkReplacesDirectory: 'warning',
  LinkThroughSymlink: 'warning',
  LinkResetsParentPermissions: 'warning',
  LinkRebaseDefeated: 'info',
  LinkOnScratchNoop: 'info',
  LinkMergeChain: 'info',
  LinkSyntaxTooOld: 'error',
  CopyFromUnknownStage: 'warning',
  CopyQuotedPathShellForm: 'warning',
  CopyMultipleSourcesNoSlash: 'warning',
  AddForLocalFile: 'info',
};

describe('the registry', () => {
  it('lists each rule once, sorted by name', () => {
    const names = rules.map((rule) => rule.name);
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(names.length);
    expect(names.sort()).toEqual([...Object.keys(BUILDKIT), ...Object.keys(OURS)].sort());
  });

  it("has BuildKit's 22 checks with their templates, level and experimental flag", () => {
    for (const [name, template] of Object.entries(BUILDKIT)) {
      const rule = ruleByName(name)!;
      expect(rule.origin, name).toBe('buildkit');
      expect(rule.message, name).toBe(template);
      expect(rule.severity, name).toBe('warning');
      expect(rule.experimental === true, name).toBe(name === 'InvalidDefinitionDescription');
    }
    // Every check runs; InvalidBaseImagePlatform when the image's platforms are known.
    expect(ruleByName('InvalidBaseImagePlatform')!.description).toMatch(/registry/);
    expect(rules.filter((rule) => rule.unchecked).map((rule) => rule.name)).toEqual([]);
  });

  it('has our rules with their levels', () => {
    for (const [name, severity] of Object.entries(OURS)) {
      expect(ruleByName(name)?.origin, name).toBe('layerwise');
      expect(ruleByName(name)?.severity, name).toBe(severity);
    }
  });

  it('looks rules up by exact name only', () => {
    expect(ruleByName('LinkChownByName')?.name).toBe('LinkChownByName');
    expect(ruleByName('linkchownbyname')).toBeUndefined();
  });
});

describe.each(rules.map((rule) => [rule.name, rule] as const))('%s', (name, rule) => {
  it('is complete', () => {
    expect(name).toMatch(/^[A-Z][A-Za-z]+$/);
    expect(ruleSlug(name)).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(rule.title.length).toBeGreaterThan(10);
    expect(rule.description.length).toBeGreaterThan(80);
    expect(rule.message.length).toBeGreaterThan(5);
    expect(rule.examples.bad.length).toBeGreaterThan(0);
    expect(rule.examples.good.length).toBeGreaterThan(0);
  });

  it.each(rule.examples.bad.map((example, i) => [i, example] as const))('bad example %i triggers it', (_i, example) => {
    const found = analyze(example.dockerfile, { ...example.options, dockerignore: example.dockerignore }).findings;
    const hits = found.filter((finding) => finding.rule === name);
    // A rule we cannot check documents its bad case but never fires.
    expect(hits.length > 0).toBe(!rule.unchecked);
  });

  it.each(rule.examples.good.map((example, i) => [i, example] as const))('good example %i does not', (_i, example) => {
    const found = analyze(example.dockerfile, { ...example.options, dockerignore: example.dockerignore }).findings;
    expect(found.filter((finding) => finding.rule === name)).toEqual([]);
    expect(found.filter((finding) => finding.rule === 'BuildError')).toEqual([]);
  });
});

describe('rule pages', () => {
  it('derive everything from the rule modules', () => {
    const pages = rulePages();
    expect(pages.map((page) => page.name)).toEqual(rules.map((rule) => rule.name));
    const chown = pages.find((page) => page.name === 'LinkChownByName')!;
    expect(chown).toMatchObject({
      slug: 'link-chown-by-name',
      severity: 'error',
      origin: 'layerwise',
      experimental: false,
      silence: '# check=skip=LinkChownByName',
      perInstruction: true,
    });
    expect(chown.examples.bad.length).toBeGreaterThan(0);
    const casing = pages.find((page) => page.name === 'JSONArgsRecommended')!;
    expect(casing.slug).toBe('json-args-recommended');
    expect(casing.upstream).toBe('https://docs.docker.com/go/dockerfile/rule/json-args-recommended/');
    const experimental = pages.find((page) => page.name === 'InvalidDefinitionDescription')!;
    expect(experimental.enable).toBe('# check=experimental=InvalidDefinitionDescription');
    expect(pages.find((page) => page.name === 'DuplicateStageName')!.perInstruction).toBe(false);
    expect(pages.find((page) => page.name === 'InvalidBaseImagePlatform')!.upstream).toBeUndefined();
  });

  it('have docs URLs under a configurable base', () => {
    expect(docsUrl('LinkChownByName')).toBe('https://layerwise.dev/rules/link-chown-by-name/');
    expect(docsUrl('JSONArgsRecommended', 'https://example.org/guide/')).toBe('https://example.org/guide/rules/json-args-recommended/');
    expect(docsUrl(buildErrorRule.name)).toBe('https://layerwise.dev/rules/build-error/');
  });

  it('BuildError has a page and its bad example is refused', () => {
    const found = analyze(buildErrorRule.examples.bad[0].dockerfile).findings;
    expect(found.some((finding) => finding.rule === 'BuildError')).toBe(true);
    expect(analyze(buildErrorRule.examples.good[0].dockerfile).findings).toEqual([]);
  });
});

describe('message templates', () => {
  it('quote %q data as Go does, bell included', () => {
    // Go's %q writes U+0007 as \a (a second, hand-written quoter once wrote \x07).
    expect(formatMessage({ message: 'name %q, kind %s' }, ['a\x07"b\x01', 'x'])).toBe('name "a\\a\\"b\\x01", kind x');
  });
});

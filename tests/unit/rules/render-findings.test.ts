/** The findings renderers: text, JSON and SARIF 2.1.0 (validated against the official schema). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.ts';
import { findingsJson, type FileFindings } from '../../../src/analyzer/render/findings-json.ts';
import { renderFindingsText } from '../../../src/analyzer/render/findings-text.ts';
import { renderSarif, sarif } from '../../../src/analyzer/render/sarif.ts';
import { rules } from '../../../src/analyzer/rules/registry.ts';

const require = createRequire(import.meta.url);

/**
 * The SARIF 2.1.0 schema as OASIS published it (draft-04), shipped by @microsoft/jest-sarif.
 * Ajv 8 reads it once the draft-04 `id` is spelled `$id`; nothing else in it is draft-specific.
 * One `pattern` in it is not a valid Unicode-mode JavaScript regex, hence `unicodeRegExp: false`.
 */
function sarifValidator() {
  const packageDir = dirname(require.resolve('@microsoft/jest-sarif/package.json'));
  const schema = JSON.parse(readFileSync(join(packageDir, 'lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  const { $schema: _draft, id, ...rest } = schema;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile({ $id: id, ...rest });
}

function fileOf(file: string, source: string, options = {}): FileFindings {
  const analysis = analyze(source, options);
  return { file, source, findings: analysis.findings, lineStarts: analysis.lineStarts };
}

const DOCKERFILE = 'FROM alpine AS Build\nCOPY --link --chown=app a /app/\nRUNN x\n';

describe('text', () => {
  it('prints compiler-style lines', () => {
    expect(renderFindingsText([fileOf('dir/Dockerfile', DOCKERFILE)], { docsBase: 'https://docs.example/' })).toBe(
      [
        "dir/Dockerfile:1:1: warning StageNameCasing Stage name 'Build' should be lowercase (https://docs.example/rules/stage-name-casing/)",
        'dir/Dockerfile:2:13: error LinkChownByName --chown=app names a user or group, which --link cannot look up; use numeric ids such as --chown=1000:1000 (https://docs.example/rules/link-chown-by-name/)',
        'dir/Dockerfile:3:1: error BuildError dockerfile parse error on line 3: unknown instruction: RUNN (did you mean RUN?) (https://docs.example/rules/build-error/)',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing without findings', () => {
    expect(renderFindingsText([fileOf('Dockerfile', 'FROM alpine\n')])).toBe('');
  });
});

describe('json', () => {
  it('has the versioned shape with 1-based ranges', () => {
    const json = findingsJson([fileOf('a/Dockerfile', 'FROM alpine\nMAINTAINER me\n'), fileOf('b', 'FROM alpine\nCOPY a b /c\n')]);
    expect(json).toEqual({
      version: 1,
      findings: [
        {
          file: 'a/Dockerfile',
          rule: 'MaintainerDeprecated',
          severity: 'warning',
          message: 'Maintainer instruction is deprecated in favor of using label',
          range: { start: { line: 2, column: 1 }, end: { line: 2, column: 14 } },
          docs: 'https://layerwise.dev/rules/maintainer-deprecated/',
          stage: { index: 0, name: 'stage-0' },
        },
        {
          file: 'b',
          rule: 'CopyMultipleSourcesNoSlash',
          severity: 'warning',
          message: 'COPY copies 2 sources to /c, which does not end with /; write /c/ so it is a directory',
          range: { start: { line: 2, column: 10 }, end: { line: 2, column: 12 } },
          docs: 'https://layerwise.dev/rules/copy-multiple-sources-no-slash/',
          stage: { index: 0, name: 'stage-0' },
        },
      ],
    });
  });
});

describe('sarif', () => {
  const validate = sarifValidator();

  it('the validator rejects a broken log (the test can fail)', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    expect(validate({ version: '2.0.0', runs: [] })).toBe(false);
  });

  it('validates against the SARIF 2.1.0 schema, with findings and without', () => {
    for (const files of [[fileOf('Dockerfile', DOCKERFILE)], [fileOf('ok/Dockerfile', 'FROM alpine\n')], []]) {
      const log = JSON.parse(renderSarif(files));
      const valid = validate(log);
      expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
      expect(valid).toBe(true);
    }
  });

  it('carries rule metadata from the modules and regions for results', () => {
    const log = sarif([fileOf('dir/my Dockerfile', DOCKERFILE)], { docsBase: 'https://docs.example' });
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe('layerwise');
    expect(driver.rules.map((rule) => rule.id)).toEqual([...rules.map((rule) => rule.name), 'BuildError']);
    const chown = driver.rules.find((rule) => rule.id === 'LinkChownByName')!;
    expect(chown).toMatchObject({
      name: 'LinkChownByName',
      shortDescription: { text: '--chown by name fails with --link' },
      helpUri: 'https://docs.example/rules/link-chown-by-name/',
      defaultConfiguration: { level: 'error' },
    });
    expect(chown.fullDescription.text.length).toBeGreaterThan(50);
    expect(driver.rules.find((rule) => rule.id === 'LinkMergeChain')!.defaultConfiguration.level).toBe('note');
    expect(driver.rules.find((rule) => rule.id === 'InvalidDefinitionDescription')!.defaultConfiguration.enabled).toBe(false);

    const results = log.runs[0].results;
    expect(results.map((result) => [result.ruleId, result.level, driver.rules[result.ruleIndex!].id])).toEqual([
      ['StageNameCasing', 'warning', 'StageNameCasing'],
      ['LinkChownByName', 'error', 'LinkChownByName'],
      ['BuildError', 'error', 'BuildError'],
    ]);
    expect(results[1].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'dir/my%20Dockerfile' },
      region: { startLine: 2, startColumn: 13, endLine: 2, endColumn: 24 },
    });
  });
});

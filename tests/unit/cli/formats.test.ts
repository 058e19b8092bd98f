/**
 * The formats CI reads, each checked against what its consumer documents:
 * - SARIF 2.1.0: the OASIS schema and GitHub's subset (tests/unit/pipeline/formats.ts), plus
 *   what code scanning needs to track alerts: tool version, partialFingerprints, URIs;
 * - GitHub workflow commands (docs.github.com, "Workflow commands for GitHub Actions"):
 *   `::error|warning|notice file=F,line=L,col=C,endLine=L,endColumn=C,title=T::MESSAGE`, with
 *   `%`, CR, LF escaped in the message and additionally `:` and `,` in properties;
 * - Checkstyle XML as reviewdog and Jenkins read it: `<checkstyle><file name><error line column
 *   severity message source/>`, parsed here by a real XML parser (Python's);
 * - GitLab Code Quality (docs.gitlab.com, "Code Quality report format"): an array of issues with
 *   description, check_name, unique fingerprint, severity info|minor|major|critical|blocker,
 *   location.path and location.lines.begin.
 */
import { spawnSync } from 'node:child_process';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { artifactLocation } from '../../../src/analyzer/render/sarif.ts';
import { escapeData, escapeProperty } from '../../../src/analyzer/render/github.ts';
import { sarifProblems } from '../pipeline/formats.ts';
import { cli, CWD } from './harness.ts';

const WEIRD = 'FROM alpine AS Build\nCOPY --link --chown=us%er,a:b<&>\u0001 x /a\nMAINTAINER me\nMAINTAINER me\n';
const files = { 'services/api/Dockerfile': WEIRD, 'odd, name:%.Dockerfile': 'FROM alpine\nENV A 1\n', 'clean/Dockerfile': 'FROM alpine\n' };
const paths = ['services/api/Dockerfile', 'odd, name:%.Dockerfile', 'clean/Dockerfile'];

async function json(format: string, extra: Record<string, string> = {}) {
  const r = await cli(['lint', '--format', format, ...paths], { ...files, ...extra });
  expect(r.stderr).toBe('');
  return r;
}

describe('sarif', () => {
  it('is valid, carries the tool version, relative URIs under %SRCROOT% and one fingerprint per result', async () => {
    const r = await json('sarif');
    const log = JSON.parse(r.stdout);
    expect(sarifProblems(log)).toEqual([]);
    const run = log.runs[0];
    expect(run.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: `file://${CWD}/` } });
    const locations = run.results.map((result: { locations: { physicalLocation: { artifactLocation: unknown } }[] }) => result.locations[0].physicalLocation.artifactLocation);
    expect(locations).toContainEqual({ uri: 'services/api/Dockerfile', uriBaseId: '%SRCROOT%' });
    expect(locations).toContainEqual({ uri: 'odd%2C%20name%3A%25.Dockerfile', uriBaseId: '%SRCROOT%' });
    const fingerprints = run.results.map((result: { partialFingerprints: Record<string, string> }) => result.partialFingerprints['layerwise/v1']);
    expect(fingerprints.every((f: string) => /^[0-9a-f]{16}$/.test(f))).toBe(true);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
  });

  it('keeps fingerprints when lines are added above a finding', async () => {
    const before = JSON.parse((await cli(['lint', '--format', 'sarif', 'D'], { D: WEIRD })).stdout).runs[0].results;
    const after = JSON.parse((await cli(['lint', '--format', 'sarif', 'D'], { D: `# a comment\n\n${WEIRD.replace('MAINTAINER me\n', '# why\nMAINTAINER me\n')}` })).stdout).runs[0].results;
    const key = (results: { ruleId: string; partialFingerprints: Record<string, string> }[]) => results.map((r) => [r.ruleId, r.partialFingerprints['layerwise/v1']]);
    expect(key(after)).toEqual(key(before));
    expect(after[0].locations[0].physicalLocation.region.startLine).toBe(before[0].locations[0].physicalLocation.region.startLine + 2);
  });

  it('absolute paths inside the working directory are relative to %SRCROOT%; outside it, file:// URIs', () => {
    expect(artifactLocation('/work/project/a/Dockerfile', '/work/project')).toEqual({ uri: 'a/Dockerfile', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('./a/../b/Dockerfile', '/work/project/')).toEqual({ uri: 'b/Dockerfile', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('../elsewhere/Docker file', '/work/project')).toEqual({ uri: 'file:///work/elsewhere/Docker%20file' });
    expect(artifactLocation('/opt/x/Dockerfile', '/work/project')).toEqual({ uri: 'file:///opt/x/Dockerfile' });
    expect(artifactLocation('C:\\src\\Dockerfile', 'C:/src')).toEqual({ uri: 'Dockerfile', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('-', '/work/project')).toEqual({ uri: 'stdin' });
  });
});

/** A workflow command line split and unescaped as the Actions runner reads it. */
function parseCommand(line: string) {
  const match = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const unescape = (text: string) => text.replace(/%(25|0D|0A|3A|2C)/g, (_, code: string) => String.fromCharCode(parseInt(code, 16)));
  const properties = Object.fromEntries(
    match[2].split(',').map((pair) => {
      const eq = pair.indexOf('=');
      return [pair.slice(0, eq), unescape(pair.slice(eq + 1))];
    }),
  );
  return { command: match[1], properties, message: unescape(match[3]) };
}

describe('github', () => {
  it('prints one workflow command per finding that the runner reads back to the same finding', async () => {
    const r = await json('github');
    const expected = JSON.parse((await json('json')).stdout).findings;
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(expected.length);
    lines.forEach((line, i) => {
      const f = expected[i];
      expect(parseCommand(line)).toEqual({
        command: { error: 'error', warning: 'warning', info: 'notice' }[f.severity as string],
        properties: {
          file: f.file,
          line: String(f.range.start.line),
          col: String(f.range.start.column),
          endLine: String(f.range.end.line),
          endColumn: String(f.range.end.column),
          title: `${f.rule} (layerwise)`,
        },
        message: `${f.message} (${f.docs})`,
      });
    });
    expect(r.stdout).toContain('file=odd%2C name%3A%25.Dockerfile,');
  });

  it('escapes as the runner expects', () => {
    expect(escapeData('100% a:b,c\r\nd')).toBe('100%25 a:b,c%0D%0Ad');
    expect(escapeProperty('100% a:b,c\r\nd')).toBe('100%25 a%3Ab%2Cc%0D%0Ad');
  });
});

describe('checkstyle', () => {
  /** Parses the XML with Python's expat-based parser and returns its elements as data. */
  function parseXml(xml: string) {
    const script = [
      'import json, sys, xml.etree.ElementTree as ET',
      'root = ET.fromstring(sys.stdin.buffer.read())',
      'print(json.dumps({"tag": root.tag, "attrib": root.attrib, "files": [{"tag": f.tag, "attrib": f.attrib, "errors": [{"tag": e.tag, "attrib": e.attrib} for e in f]} for f in root]}))',
    ].join('\n');
    const run = spawnSync('python3', ['-c', script], { input: xml, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(run.stderr);
    return JSON.parse(run.stdout);
  }

  it('is well-formed XML in the checkstyle shape, one <error> per finding with its text intact', async () => {
    const r = await json('checkstyle');
    const expected = JSON.parse((await json('json')).stdout).findings;
    const doc = parseXml(r.stdout);
    expect(doc.tag).toBe('checkstyle');
    expect(doc.files.map((f: { tag: string; attrib: { name: string } }) => [f.tag, f.attrib.name])).toEqual(paths.map((p) => ['file', p]));
    const errors = doc.files.flatMap((f: { errors: { tag: string; attrib: Record<string, string> }[] }) => f.errors);
    expect(errors).toEqual(
      expected.map((f: { rule: string; severity: string; message: string; docs: string; range: { start: { line: number; column: number } } }) => ({
        tag: 'error',
        attrib: {
          line: String(f.range.start.line),
          column: String(f.range.start.column),
          severity: f.severity,
          // XML 1.0 cannot carry U+0001: it is replaced, everything else survives.
          message: `${f.message.replaceAll('\u0001', '\ufffd')} (${f.docs})`,
          source: `layerwise.${f.rule}`,
        },
      })),
    );
    expect(errors.some((e: { attrib: { message: string } }) => e.attrib.message.includes('us%er,a:b<&>\ufffd'))).toBe(true);
  });
});

describe('gitlab', () => {
  // The fields GitLab documents as required, and their allowed values.
  const validate = new Ajv({ allErrors: true, strict: true }).compile({
    type: 'array',
    items: {
      type: 'object',
      required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
      properties: {
        type: { const: 'issue' },
        description: { type: 'string', minLength: 1 },
        check_name: { type: 'string', minLength: 1 },
        fingerprint: { type: 'string', minLength: 1 },
        severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
        location: {
          type: 'object',
          required: ['path', 'lines'],
          properties: {
            path: { type: 'string', pattern: '^(?!/)(?!\\./)' },
            lines: { type: 'object', required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 }, end: { type: 'integer', minimum: 1 } } },
          },
        },
        url: { type: 'string' },
      },
      additionalProperties: false,
    },
  });

  it('is a Code Quality report with unique fingerprints and repository-relative paths', async () => {
    const r = await cli(['lint', '--format', 'gitlab', './services/api/Dockerfile', 'clean/Dockerfile'], files);
    const report = JSON.parse(r.stdout);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.length).toBeGreaterThan(3);
    expect(new Set(report.map((issue: { fingerprint: string }) => issue.fingerprint)).size).toBe(report.length);
    expect(report[0].location.path).toBe('services/api/Dockerfile');
    expect(report.map((issue: { check_name: string; severity: string }) => `${issue.check_name}:${issue.severity}`)).toContain('LinkChownByName:critical');
  });

  it('the validator rejects a broken report (the test can fail)', () => {
    expect(validate([{ description: 'x', check_name: 'y', fingerprint: 'z', severity: 'warning', location: { path: 'a', lines: { begin: 1 } } }])).toBe(false);
    expect(validate([{ description: 'x', check_name: 'y', severity: 'info', location: { path: 'a', lines: { begin: 1 } } }])).toBe(false);
  });
});

/**
 * SARIF 2.1.0 for code-scanning services: one run, every rule's metadata in
 * `tool.driver.rules` (from the rule modules), one result per finding with its region and a
 * stable `partialFingerprints` entry. With `srcRoot`, paths become URIs relative to the
 * `%SRCROOT%` base (declared in `originalUriBaseIds`), and paths outside it `file://` URIs.
 */
import { BUILD_ERROR } from '../core/diagnostic.ts';
import type { Rule } from '../rules/define-rule.ts';
import { buildErrorRule, DEFAULT_DOCS_BASE, docsUrl } from '../rules/docs.ts';
import { rules } from '../rules/registry.ts';
import type { FileFindings, RenderOptions } from './findings-json.ts';
import { fingerprinted } from './fingerprint.ts';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

type Level = 'error' | 'warning' | 'note';

function level(severity: 'error' | 'warning' | 'info'): Level {
  return severity === 'info' ? 'note' : severity;
}

/** Markdown to plain text, for the `text` twin of Markdown descriptions. */
function plain(markdown: string): string {
  return markdown.replace(/`([^`]*)`/g, '$1');
}

export interface SarifOptions extends RenderOptions {
  /** The tool version to report. */
  readonly version?: string;
  /** The absolute directory (with `/` separators) relative paths are resolved against: the working directory. */
  readonly srcRoot?: string;
}

/** The fingerprint's name and version: a change in how it is computed gets a new name. */
export const FINGERPRINT_KEY = 'layerwise/v1';
export const SRCROOT = '%SRCROOT%';

export function sarif(files: readonly FileFindings[], options: SarifOptions = {}) {
  const base = options.docsBase ?? DEFAULT_DOCS_BASE;
  const catalogue: Omit<Rule, 'check'>[] = [...rules, buildErrorRule];
  const index = new Map(catalogue.map((rule, i) => [rule.name, i]));
  const descriptors = catalogue.map((rule) => ({
    id: rule.name,
    name: rule.name,
    shortDescription: { text: plain(rule.title) },
    fullDescription: { text: plain(rule.description), markdown: rule.description },
    helpUri: docsUrl(rule.name, base),
    help: { text: `${plain(rule.description)} See ${docsUrl(rule.name, base)}`, markdown: `${rule.description}\n\n[Rule page](${docsUrl(rule.name, base)})` },
    defaultConfiguration: { level: level(rule.severity), enabled: rule.experimental !== true },
    properties: {
      origin: rule.origin,
      ...(rule.experimental ? { experimental: true } : {}),
      tags: rule.origin === 'buildkit' ? ['dockerfile', 'buildkit'] : ['dockerfile', 'layerwise'],
    },
  }));
  const locations = new Map(files.map((f) => [f.file, artifactLocation(f.file, options.srcRoot)] as const));
  const results = fingerprinted(files, options, (file) => locations.get(file)!.uri).map((f) => ({
    ruleId: f.rule,
    ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule)! } : {}),
    level: level(f.severity),
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: locations.get(f.file)!,
          region: {
            startLine: f.range.start.line,
            startColumn: f.range.start.column,
            endLine: f.range.end.line,
            endColumn: f.range.end.column,
          },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    ...(f.rule === BUILD_ERROR || f.stage
      ? { properties: { ...(f.rule === BUILD_ERROR ? { buildError: true } : {}), ...(f.stage ? { stage: f.stage.name, stageIndex: f.stage.index } : {}) } }
      : {}),
  }));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0' as const,
    runs: [
      {
        tool: {
          driver: {
            name: 'layerwise',
            ...(options.version ? { version: options.version } : {}),
            informationUri: `${base.replace(/\/+$/, '')}/`,
            rules: descriptors,
          },
        },
        ...(options.srcRoot !== undefined ? { originalUriBaseIds: { [SRCROOT]: { uri: fileUri(withSlash(options.srcRoot)) } } } : {}),
        columnKind: 'utf16CodeUnits' as const,
        results,
      },
    ],
  };
}

/**
 * Where a file is, for SARIF: standard input as `stdin`; without `srcRoot` the path as typed,
 * as a relative URI; with it, a URI relative to `%SRCROOT%` when the file is inside, else an
 * absolute `file://` URI.
 */
export function artifactLocation(file: string, srcRoot?: string): { uri: string; uriBaseId?: string } {
  if (file === '-') return { uri: 'stdin' };
  const slashed = file.replace(/\\/g, '/');
  const absolute = /^(\/|[A-Za-z]:\/)/.test(slashed);
  if (srcRoot === undefined) return { uri: absolute ? fileUri(slashed) : encodePath(slashed) };
  const root = normalise(srcRoot.replace(/\\/g, '/'));
  const full = absolute ? normalise(slashed) : normalise(`${root}/${slashed}`);
  const prefix = withSlash(root);
  if (full.startsWith(prefix)) return { uri: encodePath(full.slice(prefix.length)), uriBaseId: SRCROOT };
  return { uri: fileUri(full) };
}

/** `.` and `..` segments resolved, repeated slashes collapsed. */
function normalise(path: string): string {
  const drive = /^[A-Za-z]:/.exec(path)?.[0] ?? '';
  const out: string[] = [];
  for (const part of path.slice(drive.length).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `${drive}/${out.join('/')}`;
}

function withSlash(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}

function encodePath(path: string): string {
  return path.split('/').map((part) => (/^[A-Za-z]:$/.test(part) ? part : encodeURIComponent(part))).join('/');
}

function fileUri(absolute: string): string {
  const path = absolute.replace(/\\/g, '/');
  return `file://${path.startsWith('/') ? '' : '/'}${encodePath(path)}`;
}

export function renderSarif(files: readonly FileFindings[], options: SarifOptions = {}): string {
  return JSON.stringify(sarif(files, options), null, 2) + '\n';
}

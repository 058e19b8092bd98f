/**
 * SARIF 2.1.0 for code-scanning services: one run, every rule's metadata in
 * `tool.driver.rules` (from the rule modules), one result per finding with its region.
 */
import { BUILD_ERROR } from '../core/diagnostic.ts';
import type { Rule } from '../rules/define-rule.ts';
import { buildErrorRule, DEFAULT_DOCS_BASE, docsUrl } from '../rules/docs.ts';
import { rules } from '../rules/registry.ts';
import { type FileFindings, locate, type RenderOptions } from './findings-json.ts';

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
}

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
  const results = locate(files, options).map((f) => ({
    ruleId: f.rule,
    ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule)! } : {}),
    level: level(f.severity),
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: artifactUri(f.file) },
          region: {
            startLine: f.range.start.line,
            startColumn: f.range.start.column,
            endLine: f.range.end.line,
            endColumn: f.range.end.column,
          },
        },
      },
    ],
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
        columnKind: 'utf16CodeUnits' as const,
        results,
      },
    ],
  };
}

/** A relative URI reference for a path as typed (`-` is standard input). */
function artifactUri(file: string): string {
  const slashed = file === '-' ? 'stdin' : file.replace(/\\/g, '/');
  return slashed.split('/').map((part) => encodeURIComponent(part)).join('/');
}

export function renderSarif(files: readonly FileFindings[], options: SarifOptions = {}): string {
  return JSON.stringify(sarif(files, options), null, 2) + '\n';
}

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { Analysis } from '../../../src/analyzer/index.ts';

/**
 * What "valid for its format" means for each view of an analysis, as functions that return
 * the problems found (empty when valid), so a failing property names what broke.
 */

/** Structural invariants of one analysis of `source`. */
export function analysisProblems(source: string, analysis: Analysis): string[] {
  const problems: string[] = [];
  const inside = (span: { start: number; end: number } | undefined, what: string) => {
    if (!span) return;
    if (!(Number.isInteger(span.start) && Number.isInteger(span.end) && 0 <= span.start && span.start <= span.end && span.end <= source.length)) {
      problems.push(`${what}: span ${span.start}..${span.end} outside the source (length ${source.length})`);
    }
  };
  for (const f of analysis.findings) {
    if (f.message.startsWith('internal analyzer error')) problems.push(`analyzer crashed: ${f.message}`);
    if (!/^[A-Z][A-Za-z0-9]*$/.test(f.rule)) problems.push(`finding with a malformed rule name ${JSON.stringify(f.rule)}`);
    if (!['error', 'warning', 'info'].includes(f.severity)) problems.push(`finding with severity ${f.severity}`);
    if (typeof f.message !== 'string' || f.message === '') problems.push(`finding ${f.rule} without a message`);
    inside(f.span, `finding ${f.rule}`);
  }
  for (let i = 1; i < analysis.findings.length; i++) {
    if (analysis.findings[i - 1].span.start > analysis.findings[i].span.start) problems.push('findings not sorted by position');
  }
  const seen = new Set<string>();
  for (const op of analysis.graph.ops) {
    if (seen.has(op.id)) problems.push(`op id ${op.id} twice`);
    // Post-order: every input is listed before the op that reads it (so the graph is acyclic).
    for (const input of op.inputs) if (!seen.has(input)) problems.push(`${op.id} reads ${input}, which is not an earlier op`);
    seen.add(op.id);
    inside(op.span, `op ${op.id}`);
    if (!['source', 'exec', 'file', 'merge'].includes(op.kind)) problems.push(`op ${op.id} of kind ${op.kind}`);
  }
  if (analysis.graph.result !== undefined && !seen.has(analysis.graph.result)) problems.push(`result ${analysis.graph.result} is not an op`);
  for (const stage of analysis.graph.stages) {
    if (stage.result !== undefined && !seen.has(stage.result)) problems.push(`stage ${stage.name} result ${stage.result} is not an op`);
  }
  return problems;
}

/** Characters a Mermaid label may hold literally; everything else must be an entity code `#N;`. */
// `\n` is Mermaid's line break, written by the renderer between a base image's two lines.
const LABEL_TEXT = /^(?:[A-Za-z0-9 .,_\-/=+:()…]|#\d+;|\\n)*$/;
const ID = String.raw`[A-Za-z_][A-Za-z0-9_]*`;
/** Every line of a flowchart as our renderer may write it, with each quoted label replaced by L. */
const MERMAID_LINES = [
  /^flowchart (TB|LR)$/,
  new RegExp(String.raw`^\s*subgraph ${ID}\[L\]$`),
  /^\s*end$/,
  /^\s*direction (TB|LR)$/,
  new RegExp(String.raw`^\s*${ID}(\(\[L\]\)|\[L\]|\[/L/\]|\{\{L\}\}|\(L\)|\[\(L\)\]|\(\(L\)\))$`),
  new RegExp(String.raw`^\s*${ID} (-->|-.->|==>) ${ID}$`),
  // Invisible links: the legend's columns, and the legend under the graph.
  new RegExp(String.raw`^\s*${ID}( ~~~ ${ID})+$`),
  new RegExp(String.raw`^\s*classDef ${ID} [A-Za-z0-9#:,.\- ]+$`),
  new RegExp(String.raw`^\s*class ${ID}(,${ID})* ${ID}$`),
];

/**
 * Problems with Mermaid flowchart text: a line outside the grammar above (so no directive,
 * `click`, `style` or `%%` line can appear), a label holding raw HTML or quote characters, or
 * unbalanced subgraphs.
 */
export function mermaidProblems(text: string): string[] {
  const problems: string[] = [];
  let depth = 0;
  const lines = text.replace(/\n$/, '').split('\n');
  if (!/^flowchart /.test(lines[0] ?? '')) problems.push('does not start with a flowchart header');
  for (const line of lines) {
    for (const [, body] of line.matchAll(/"([^"]*)"/g)) {
      if (!LABEL_TEXT.test(body)) problems.push(`label with unescaped text: ${JSON.stringify(body)}`);
    }
    const shape = line.replace(/"[^"]*"/g, 'L');
    if (!MERMAID_LINES.some((re) => re.test(shape))) problems.push(`line outside the grammar: ${JSON.stringify(line)}`);
    if (/^\s*subgraph /.test(line)) depth++;
    if (/^\s*end$/.test(line) && --depth < 0) problems.push('end without subgraph');
    if (line.includes('%%')) problems.push(`a %% sequence: ${JSON.stringify(line)}`);
  }
  if (depth !== 0) problems.push(`${depth} subgraph(s) left open`);
  return problems;
}

/** Problems parsing JSON text; the parsed value goes to `then`. */
export function jsonProblems(text: string, then: (value: unknown) => string[] = () => []): string[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return [`not JSON: ${(error as Error).message}`];
  }
  return then(value);
}

/**
 * The parts of SARIF 2.1.0 that GitHub code scanning requires of an upload, written as a
 * JSON Schema (our own, after the OASIS specification's required properties and GitHub's
 * documented upload requirements).
 */
const sarifSchema = {
  type: 'object',
  required: ['version', 'runs'],
  properties: {
    version: { const: '2.1.0' },
    $schema: { type: 'string', pattern: 'sarif' },
    runs: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['tool', 'results'],
        properties: {
          tool: {
            type: 'object',
            required: ['driver'],
            properties: {
              driver: {
                type: 'object',
                required: ['name'],
                properties: {
                  name: { type: 'string', minLength: 1 },
                  rules: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['id'],
                      properties: {
                        id: { type: 'string', minLength: 1 },
                        shortDescription: { $ref: '#/$defs/message' },
                        fullDescription: { $ref: '#/$defs/message' },
                        helpUri: { type: 'string', format: 'uri' },
                        defaultConfiguration: {
                          type: 'object',
                          properties: { level: { enum: ['none', 'note', 'warning', 'error'] }, enabled: { type: 'boolean' } },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
          results: {
            type: 'array',
            items: {
              type: 'object',
              required: ['message', 'locations'],
              properties: {
                ruleId: { type: 'string', minLength: 1 },
                ruleIndex: { type: 'integer', minimum: 0 },
                level: { enum: ['none', 'note', 'warning', 'error'] },
                message: { $ref: '#/$defs/message' },
                locations: {
                  type: 'array',
                  minItems: 1,
                  items: {
                    type: 'object',
                    required: ['physicalLocation'],
                    properties: {
                      physicalLocation: {
                        type: 'object',
                        required: ['artifactLocation', 'region'],
                        properties: {
                          artifactLocation: { type: 'object', required: ['uri'], properties: { uri: { type: 'string', minLength: 1 } } },
                          region: {
                            type: 'object',
                            required: ['startLine'],
                            properties: {
                              startLine: { type: 'integer', minimum: 1 },
                              startColumn: { type: 'integer', minimum: 1 },
                              endLine: { type: 'integer', minimum: 1 },
                              endColumn: { type: 'integer', minimum: 1 },
                            },
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
  $defs: {
    message: { type: 'object', required: ['text'], properties: { text: { type: 'string' }, markdown: { type: 'string' } } },
  },
};

const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const validateSarif = ajv.compile(sarifSchema);

/**
 * The official SARIF 2.1.0 schema (draft-04), as shipped by @microsoft/jest-sarif, read by
 * Ajv 8 once its draft-04 `id` is renamed; its language-tag pattern is not a valid Unicode
 * regular expression, hence `unicodeRegExp: false`.
 */
function officialSarifValidator() {
  const require = createRequire(import.meta.url);
  const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  const official = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats.default(official);
  return official.compile(schema);
}
const validateOfficialSarif = officialSarifValidator();

export function sarifProblems(value: unknown): string[] {
  if (!validateOfficialSarif(value)) return (validateOfficialSarif.errors ?? []).map((e) => `SARIF schema: ${e.instancePath} ${e.message}`);
  if (validateSarif(value)) {
    // ruleIndex must point at the descriptor with the same id.
    const run = (value as { runs: { tool: { driver: { rules?: { id: string }[] } }; results: { ruleId?: string; ruleIndex?: number }[] }[] }).runs[0];
    return run.results
      .filter((r) => r.ruleIndex !== undefined && run.tool.driver.rules?.[r.ruleIndex]?.id !== r.ruleId)
      .map((r) => `result ${r.ruleId} has ruleIndex ${r.ruleIndex} pointing elsewhere`);
  }
  return (validateSarif.errors ?? []).map((e) => `SARIF ${e.instancePath} ${e.message}`);
}

/** `FILE:LINE:COL: SEVERITY RULE-ID message (DOCS-URL)`, one finding per line. */
export function findingsTextProblems(text: string, count: number): string[] {
  const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
  const problems = lines.length === count ? [] : [`${lines.length} lines for ${count} findings`];
  for (const line of lines) {
    if (!/^.+:\d+:\d+: (error|warning|info) [A-Z][A-Za-z0-9]* .* \(https?:\/\/\S+\)$/.test(line)) problems.push(`malformed line ${JSON.stringify(line)}`);
  }
  return problems;
}

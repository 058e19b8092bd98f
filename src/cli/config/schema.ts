/**
 * The `.layerwise.yaml` fields, declared once: the loader validates against this list and the
 * JSON Schema shipped for editors (dist-cli/layerwise.schema.json) is generated from it.
 */
import { BUILD_ERROR } from '../../analyzer/core/diagnostic.ts';
import { suggest } from '../../analyzer/core/suggest.ts';
import { rules } from '../../analyzer/rules/registry.ts';
import type { YamlValue } from './yaml-subset.ts';

export const LEVELS = ['error', 'warning', 'info'] as const;
export type Level = (typeof LEVELS)[number];
export const RULE_LEVELS = [...LEVELS, 'off'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];
export const FAIL_ON = [...LEVELS, 'none'] as const;
export type FailOn = (typeof FAIL_ON)[number];
export const PRESET_NAMES = ['recommended', 'link-focus', 'strict'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export interface Config {
  readonly preset?: PresetName;
  readonly ignore?: readonly string[];
  readonly severity?: Readonly<Record<string, RuleLevel>>;
  readonly failOn?: FailOn;
  readonly buildArgs?: Readonly<Record<string, string>>;
  readonly target?: string;
  readonly docsBase?: string;
  readonly allowInlineSkips?: boolean;
}

/** Every rule a config may name (BuildError is BuildKit refusing the file, not a rule to tune). */
export const RULE_NAMES: readonly string[] = rules.map((rule) => rule.name);

type Field =
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'string'; readonly pattern?: RegExp; readonly patternText?: string }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'rules' }
  | { readonly kind: 'rule-levels' }
  | { readonly kind: 'string-map' };

const FIELDS: Readonly<Record<keyof Config, { readonly field: Field; readonly description: string }>> = {
  preset: {
    field: { kind: 'enum', values: PRESET_NAMES },
    description: 'Starting point: recommended (rule defaults), link-focus (BuildKit style checks at info), strict (fail on warnings).',
  },
  ignore: { field: { kind: 'rules' }, description: 'Rules never reported.' },
  severity: { field: { kind: 'rule-levels' }, description: 'Per-rule level: error, warning, info, or off.' },
  failOn: { field: { kind: 'enum', values: FAIL_ON }, description: 'Lowest finding level that makes `layerwise lint` exit 1 (default error); none never fails.' },
  buildArgs: { field: { kind: 'string-map' }, description: 'Build arguments, as --build-arg KEY=VALUE.' },
  target: { field: { kind: 'string', pattern: /^.+$/, patternText: '^.+$' }, description: 'The stage to analyse, as --target.' },
  docsBase: {
    field: { kind: 'string', pattern: /^(https?:\/\/\S+|\/.*)$/, patternText: '^(https?://\\S+|/.*)$' },
    description: 'Where the rule pages live (an http(s) URL or an absolute path), as --docs-base.',
  },
  allowInlineSkips: {
    field: { kind: 'boolean' },
    description: "false: the Dockerfile's `# check=skip=` directive cannot hide findings this policy wants (default true, as BuildKit).",
  },
};

export type Validated = { readonly ok: true; readonly config: Config } | { readonly ok: false; readonly errors: readonly string[] };

/** Checks parsed YAML against the fields; every problem is reported, each with the key it concerns. */
export function validateConfig(value: YamlValue): Validated {
  if (value === null) return { ok: true, config: {} };
  if (!isMap(value)) return { ok: false, errors: ['the file must be a mapping of settings ("key: value" lines)'] };
  const errors: string[] = [];
  const config: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(value)) {
    const spec = (FIELDS as Record<string, { field: Field } | undefined>)[key];
    if (!spec) {
      const hint = suggest(key, Object.keys(FIELDS));
      errors.push(`unknown setting ${JSON.stringify(key)}${hint ? ` (did you mean ${hint}?)` : ''}`);
      continue;
    }
    const checked = checkField(key, spec.field, raw, errors);
    if (checked !== undefined) config[key] = checked;
  }
  return errors.length ? { ok: false, errors } : { ok: true, config: config as Config };
}

function checkField(key: string, field: Field, raw: YamlValue, errors: string[]): unknown {
  switch (field.kind) {
    case 'enum':
      if (typeof raw === 'string' && field.values.includes(raw)) return raw;
      errors.push(`${key} must be one of ${field.values.join(', ')}`);
      return undefined;
    case 'string':
      if (typeof raw === 'string' && (!field.pattern || field.pattern.test(raw))) return raw;
      errors.push(key === 'docsBase' ? `${key} must be an http(s) URL or an absolute path` : `${key} must be a non-empty string`);
      return undefined;
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      errors.push(`${key} must be true or false`);
      return undefined;
    case 'rules': {
      if (!Array.isArray(raw)) {
        errors.push(`${key} must be a list of rule names`);
        return undefined;
      }
      return raw.filter((name) => checkRuleName(`${key}`, name, errors));
    }
    case 'rule-levels': {
      if (!isMap(raw)) {
        errors.push(`${key} must map rule names to ${RULE_LEVELS.join(', ')}`);
        return undefined;
      }
      const out: Record<string, RuleLevel> = Object.create(null);
      for (const [name, level] of Object.entries(raw)) {
        if (!checkRuleName(key, name, errors)) continue;
        if (typeof level === 'string' && (RULE_LEVELS as readonly string[]).includes(level)) out[name] = level as RuleLevel;
        else errors.push(`${key}.${name} must be one of ${RULE_LEVELS.join(', ')}`);
      }
      return out;
    }
    case 'string-map': {
      if (!isMap(raw)) {
        errors.push(`${key} must map names to values`);
        return undefined;
      }
      const out: Record<string, string> = Object.create(null);
      for (const [name, v] of Object.entries(raw)) {
        // `NODE_VERSION: 22` means the text 22, as on the command line.
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[name] = String(v);
        else errors.push(`${key}.${name} must be a single value`);
      }
      return out;
    }
  }
}

/** Whether `name` is a rule a policy can name; pushes the reason when not. */
export function checkRuleName(where: string, name: YamlValue, errors: string[]): name is string {
  if (typeof name !== 'string') {
    errors.push(`${where}: rule names are text, got ${JSON.stringify(name)}`);
    return false;
  }
  if (name === BUILD_ERROR) {
    errors.push(`${where}: ${BUILD_ERROR} is BuildKit refusing the file; it cannot be ignored or re-levelled`);
    return false;
  }
  if (RULE_NAMES.includes(name)) return true;
  const hint = suggest(name, RULE_NAMES);
  errors.push(`${where}: unknown rule ${JSON.stringify(name)}${hint ? ` (did you mean ${hint}?)` : ''}`);
  return false;
}

function isMap(value: YamlValue): value is { [key: string]: YamlValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON Schema (draft-07) editors use to complete and check `.layerwise.yaml`. */
export function configSchema(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const [key, { field, description }] of Object.entries(FIELDS)) {
    properties[key] = { description, ...fieldSchema(field) };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://layerwise.dev/layerwise.schema.json',
    title: 'Layerwise configuration (.layerwise.yaml)',
    type: 'object',
    additionalProperties: false,
    properties,
  };
}

function fieldSchema(field: Field): Record<string, unknown> {
  switch (field.kind) {
    case 'enum':
      return { enum: [...field.values] };
    case 'string':
      return { type: 'string', ...(field.patternText ? { pattern: field.patternText } : {}) };
    case 'boolean':
      return { type: 'boolean' };
    case 'rules':
      return { type: 'array', items: { enum: [...RULE_NAMES] } };
    case 'rule-levels':
      return { type: 'object', propertyNames: { enum: [...RULE_NAMES] }, additionalProperties: { enum: [...RULE_LEVELS] } };
    case 'string-map':
      return { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } };
  }
}

import { UsageError } from './io.ts';

/**
 * A small, strict option parser: `--name value`, `--name=value`, repeatable options collected
 * in arrays, booleans without values. Unknown options, long or short, are usage errors; `-`
 * alone is standard input and `--` ends the options. Each option carries its help text, so
 * `layerwise COMMAND --help` is generated from the same table the parser reads.
 */
export interface OptionDef {
  readonly kind: 'string' | 'boolean' | 'repeat';
  /** The value's placeholder in help (`STAGE`, `KEY=VALUE`). */
  readonly value?: string;
  readonly help: string;
  /** What applies when the option is not given, as help prints it. */
  readonly default?: string;
  readonly example?: string;
}

export type OptionSpec = Readonly<Record<string, OptionDef>>;

export type OptionValues = Record<string, string | boolean | string[]>;

export interface Parsed {
  readonly options: OptionValues;
  readonly positionals: string[];
}

export function parseArgs(argv: readonly string[], spec: OptionSpec): Parsed {
  const options: OptionValues = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (word === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (word === '-' || !word.startsWith('-')) {
      positionals.push(word);
      continue;
    }
    if (!word.startsWith('--')) throw new UsageError(`unknown option ${word} (options are spelled --name; see --help)`);
    const eq = word.indexOf('=');
    const name = word.slice(2, eq === -1 ? undefined : eq);
    const def = Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (!def) throw new UsageError(`unknown option --${name}`);
    if (def.kind === 'boolean') {
      if (eq !== -1) throw new UsageError(`option --${name} takes no value`);
      options[name] = true;
      continue;
    }
    const value: string | undefined = eq === -1 ? argv[++i] : word.slice(eq + 1);
    if (value === undefined) throw new UsageError(`option --${name} needs a value`);
    if (def.kind === 'repeat') ((options[name] ??= []) as string[]).push(value);
    else options[name] = value;
  }
  return { options, positionals };
}

export function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')}`);
}

/** `--format`, with its values in help. */
export function formatOption(formats: readonly string[], fallback: string, example: string): OptionDef {
  return { kind: 'string', value: formats.join('|'), help: 'Output format.', default: fallback, example: `--format ${example}` };
}

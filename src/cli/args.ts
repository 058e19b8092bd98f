import { UsageError } from './io.ts';

/**
 * A small, strict option parser: `--name value`, `--name=value`, repeatable options
 * collected in arrays, booleans without values. Unknown options are usage errors.
 */
export interface OptionSpec {
  readonly [name: string]: 'string' | 'boolean' | 'repeat';
}

export interface Parsed {
  readonly options: Record<string, string | boolean | string[]>;
  readonly positionals: string[];
}

export function parseArgs(argv: readonly string[], spec: OptionSpec): Parsed {
  const options: Record<string, string | boolean | string[]> = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (word === '-' || !word.startsWith('--')) {
      positionals.push(word);
      continue;
    }
    if (word === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    const eq = word.indexOf('=');
    const name = word.slice(2, eq === -1 ? undefined : eq);
    const kind = spec[name];
    if (!kind) throw new UsageError(`unknown option --${name}`);
    if (kind === 'boolean') {
      if (eq !== -1) throw new UsageError(`option --${name} takes no value`);
      options[name] = true;
      continue;
    }
    const value: string | undefined = eq === -1 ? argv[++i] : word.slice(eq + 1);
    if (value === undefined) throw new UsageError(`option --${name} needs a value`);
    if (kind === 'repeat') ((options[name] ??= []) as string[]).push(value);
    else options[name] = value;
  }
  return { options, positionals };
}

export function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')}`);
}

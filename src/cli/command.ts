import type { OptionSpec, Parsed } from './args.ts';
import type { Io } from './io.ts';

/** One `layerwise` command: its options (which its help lists) and what it does. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  /** Positional arguments, as usage shows them (`FILE|-`). */
  readonly operands: string;
  readonly options: OptionSpec;
  readonly examples: readonly string[];
  readonly exitStatus: string;
  /** Further paragraphs for `--help`. */
  readonly notes?: readonly string[];
  readonly run: (parsed: Parsed, io: Io) => Promise<number>;
}

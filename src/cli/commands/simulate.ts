import type { Io } from '../io.ts';

// Stub until `layerwise simulate` lands.
export async function run(_argv: string[], io: Io): Promise<number> {
  io.stderr('layerwise simulate: not implemented yet\n');
  return 2;
}

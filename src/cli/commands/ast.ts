import type { Io } from '../io.ts';

// Stub until `layerwise ast` lands.
export async function run(_argv: string[], io: Io): Promise<number> {
  io.stderr('layerwise ast: not implemented yet\n');
  return 2;
}

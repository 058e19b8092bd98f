import type { Io } from '../io.ts';

// Stub until `layerwise lint` lands.
export async function run(_argv: string[], io: Io): Promise<number> {
  io.stderr('layerwise lint: not implemented yet\n');
  return 2;
}

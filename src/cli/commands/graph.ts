import type { Io } from '../io.ts';

// Stub until `layerwise graph` lands.
export async function run(_argv: string[], io: Io): Promise<number> {
  io.stderr('layerwise graph: not implemented yet\n');
  return 2;
}

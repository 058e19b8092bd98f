import type { SyntaxTree } from '../parse/tree.ts';
import type { DockerfileModel } from './model.ts';

// Stub until the instruction layer lands.
export function buildModel(_tree: SyntaxTree): DockerfileModel {
  return { globalArgs: [], stages: [], diagnostics: [] };
}

import type { SyntaxTree } from './tree.ts';

// Stub until the parser lands: an empty tree.
export function parse(source: string): SyntaxTree {
  return { source, directives: [], escape: '\\', instructions: [], diagnostics: [] };
}

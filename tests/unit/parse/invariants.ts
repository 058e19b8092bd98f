import { expect } from 'vitest';
import type { Span } from '../../../src/analyzer/core/span.ts';
import { dump } from '../../../src/analyzer/parse/dump.ts';
import type { InstructionNode, SyntaxTree } from '../../../src/analyzer/parse/tree.ts';

function inside(s: Span, length: number, what: string): void {
  expect(s.start, what).toBeGreaterThanOrEqual(0);
  expect(s.end, what).toBeGreaterThanOrEqual(s.start);
  expect(s.end, what).toBeLessThanOrEqual(length);
}

function checkInstruction(n: InstructionNode, length: number): void {
  inside(n.span, length, 'instruction');
  inside(n.keywordSpan, length, 'keyword');
  expect(n.keywordSpan.start).toBe(n.span.start);
  // Words come after the keyword, inside the instruction, and in order (ENV and LABEL list
  // each separator after its value, so only their keys are ordered).
  const keyValue = n.command === 'env' || n.command === 'label';
  const words = [...n.flags, ...(keyValue ? n.args.filter((_, i) => i % 3 === 0) : n.args)];
  let previous = n.keywordSpan.end;
  for (const word of [...n.flags, ...n.args]) {
    inside(word.span, length, 'word');
    expect(word.span.start, 'word after keyword').toBeGreaterThanOrEqual(n.keywordSpan.end);
    expect(word.span.end, 'word within instruction').toBeLessThanOrEqual(n.span.end);
  }
  for (const word of words) {
    expect(word.span.start, 'word order').toBeGreaterThanOrEqual(previous);
    previous = word.span.end;
  }
  for (const h of n.heredocs) {
    inside(h.span, length, 'heredoc marker');
    inside(h.bodySpan, length, 'heredoc body');
  }
  expect(n.endLine).toBeGreaterThanOrEqual(n.startLine);
  if (n.trigger) checkInstruction(n.trigger, length);
}

/** What must hold for any tree: no crash, spans inside the text and in order, a dump per instruction. */
export function checkTree(tree: SyntaxTree): void {
  const length = tree.source.length;
  for (const d of tree.diagnostics) {
    expect(d.message).not.toMatch(/^internal parser error/);
    inside(d.span, length, 'diagnostic');
  }
  let end = 0;
  let line = 0;
  for (const n of tree.instructions) {
    checkInstruction(n, length);
    expect(n.span.start, 'instructions in order').toBeGreaterThanOrEqual(end);
    expect(n.startLine).toBeGreaterThan(line);
    end = n.span.end;
    line = n.endLine;
  }
  for (const d of tree.directives) inside(d.span, length, 'directive');
  const text = dump(tree);
  if (tree.instructions.length > 0) expect(text.split('\n')).toHaveLength(tree.instructions.length);
}

import type { CaseResult } from './shared.ts';

// Stub until the parser suite lands: every case in ../shared/conformance/parser/.
export function parserCases(): CaseResult[] {
  return [];
}

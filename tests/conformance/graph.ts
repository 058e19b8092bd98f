import type { CaseResult } from './shared.ts';

// Stub until the graph suite lands: every case in ../shared/conformance/graph/.
export function graphCases(): CaseResult[] {
  return [];
}

// `npm run conformance`: the analyzer against BuildKit's own cases in ../shared/conformance.
// Prints one line per suite (`parser: P/N`, `graph: P/N`) and the failing cases; exit 1 on any failure.
import { graphCases } from './graph.ts';
import { parserCases } from './parser.ts';
import type { CaseResult } from './shared.ts';

const suites: [string, () => CaseResult[]][] = [
  ['parser', parserCases],
  ['graph', graphCases],
];

let failed = 0;
for (const [name, cases] of suites) {
  const results = cases();
  const passed = results.filter((r) => r.pass).length;
  console.log(`${name}: ${passed}/${results.length}`);
  for (const r of results.filter((r) => !r.pass)) {
    failed++;
    console.log(`  FAIL ${r.name}${r.detail ? `\n${r.detail.replace(/^/gm, '    ')}` : ''}`);
  }
}
process.exitCode = failed ? 1 : 0;

import { describe, expect, it } from 'vitest';
import { graphCases } from './graph.ts';
import { parserCases } from './parser.ts';

// The same suites as `npm run conformance`, inside `npm test`: one test per BuildKit case.
for (const [suite, cases] of [['parser', parserCases()], ['graph', graphCases()]] as const) {
  describe(`${suite} conformance`, () => {
    it('has cases', () => expect(cases.length).toBeGreaterThan(0));
    for (const c of cases) it(c.name, () => expect(c.pass, c.detail).toBe(true));
  });
}

// The architecture's lint rules must be able to fail: each boundary, tried both ways.
import { RuleTester } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import layerwise, { fileNameProblem } from '../../../eslint/boundaries.js';

RuleTester.describe = describe;
RuleTester.it = it;

const root = path.resolve(import.meta.dirname, '../../..');
const at = (file: string) => path.join(root, file);
const tester = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });
const pure = { packages: false, node: false };
const areas = [
  { name: 'analyzer/core', path: 'src/analyzer/core', rank: 0, ...pure },
  { name: 'analyzer/parse', path: 'src/analyzer/parse', rank: 3, ...pure },
  { name: 'analyzer/graph', path: 'src/analyzer/graph', rank: 5, ...pure },
  { name: 'live/model', path: 'src/live/model', may: ['analyzer/graph'], ...pure },
  { name: 'live/browser', path: 'src/live/browser', may: ['live/model'], node: false },
  { name: 'cli', path: 'src/cli', may: ['analyzer/graph'] },
];
const options = [{ areas }];

tester.run('layerwise/imports', layerwise.rules.imports, {
  valid: [
    { filename: at('src/analyzer/graph/lower.ts'), code: "import { parse } from '../parse/parse.ts';", options },
    { filename: at('src/analyzer/graph/lower.ts'), code: "import { span } from '../../analyzer/core/span.ts';", options },
    { filename: at('src/live/browser/store.ts'), code: "import { texts } from '../model/texts.ts'; import m from 'mermaid';", options },
    { filename: at('src/cli/main.ts'), code: "import fs from 'node:fs'; import { lower } from '../analyzer/graph/lower.ts';", options },
  ],
  invalid: [
    { filename: at('src/analyzer/parse/parse.ts'), code: "import { lower } from '../graph/lower.ts';", options, errors: [{ messageId: 'area' }] },
    { filename: at('src/analyzer/core/span.ts'), code: "import fs from 'node:fs';", options, errors: [{ messageId: 'node' }] },
    { filename: at('src/analyzer/core/span.ts'), code: "export * from 'lodash';", options, errors: [{ messageId: 'pkg' }] },
    { filename: at('src/analyzer/graph/lower.ts'), code: "const m = await import('../../cli/main.ts');", options, errors: [{ messageId: 'area' }] },
    { filename: at('src/live/model/view.ts'), code: "import { dom } from '../browser/dom.ts';", options, errors: [{ messageId: 'area' }] },
    { filename: at('src/cli/main.ts'), code: "import { dom } from '../live/browser/dom.ts';", options, errors: [{ messageId: 'area' }] },
  ],
});

tester.run('layerwise/file-names', layerwise.rules['file-names'], {
  valid: [
    { filename: at('src/live/browser/share-codec.ts'), code: '' },
    { filename: at('tests/unit/lint/boundaries.test.ts'), code: '' },
    { filename: at('src/pages/rules/[slug].ts'), code: '' },
  ],
  invalid: [
    { filename: at('src/live/browser/shareCodec.ts'), code: '', errors: [{ messageId: 'kebab' }] },
    { filename: at('src/cli/Main.ts'), code: '', errors: [{ messageId: 'kebab' }] },
  ],
});

// ESLint does not read .astro files; the naming rule covers them through this walk.
describe('every file under src/ and tests/ is named in its case style', () => {
  it('has no misnamed file', async () => {
    const { readdirSync } = await import('node:fs');
    const files = ['src', 'tests'].flatMap((dir) =>
      readdirSync(at(dir), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/')),
    );
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((f) => fileNameProblem(f))).toEqual([]);
    expect(fileNameProblem('src/live/components/live-example.astro')).toBe('pascal');
  });
});

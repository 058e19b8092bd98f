import { basename, join } from 'node:path';
import { BUILD_ERROR } from '../../src/analyzer/core/diagnostic.ts';
import { dump } from '../../src/analyzer/parse/dump.ts';
import { parse } from '../../src/analyzer/parse/parse.ts';
import { caseDirs, readIf, type CaseResult } from './shared.ts';

/** Trailing whitespace trimmed from every line and from the end, as the harness compares. */
function normalise(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\r]+$/, ''))
    .join('\n')
    .replace(/\s+$/, '');
}

/**
 * BuildKit's parser test files: every `positive/<case>` must dump exactly as its `result`
 * with no parser error; every `negative/<case>` must be refused (a BuildError).
 */
export function parserCases(): CaseResult[] {
  const results: CaseResult[] = [];
  for (const dir of caseDirs('conformance/parser/positive')) {
    const name = `positive/${basename(dir)}`;
    const source = readIf(join(dir, 'Dockerfile'));
    const expected = readIf(join(dir, 'result'));
    if (source === undefined || expected === undefined) {
      results.push({ name, pass: false, detail: 'missing Dockerfile or result' });
      continue;
    }
    const tree = parse(source);
    const errors = tree.diagnostics.filter((d) => d.rule === BUILD_ERROR);
    const actual = dump(tree) + '\n';
    const same = normalise(actual) === normalise(expected);
    const detail = errors.length
      ? `unexpected error: ${errors[0].message}`
      : same
        ? undefined
        : `expected:\n${expected}\nactual:\n${actual}`;
    results.push({ name, pass: same && errors.length === 0, detail });
  }
  for (const dir of caseDirs('conformance/parser/negative')) {
    const name = `negative/${basename(dir)}`;
    const source = readIf(join(dir, 'Dockerfile'));
    if (source === undefined) {
      results.push({ name, pass: false, detail: 'missing Dockerfile' });
      continue;
    }
    const rejected = parse(source).diagnostics.some((d) => d.rule === BUILD_ERROR);
    results.push({ name, pass: rejected, detail: rejected ? undefined : 'accepted, but BuildKit refuses it' });
  }
  return results;
}

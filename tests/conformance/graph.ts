import { basename, join } from 'node:path';
import { analyze } from '../../src/analyzer/index.ts';
import { firstBuildError } from '../../src/analyzer/analysis.ts';
import { renderShape } from '../../src/analyzer/render/shape.ts';
import { caseDirs, readIf, type CaseResult } from './shared.ts';

/** Every case in ../shared/conformance/graph/: the analyzer's shape against real BuildKit's. */
export function graphCases(): CaseResult[] {
  return caseDirs('conformance/graph').map((dir) => {
    const name = basename(dir);
    try {
      const dockerfile = readIf(join(dir, 'Dockerfile')) ?? '';
      const expected = (readIf(join(dir, 'expected.shape')) ?? '').trimEnd();
      const actual = shapeOf(dockerfile, readIf(join(dir, 'args')) ?? '').trimEnd();
      const pass = actual.split('\n').map((l) => l.trimEnd()).join('\n') === expected.split('\n').map((l) => l.trimEnd()).join('\n');
      return pass ? { name, pass } : { name, pass, detail: `expected:\n${expected}\nactual:\n${actual}` };
    } catch (error) {
      return { name, pass: false, detail: `threw: ${error instanceof Error ? error.stack : String(error)}` };
    }
  });
}

/** What `layerwise graph --format shape` prints for a Dockerfile and the case's options. */
function shapeOf(dockerfile: string, args: string): string {
  const words = args.split(/\s+/).filter(Boolean);
  let target: string | undefined;
  const buildArgs: Record<string, string> = {};
  let mergeOp = true;
  for (let i = 0; i < words.length; i++) {
    const [flag, inline] = words[i].includes('=') && words[i].startsWith('--') ? [words[i].slice(0, words[i].indexOf('=')), words[i].slice(words[i].indexOf('=') + 1)] : [words[i], undefined];
    if (flag === '--target') target = inline ?? words[++i];
    else if (flag === '--build-arg') {
      const pair = inline ?? words[++i];
      const eq = pair.indexOf('=');
      buildArgs[pair.slice(0, eq)] = pair.slice(eq + 1);
    } else if (flag === '--no-merge-op') mergeOp = false;
  }
  const analysis = analyze(dockerfile, { target, buildArgs, mergeOp });
  const error = firstBuildError(analysis);
  return error ? `ERROR ${error.message}` : renderShape(analysis.graph);
}

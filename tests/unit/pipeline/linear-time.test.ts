import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.ts';
import { renderMermaid } from '../../../src/analyzer/render/mermaid.ts';
import { renderSarif } from '../../../src/analyzer/render/sarif.ts';
import { simulate } from '../../../src/analyzer/simulate/simulate.ts';
import { corpusFiles, readCorpus } from './arbitraries.ts';

/**
 * The whole pipeline takes time linear in the size of the Dockerfile: for each shape of
 * growth, input 4× larger must not take much more than 4× longer. Only ratios measured in
 * the same run are compared (no absolute timings); the bound (10×) sits well below what a
 * quadratic step would show (16×); the best of several alternating runs, and a fresh attempt
 * when the bound is missed, remove the noise of a shared machine.
 */

function pipeline(source: string): void {
  const analysis = analyze(source);
  const simulation = simulate(analysis, [{ kind: 'base', image: 'alpine' }, { kind: 'file', path: 'app/main.go' }]);
  renderMermaid(simulation.graph, { simulation });
  renderSarif([{ file: 'Dockerfile', source, findings: analysis.findings, lineStarts: analysis.lineStarts }]);
}

function once(source: string): number {
  const start = performance.now();
  pipeline(source);
  return performance.now() - start;
}

/**
 * Best time for n and for 4n, measured alternately so both see the same load on a shared
 * machine; n grows until the small input takes long enough to measure.
 */
function ratio(make: (n: number) => string, n0: number, cap: number): { n: number; small: number; large: number; ratio: number } {
  let n = n0;
  once(make(n));
  while (Math.min(once(make(n)), once(make(n))) < 20 && n * 2 <= cap) n *= 2;
  const small = make(n);
  const large = make(4 * n);
  once(large);
  let [bestSmall, bestLarge] = [Infinity, Infinity];
  for (let i = 0; i < 4; i++) {
    bestSmall = Math.min(bestSmall, once(small));
    bestLarge = Math.min(bestLarge, once(large));
  }
  return { n, small: bestSmall, large: bestLarge, ratio: bestLarge / bestSmall };
}

const biggestCorpusFile = () =>
  corpusFiles()
    .map(readCorpus)
    .sort((a, b) => b.length - a.length)[0];

/** Each shape: how to make a Dockerfile of size n, the first n, and the largest n (so 4n stays within BuildKit's limits). */
const shapes: Record<string, [(n: number) => string, number, number?]> = {
  'a real Dockerfile repeated (many stages)': [(n) => Array.from({ length: n }, () => biggestCorpusFile()).join('\n'), 2],
  'one RUN with many continuation lines': [(n) => `FROM alpine\nRUN set -eux \\\n${'  && echo step \\\n'.repeat(n)}  && true\n`, 500],
  'a chain of COPY --link (nested merges)': [(n) => `FROM alpine\n${Array.from({ length: n }, (_, i) => `COPY --link f${i} /d${i}/\n`).join('')}`, 100],
  'plain COPY and RUN alternating': [(n) => `FROM alpine\n${Array.from({ length: n }, (_, i) => `COPY f${i} /d/\nRUN ./build ${i}\n`).join('')}`, 100],
  'stages copying from the previous one': [
    (n) => `FROM alpine AS s0\nRUN true\n${Array.from({ length: n }, (_, i) => `FROM alpine AS s${i + 1}\nCOPY --link --from=s${i} /out /out\n`).join('')}`,
    50,
  ],
  'ARG and ENV referring to each other': [
    (n) => `ARG V0=x\nFROM alpine\nARG V0\n${Array.from({ length: n }, (_, i) => `ENV V${i + 1}=$V${i}-\${V${i}:-d}\n`).join('')}RUN echo $V${n}\n`.replace(/-\$\{V\d+:-d\}/g, ''),
    100,
  ],
  'a long heredoc': [(n) => `FROM alpine\nRUN <<EOF\n${'echo line with $HOME and "quotes"\n'.repeat(n)}EOF\n`, 500],
  // BuildKit refuses lines over 64 KiB, which would make 4n cheaper than n.
  'one very long line': [(n) => `FROM alpine\nRUN echo ${'word "q" $x '.repeat(n)}\n`, 300, 1200],
  'unterminated quotes and variables': [(n) => `FROM alpine\nRUN echo "${'${'.repeat(n)}\nCOPY ${'"a '.repeat(n)} /x\n`, 200],
  'garbage lines': [(n) => Array.from({ length: n }, (_, i) => `&&& ${i} ((( [[[ "`).join('\n'), 200],
};

describe('time is linear in the size of the Dockerfile', () => {
  for (const [name, [make, n0, cap = n0 * 256]] of Object.entries(shapes)) {
    it(name, () => {
      // A quadratic step shows on every attempt; a burst of load on a shared machine does not.
      let r = ratio(make, n0, cap);
      for (let attempt = 1; attempt < 3 && r.ratio >= 10; attempt++) {
        const again = ratio(make, n0, cap);
        if (again.ratio < r.ratio) r = again;
      }
      if (process.env.LAYERWISE_SHOW_RATIOS) console.log(`${name}: n=${r.n} ${r.small.toFixed(1)} ms, 4n ${r.large.toFixed(1)} ms, ratio ${r.ratio.toFixed(2)}`);
      expect(r.ratio, `n=${r.n}: ${r.small.toFixed(1)} ms, 4n: ${r.large.toFixed(1)} ms`).toBeLessThan(10);
    });
  }
});

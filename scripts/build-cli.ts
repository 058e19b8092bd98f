// `npm run build:cli`: the published command line. esbuild bundles the CLI and the analyzer into
// one dependency-free ESM file per entry (dist-cli/layerwise.mjs for `bin`, dist-cli/analyzer.mjs
// for the `exports` entry), lowered for Node 18; tsc writes the analyzer's type declarations; the
// config schema is generated from the same field list the loader checks.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configSchema } from '../src/cli/config/schema.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist-cli');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node18',
  legalComments: 'none',
  minifySyntax: true,
  logLevel: 'warning',
  define: { __LAYERWISE_VERSION__: JSON.stringify(version) },
} as const;

await build({
  ...common,
  entryPoints: [join(root, 'src/cli/entry.ts')],
  outfile: join(out, 'layerwise.mjs'),
  banner: { js: '#!/usr/bin/env node' },
});
await build({ ...common, entryPoints: [join(root, 'src/analyzer/index.ts')], outfile: join(out, 'analyzer.mjs') });

// Declarations for `import { analyze } from 'layerwise'`: the analyzer's own types, with the
// `.ts` import specifiers the sources use rewritten to `.js`, which every TypeScript resolves.
const types = join(out, 'types');
const tsconfig = join(out, 'tsconfig.types.json');
writeFileSync(
  tsconfig,
  JSON.stringify({
    extends: join(root, 'src/analyzer/tsconfig.json'),
    compilerOptions: { noEmit: false, declaration: true, emitDeclarationOnly: true, outDir: types, rootDir: join(root, 'src/analyzer') },
    include: [],
    files: [join(root, 'src/analyzer/index.ts')],
  }),
);
execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', tsconfig], { stdio: 'inherit' });
rmSync(tsconfig);
for (const file of walk(types)) {
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]+)\.ts\2/g, '$1$2$3.js$2'));
}

writeFileSync(join(out, 'layerwise.schema.json'), JSON.stringify(configSchema(), null, 2) + '\n');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

#!/usr/bin/env node
// The development entry: runs the TypeScript sources in a checkout, with no build step. Node >=
// 22.18 strips the types itself; an older Node (a system Node 20, say) hands over to the Node 24
// that `npm install` brought (node@24). The published package's bin is the bundle instead
// (dist-cli/layerwise.mjs, from `npm run build:cli`), which runs on any Node from 18.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  const self = fileURLToPath(import.meta.url);
  const node = join(self, '../../node_modules/node/bin/node');
  const run = spawnSync(node, [self, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (run.error) {
    console.error(`layerwise needs Node.js 22.18 or newer; this is ${process.version}. Run \`npm install\` in ${join(self, '../..')} to get Node 24.`);
    process.exit(2);
  }
  process.exit(run.status ?? 1);
}

await import('../src/cli/entry.ts');

#!/usr/bin/env node
// Entry point for `npx layerwise`. Node >= 22.18 runs the TypeScript sources directly, so
// there is no build step between a checkout and a working command line. An older Node (a
// system Node 20, say) hands over to the Node 24 that `npm install` brought (node@24).
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

const { runProcess } = await import('../src/cli/main.ts');
await runProcess();

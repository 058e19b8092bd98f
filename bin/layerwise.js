#!/usr/bin/env node
// The `layerwise` command. In a checkout it runs the TypeScript sources, so `npx layerwise` works
// right after `npm install` with no build step (interfaces.md): Node >= 22.18 strips the types
// itself, and an older Node (a system Node 20, say) hands over to the Node 24 that `npm install`
// brought (node@24). The published package has no sources, only the bundle from
// `npm run build:cli` (dist-cli/layerwise.mjs), which runs on any Node from 18.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);
const root = join(self, '../..');

if (!existsSync(join(root, 'src/cli/entry.ts'))) {
  await import('../dist-cli/layerwise.mjs');
} else {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 18)) {
    const node = join(root, 'node_modules/node/bin/node');
    const run = spawnSync(node, [self, ...process.argv.slice(2)], { stdio: 'inherit' });
    if (run.error) {
      console.error(`layerwise needs Node.js 22.18 or newer to run from its sources; this is ${process.version}. Run \`npm install\` in ${root} to get Node 24.`);
      process.exit(2);
    }
    process.exit(run.status ?? 1);
  }
  await import('../src/cli/entry.ts');
}

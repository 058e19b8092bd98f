#!/usr/bin/env node
// Entry point for `npx layerwise`. Node >= 22.18 runs the TypeScript sources directly,
// so there is no build step between a checkout and a working command line.
import { main } from '../src/cli/main.ts';

// A reader that stops early (`layerwise lint … | head`) closes the pipe: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));

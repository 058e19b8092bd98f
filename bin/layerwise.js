#!/usr/bin/env node
// Entry point for `npx layerwise`. Node >= 22.18 runs the TypeScript sources directly,
// so there is no build step between a checkout and a working command line.
import { main } from '../src/cli/main.ts';

process.exitCode = await main(process.argv.slice(2));

// The `layerwise` executable: bundled into dist-cli/layerwise.mjs by `npm run build:cli`.
import { runProcess } from './main.ts';

await runProcess();

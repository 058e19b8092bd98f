import { defineConfig, devices } from '@playwright/test';
import { chromiumPath, launchArgs } from './src/integrations/chromium.ts';

const port = Number(process.env.LAYERWISE_E2E_PORT ?? 4329);
const executablePath = await chromiumPath();

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/global-setup.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: { executablePath, args: launchArgs },
  },
  // The tests run against the production build (`npm run build` comes first in `npm test`).
  webServer: {
    command: `npx astro preview --ignore-lock --host 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});

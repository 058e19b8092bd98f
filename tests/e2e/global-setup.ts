import { chromium } from '@playwright/test';
import { chromiumPath, launchArgs, missingBrowserHelp } from '../../src/integrations/chromium.ts';

// Fail once, in one clear sentence, when there is no browser, instead of a stack trace per test.
export default async function globalSetup(): Promise<void> {
  const executablePath = await chromiumPath();
  try {
    const browser = await chromium.launch({ executablePath, args: launchArgs });
    await browser.close();
  } catch {
    console.error(`\n${missingBrowserHelp}\n`);
    process.exit(1);
  }
}

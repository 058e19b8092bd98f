import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { sitePaths } from '../audit/site-pages.ts';

/**
 * axe-core on every page of the built sitemap, in both of the site's themes, and on the
 * live example once the reader has opened it for editing: zero violations of WCAG 2.2 A/AA
 * and of axe's best practices.
 */

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** One line per violation and element, so a failure says what and where. */
async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze();
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${v.help}`));
}

/** Checks the page as it is in the dark theme and again in the light one (colour contrast differs). */
async function bothThemes(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const theme of ['dark', 'light']) {
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
    found.push(...(await axeViolations(page)).map((v) => `[${theme}] ${v}`));
  }
  return found;
}

for (const path of sitePaths()) {
  test(`no axe violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    // Let lazy parts (graphs rendered when visible) appear before checking.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState('networkidle');
    expect(await bothThemes(page)).toEqual([]);
  });
}

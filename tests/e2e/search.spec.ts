import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/**
 * Search (src/search/Search.astro) loads Pagefind's UI only when the reader opens it, and
 * stays usable by keyboard: the shortcut opens it with the focus in the field, results are
 * reached with Tab and followed with Enter, Escape closes it and gives the focus back to the
 * Search button.
 */

const isSearchUi = (url: string) => /pagefind|ui-core/.test(url);

/** Every request of the tab, as URLs, from now on. */
function requests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

test('nothing of the search UI loads until the reader opens search; the shortcut loads it and a result opens by keyboard', async ({ page }) => {
  const urls = requests(page);
  await page.goto('/start/');
  await page.waitForLoadState('networkidle');
  // Starlight's own Search fetched Pagefind's UI on idle, right after load.
  await page.waitForTimeout(1000);
  expect(urls.filter(isSearchUi)).toEqual([]);

  const button = page.getByRole('button', { name: 'Search' });
  await expect(button).toBeEnabled();
  await page.keyboard.press('ControlOrMeta+k');
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await expect(dialog).toBeVisible();
  const field = dialog.getByRole('textbox', { name: 'Search' });
  await expect(field).toBeFocused({ timeout: 10_000 });
  expect(urls.filter(isSearchUi).length).toBeGreaterThan(0);

  await page.keyboard.type('link');
  const results = dialog.locator('.pagefind-ui__result-link');
  await expect(results.first()).toBeVisible({ timeout: 10_000 });
  await expect(dialog.locator('a[href*="/copy-link/"]').first()).toBeVisible();

  // Tab from the field to the first result, then follow it with Enter.
  const first = results.first();
  const target = new URL((await first.getAttribute('href'))!, page.url());
  for (let presses = 0; !(await first.evaluate((link) => link === document.activeElement)); presses++) {
    expect(presses, 'Tab reaches the first result').toBeLessThan(10);
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL((url) => url.pathname === target.pathname);
  await expect(page.getByRole('dialog')).toBeHidden();
});

test('Escape closes search and gives the focus back to the Search button, however it was opened', async ({ page }) => {
  await page.goto('/copy/');
  const button = page.getByRole('button', { name: 'Search' });
  const dialog = page.getByRole('dialog', { name: 'Search' });
  const field = dialog.getByRole('textbox', { name: 'Search' });
  await expect(button).toBeEnabled();

  // Opened with the shortcut while nothing had the focus.
  await page.keyboard.press('ControlOrMeta+k');
  await expect(field).toBeFocused({ timeout: 10_000 });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();

  // Opened with the button: the field has the focus at once, the UI being loaded already.
  await button.click();
  await expect(field).toBeFocused();
  await field.fill('cache');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();

  // The shortcut also closes it.
  await page.keyboard.press('ControlOrMeta+k');
  await expect(field).toBeFocused();
  await page.keyboard.press('ControlOrMeta+k');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
});

test('the open search dialog, with results, has no axe violations', async ({ page }) => {
  await page.goto('/start/');
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await dialog.getByRole('textbox', { name: 'Search' }).fill('link');
  await expect(dialog.locator('.pagefind-ui__result-link').first()).toBeVisible({ timeout: 10_000 });
  const { violations } = await new AxeBuilder({ page })
    .include('dialog[open]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  expect(violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${v.help}`))).toEqual([]);
});

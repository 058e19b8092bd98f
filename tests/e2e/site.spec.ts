import { expect, test, type Page } from '@playwright/test';

/** Collects console errors and uncaught exceptions while a page is used. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

test('home page says what the site answers and leads to the guide', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await expect(page).toHaveTitle(/Layerwise/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Layerwise');
  await expect(page.getByText('Should this Dockerfile use')).toBeVisible();
  await page.getByRole('link', { name: 'Start here' }).first().click();
  await expect(page).toHaveURL(/\/start\/$/);
  expect(errors).toEqual([]);
});

test('Start page shows both canonical Dockerfiles, highlighted, with navigation', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/start/');
  await expect(page).toHaveTitle(/Start here \| Layerwise/);
  await expect(page.getByRole('heading', { level: 1, name: 'Start here' })).toBeVisible();
  const sidebar = page.locator('nav[aria-label="Main"]');
  await expect(sidebar.getByRole('link', { name: 'Playground' })).toBeVisible();
  await expect(sidebar.getByRole('link', { name: 'Command line' })).toBeVisible();
  // Shiki (through Starlight's Expressive Code) colours tokens with inline styles.
  const plain = page.locator('pre').filter({ hasText: 'COPY /dir1 /dir1' }).first();
  await expect(plain).toBeVisible();
  await expect(page.locator('pre').filter({ hasText: 'COPY --link /dir1 /dir1' }).first()).toBeVisible();
  expect(await plain.locator('span[style*="--0"]').count()).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

test('search finds the pages about --link', async ({ page }) => {
  await page.goto('/start/');
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Search' }).fill('link');
  await expect(dialog.locator('a[href*="/copy-link/"]').first()).toBeVisible({ timeout: 10_000 });
});

test("the site's buttons share one look on guide, rule and embed pages", async ({ page }) => {
  const look = async (path: string, button: string) => {
    await page.goto(path);
    return page.locator(button).first().evaluate((el) => {
      const s = getComputedStyle(el);
      return { border: `${s.borderTopWidth} ${s.borderTopStyle}`, radius: s.borderTopLeftRadius, padding: s.padding, font: s.fontSize, background: s.backgroundColor };
    });
  };
  const guide = await look('/copy-link/', '.lw-live .lw-toolbar button');
  expect(guide.border).toBe('1px solid');
  expect(await look('/rules/link-disabled-by-chmod/', '.lw-copy-text')).toEqual(guide);
  expect(await look('/embed/copy-link/canonical-pair/', '.lw-live .lw-toolbar button')).toEqual(guide);
});

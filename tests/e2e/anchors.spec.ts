import { expect, test } from '@playwright/test';

/**
 * Anchors a style guide points at: every heading of a guide or rule page has a visible link
 * icon that copies the section's address (and still jumps to it), and a rule page copies
 * itself as a Markdown link. Each copied address is followed back.
 */

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

for (const [path, id] of [
  ['/copy-link/', 'chmod-on-the-same-instruction'],
  ['/rules/link-disabled-by-chmod/', 'how-to-silence-it'],
] as const) {
  test(`a heading's anchor on ${path} is visible, copies its address, and the address leads back`, async ({ page }) => {
    await page.goto(path);
    const link = page.locator(`.sl-heading-wrapper:has(> #${id}) > a.sl-anchor-link`);
    await expect(link).toBeVisible();
    // Visible without hovering (Starlight hides it until then).
    expect(Number(await link.evaluate((a) => getComputedStyle(a).opacity))).toBeGreaterThan(0.2);
    await expect(link).toHaveAccessibleName(/Section titled/);
    await link.click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(new URL(`${path}#${id}`, page.url()).href);
    await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toHaveCount(1);
    await expect(link).toHaveAttribute('data-copied', 'Link copied');
    await page.goto('/');
    await page.goto(copied);
    await expect(page.locator(`#${id}`)).toBeInViewport();
  });
}

test('a rule page copies itself as a Markdown link', async ({ page }) => {
  await page.goto('/rules/link-disabled-by-chmod/');
  await page.getByRole('button', { name: 'Copy as Markdown link' }).first().click();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  // The rule's permanent address on the deployed site (astro.config.mjs `site`); here, its path.
  const href = /^\[LinkDisabledByChmod\]\((https?:\/\/[^)\s]+\/rules\/link-disabled-by-chmod\/)\)$/.exec(text)?.[1];
  expect(href, text).toBeDefined();
  await page.goto(new URL(href!).pathname);
  await expect(page.locator('h1')).toHaveText('LinkDisabledByChmod');
});

test('rule pages have readable example anchors and heading anchors on every section', async ({ page }) => {
  await page.goto('/rules/link-disabled-by-chmod/');
  await expect(page.locator('section.lw-live#bad')).toHaveCount(1);
  await expect(page.locator('section.lw-live#good')).toHaveCount(1);
  for (const id of ['at-a-glance', 'why-it-matters', 'message', 'examples', 'reported', 'not-reported', 'how-to-silence-it']) {
    await expect(page.locator(`.sl-heading-wrapper:has(> #${id}) > a.sl-anchor-link`), id).toHaveCount(1);
  }
});

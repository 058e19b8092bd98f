import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

/** Rule history: the version on every page, the changelog by release, each rule page's "Added in". */

const version = JSON.parse(readFileSync('package.json', 'utf8')).version as string;

test('the footer shows the package version and leads to the changelog', async ({ page }) => {
  await page.goto('/start/');
  const footer = page.locator('.lw-version');
  await expect(footer).toHaveText(`Layerwise ${version} · Changelog`);
  await footer.getByRole('link', { name: 'Changelog' }).click();
  await expect(page.locator('h1')).toHaveText('Changelog');
  await expect(page.locator(`#v${version.replace(/\./g, '-')}`)).toHaveText(version);
});

test('a rule page says which release added it, and the changelog lists the rule there', async ({ page }) => {
  await page.goto('/rules/link-disabled-by-chmod/');
  const added = page.locator('dt', { hasText: 'Added in' }).locator('xpath=following-sibling::dd[1]');
  await expect(added).toHaveText(`Layerwise ${version}`);
  await added.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/changelog/#v${version.replace(/\./g, '-')}$`));
  const rules = page.locator('.lw-changelog-rules');
  await expect(rules.getByRole('link', { name: 'LinkDisabledByChmod' })).toHaveAttribute('href', '/rules/link-disabled-by-chmod/');
  // Every rule page of the reference appears once.
  await page.goto('/rules/');
  const ruleLinks = new Set(await page.locator('main a[href^="/rules/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')).filter((h) => h !== '/rules/')));
  await page.goto('/changelog/');
  const listed = await page.locator('.lw-changelog-rules a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(new Set(listed).size).toBe(listed.length);
  for (const href of ruleLinks) expect(listed, href!).toContain(href);
});

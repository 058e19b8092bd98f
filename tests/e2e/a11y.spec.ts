import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { pathsWithIslands, sitePaths } from '../audit/site-pages.ts';

/**
 * axe-core on every page of the built sitemap, in both of the site's themes, and on each
 * live example once the reader has opened it for editing and run a simulation: zero
 * violations of WCAG 2.2 A/AA and of axe's best practices.
 */

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Violations known and reported, each with its reason, matched by page, rule and element.
 * An entry that no longer matches anything on a page it names fails the test, so a fix
 * forces its removal. Keep this list empty; it exists so one known defect does not hide others.
 */
const KNOWN: readonly { path: RegExp; rule: string; target: RegExp; why: string }[] = [];

type Found = { rule: string; target: string; text: string };

async function run(page: Page, theme: string, builder: AxeBuilder): Promise<Found[]> {
  await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
  const { violations } = await builder.analyze();
  return violations.flatMap((v) =>
    v.nodes.map((n) => ({ rule: v.id, target: n.target.join(' '), text: `[${theme}] ${v.id} (${v.impact}): ${n.target.join(' ')} — ${v.help}` })),
  );
}

/**
 * Every rule in the dark theme, then colour contrast again in the light one (the only rule a
 * theme changes). `scope` limits the check to part of the page. Returns one line per
 * violation and element, so a failure says what and where; known ones are left out unless
 * `strictKnown` finds them fixed.
 */
async function violations(page: Page, { scope, strictKnown = true }: { scope?: string; strictKnown?: boolean } = {}): Promise<string[]> {
  const builder = () => (scope ? new AxeBuilder({ page }).include(scope) : new AxeBuilder({ page }));
  const found = [
    ...(await run(page, 'dark', builder().withTags(tags))),
    ...(await run(page, 'light', builder().withRules(['color-contrast']))),
  ];
  const path = new URL(page.url()).pathname;
  const known = KNOWN.filter((k) => k.path.test(path));
  const isKnown = (f: Found) => known.some((k) => f.rule === k.rule && k.target.test(f.target));
  const fixed = strictKnown ? known.filter((k) => !found.some((f) => f.rule === k.rule && k.target.test(f.target))) : [];
  return [...found.filter((f) => !isKnown(f)).map((f) => f.text), ...fixed.map((k) => `fixed? remove from KNOWN: ${k.rule} ${k.target} (${k.why})`)];
}

for (const path of sitePaths()) {
  test(`no axe violations on ${path}`, async ({ page }) => {
    // axe walks the page twice (both themes); /copy-link/ has 34 graphs whose nodes all carry
    // names, about 35 s alone and near a minute beside another worker: time is not what this checks.
    test.setTimeout(120_000);
    // The page as it loads; the live examples' lazy parts are checked below, opened.
    await page.goto(path);
    expect(await violations(page)).toEqual([]);
  });
}

/** Every live example is the same component: check it on a guide page, the playground and a rule page. */
const islandPaths = pathsWithIslands();
const checkedIslands = ['/start/', '/playground/', islandPaths.find((p) => p.startsWith('/rules/'))];

test('the site has live examples to check', () => {
  for (const path of checkedIslands) expect(islandPaths).toContain(path);
});

for (const path of checkedIslands.filter((p): p is string => p !== undefined)) {
  test(`no axe violations in the live example on ${path}, open for editing, simulating, options shown`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto(path);
    const example = page.locator('[data-lw-example]').first();
    if (!path.startsWith('/playground/')) await example.getByRole('button', { name: 'Edit' }).click();
    await expect(example).toHaveAttribute('data-editor', 'ready', { timeout: 20_000 });
    const base = example.getByRole('combobox', { name: /the base image/ });
    const simulated = (await base.locator('option').count()) > 1;
    if (simulated) {
      await base.selectOption({ index: 1 });
      await expect(example.locator('[data-lw-sim-summary]').first()).not.toBeEmpty({ timeout: 10_000 });
    }
    await example.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    await expect(example.locator('[data-lw-graph] svg').first()).toBeVisible({ timeout: 15_000 });
    // The known defects must still show where they are certain to (the two canonical pages).
    expect(await violations(page, { scope: '[data-lw-example]', strictKnown: simulated && !path.startsWith('/rules/') })).toEqual([]);
  });
}

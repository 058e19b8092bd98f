import { expect, test, type APIRequestContext } from '@playwright/test';

/**
 * The policy builder on /style-guide/: without JavaScript the fixed policy is there and the
 * builder is not; with it, choices change the Markdown and the `.layerwise.yaml`, the copied
 * link restores them, and every link of the Markdown leads to a page and anchor that exist.
 */

const builder = '[data-policy-builder]';

/** Every `](https://…)` link of a Markdown text exists on this build: the page, and its anchor. */
async function linksResolve(request: APIRequestContext, markdown: string): Promise<string[]> {
  const broken: string[] = [];
  const links = [...markdown.matchAll(/\]\((https?:\/\/[^)\s]+)\)/g)].map((m) => new URL(m[1]));
  expect(links.length).toBeGreaterThan(0);
  for (const link of links) {
    const response = await request.get(link.pathname);
    if (!response.ok()) {
      broken.push(`${link.href}: HTTP ${response.status()}`);
      continue;
    }
    if (link.hash && !(await response.text()).includes(`id="${decodeURIComponent(link.hash.slice(1))}"`)) broken.push(link.href);
  }
  return broken;
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the fixed policy is readable and the builder stays out of the way', async ({ page, request }) => {
    await page.goto('/style-guide/');
    const policy = page.locator('.expressive-code').first();
    await expect(policy).toContainText('## COPY and COPY --link');
    for (const id of ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8']) await expect(policy).toContainText(`**[${id}](`);
    await expect(policy).toContainText('[LinkRebaseDefeated](');
    await expect(page.locator(builder)).toBeHidden();
    expect(await linksResolve(request, (await policy.locator('pre').textContent()) ?? '')).toEqual([]);
  });
});

test.describe('with JavaScript', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('choices change the policy and the config; the link restores them; the links resolve', async ({ page, request }) => {
    await page.goto('/style-guide/');
    const section = page.locator(builder);
    await expect(section).toBeVisible();
    const markdown = section.locator('[data-policy-out="markdown"]');
    const yaml = section.locator('[data-policy-out="yaml"]');
    await expect(yaml).toHaveText(/failOn: error\n$/);

    await section.getByRole('checkbox', { name: /^P5/ }).uncheck();
    await section.getByRole('combobox', { name: 'LinkRebaseDefeated' }).selectOption('error');
    await section.getByRole('combobox', { name: 'LinkDisabledByChmod' }).selectOption('off');
    await section.getByRole('combobox', { name: 'CI fails on' }).selectOption('warning');
    await expect(yaml).toHaveText(
      '# .layerwise.yaml: the COPY and COPY --link policy from https://layerwise.dev/style-guide/\n' +
        'failOn: warning\nignore: [LinkMergeChain, LinkOnScratchNoop]\nseverity:\n  LinkRebaseDefeated: error\n  LinkDisabledByChmod: off\n',
    );
    await expect(markdown).not.toContainText('**[P5]');
    await expect(markdown).toContainText('[LinkRebaseDefeated](https://layerwise.dev/rules/link-rebase-defeated/) (error)');
    await expect(markdown).not.toContainText('LinkDisabledByChmod');
    await expect(markdown).toContainText('findings of severity warning or error fail the build');
    // A left-out point's levels cannot be set.
    await expect(section.getByRole('combobox', { name: 'LinkMergeChain' })).toBeDisabled();

    await section.getByRole('button', { name: 'Copy .layerwise.yaml' }).click();
    await expect(section.getByRole('status')).toHaveText('.layerwise.yaml copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await yaml.textContent());
    await section.getByRole('button', { name: 'Copy Markdown' }).click();
    const copiedMarkdown = await page.evaluate(() => navigator.clipboard.readText());
    expect(copiedMarkdown).toBe(await markdown.textContent());
    expect(await linksResolve(request, copiedMarkdown)).toEqual([]);

    await section.getByRole('button', { name: 'Copy link to these choices' }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/\/style-guide\/\?points=1,2,3,4,6,7,8&severity=LinkRebaseDefeated:error,LinkDisabledByChmod:off&failOn=warning#build-your-own-policy$/);
    const expectedYaml = await yaml.textContent();
    const expectedMarkdown = await markdown.textContent();

    const reader = await page.context().newPage();
    await reader.goto(link);
    const restored = reader.locator(builder);
    await expect(restored.locator('[data-policy-out="yaml"]')).toHaveText(expectedYaml!);
    await expect(restored.locator('[data-policy-out="markdown"]')).toHaveText(expectedMarkdown!);
    await expect(restored.getByRole('checkbox', { name: /^P5/ })).not.toBeChecked();
    await expect(restored.getByRole('combobox', { name: 'CI fails on' })).toHaveValue('warning');
    await expect(reader.locator('#build-your-own-policy')).toBeInViewport();
  });

  test('the first change a reader makes counts, before the builder has loaded', async ({ page }) => {
    await page.goto('/style-guide/');
    const section = page.locator(builder);
    await section.getByRole('checkbox', { name: /^P1/ }).uncheck();
    await expect(section.locator('[data-policy-out="markdown"]')).not.toContainText('**[P1]');
    await expect(section.getByRole('checkbox', { name: /^P1/ })).not.toBeChecked();
  });
});

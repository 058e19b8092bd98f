/** The findings list in a live example: groups, the severity filter, and going to a finding's line. */
import { test } from '@playwright/test';
import { expect, editorText, island, pane, setEditorText, watchErrors } from './live-example-support.ts';

const REPEATED = [
  'FROM scratch AS bin',
  'COPY --link app /app',
  'FROM alpine AS one',
  'ENV A 1',
  'ENV B 2',
  'ENV C 3',
  'COPY --link --chmod=755 a /a/',
  '',
].join('\n');

test('repeated findings are one group, a severity can be hidden, and a line button moves the editor', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/playground/');
  const root = island(page, 'playground');
  await expect(root.locator('.monaco-editor').first()).toBeVisible({ timeout: 20_000 });
  const main = pane(root);
  await setEditorText(page, main, REPEATED);
  const list = main.locator('[data-lw-findings]');
  const group = list.locator('.lw-finding-group', { hasText: 'LegacyKeyValueFormat' });
  await expect(group.locator('summary')).toHaveText('3 findings');
  await expect(list.locator(':scope > ul > li')).toHaveCount(3);
  // Closed, the group shows one line; opened, each finding with its line and stage.
  await expect(group.getByRole('button', { name: 'line 5, stage one' })).toBeHidden();
  await group.locator('summary').click();
  await expect(group.getByRole('button', { name: 'line 5, stage one' })).toBeVisible();

  // The filter: warnings off, then on again.
  const warnings = list.getByRole('button', { name: 'Warnings (4)' });
  await expect(warnings).toHaveAttribute('aria-pressed', 'true');
  await warnings.click();
  await expect(warnings).toHaveAttribute('aria-pressed', 'false');
  await expect(group).toBeHidden();
  await expect(list.locator('.lw-finding', { hasText: 'LinkDisabledByChmod' })).toBeHidden();
  await expect(list.locator('.lw-finding', { hasText: 'LinkOnScratchNoop' })).toBeVisible();
  // Hidden stays hidden while the list is redrawn for an edit.
  await setEditorText(page, main, REPEATED + 'ENV D 4\n');
  const more = list.getByRole('button', { name: 'Warnings (5)' });
  await expect(more).toHaveAttribute('aria-pressed', 'false');
  await expect(group).toBeHidden();
  await more.click();
  await expect(group).toBeVisible();
  await expect(group.locator('summary')).toHaveText('4 findings');
  if (!(await group.getByRole('button', { name: 'line 5, stage one' }).isVisible())) await group.locator('summary').click();

  // A finding's line: the editor's cursor goes there, so typing lands on that line.
  await group.getByRole('button', { name: 'line 5, stage one' }).click();
  await page.keyboard.insertText('#');
  await expect.poll(async () => (await editorText(main)).split('\n')[4]).toBe('#ENV B 2');
  expect(errors).toEqual([]);
});

test('with the editor closed, a finding highlights its line in the Dockerfile shown', async ({ page }) => {
  await page.goto('/copy-link/');
  const root = island(page, 'scratch-link');
  const main = pane(root);
  await main.locator('[data-lw-findings]').getByRole('button', { name: 'line 2' }).click();
  const lines = main.locator('[data-lw-static] .ec-line');
  await expect(lines.nth(1)).toHaveClass(/lw-line-hl/);
  await expect(lines.nth(0)).not.toHaveClass(/lw-line-hl/);
  await expect(root.locator('.monaco-editor')).toHaveCount(0);
});

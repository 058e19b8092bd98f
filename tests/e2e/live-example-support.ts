import { expect as baseExpect, type Locator, type Page } from '@playwright/test';

/** The islands load Mermaid and Monaco lazily; on a busy 2-core machine that can take a while. */
export const expect = baseExpect.configure({ timeout: 15_000 });

/** Console errors and uncaught exceptions while a page is used. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

export const island = (page: Page, id: string) => page.locator(`[data-lw-example="${id}"]`);
export const pane = (root: Locator, name: 'main' | 'compare' = 'main') => root.locator(`[data-lw-pane="${name}"]`);
/** The drawing a pane shows (before the island wakes, the build left one per theme; CSS shows one). */
export const graphSvg = (p: Locator) => p.locator('[data-lw-graph] > svg:visible');

/** Chooses an item of an example's "Copy and share" menu, opening the menu first; the menu then closes. */
export async function share(root: Locator, name: string): Promise<void> {
  const menu = root.locator('[data-lw-menu]');
  if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) await menu.locator('summary').click();
  await menu.getByRole('button', { name, exact: true }).click();
  await expect(menu).not.toHaveAttribute('open');
}

/** Opens the editor and waits for Monaco. */
export async function openEditor(root: Locator): Promise<void> {
  await root.getByRole('button', { name: 'Edit' }).click();
  await expect(root.locator('.monaco-editor').first()).toBeVisible({ timeout: 20_000 });
}

/** The text in a pane's Monaco editor (Monaco renders spaces as no-break spaces). */
export async function editorText(p: Locator): Promise<string> {
  const text = await p.locator('.monaco-editor .view-lines').innerText();
  return text.replace(/\u00a0/g, ' ');
}

/** Replaces the whole text of a pane's editor, as a reader pasting would. */
export async function setEditorText(page: Page, p: Locator, text: string): Promise<void> {
  await p.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

/** Waits until the island has analyzed again after `before` (its data-seq moved on) and the graph settled. */
export async function settled(root: Locator): Promise<void> {
  await expect(root.locator('[data-lw-graph][aria-busy="true"]')).toHaveCount(0);
}

/** Ops of each kind named in a pane's step list (the graph's text alternative). */
export async function stepKinds(p: Locator): Promise<Record<string, number>> {
  const kinds = await p.locator('[data-lw-steps] li .lw-step-kind').allTextContents();
  const counts: Record<string, number> = {};
  for (const k of kinds) counts[k] = (counts[k] ?? 0) + 1;
  return counts;
}

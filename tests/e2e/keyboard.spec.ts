import { expect, test, type Locator, type Page } from '@playwright/test';

/**
 * A reader without a mouse: Tab to a live example, change a "what rebuilds if…" simulation,
 * open the editor with Enter, edit, leave with Escape, copy a share link, and open that
 * link. Everything is found by role and accessible name.
 */

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, { back = false, max = 120 } = {}): Promise<number> {
  for (let presses = 0; presses < max; presses++) {
    if (await target.evaluate((node) => node === document.activeElement || node.contains(document.activeElement))) return presses;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${target} not reached in ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}`);
}

test('change a simulation, edit an example and copy a share link, by keyboard only', async ({ page }) => {
  await page.goto('/start/');
  const example = page.locator('[data-lw-example]').first();
  const mainPane = example.locator('[data-lw-pane="main"]');
  const code = example.getByRole('group', { name: /Dockerfile\. Press Enter to edit\./ }).first();
  const base = example.getByRole('combobox', { name: /the base image/ });

  // 1. Tab to the example's simulation controls: the base image gets a new digest.
  await tabTo(page, base);
  await page.keyboard.press('ArrowDown');
  await expect(base).not.toHaveValue('');
  await expect(mainPane.locator('[data-lw-sim-summary]')).toHaveText(/rebuild|reuse|cached/i, { timeout: 10_000 });

  // 2. Back to the code, and Enter opens the editor with the focus in it.
  await tabTo(page, code, { back: true });
  await page.keyboard.press('Enter');
  const editor = example.getByRole('textbox', { name: /Dockerfile editor/ }).first();
  await expect(editor).toBeFocused({ timeout: 15_000 });
  await expect(example).toHaveAttribute('data-editor', 'ready');

  // 3. Edit: a new RUN at the end shows up in the steps and in the graph.
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('RUN echo typed-by-keyboard');
  await expect(mainPane.locator('[data-lw-steps]')).toContainText('RUN echo typed-by-keyboard', { timeout: 10_000 });
  // The drawing writes hyphens as non-breaking ones (U+2011), so a label never wraps inside a flag.
  await expect(mainPane.locator('[data-lw-graph] svg')).toContainText(/typed[-\u2011]by[-\u2011]keyboard/, { timeout: 10_000 });

  // 4. Escape leaves the editor (Tab stays in it, for indentation) for the Edit button, where
  //    the reader asked for it; Copy link is in the toolbar's "Copy and share" menu, a Tab or two on.
  await page.keyboard.press('Escape');
  await expect(editor).not.toBeFocused();
  await expect(example.getByRole('button', { name: 'Edit' })).toBeFocused();
  const menu = example.locator('[data-lw-menu]');
  await tabTo(page, menu.locator('summary'), { max: 10 });
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('open');
  // Escape closes the menu and leaves the focus on it; Enter opens it again.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  await expect(menu).not.toHaveAttribute('open');
  await expect(menu.locator('summary')).toBeFocused();
  await page.keyboard.press('Enter');
  await tabTo(page, example.getByRole('button', { name: 'Copy link' }), { max: 3 });
  await page.keyboard.press('Enter');
  await expect(menu).not.toHaveAttribute('open');
  await expect(example.getByRole('status')).toHaveText(/link copied/i);
  const link = await page.evaluate(() => navigator.clipboard.readText());
  // An edited example's link keeps it on its page (issue 17): `?s=<state>#<anchor>`.
  expect(link).toMatch(/\/start\/\?s=v\d+\/[A-Za-z0-9_-]+#example-/);

  // 5. The link restores that state in place: the edit and the simulation.
  await page.goto('/');
  await page.goto(link);
  const restored = page.locator('[data-lw-example]').first();
  await expect(restored.locator('[data-lw-pane="main"] [data-lw-steps]')).toContainText('RUN echo typed-by-keyboard', { timeout: 15_000 });
  await expect(restored.getByRole('combobox', { name: /the base image/ })).not.toHaveValue('');
});

test('after editing, Tab reaches the controls that follow the editor', async ({ page }) => {
  await page.goto('/start/');
  const example = page.locator('[data-lw-example]').first();
  await tabTo(page, example.getByRole('group', { name: /Dockerfile\. Press Enter to edit\./ }).first());
  await page.keyboard.press('Enter');
  const editors = example.getByRole('textbox', { name: /Dockerfile editor/ });
  await expect(editors.first()).toBeFocused({ timeout: 15_000 });
  // While editing, Tab indents (the focus stays in the editor), and a visible hint says how to leave.
  const hint = example.locator('[data-lw-editor-hint]');
  await expect(hint).toBeVisible();
  await expect(hint).toContainText('Tab indents');
  await page.keyboard.press('Tab');
  await expect(editors.first()).toBeFocused();
  // Escape gives the focus back to the Edit button, not to whatever follows the editor.
  await page.keyboard.press('Escape');
  await expect(example.getByRole('button', { name: 'Edit' })).toBeFocused();
  await expect(hint).toContainText('Tab moves the focus');
  // Tab carries on forward, through both editors and both graphs (one stop each), to the simulation and options.
  await tabTo(page, example.getByRole('combobox', { name: /the base image/ }), { max: 40 });
  await tabTo(page, example.getByRole('combobox', { name: /Target stage/ }).or(example.getByText('Build options')).first(), { max: 10 });
  // Ctrl+M switches Tab back to indenting, in an editor reached again by keyboard.
  await tabTo(page, editors.last(), { back: true, max: 40 });
  await page.keyboard.press('Control+M');
  await expect(hint).toContainText('Tab indents');
  await page.keyboard.press('Tab');
  await expect(editors.last()).toBeFocused();
});

test('a graph is one tab stop; the arrow keys walk its nodes and Enter lights up their lines', async ({ page }) => {
  await page.goto('/copy-link/');
  const example = page.locator('#example-link-chown-name');
  const graph = example.locator('[data-lw-pane="main"] [data-lw-graph] > svg:visible');
  // Before the island wakes, the build's drawing names its nodes and offers one of them to Tab.
  const named = graph.locator('g.node[role="img"][aria-label*=" op: "]');
  expect(await named.count()).toBeGreaterThan(2);
  await expect(graph.locator('g.node[tabindex="0"]')).toHaveCount(1);
  // Tab from the code (past its copy button and the viewer's toolbar) reaches the graph once,
  // and once more leaves it; Shift+Tab from it goes back to the toolbar, not to its box.
  await example.locator('[data-lw-pane="main"] [data-lw-static]').focus();
  const toolbar = example.locator('[data-lw-pane="main"]').getByRole('toolbar').getByRole('button');
  const buttons = (await toolbar.evaluateAll((list) => list.filter((b) => (b as HTMLElement).offsetParent !== null).length)) as number;
  expect(buttons).toBeGreaterThan(0);
  const first = graph.locator('g.node[tabindex="0"]');
  await tabTo(page, first, { max: 3 + buttons });
  await page.keyboard.press('Shift+Tab');
  await expect(example.locator('[data-lw-pane="main"]').getByRole('button', { name: 'Full screen' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(first).toBeFocused();
  const name = await first.getAttribute('aria-label');
  await page.keyboard.press('ArrowDown');
  const second = graph.locator('g.node:focus');
  await expect(second).toHaveCount(1);
  expect(await second.getAttribute('aria-label')).not.toBe(name);
  await expect(second).toHaveAttribute('tabindex', '0');
  await expect(graph.locator('g.node[tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(example.locator('[data-lw-pane="main"] [data-lw-steps] li.lw-step-hl')).toHaveCount(1);
  await page.keyboard.press('ArrowUp');
  await expect(graph.locator('g.node:focus')).toHaveAttribute('aria-label', name!);
  await page.keyboard.press('Tab');
  await expect(graph.locator('g.node:focus')).toHaveCount(0);
});

test('the build-argument boxes say what BuildKit would not use, as the reader types', async ({ page }) => {
  await page.goto('/copy-link/');
  const example = page.locator('#example-arg-change-link');
  const arg = example.getByRole('textbox', { name: /a build argument changes to/ });
  await arg.fill('FOO');
  await expect(arg).toHaveAttribute('aria-invalid', 'true');
  await expect(arg).toHaveAccessibleDescription('"FOO" is not KEY=VALUE.');
  await arg.fill('NOT_AN_ARG_HERE=1');
  await expect(arg).toHaveAccessibleDescription(/'NOT_AN_ARG_HERE' is not declared in this Dockerfile/);
  await arg.fill('');
  await expect(arg).not.toHaveAttribute('aria-invalid');
  await example.getByText('Build options').click();
  const args = example.getByRole('textbox', { name: /Build arguments/ });
  await args.fill('A=1\nB');
  await expect(args).toHaveAttribute('aria-invalid', 'true');
  await expect(args).toHaveAccessibleDescription(/Build argument 'A' is not declared in this Dockerfile.* Line 2: "B" is not KEY=VALUE\./);
  // Text the state cannot hold stays as typed while the example analyzes other changes.
  await arg.fill('FOO');
  const seq = await example.getAttribute('data-seq');
  await args.fill('VERSION=3');
  await example.getByRole('combobox', { name: /Target stage/ }).focus();
  await expect(example).not.toHaveAttribute('data-seq', seq!, { timeout: 10_000 });
  await expect(args).toHaveValue('VERSION=3');
  await expect(arg).toHaveValue('FOO');
  await expect(arg).toHaveAttribute('aria-invalid', 'true');
});

import { test } from '@playwright/test';
import { expect, editorText, graphSvg, island, openEditor, pane, setEditorText, settled, share, stepKinds, watchErrors } from './live-example-support.ts';

const START = '/start/';
const ID = 'start-canonical';

test.describe('static first', () => {
  test.use({ javaScriptEnabled: false });

  test('without JavaScript the Dockerfiles are highlighted and steps and findings are listed', async ({ page }) => {
    await page.goto(START);
    const root = island(page, ID);
    const code = pane(root).locator('[data-lw-static] pre');
    await expect(code).toContainText('COPY /dir1 /dir1');
    // Shiki (through Expressive Code) colours tokens with inline styles.
    expect(await code.locator('span[style]').count()).toBeGreaterThan(0);
    await expect(pane(root, 'compare').locator('[data-lw-static] pre')).toContainText('COPY --link /dir1 /dir1');
    expect(await stepKinds(pane(root))).toEqual({ source: 2, file: 1 });
    expect(await stepKinds(pane(root, 'compare'))).toEqual({ source: 2, file: 1, merge: 1 });
    await expect(pane(root).locator('[data-lw-findings]')).toHaveText('No findings.');
    await expect(root.locator('[data-lw-summary]')).toContainText('+1 merge');
    // The graphs too, drawn by the build (Starlight without JavaScript is dark).
    await expect(graphSvg(pane(root))).toHaveAttribute('data-lw-theme', 'dark');
    await expect(graphSvg(pane(root))).toContainText('COPY /dir1 /dir1');
    await expect(graphSvg(pane(root, 'compare')).locator('g.node')).toHaveCount(4);
  });
});

test('the graphs come drawn from the build; the island loads on first use, Mermaid on the first change, Monaco on Edit', async ({ page }) => {
  const errors = watchErrors(page);
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script' || r.url().endsWith('.js')) scripts.push(r.url());
  });
  await page.goto(START);
  await page.waitForLoadState('networkidle');
  const root = island(page, ID);
  await root.scrollIntoViewIfNeeded();
  await expect(graphSvg(pane(root))).toContainText('COPY /dir1 /dir1');
  // The drawing writes flags with non-breaking hyphens (U+2011).
  await expect(graphSvg(pane(root, 'compare'))).toContainText(/LINK COPY [-\u2011]{2}link \/dir1 \/dir1/);
  await page.waitForTimeout(500);
  expect(scripts.filter((u) => /mermaid|controller|monaco/.test(u))).toEqual([]);
  const box = pane(root).locator('[data-lw-graph]');
  const before = await box.boundingBox();

  // The first change the reader makes wakes the island, which draws with Mermaid.
  await root.getByRole('combobox', { name: /the base image/ }).selectOption({ index: 1 });
  await expect(graphSvg(pane(root))).toContainText('rebuilt');
  expect(scripts.some((u) => /controller/.test(u))).toBe(true);
  expect(scripts.some((u) => /mermaid/.test(u))).toBe(true);
  expect(await box.boundingBox()).toEqual(before);
  expect(scripts.filter((u) => /monaco|editor\.worker/.test(u))).toEqual([]);
  // Monaco's stylesheet comes with the editor, not with the page.
  const editorStyles = page.locator('link[rel="stylesheet"][href*="monaco"]');
  await expect(editorStyles).toHaveCount(0);
  await openEditor(root);
  expect(scripts.some((u) => /monaco/.test(u))).toBe(true);
  await expect(editorStyles).toHaveCount(1);
  // Its rules apply: Monaco positions the editor's layers inside a relative box.
  await expect(root.locator('.monaco-editor').first()).toHaveCSS('position', 'relative');
  expect(errors).toEqual([]);
});

test('before the island wakes the drawing follows the site theme; waking keeps it, wired, without Mermaid', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => scripts.push(r.url()));
  await page.goto(START);
  const root = island(page, ID);
  for (const theme of ['light', 'dark', 'light'] as const) {
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
    await expect(graphSvg(pane(root))).toHaveAttribute('data-lw-theme', theme);
    await expect(graphSvg(pane(root))).toHaveCount(1);
  }
  // A pointer over the graph wakes the island: the drawing stays, its nodes become live.
  await graphSvg(pane(root)).hover();
  await expect(root).toHaveAttribute('data-island', 'mounted');
  await expect(pane(root).locator('[data-lw-graph] > svg')).toHaveCount(1);
  await expect(graphSvg(pane(root))).toHaveAttribute('data-lw-theme', 'light');
  await graphSvg(pane(root)).locator('g.node[data-op]', { hasText: 'COPY /dir1' }).hover();
  await expect(pane(root).locator('[data-lw-steps] li.lw-step-hl')).toContainText('COPY /dir1 /dir1');
  await expect(pane(root).locator('.lw-line-hl')).toHaveCount(1);
  expect(scripts.filter((u) => /mermaid/.test(u))).toEqual([]);
});

test('without drawings from the build (no browser at build time) the island draws each graph when it scrolls into view', async ({ page }) => {
  const errors = watchErrors(page);
  await page.route(START, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(/<svg [^>]*id="lw-graph-[\s\S]*?<\/svg>/g, '').replace(/<link rel="stylesheet" href="\/_astro\/graphs\.[^"]*">/, '');
    await route.fulfill({ response, body: html });
  });
  await page.setViewportSize({ width: 1280, height: 240 });
  await page.goto(START);
  const root = island(page, ID);
  await expect(pane(root).locator('[data-lw-graph] > svg')).toHaveCount(0);
  await page.waitForTimeout(500);
  await expect(root).not.toHaveAttribute('data-island', 'mounted');
  await root.scrollIntoViewIfNeeded();
  await expect(graphSvg(pane(root))).toContainText('COPY /dir1 /dir1');
  await expect(graphSvg(pane(root))).not.toHaveAttribute('data-lw-theme');
  await expect(graphSvg(pane(root)).locator('g.node[data-op]')).toHaveCount(3);
  expect(errors).toEqual([]);
});

test('editing re-draws the graph, the steps and the findings', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(START);
  const root = island(page, ID);
  await openEditor(root);
  const main = pane(root);
  await expect(graphSvg(main)).toBeVisible();
  await expect(graphSvg(main).locator('g.node')).not.toHaveCount(0);
  const mergesBefore = await graphSvg(main).getByText(/LINK COPY/).count();
  expect(mergesBefore).toBe(0);
  await setEditorText(page, main, 'FROM alpine\nCOPY --link /dir1 /dir1\nCOPY --link /dir2 /dir2\n');
  await expect(main.locator('[data-lw-steps] li')).toHaveCount(6);
  // The drawing writes flags with non-breaking hyphens (U+2011), so they never wrap.
  await expect(graphSvg(main).getByText(/LINK COPY [-\u2011]{2}link \/dir2/)).toBeVisible();
  expect(await stepKinds(main)).toEqual({ source: 2, file: 2, merge: 2 });
  await expect(root.locator('[data-lw-summary]')).toContainText('2 merge ops');
  // The island's first analysis ran on the main thread as it mounted; edits run in the worker.
  await expect(root).toHaveAttribute('data-analyzed-in', 'worker');
  // A burst of keystrokes: the graph ends up showing the last text typed.
  await main.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  for (const ch of '\nRUN echo hi') await page.keyboard.type(ch, { delay: 5 });
  await expect(graphSvg(main).getByText(/RUN echo hi/)).toBeVisible();
  await settled(root);
  expect(await stepKinds(main)).toEqual({ source: 2, file: 2, merge: 2, exec: 1 });
  expect(errors).toEqual([]);
});

test('when the analysis worker cannot start, edits are analyzed on the main thread', async ({ page }) => {
  const errors = watchErrors(page);
  await page.route(/\/analysis-worker[^/]*\.js$/, (route) => route.fulfill({ status: 404, body: '' }));
  await page.goto(START);
  const root = island(page, ID);
  await openEditor(root);
  const main = pane(root);
  await setEditorText(page, main, 'FROM alpine\nCOPY --link /dir1 /dir1\nRUN echo fallback\n');
  await expect(graphSvg(main).getByText(/RUN echo fallback/)).toBeVisible();
  await expect(root).toHaveAttribute('data-analyzed-in', 'main');
  expect(await stepKinds(main)).toEqual({ source: 2, file: 1, merge: 1, exec: 1 });
  // Broken, then fixed: the last good graph is kept meanwhile, as with the worker.
  await setEditorText(page, main, 'FROM alpine\nCOPY --bogus /dir1 /dir1\n');
  await expect(main.locator('[data-lw-graph]')).toHaveAttribute('data-stale', 'true');
  await expect(graphSvg(main).getByText(/RUN echo fallback/)).toBeVisible();
  // The failed worker script is a 404 in the console; nothing else went wrong.
  expect(errors.filter((e) => !/404|Failed to load resource/.test(e))).toEqual([]);
});

test('findings are editor markers whose hover gives the message and the rule page', async ({ page }) => {
  await page.goto(START);
  const root = island(page, ID);
  await openEditor(root);
  const main = pane(root);
  await setEditorText(page, main, 'FROM alpine\nCOPY --link --chmod=755 a /a\n');
  const finding = main.locator('[data-lw-findings] li');
  await expect(finding).toContainText('LinkDisabledByChmod');
  await expect(finding.getByRole('link', { name: 'LinkDisabledByChmod' })).toHaveAttribute('href', '/rules/link-disabled-by-chmod/');
  const squiggle = main.locator('.squiggly-warning');
  await expect(squiggle.first()).toBeAttached();
  await squiggle.first().hover({ force: true });
  const hover = page.locator('.monaco-hover').filter({ hasText: 'has no effect here' });
  await expect(hover.first()).toBeVisible({ timeout: 10_000 });
  await expect(hover.first()).toContainText('/rules/link-disabled-by-chmod/');
});

test('a broken Dockerfile keeps the last graph, marked stale, with the error shown', async ({ page }) => {
  await page.goto(START);
  const root = island(page, ID);
  await openEditor(root);
  const main = pane(root);
  await expect(graphSvg(main)).toBeVisible();
  await setEditorText(page, main, 'FROM alpine\nCOPY --bogus /dir1 /dir1\n');
  await expect(main.locator('[data-lw-error]')).toContainText('unknown flag: --bogus');
  await expect(main.locator('[data-lw-graph]')).toHaveAttribute('data-stale', 'true');
  await expect(main.locator('[data-lw-graph-note]')).toContainText('Out of date');
  await expect(graphSvg(main).getByText(/COPY \/dir1 \/dir1/)).toBeVisible();
  expect(await stepKinds(main)).toEqual({ source: 2, file: 1 });
  // The op counts under the panes are the last good graph's too, and say so.
  await expect(root.locator('[data-lw-summary]')).toContainText(/^Out of date/);
  await setEditorText(page, main, 'FROM alpine\nCOPY /dir2 /dir2\n');
  await expect(main.locator('[data-lw-graph]')).toHaveAttribute('data-stale', 'false');
  await expect(root.locator('[data-lw-summary]')).not.toContainText('Out of date');
  await expect(main.locator('[data-lw-error]')).toBeHidden();
  await expect(graphSvg(main).getByText(/COPY \/dir2 \/dir2/)).toBeVisible();
});

test('compare mode shows both graphs and a summary of op counts', async ({ page }) => {
  await page.goto(START);
  const root = island(page, ID);
  await expect(graphSvg(pane(root))).toBeVisible();
  await expect(graphSvg(pane(root, 'compare'))).toBeVisible();
  await expect(graphSvg(pane(root, 'compare')).getByText(/LINK COPY/)).toBeVisible();
  const summary = root.locator('[data-lw-summary]');
  await expect(summary).toContainText('plain COPY: 2 sources, 1 file op, 0 exec ops, 0 merge ops');
  await expect(summary).toContainText('COPY --link: 2 sources, 1 file op, 0 exec ops, 1 merge op');
  await expect(summary).toContainText('The second graph has 4 ops against 3: +1 merge.');
});

test('what rebuilds if the base image changes: the linked copy is reused, its merge re-runs', async ({ page }) => {
  await page.goto(START);
  const root = island(page, ID);
  await root.locator('[data-lw-sim="base"]').selectOption('alpine');
  const plain = pane(root);
  const linked = pane(root, 'compare');
  await expect(plain.locator('[data-lw-steps] li[data-status]')).toHaveCount(3);
  await expect(plain.locator('[data-lw-steps] li', { hasText: 'COPY /dir1' })).toHaveAttribute('data-status', 'rebuilt');
  await expect(linked.locator('[data-lw-steps] li', { hasText: /\] COPY --link/ })).toHaveAttribute('data-status', 'cached');
  await expect(linked.locator('[data-lw-steps] li', { hasText: 'LINK COPY' })).toHaveAttribute('data-status', 'remerged');
  await expect(plain.locator('[data-lw-sim-summary]')).not.toBeEmpty();
  await expect(linked.locator('[data-lw-sim-summary]')).not.toBeEmpty();
  // Status is in the graph's words too, not only its colours.
  await expect(graphSvg(linked).getByText(/\(remerged\)/)).toBeVisible();
  await expect(graphSvg(plain).getByText(/\(rebuilt\)/).first()).toBeVisible();
  // A context file change: offered from the copied paths.
  await root.locator('[data-lw-sim="base"]').selectOption('');
  await root.locator('[data-lw-sim="file"]').selectOption('dir1');
  await expect(linked.locator('[data-lw-steps] li', { hasText: /\] COPY --link/ })).toHaveAttribute('data-status', 'rebuilt');
});

test.describe('controls', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('MergeOp toggle, Reset, Copy Dockerfile, Copy Mermaid source, Download SVG', async ({ page }) => {
    await page.goto(START);
    const root = island(page, ID);
    await expect(graphSvg(pane(root, 'compare'))).toBeVisible();
    await root.getByText('Build options').click();
    await root.getByLabel('Builder supports MergeOp').uncheck();
    await expect(root.locator('[data-lw-summary]')).toContainText('COPY --link: 2 sources, 1 file op, 0 exec ops, 0 merge ops');
    await root.getByLabel('Builder supports MergeOp').check();
    await expect(root.locator('[data-lw-summary]')).toContainText('1 merge op.');

    await share(root, 'Copy Dockerfile');
    await expect(root.locator('[data-lw-status]')).toHaveText('Dockerfile copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('FROM alpine\nCOPY /dir1 /dir1\n');
    await share(root, 'Copy Mermaid source');
    await expect(root.locator('[data-lw-status]')).toHaveText('Mermaid source copied.');
    const mermaid = await page.evaluate(() => navigator.clipboard.readText());
    expect(mermaid).toMatch(/^flowchart /);
    expect(mermaid).toContain('COPY /dir1 /dir1');

    const download = page.waitForEvent('download');
    await share(root, 'Download SVG');
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${ID}.svg`);
    const svg = await (await import('node:fs/promises')).readFile((await file.path())!, 'utf8');
    expect(svg).toMatch(/^<svg[\s>]/);
    expect(svg).toContain('COPY /dir1 /dir1');
    // The file stands on its own: legend included, light theme.
    expect(svg).toContain('merge: COPY --link');
    expect(svg).not.toContain('#1f2020');

    await openEditor(root);
    await setEditorText(page, pane(root), 'FROM alpine\nRUN true\n');
    await expect(pane(root).locator('[data-lw-steps] li')).toHaveCount(2);
    await root.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => editorText(pane(root))).toContain('COPY /dir1 /dir1');
    await expect(pane(root).locator('[data-lw-steps] li')).toHaveCount(3);
  });
});

test('hovering a graph node highlights its lines; the editor cursor highlights its nodes', async ({ page }) => {
  await page.goto(START);
  const root = island(page, ID);
  const linked = pane(root, 'compare');
  // The first hover lands on the build's drawing, before the island script is there.
  const merge = graphSvg(linked).locator('g.node', { hasText: 'LINK COPY' });
  await merge.hover();
  await expect(linked.locator('[data-lw-static] .ec-line.lw-line-hl')).toHaveCount(1);
  await expect(linked.locator('[data-lw-static] .ec-line').nth(1)).toHaveClass(/lw-line-hl/);
  await expect(linked.locator('[data-lw-steps] li.lw-step-hl')).toContainText('LINK COPY');
  await page.mouse.move(0, 0);
  await expect(linked.locator('.lw-line-hl')).toHaveCount(0);

  await openEditor(root);
  await linked.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+Home');
  await expect(graphSvg(linked).locator('g.node.lw-node-hl')).toHaveCount(1);
  await expect(graphSvg(linked).locator('g.node.lw-node-hl')).toContainText('FROM');
  await page.keyboard.press('ArrowDown');
  await expect(graphSvg(linked).locator('g.node.lw-node-hl')).toHaveCount(2);
  // Hover in editing mode highlights the editor's lines.
  await graphSvg(linked).locator('g.node[data-op]', { hasText: 'FROM' }).hover();
  await expect(linked.locator('.lw-editor-line-hl')).toHaveCount(1);
});

test('light and dark follow the site theme, for the graph and the editor', async ({ page }) => {
  await page.goto(START);
  const root = island(page, ID);
  await openEditor(root);
  await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
  await expect(root.locator('.monaco-editor.vs-dark').first()).toBeVisible();
  await expect.poll(() => graphSvg(pane(root)).evaluate((svg) => svg.outerHTML.includes('#1f2020') || svg.outerHTML.includes('dark'))).toBe(true);
  const dark = await graphSvg(pane(root)).evaluate((svg) => svg.innerHTML.length);
  await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
  await expect(root.locator('.monaco-editor.vs').first()).toBeVisible();
  await expect.poll(() => graphSvg(pane(root)).evaluate((svg) => svg.innerHTML.length)).not.toBe(dark);
});

test('an edited example survives a reload on a guide page; Reset forgets the edit', async ({ page }) => {
  await page.goto(START);
  const root = island(page, ID);
  await openEditor(root);
  await setEditorText(page, pane(root), 'FROM alpine\nCOPY /kept /kept\n');
  await expect(graphSvg(pane(root)).getByText(/COPY \/kept/)).toBeVisible();
  await page.reload();
  await expect(root.locator('.monaco-editor').first()).toBeVisible({ timeout: 20_000 });
  await expect.poll(() => editorText(pane(root))).toContain('COPY /kept /kept');
  await expect(graphSvg(pane(root)).getByText(/COPY \/kept/)).toBeVisible();
  await expect(root.locator('[data-lw-status]')).toContainText('edits from this session');
  await root.getByRole('button', { name: 'Reset' }).click();
  await expect.poll(() => editorText(pane(root))).toContain('COPY /dir1 /dir1');
  await page.reload();
  await expect(graphSvg(pane(root))).toBeVisible();
  await expect(root.locator('.monaco-editor')).toHaveCount(0);
});

test('everything works by keyboard, and the graph has a text alternative', async ({ page }) => {
  await page.goto(START);
  const root = island(page, ID);
  await expect(graphSvg(pane(root))).toBeVisible();
  // The static code block is focusable; Enter opens the editor with the focus in it.
  await pane(root).locator('[data-lw-static]').focus();
  await page.keyboard.press('Enter');
  await expect(root.locator('.monaco-editor').first()).toBeVisible({ timeout: 20_000 });
  await expect(pane(root).locator('.monaco-editor')).toHaveClass(/\bfocused\b/);
  await page.keyboard.press('Escape');
  // The focus goes back to the Edit button, where the reader asked for the editor.
  await expect(root.getByRole('button', { name: 'Edit' })).toBeFocused();
  // Graph nodes take focus and say what they are; focus highlights the step.
  const node = graphSvg(pane(root)).locator('g.node[data-op]').first();
  await node.focus();
  await expect(node).toHaveAttribute('aria-label', /op: /);
  await expect(pane(root).locator('[data-lw-steps] li.lw-step-hl')).toHaveCount(1);
  // Controls have labels and respond to the keyboard.
  const base = root.getByLabel('the base image');
  await base.focus();
  await base.selectOption('alpine');
  await expect(pane(root).locator('[data-lw-steps] li[data-status="rebuilt"]')).not.toHaveCount(0);
  await root.getByText('Build steps as a list').first().focus();
  await page.keyboard.press('Enter');
  await expect(pane(root).locator('[data-lw-steps] li').first()).toBeVisible();
  await expect(pane(root).locator('[data-lw-steps] li').nth(2)).toContainText(/rebuilt/);
});

test('a control used before the island script arrives keeps its value and takes effect', async ({ page }) => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_astro\/controller\.[^/]*\.js$/, async (route) => {
    await gate;
    await route.continue();
  });
  await page.goto(START);
  const root = island(page, ID);
  await root.locator('[data-lw-sim="base"]').selectOption('alpine');
  release();
  await expect(pane(root, 'compare').locator('[data-lw-steps] li', { hasText: 'LINK COPY' })).toHaveAttribute('data-status', 'remerged');
  await expect(root.locator('[data-lw-sim="base"]')).toHaveValue('alpine');
});

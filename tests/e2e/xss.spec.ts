import { deflateRawSync } from 'node:zlib';
import { test } from '@playwright/test';
import { expect, graphSvg, island, openEditor, pane, setEditorText } from './live-example-support.ts';

/** Every way we know to smuggle markup or Mermaid syntax through a Dockerfile. */
const HOSTILE = [
  'FROM alpine AS x',
  'RUN echo "<img src=x onerror=window.__xss=1>" "]"',
  'RUN echo %%{init: {"securityLevel": "loose"}}%%',
  'COPY ["]; click n_op0 call alert(1)", "/x"]',
  'RUN click n_op2 href "javascript:window.__xss=2"',
  'LABEL x="<script>window.__xss=3</script>"',
  'COPY --link --chmod=755 ["<svg onload=window.__xss=4>", "/y/"]',
  '',
].join('\n');
const BROKEN = 'FROM alpine\nCOPY --<img/src/onerror/> a b\n';

async function assertInert(page: import('@playwright/test').Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator('img[src="x"], img[src="/onerror/"], .lw-live img').count()).toBe(0);
  expect(await page.locator('[onerror], [onload]').count()).toBe(0);
}

test('a hostile Dockerfile from a share link renders as text and runs nothing', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const data = Buffer.from(deflateRawSync(Buffer.from(JSON.stringify({ code: HOSTILE })))).toString('base64url');
  await page.goto(`/playground/#v1/${data}`);
  const play = island(page, 'playground');
  const svg = graphSvg(pane(play));
  await expect(svg.getByText(/<img src=x onerror=window.__xss=1>/)).toBeVisible();
  await expect(svg.getByText(/%%\{init/)).toBeVisible();
  await expect(svg.getByText(/click n_op2 href/)).toBeVisible();
  await expect(pane(play).locator('[data-lw-findings]')).toContainText('LinkDisabledByChmod');
  await expect(svg.locator('a')).toHaveCount(0);
  // Mermaid kept its strict theme: the init directive did not apply.
  await expect(svg.locator('g.node[data-op]')).not.toHaveCount(0);
  // Clicking the node that `click` targeted does nothing either.
  await svg.locator('g.node[data-op]').first().click();
  await page.waitForTimeout(300);
  await assertInert(page);
  expect(dialogs).toEqual([]);
});

test('hostile text typed into the editor and in error messages stays text', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto('/start/');
  const root = island(page, 'start-canonical');
  await openEditor(root);
  await setEditorText(page, pane(root), HOSTILE);
  await expect(graphSvg(pane(root)).getByText(/<svg onload=window.__xss=4>|LINK COPY|COPY [-\u2011]{2}link [-\u2011]{2}chmod/).first()).toBeVisible();
  await expect(pane(root).locator('[data-lw-findings]')).toContainText('LinkDisabledByChmod');
  await setEditorText(page, pane(root), BROKEN);
  await expect(pane(root).locator('[data-lw-error]')).toContainText('unknown flag: --<img/src/onerror/>');
  await expect(pane(root).locator('[data-lw-findings]')).toContainText('--<img/src/onerror/>');
  await page.waitForTimeout(300);
  await assertInert(page);
  expect(dialogs).toEqual([]);
});

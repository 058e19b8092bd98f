import { test } from '@playwright/test';
import { readFileSync } from 'node:fs';
const FILE = readFileSync('/work/shared/corpus/moby_buildkit__Dockerfile', 'utf8');
for (const width of [390, 1280]) for (const theme of ['light', 'dark']) {
  test(`shots ${width} ${theme}`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height: 900 });
    await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    await page.goto('/playground/');
    const root = page.locator('[data-lw-example="playground"]');
    await root.locator('.monaco-editor').first().waitFor({ timeout: 30_000 });
    const main = root.locator('[data-lw-pane="main"]');
    await main.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(FILE);
    const list = main.locator('[data-lw-findings]');
    await list.locator('.lw-finding-group').first().waitFor({ timeout: 30_000 });
    await list.locator('.lw-finding-group summary').first().click();
    await list.scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    await list.screenshot({ path: `/tmp/w18/findings-${width}-${theme}.png` });
    await page.goto('/copy-link/#example-scratch-link');
    const ex = page.locator('[data-lw-example="scratch-link"]');
    await ex.locator('[data-lw-findings] .lw-loc').first().click();
    await page.waitForTimeout(800);
    await ex.screenshot({ path: `/tmp/w18/scratch-${width}-${theme}.png` });
    await page.goto('/fidelity/#checks-and-stages');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `/tmp/w18/fidelity-${width}-${theme}.png` });
  });
}

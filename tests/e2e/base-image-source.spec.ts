import { test, type Locator } from '@playwright/test';
import { expect, graphSvg, island, pane, setEditorText, watchErrors } from './live-example-support.ts';

/**
 * Where a base image's config came from (issue 15), as a reader meets it: a second line under
 * the image's node, never cut, in the build's drawing and the island's; the whole source in the
 * list of build steps, the node's accessible name and its tooltip.
 */

const DATE = String.raw`\d{4}-\d{2}-\d{2}`;

/** The image's node: the one whose label names the FROM. */
const fromNode = (svg: Locator, image: string) => svg.locator('g.node').filter({ hasText: new RegExp(`FROM.*${image}`) });

/** A node's label as drawn, one string per line (Mermaid breaks lines with <br>). */
const labelLines = (node: Locator) =>
  node.evaluate((g) => {
    const html = g.querySelector('foreignObject div, foreignObject span')?.innerHTML ?? '';
    return html
      .split(/<br\s*\/?>/i)
      .map((part) => {
        const box = document.createElement('div');
        box.innerHTML = part;
        return (box.textContent ?? '').replace(/\u2011/g, '-').replace(/\s+/g, ' ').trim();
      })
      .filter(Boolean);
  });

test("the build's drawing says under the image where its config came from; the steps list and the node's name say it whole", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/copy-link/');
  const root = island(page, 'canonical-pair');
  const svg = graphSvg(pane(root));
  const node = fromNode(svg, 'alpine').first();
  await expect(node).toBeVisible();
  const lines = await labelLines(node);
  expect(lines.at(-1)).toMatch(new RegExp(`^config: table, ${DATE}$`));
  // The drawn text is Mermaid's: no code of ours shows (`#92;n`) and the break is a real one.
  expect(lines.join('\n')).not.toMatch(/#\d+;|\\n/);
  await expect(node).toHaveAttribute('aria-label', new RegExp(`^source op: .*FROM docker\\.io/library/alpine:latest; image config: built-in table alpine:latest; .*, ${DATE}$`));
  const steps = pane(root).locator('.lw-steps li').filter({ hasText: 'FROM docker.io/library/alpine' }).first();
  await expect(steps.locator('.lw-step-config')).toHaveText(new RegExp(`^; image config: built-in table alpine:latest; docker-library/official-images@[0-9a-f]+ library/alpine, ${DATE}$`));
  expect(errors).toEqual([]);
});

test('in the playground at 390 px an unknown image says so, the line is never cut, and hovering gives the whole source', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 900 });
  await page.goto('/playground/');
  const root = island(page, 'playground');
  await expect(root.locator('.monaco-editor').first()).toBeVisible({ timeout: 20_000 });
  await setEditorText(page, pane(root), `FROM registry.example.com/${'team/'.repeat(8)}runtime:1\nCOPY --from=golang:1.23-alpine /usr/local/go /go\n`);
  const svg = graphSvg(pane(root));
  const unknown = fromNode(svg, 'runtime');
  await expect(unknown).toBeVisible();
  // The step's name is shortened in the middle; the provenance line is whole.
  const lines = await labelLines(unknown);
  expect(lines.join(' ')).toContain('…');
  expect(lines.at(-1)).toBe('config: unknown');
  await expect(unknown).toHaveAttribute('aria-label', /; image config: unknown$/);
  await expect(unknown.locator(':scope > title')).toHaveText(/FROM registry\.example\.com\/.*runtime:1\nimage config: unknown$/);
  // The line fits inside its node's shape.
  const fits = await unknown.evaluate((g) => {
    const shape = g.querySelector('rect, path, polygon')!.getBoundingClientRect();
    const text = g.querySelector('foreignObject')!.getBoundingClientRect();
    return text.left >= shape.left - 1 && text.right <= shape.right + 1;
  });
  expect(fits).toBe(true);
  // An image reached by COPY --from has the line too.
  const golang = svg.locator('g.node').filter({ hasText: /FROM docker\.io\/library\/golang:1\.23-alpine/ });
  expect((await labelLines(golang)).at(-1)).toMatch(new RegExp(`^config: table, ${DATE}$`));
  await expect(golang.locator(':scope > title')).toHaveText(new RegExp(`\\nimage config: built-in table golang:1\\.23-alpine; .*, ${DATE}$`));
});

/**
 * `npm run audit`: Lighthouse on the built site, in the same Chromium as the e2e tests.
 *
 * Builds the site into its own folder (LAYERWISE_OUT_DIR, default dist-audit; `--no-build`
 * reuses a build that is there), serves it with `astro preview`, and runs Lighthouse's
 * performance, accessibility, best-practices and SEO audits on the home page, two guide
 * pages with live examples (/start/, and /copy-link/ with the most graphs) and the
 * playground, with Lighthouse's default mobile settings (simulated slow 4G and a 4× slower
 * CPU) and with its desktop preset. Prints the scores and the targets (performance ≥ 95 and
 * accessibility 100 on the home and guide pages, mobile), writes the full reports beside the
 * build, and exits 1 when a target is missed.
 *
 * Not part of `npm test`: one run takes a few minutes.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromiumPath, missingBrowserHelp } from '../../src/integrations/chromium.ts';

const PAGES = [
  { path: '/', name: 'home', guide: true },
  { path: '/start/', name: 'start (live examples)', guide: true },
  { path: '/copy-link/', name: 'copy-link (most graphs)', guide: true },
  { path: '/playground/', name: 'playground', guide: false },
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const TARGETS = { performance: 95, accessibility: 100 };
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'];

const outDir = process.env.LAYERWISE_OUT_DIR ?? './dist-audit';
const port = Number(process.env.LAYERWISE_AUDIT_PORT ?? 4340);
const env = { ...process.env, LAYERWISE_OUT_DIR: outDir };
const reuse = process.argv.includes('--no-build');

function build(): void {
  if (reuse && existsSync(join(outDir, 'index.html'))) {
    console.log(`Reusing the build in ${outDir}.`);
    return;
  }
  console.log(`Building the site into ${outDir}…`);
  const result = spawnSync('npx', ['astro', 'build'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error('astro build failed');
}

async function serve(): Promise<ChildProcess> {
  const server = spawn('npx', ['astro', 'preview', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port)], {
    env,
    stdio: 'ignore',
    detached: true,
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  stop(server);
  throw new Error(`astro preview did not answer on port ${port}`);
}

function stop(server: ChildProcess): void {
  // The preview runs in its own process group (npx → node); end that group only.
  if (server.pid) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
}

type Scores = Record<(typeof CATEGORIES)[number], number>;

interface Row {
  page: string;
  path: string;
  guide: boolean;
  preset: 'mobile' | 'desktop';
  scores: Scores;
  lcp: string;
  tbt: string;
  cls: string;
  failing: string[];
}

async function audit(chromePort: number, path: string, preset: 'mobile' | 'desktop'): Promise<Omit<Row, 'page' | 'guide'>> {
  const url = `http://127.0.0.1:${port}${path}`;
  const result = await lighthouse(
    url,
    { port: chromePort, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] },
    preset === 'desktop' ? desktopConfig : undefined,
  );
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  const reports = join(outDir, 'lighthouse');
  mkdirSync(reports, { recursive: true });
  writeFileSync(join(reports, `${preset}${path.replace(/\//g, '_') || '_'}.json`), JSON.stringify(lhr));
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as Scores;
  // Audits that cost points in the two categories with targets, to say what to fix.
  const failing = (['performance', 'accessibility'] as const).flatMap((c) =>
    (lhr.categories[c]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 0.9)
      .map((ref) => `${c}: ${ref.id} (${lhr.audits[ref.id]?.displayValue ?? lhr.audits[ref.id]?.score})`),
  );
  const metric = (id: string) => lhr.audits[id]?.displayValue ?? '?';
  return { path, preset, scores, lcp: metric('largest-contentful-paint'), tbt: metric('total-blocking-time'), cls: metric('cumulative-layout-shift'), failing };
}

async function main(): Promise<number> {
  const chromePath = process.env.CHROME_PATH ?? (await chromiumPath());
  if (!chromePath) {
    console.error(missingBrowserHelp);
    return 2;
  }
  build();
  const server = await serve();
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: FLAGS });
  const rows: Row[] = [];
  try {
    for (const preset of ['mobile', 'desktop'] as const) {
      for (const page of PAGES) {
        const row = { page: page.name, guide: page.guide, ...(await audit(chrome.port, page.path, preset)) };
        rows.push(row);
        console.log(`  ${preset.padEnd(7)} ${page.path.padEnd(14)} ${CATEGORIES.map((c) => `${c} ${row.scores[c]}`).join(', ')}`);
      }
    }
  } finally {
    await chrome.kill();
    stop(server);
  }

  console.log(`\nLighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, ${chromePath}`);
  console.log('| page | preset | performance | accessibility | best practices | SEO | LCP | TBT | CLS |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    const s = r.scores;
    console.log(`| ${r.path} | ${r.preset} | ${s.performance} | ${s.accessibility} | ${s['best-practices']} | ${s.seo} | ${r.lcp} | ${r.tbt} | ${r.cls} |`);
  }

  const misses = rows
    .filter((r) => r.guide && r.preset === 'mobile')
    .flatMap((r) => [
      ...(r.scores.performance < TARGETS.performance ? [`${r.path}: performance ${r.scores.performance} < ${TARGETS.performance}`] : []),
      ...(r.scores.accessibility < TARGETS.accessibility ? [`${r.path}: accessibility ${r.scores.accessibility} < ${TARGETS.accessibility}`] : []),
    ]);
  for (const r of rows.filter((row) => row.failing.length)) console.log(`\n${r.preset} ${r.path} loses points on:\n  ${r.failing.join('\n  ')}`);
  console.log(`\nReports: ${resolve(outDir, 'lighthouse')}`);
  if (misses.length) {
    console.log(`\nTargets missed (guide pages, mobile):\n  ${misses.join('\n  ')}`);
    return 1;
  }
  console.log('\nTargets met: performance ≥ 95 and accessibility 100 on the guide pages (mobile).');
  return 0;
}

process.exitCode = await main();

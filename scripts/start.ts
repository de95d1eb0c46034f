// `npm start`: builds the extension, serves a demo article and opens Chromium with the extension, clicking its icon.
import { execSync } from 'node:child_process';
import { relative } from 'node:path';
import {
  clickToolbar,
  findChromium,
  launchWithExtension,
  screenshot,
  servePages,
  sidebar,
  CHROMIUM_CANDIDATES,
} from '../tests/e2e/harness';
import { CALM_CSS, loadPack, renderNewsPage, ROOT, storyFromPack } from '../tests/e2e/news-page';

/** The demo: the report of 2 December 2021 (its troop figure differs from the later reports), else the first one. */
const DEMO_REPORT = '001_894e524890745626';

async function main(): Promise<number> {
  const chromium = findChromium();
  if (!chromium) {
    const where = process.env.CHROMIUM_PATH
      ? `CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, but there is no file there.`
      : `No Chromium at CHROMIUM_PATH or in ${CHROMIUM_CANDIDATES.join(', ')}.`;
    console.error(`${where}\nInstall one with:\n\n    sudo apt-get install -y chromium\n\nor point CHROMIUM_PATH at a Chromium or Chrome binary, then run npm start again.`);
    return 1;
  }

  console.log('Building the extension (npm run build)…');
  execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });

  const pack = loadPack();
  const report = pack?.reports.find((r) => r.id === DEMO_REPORT) ?? pack?.reports[0];
  if (!report) {
    console.error('The corpus pack (corpus/pack.json) is missing or empty: run npm run build:corpus.');
    return 1;
  }
  const server = await servePages({
    '/': { body: renderNewsPage(storyFromPack(report), { css: CALM_CSS }) },
  });
  const display = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  console.log(`Demo article: ${server.url('/')} (${report.outlet ?? report.id})`);
  console.log(`Chromium: ${chromium}${display ? '' : ' (headless: no DISPLAY or WAYLAND_DISPLAY)'}`);

  const browser = await launchWithExtension({ headless: !display });
  const shutdown = async () => {
    await browser.close().catch(() => undefined);
    await server.close().catch(() => undefined);
  };
  try {
    // A new tab for the demo (the launch's first blank tab does not take toolbar clicks reliably), then drop the blank one.
    const blank = browser.context.pages();
    const page = await browser.context.newPage();
    await page.goto(server.url('/'));
    for (const other of blank) await other.close();
    await clickToolbar(browser, page);
    // Populated: the analysis is done (or the page had no article).
    await page.locator('[data-testid="second-source-host"] [data-state="done"]').waitFor({ timeout: 30_000 });

    if (display) {
      console.log('\nSecond Source is open in the Chromium window. Close the window or press Ctrl-C to stop.');
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        browser.context.once('close', () => resolve());
      });
      return 0;
    }
    const path = await screenshot(page, 'start');
    console.log(`\nScreenshot of the sidebar: ${relative(process.cwd(), path) || path}`);
    const first = page.locator('mark[data-second-source="figure"][tabindex="0"]').first();
    if ((await first.count()) > 0) {
      await first.focus();
      await page.locator('second-source-tip:not([hidden])').waitFor({ timeout: 5_000 }).catch(() => undefined);
      const tipPath = await screenshot(page, 'start-tooltip');
      console.log(`Screenshot of a highlight's tooltip: ${relative(process.cwd(), tipPath) || tipPath}`);
    }
    console.log('\nWhat the sidebar shows:\n');
    console.log(await sidebarText(page));
    return 0;
  } finally {
    await shutdown();
  }
}

/** The sidebar's content as indented plain text: header, facts, summary, then each section's items and reports. */
async function sidebarText(page: import('playwright-core').Page): Promise<string> {
  const highlights = await page.locator('mark[data-second-source="figure"][tabindex="0"]').count();
  // tsx (esbuild, keepNames) wraps named functions in __name(); give the page a no-op one so the callback runs there.
  await page.evaluate('window.__name = (f) => f');
  const lines = await sidebar(page).evaluate((aside) => {
    const clean = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const out: string[] = [];
    out.push(clean(aside.querySelector('.ss-kicker')), clean(aside.querySelector('[data-testid="title"]')));
    for (const fact of aside.querySelectorAll('.ss-fact')) out.push(`  ${clean(fact.querySelector('dt'))}: ${clean(fact.querySelector('dd'))}`);
    for (const empty of aside.querySelectorAll('.ss-empty')) out.push('', clean(empty.querySelector('h3')), `  ${clean(empty.querySelector('p'))}`);
    const summary = aside.querySelector('[data-testid="summary"]');
    if (summary) out.push('', clean(summary));
    for (const section of aside.querySelectorAll('.ss-section')) {
      out.push('', clean(section.querySelector('h3')));
      const empty = section.querySelector('.ss-section-empty');
      if (empty) out.push(`  ${clean(empty)}`);
      for (const item of section.querySelectorAll('.ss-item')) {
        out.push(`  • ${clean(item.querySelector('.ss-figure'))} (${clean(item.querySelector('[data-testid="report-count"]'))})`);
        out.push(`    here: “${clean(item.querySelector('.ss-quote-page'))}”`);
        for (const link of item.querySelectorAll('[data-testid="report-link"]')) {
          const when = clean(link.querySelector('.ss-link-head time'));
          out.push(`    - ${clean(link.querySelector('.ss-outlet'))}${when ? `, ${when}` : ''}: ${clean(link.querySelector('[data-testid="relation"]'))}`);
          out.push(`      “${clean(link.querySelector('blockquote'))}”`);
          const timeline = link.querySelector('.ss-timeline');
          if (timeline) out.push(`      ${clean(timeline)}`);
        }
      }
    }
    const only = aside.querySelector('[data-testid="only-here"] summary');
    if (only) out.push('', clean(only));
    return out;
  });
  return [...lines, '', `${highlights} figure${highlights === 1 ? '' : 's'} highlighted in the article.`]
    .map((line) => (line ? `  ${line}` : ''))
    .join('\n');
}

process.exitCode = await main();

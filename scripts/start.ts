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
import { loadPack, renderNewsPage, ROOT, SITE_CSS, storyFromPack } from '../tests/e2e/news-page';

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
    '/site.css': { body: SITE_CSS, type: 'text/css' },
    '/': { body: renderNewsPage(storyFromPack(report)) },
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
    const panel = sidebar(page);
    // Populated: the analysis is done (or the page had no article).
    await page.locator('second-source-sidebar [data-state="done"]').waitFor({ timeout: 30_000 });

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
    console.log('\nWhat the sidebar shows:\n');
    const text = await panel.innerText();
    console.log(
      text
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.length > 0)
        .map((line) => `  ${line}`)
        .join('\n'),
    );
    return 0;
  } finally {
    await shutdown();
  }
}

process.exitCode = await main();

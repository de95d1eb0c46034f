// Import and scale in headless Chromium: a version 2 pack with analyses imported through the real background, then the
// cross-check per article, the service worker's JS heap, and a restarted browser's first answer: with the bundled reports
// alone (the floor), then at 1,000 and 10,000 reports.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { ArticleInput } from '../../utils/analysis/types';
import { compactAnalysis } from '../../utils/corpus/format/compact-analysis';
import { packJson } from '../../utils/corpus/format/pack-write';
import { packIndexFrom } from '../../utils/corpus/format/pack-index';
import { encodeSegment, INDEX_FORMAT } from '../../utils/match/sentence-index';
import { PACK_FORMAT, PACK_VERSION, type CorpusPack, type PackReport } from '../../utils/corpus/types';
import { inputOfReport } from '../../utils/match/corpus';
import { CHROMIUM_ARGS, findChromium } from '../../tests/e2e/harness';
import { ROOT } from '../../tests/e2e/news-page';
import { loadBundledCorpus } from '../load-corpus';
import { syntheticReports } from './match';

const EXTENSION_VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
/**
 * Sizes measured; BENCH_100K=1 adds 100,000 (slow: a pack of several hundred MB is built and imported); BENCH_SIZES=1000
 * picks. 0 imports nothing: the bundled reports alone give the floor, what a cold answer costs whatever the corpus size.
 */
const SIZES = process.env.BENCH_SIZES
  ? process.env.BENCH_SIZES.split(',').map(Number)
  : [0, 1_000, 10_000, ...(process.env.BENCH_100K === '1' ? [100_000] : [])];
/** Warm checks and browser restarts per size. */
const WARM = 7;
const RESTARTS = 3;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (x: number) => `${x.toFixed(0)} ms`;
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

interface ExtensionGlobal {
  chrome: { runtime: { sendMessage: (message: unknown) => Promise<{ ok: boolean; value?: unknown; error?: string }> } };
}

/** Reports per pack file: a pack may hold 256 MB, and 100,000 reports take about 1.5 GB. */
const PACK_PART = 12_500;

/**
 * A version 2 pack of `size` reports: synthetic variants of the seed reports, each carrying its stamped analysis.
 * `first` makes it a later part of a larger corpus (other reports, addresses and ids).
 */
export function packOf(size: number, first = 0): CorpusPack {
  const bundled = loadBundledCorpus();
  const bySeedLength = new Map(bundled.packReports.map((p) => [p.text.length, p]));
  const analysed = syntheticReports(bundled.reports, size + bundled.reports.length, first).slice(bundled.reports.length);
  const reports: PackReport[] = analysed.map(({ meta, analysis }, index) => {
    const seed = bySeedLength.get(analysis.text.length) ?? bundled.packReports[0]!;
    return {
      ...meta,
      origin: 'imported',
      url: `https://bench.example/${first + index}`,
      text: analysis.text,
      paragraphs: seed.paragraphs,
      sentences: analysis.sentences.map(({ start, end }) => ({ start, end })).filter((s) => seed.paragraphs.some((p) => p.start <= s.start && s.end <= p.end)),
      analysis: { extractor: EXTENSION_VERSION, data: compactAnalysis(analysis, analysis.text) },
    };
  });
  // With its index, as an export or `npm run pack` writes it.
  const index = packIndexFrom(encodeSegment(analysed), INDEX_FORMAT);
  return { format: PACK_FORMAT, version: PACK_VERSION, revision: `bench-${first}-${size}`, reports, index };
}

async function launch(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, { executablePath: findChromium()!, headless: true, args: CHROMIUM_ARGS });
}

async function quietPage(context: BrowserContext): Promise<{ page: Page; id: string }> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`chrome-extension://${id}/report.html`, { waitUntil: 'load' });
  return { page, id };
}

/** One background call from the page, timed in the page (send to reply). */
async function call(page: Page, name: string, payload: unknown): Promise<{ elapsed: number; value: unknown }> {
  const out = await page.evaluate(
    async ({ name, payload }) => {
      const start = performance.now();
      const reply = await (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({ channel: 'second-source', call: name, payload });
      return { elapsed: performance.now() - start, reply };
    },
    { name, payload },
  );
  if (!out.reply?.ok) throw new Error(`"${name}" failed: ${out.reply?.error ?? 'no reply'}`);
  return { elapsed: out.elapsed, value: out.reply.value };
}

/**
 * The service worker's JS heap after a full garbage collection, read over the DevTools protocol (Runtime.getHeapUsage
 * on the worker's own target): what the extension's background holds, not the Node bench's heap. `backing` is the
 * memory of array buffers (the index segments' bytes), which the JS heap figure leaves out.
 */
async function workerHeap(context: BrowserContext, extensionId: string): Promise<{ used: number; total: number; backing: number } | null> {
  const browser = context.browser();
  if (!browser) return null;
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
    if (!target) return null;
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    let next = 1;
    const send = (method: string) =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const id = next++;
        const listener = (event: { sessionId: string; message: string }) => {
          const message = JSON.parse(event.message) as { id?: number; result?: Record<string, number>; error?: { message: string } };
          if (event.sessionId !== sessionId || message.id !== id) return;
          cdp.off('Target.receivedMessageFromTarget', listener);
          if (message.error) reject(new Error(message.error.message));
          else resolve(message.result ?? {});
        };
        cdp.on('Target.receivedMessageFromTarget', listener);
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
      });
    await send('HeapProfiler.collectGarbage');
    const heap = await send('Runtime.getHeapUsage');
    await cdp.send('Target.detachFromTarget', { sessionId });
    return { used: heap.usedSize ?? 0, total: heap.totalSize ?? 0, backing: heap.backingStorageSize ?? 0 };
  } catch {
    return null;
  } finally {
    await cdp.detach();
  }
}

export async function benchImportChromium(): Promise<string[]> {
  if (!findChromium()) return ['(not measured: no Chromium; install one with: sudo apt-get install -y chromium)'];
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore' });
  const bundled = loadBundledCorpus();
  const seed = bundled.packReports.reduce((a, b) => (b.text.length > a.text.length ? b : a));
  const article: ArticleInput = inputOfReport(seed);
  const lines = [
    `load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores; a version 2 pack (analyses stamped with ${EXTENSION_VERSION}) of synthetic`,
    'variants of the seed reports, held by the extension page and read by the background from its blob: address, as the options page does;',
    `the bundled ${bundled.reports.length} reports are in the database too. Cross-check: a seed report as the page, median of ${WARM} warm checks;`,
    `cold: a restarted browser, the extension page's first analyze, median of ${RESTARTS} restarts.`,
  ];
  const header = ['reports', 'pack', 'import', 'rate', 'analysed again', 'first check', 'warm check', 'worker memory', 'cold answer'];
  const rows: string[][] = [header];
  for (const size of SIZES) {
    // One pack file per PACK_PART reports, imported in turn: the figures are the sums over the parts.
    let json = '';
    const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end(json));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pack.json`;
    const profile = mkdtempSync(join(tmpdir(), 'second-source-import-'));
    try {
      const context = await launch(profile);
      let id = '';
      try {
        const quiet = await quietPage(context);
        id = quiet.id;
        const page = quiet.page;
        await call(page, 'corpus/stats', null); // the bundled pack is loaded before the import is timed
        const result = { added: 0, pending: 0, elapsed: 0, bytes: 0, parts: 0 };
        for (let first = 0; first < size; first += PACK_PART) {
          // Written as the extension's export and `npm run pack` write packs.
          json = packJson(packOf(Math.min(PACK_PART, size - first), first));
          result.bytes += json.length;
          result.parts++;
          const timed = await page.evaluate(
            async ({ url }) => {
              // No named inner functions here: the bundler's name helper does not exist in the page.
              // As the options page imports a file: the background reads it by its blob: address (sendPackFileForImport).
              const file = await (await fetch(url)).blob();
              const runtime = (globalThis as unknown as ExtensionGlobal).chrome.runtime;
              const start = performance.now();
              const address = URL.createObjectURL(file);
              const reply = await runtime.sendMessage({ channel: 'second-source', call: 'pack/import', payload: { file: address, name: 'bench.json' } });
              URL.revokeObjectURL(address);
              return { elapsed: performance.now() - start, reply };
            },
            { url },
          );
          if (!timed.reply.ok) throw new Error(`import failed: ${timed.reply.error ?? ''}`);
          const value = timed.reply.value as { added: string[]; pending: number };
          result.added += value.added.length;
          result.pending += value.pending;
          result.elapsed += timed.elapsed;
        }
        json = '';
        const first = await call(page, 'analyze', article);
        const warm: number[] = [];
        for (let i = 0; i < WARM; i++) warm.push((await call(page, 'analyze', article)).elapsed);
        const heap = await workerHeap(context, id);
        const imported = result.parts > 0;
        rows.push([
          `${(size + bundled.reports.length).toLocaleString('en-US')}${imported ? '' : ' (bundled only)'}`,
          imported ? `${mb(result.bytes)}${result.parts > 1 ? ` in ${result.parts} files` : ''}` : '-',
          imported ? `${(result.elapsed / 1000).toFixed(1)} s (${result.added.toLocaleString('en-US')} added)` : '-',
          imported ? `${Math.round(result.added / (result.elapsed / 1000)).toLocaleString('en-US')}/s` : '-',
          imported ? String(result.pending) : '-',
          ms(first.elapsed),
          ms(median(warm)),
          heap ? `${mb(heap.used + heap.backing)} (${mb(heap.used)} JS + ${mb(heap.backing)} buffers)` : 'n/a',
          '',
        ]);
      } finally {
        await context.close();
      }
      const cold: number[] = [];
      for (let i = 0; i < RESTARTS; i++) {
        const again = await launch(profile);
        try {
          const { page } = await quietPage(again);
          cold.push((await call(page, 'analyze', article)).elapsed);
        } finally {
          await again.close();
        }
      }
      rows[rows.length - 1]![8] = ms(median(cold));
    } finally {
      server.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }
  const widths = header.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  for (const r of rows) lines.push(`  ${r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  ').trimEnd()}`);
  lines.push('  "import": the import call to its reply (file read, JSON read and checked, duplicates found, analyses trusted, index');
  lines.push('  segments built, rows written); "analysed again": reports left to the background (0 when every stamp matched).');
  lines.push('  "bundled only": no import, so its cold answer is the floor (the page\'s analysis and a check in a just-started worker).');
  return lines;
}

// `npx tsx scripts/bench/import-chromium.ts` runs this stage alone.
if (process.argv[1]?.endsWith('bench/import-chromium.ts')) {
  for (const line of await benchImportChromium()) console.log(line);
}

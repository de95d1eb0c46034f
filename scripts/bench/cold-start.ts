// Cold-start benchmark: a restarted Chromium's first cross-check answer, from the extension's database, at the bundled corpus and at 10,000 reports.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { analyzeArticle } from '../../utils/analysis/analyze-article';
import type { ArticleInput } from '../../utils/analysis/types';
import { compactAnalysis } from '../../utils/corpus/format/compact-analysis';
import { textSketch } from '../../utils/corpus/format/text-sketch';
import { buildSegments, DB_NAME, pickMeta, type BodyRow, type CorpusDeps, type PreparedReport, type ReportRow, type SegmentRow } from '../../utils/corpus/store/schema';
import type { AnalyzedReport } from '../../utils/corpus/types';
import { inputOfReport } from '../../utils/match/corpus';
import { encodeSegment, INDEX_FORMAT } from '../../utils/match/sentence-index';
import { CHROMIUM_ARGS, findChromium } from '../../tests/e2e/harness';
import { ROOT } from '../../tests/e2e/news-page';
import { loadBundledCorpus } from '../load-corpus';
import { syntheticReports } from './match';

/** Browser restarts measured per corpus size. */
const RUNS = 5;
/** Reports in the large corpus (the bundled ones included). */
const LARGE = 10_000;
/** Reports written per page.evaluate (keeps each message to Chromium at a few MB). */
const WRITE_CHUNK = 250;

const EXTENSION_VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The store's own dependencies, as the background passes them (the extractor version is the extension's). */
const DEPS: CorpusDeps = {
  analyze: analyzeArticle,
  extractorVersion: EXTENSION_VERSION,
  buildSegment: encodeSegment,
  segmentFormat: INDEX_FORMAT,
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const ms = (x: number) => `${x.toFixed(0)} ms`;
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

/** Chromium with only our extension on a profile that outlives the browser (what a restart keeps). */
async function launch(profile: string): Promise<BrowserContext> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found.');
  return chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** The extension's id: from its service worker, which runs after the first install into a profile. */
async function extensionIdOf(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(worker.url()).host;
}

/**
 * An extension page that asks the background nothing by itself (the report viewer without an id), so the first
 * message the background gets is the one timed.
 */
async function quietPage(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`chrome-extension://${extensionId}/report.html`, { waitUntil: 'load' });
  return page;
}

/** The one extension API the pages below use (the project's TypeScript setup has no `chrome` global). */
interface ExtensionGlobal {
  chrome: { runtime: { sendMessage: (message: unknown) => Promise<unknown> } };
}

/** One background call from the page: its reply time in ms, measured in the page (send to reply). */
async function call(page: Page, name: string, payload: unknown): Promise<number> {
  const result = await page.evaluate(
    async ({ name, payload }) => {
      const start = performance.now();
      const reply = (await (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({ channel: 'second-source', call: name, payload })) as {
        ok: boolean;
        error?: string;
        value?: unknown;
      };
      const elapsed = performance.now() - start;
      return { elapsed, ok: reply?.ok === true, error: reply?.error ?? null };
    },
    { name, payload },
  );
  if (!result.ok) throw new Error(`The background refused "${name}": ${result.error ?? 'no reply'}`);
  return result.elapsed;
}

/** Reports in the database, by asking the background (which loads the bundled pack first). */
async function reportCount(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const reply = (await (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({ channel: 'second-source', call: 'corpus/stats', payload: null })) as {
      ok: boolean;
      value?: Record<string, unknown>;
    };
    if (!reply.ok || !reply.value) throw new Error('corpus/stats failed');
    return Number(reply.value.reports);
  });
}

/** Bytes under a folder (the profile's IndexedDB store of the extension). */
function folderBytes(path: string): number {
  let total = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const full = join(path, entry.name);
    total += entry.isDirectory() ? folderBytes(full) : statSync(full).size;
  }
  return total;
}

function indexedDbBytes(profile: string, extensionId: string): number {
  const dir = join(profile, 'Default', 'IndexedDB');
  let total = 0;
  for (const name of readdirSync(dir)) if (name.includes(extensionId)) total += folderBytes(join(dir, name));
  return total;
}

/**
 * The database rows of `reports` (synthetic variants of the seed reports, as an import would store them): written
 * with the store's own row shapes and segment builder, in segments of SEGMENT_BATCH reports.
 */
async function syntheticRows(reports: readonly AnalyzedReport[], firstSeq: number, now: number) {
  const bundled = loadBundledCorpus();
  const spans = new Map(bundled.packReports.map((p) => [p.id, p]));
  const prepared: PreparedReport[] = reports.map((report, index) => {
    const meta = { ...pickMeta(report.meta), origin: 'imported' as const };
    const analysis = report.analysis;
    // Variants keep every offset of their seed, so the seed's paragraph spans fit them.
    const seed = [...spans.values()].find((p) => p.text.length === analysis.text.length) ?? bundled.packReports[0]!;
    const row: ReportRow = {
      ...meta,
      urlKey: null,
      addedAt: now,
      updatedAt: now,
      seq: firstSeq + index,
      hidden: 0,
      deletedAt: 0,
      figureCount: analysis.figures.length,
      statementCount: analysis.statements.length,
      sentenceCount: analysis.sentences.length,
      sketch: textSketch(analysis.text),
      segment: null,
      extractor: EXTENSION_VERSION,
      kept: 0,
      lead: '',
      packOrigin: 'imported',
    };
    const body: BodyRow = {
      id: meta.id,
      text: analysis.text,
      paragraphs: seed.paragraphs.map(({ start, end }) => ({ start, end })),
      sentences: analysis.sentences.map(({ start, end }) => ({ start, end })),
      analysis: compactAnalysis(analysis, analysis.text),
      extractor: EXTENSION_VERSION,
    };
    return { row, body, analyzed: { meta, analysis } };
  });
  const segments = await buildSegments(prepared, DEPS, 'reader', now);
  return { prepared, segments };
}

/** Writes rows into the extension's database from an extension page, with the raw IndexedDB API at its current version. */
async function writeRows(page: Page, prepared: readonly PreparedReport[], segments: readonly SegmentRow[], seq: number): Promise<void> {
  const write = (payload: { db: string; reports: ReportRow[]; bodies: BodyRow[]; segments: (Omit<SegmentRow, 'bytes'> & { bytes: string })[]; seq: number | null }) =>
    page.evaluate(async ({ db: name, reports, bodies, segments, seq }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction(['reports', 'bodies', 'indexSegments', 'meta'], 'readwrite');
      for (const row of reports) tx.objectStore('reports').put(row);
      for (const body of bodies) tx.objectStore('bodies').put(body);
      for (const segment of segments) {
        const binary = atob(segment.bytes);
        const bytes = new Uint8Array(binary.length);
        for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
        tx.objectStore('indexSegments').put({ ...segment, bytes });
      }
      if (seq !== null) tx.objectStore('meta').put({ key: 'seq', value: seq });
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
      db.close();
    }, payload);
  for (let start = 0; start < prepared.length; start += WRITE_CHUNK) {
    const slice = prepared.slice(start, start + WRITE_CHUNK);
    await write({ db: DB_NAME, reports: slice.map((p) => p.row), bodies: slice.map((p) => p.body), segments: [], seq: null });
  }
  await write({
    db: DB_NAME,
    reports: [],
    bodies: [],
    segments: segments.map((s) => ({ ...s, bytes: Buffer.from(s.bytes).toString('base64') })),
    seq,
  });
}

interface ColdSample {
  /** Browser restart: from the new browser's launch being done to the first answer. */
  launchToAnswer: number;
  /** In the page: the first analyze sent to its reply (new service worker, database opened and read). */
  firstAnswer: number;
  /** The next analyze of the same article (everything in memory). */
  warmAnswer: number;
  /** After the service worker was stopped (as Chromium does to an idle one) with the browser still running. */
  wakeAnswer: number;
}

/** Pause after stopping the worker, longer than the ~2 s Chromium keeps an unused IndexedDB backing store open. */
const IDLE_MS = 3_000;

/** Stops the extension's service worker through the DevTools protocol and waits until it has stopped. */
async function stopWorker(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  try {
    let stopped = false;
    cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
      if (event.versions.some((v) => v.scriptURL.startsWith('chrome-extension://') && v.runningStatus === 'stopped')) stopped = true;
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    for (let waited = 0; !stopped && waited < 5_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    if (!stopped) throw new Error('the service worker did not stop');
  } finally {
    await cdp.detach();
  }
}

/**
 * Restarts the browser on `profile` and times the first analyze, then a warm one; then stops the service worker,
 * lets the database go idle and times the analyze that wakes it.
 */
async function coldOnce(profile: string, extensionId: string, article: ArticleInput): Promise<ColdSample> {
  const context = await launch(profile);
  try {
    const launched = performance.now();
    const page = await quietPage(context, extensionId);
    const firstAnswer = await call(page, 'analyze', article);
    const launchToAnswer = performance.now() - launched;
    const warmAnswer = await call(page, 'analyze', article);
    await stopWorker(context, page);
    await new Promise((r) => setTimeout(r, IDLE_MS));
    const wakeAnswer = await call(page, 'analyze', article);
    return { launchToAnswer, firstAnswer, warmAnswer, wakeAnswer };
  } finally {
    await context.close();
  }
}

/**
 * Restarts the browser and times a lookup of an unknown report first (service worker start, database open, the
 * bundled-pack check, one key read), then the first analyze (rows read, segments decoded, the check itself).
 */
async function splitOnce(profile: string, extensionId: string, article: ArticleInput): Promise<{ open: number; load: number }> {
  const context = await launch(profile);
  try {
    const page = await quietPage(context, extensionId);
    const open = await call(page, 'reports/get', { id: 'no-such-report' });
    const load = await call(page, 'analyze', article);
    return { open, load };
  } finally {
    await context.close();
  }
}

interface RawReads {
  open: number;
  reports: number;
  bodies: number;
  segments: number;
  /** Whether the browser had started the extension's service worker by the time the page had loaded. */
  workerAtLaunch: boolean;
}

/**
 * Restarts the browser and reads the three tables the background's first check reads, with the raw IndexedDB API
 * in the extension page, before any message: what IndexedDB alone costs cold, without Dexie, decoding or the check.
 */
async function rawOnce(profile: string, extensionId: string): Promise<RawReads> {
  const context = await launch(profile);
  try {
    const page = await quietPage(context, extensionId);
    const workerAtLaunch = context.serviceWorkers().length > 0;
    const times = await page.evaluate(async (name) => {
      const t0 = performance.now();
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const t1 = performance.now();
      // A loop, not a helper function: tsx would wrap a named function in a __name() the page does not have.
      const spent: number[] = [];
      for (const store of ['reports', 'bodies', 'indexSegments']) {
        const start = performance.now();
        await new Promise<void>((resolve, reject) => {
          const request = db.transaction(store, 'readonly').objectStore(store).getAll();
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error);
        });
        spent.push(performance.now() - start);
      }
      const [reports = 0, bodies = 0, segments = 0] = spent;
      db.close();
      return { open: t1 - t0, reports, bodies, segments };
    }, DB_NAME);
    return { ...times, workerAtLaunch };
  } finally {
    await context.close();
  }
}

/** Printable lines for `npm run bench`. */
export async function benchColdStart(): Promise<string[]> {
  if (!findChromium()) return ['(not measured: no Chromium; install one with: sudo apt-get install -y chromium)'];
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore' });
  const bundled = loadBundledCorpus();
  const seed = bundled.packReports.reduce((a, b) => (b.text.length > a.text.length ? b : a));
  const article = inputOfReport(seed);
  const words = seed.text.split(/\s+/).filter(Boolean).length;
  const profiles: string[] = [];
  const lines: string[] = [
    `a restarted headless Chromium (same profile, new service worker, nothing in memory); article: a seed report, ${words} words;`,
    `load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores at the start (other work on the machine slows the large corpus most);`,
    `median of ${RUNS} restarts each; "first answer" is the page's first analyze message to its reply`,
  ];
  try {
    const header = ['reports', 'database', 'first answer', 'launch to answer', 'warm answer', 'worker woken', 'wake + open', 'then first analyze'];
    const rows: string[][] = [header];
    const rawLines: string[] = [];
    const storedLines: string[] = [];
    for (const size of [bundled.reports.length, LARGE]) {
      const profile = mkdtempSync(join(tmpdir(), 'second-source-cold-'));
      profiles.push(profile);
      // First run into the profile: the background loads the bundled pack; then the synthetic reports go in.
      const setup = await launch(profile);
      let extensionId: string;
      try {
        extensionId = await extensionIdOf(setup);
        const page = await quietPage(setup, extensionId);
        const before = await reportCount(page);
        if (size > before) {
          const synthetic = syntheticReports(bundled.reports, size).slice(bundled.reports.length);
          const { prepared, segments } = await syntheticRows(synthetic, before + 1, Date.now());
          await writeRows(page, prepared, segments, before + prepared.length);
          const json = (rows: unknown[]) => rows.reduce<number>((n, row) => n + JSON.stringify(row).length, 0);
          storedLines.push(
            `  what the ${prepared.length.toLocaleString('en-US')} synthetic reports hold, as JSON: report rows ${mb(json(prepared.map((p) => p.row)))}, ` +
              `bodies ${mb(json(prepared.map((p) => p.body)))} (of which analyses ${mb(json(prepared.map((p) => p.body.analysis)))}); ` +
              `index segments ${mb(segments.reduce((n, s) => n + s.bytes.byteLength, 0))} in ${segments.length} records`,
          );
        }
        const count = await reportCount(page);
        if (count !== size) throw new Error(`the database holds ${count} reports, expected ${size}`);
      } finally {
        await setup.close();
      }
      // One restart unmeasured: Chromium's first start on a profile does one-off work.
      await coldOnce(profile, extensionId, article);
      const samples: ColdSample[] = [];
      const splits: { open: number; load: number }[] = [];
      const raws: RawReads[] = [];
      for (let i = 0; i < RUNS; i++) {
        samples.push(await coldOnce(profile, extensionId, article));
        splits.push(await splitOnce(profile, extensionId, article));
        raws.push(await rawOnce(profile, extensionId));
      }
      const raw = (pick: (r: RawReads) => number) => ms(median(raws.map(pick)));
      rawLines.push(
        `  ${size.toLocaleString('en-US')} reports: open ${raw((r) => r.open)}, reports ${raw((r) => r.reports)}, ` +
          `bodies ${raw((r) => r.bodies)}, index segments ${raw((r) => r.segments)}` +
          ` (service worker already running at launch in ${raws.filter((r) => r.workerAtLaunch).length} of ${RUNS})`,
      );
      rows.push([
        size.toLocaleString('en-US'),
        mb(indexedDbBytes(profile, extensionId)),
        ms(median(samples.map((s) => s.firstAnswer))),
        ms(median(samples.map((s) => s.launchToAnswer))),
        ms(median(samples.map((s) => s.warmAnswer))),
        ms(median(samples.map((s) => s.wakeAnswer))),
        ms(median(splits.map((s) => s.open))),
        ms(median(splits.map((s) => s.load))),
      ]);
    }
    const widths = header.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
    for (const r of rows) lines.push(`  ${r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  ').trimEnd()}`);
    lines.push('  "launch to answer" adds opening the extension page; "worker woken": the service worker stopped (browser running),');
    lines.push(`  ${IDLE_MS / 1000} s idle, then an analyze wakes it. Split, in other restarts: "wake + open" is a first lookup of`);
    lines.push('  an unknown report (service worker start, database open, bundled-pack check), "then first analyze" the analyze after it');
    lines.push('  (report rows and bodies read, index segments decoded, the check).');
    lines.push('the same restarts, reading the tables with raw IndexedDB getAll() in the extension page (medians):');
    lines.push(...rawLines, ...storedLines);
  } finally {
    for (const profile of profiles) rmSync(profile, { recursive: true, force: true });
  }
  return lines;
}

// `npx tsx scripts/bench/cold-start.ts` runs this stage alone.
if (process.argv[1]?.endsWith('bench/cold-start.ts')) {
  for (const line of await benchColdStart()) console.log(line);
}

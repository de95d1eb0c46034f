// The content script's work, run by entrypoints/page-check.ts on a toolbar click: reads the article and shows the
// sidebar; a second click removes it all.
import { render } from 'preact';
import type { ArticleInput } from '../../utils/analysis/types';
import type { AnalyzeReply } from '../../utils/messaging';
import { Sidebar, type SidebarState } from '../../components/sidebar';
import type { FindingsProps } from '../../components/findings';
import { applyCorrections, correctionKey, pageDoc } from '../../utils/corrections/corrections';
// The sidebar's CSS as a string, put into the shadow root by WXT: no fetch of an extension file from the page,
// so no web-accessible resource is needed and the page's CSP has no say.
import sidebarCss from '../../components/sidebar.css?inline';
// The save button's own styles, appended to the sidebar's inside the same shadow root.
import saveButtonCss from '../../components/save-report-button.css?inline';
import keepSwitchCss from '../../components/keep-switch.css?inline';
import type { KeepSwitchProps } from '../../components/keep-switch';
import type { SaveReportButtonProps } from '../../components/save-report-button';
import { askBackground } from './ask-background';
import { Highlighter } from './highlighter';
import { PAGE_CSS } from './page-style';
import { countSentences, isTypingTarget, outletOf } from './page-facts';
import { TOOLTIP_CSS, Tooltips } from './tooltips';
import { firstWords } from '../../utils/article/first-words';
import { readPage, savableArticle } from './read-page';
import { createSidebarHost, OPEN_SHADOW_FOR_TESTS, type SidebarHost } from './sidebar-host';
import { clampWidth, DEFAULT_WIDTH, MIN_WIDTH, PageLayout } from './page-layout';

/**
 * The open sidebar's close function in this tab. Every injection of page-check.js runs in the same isolated world,
 * so it survives from one click to the next, while the page's scripts can neither see nor call it. Toggling hangs
 * on this alone: nothing the page can fire (WXT's start event, a message) closes the sidebar.
 */
const OPEN = Symbol.for('second-source/open');
/** The click this injection is for (set by the background just before) and the last click acted on. */
const CLICK = Symbol.for('second-source/click');
const HANDLED = Symbol.for('second-source/handled-click');
type Flagged = typeof globalThis & { [OPEN]?: () => void; [OPEN_SHADOW_FOR_TESTS]?: boolean; [CLICK]?: string; [HANDLED]?: string };

/**
 * A toolbar click: opens the sidebar, or closes it when it is open. Once per click: the background may inject again
 * for the same click when the browser reported a failure that was not one, and that must not toggle back.
 */
export async function toggle(): Promise<void> {
  const flagged = globalThis as Flagged;
  const click = flagged[CLICK];
  if (click !== undefined && click === flagged[HANDLED]) return;
  flagged[HANDLED] = click;
  const close = flagged[OPEN];
  if (close) {
    flagged[OPEN] = undefined;
    close();
    return;
  }
  const lifetime = new AbortController();
  const closeThis = () => lifetime.abort();
  flagged[OPEN] = closeThis;
  const forget = () => {
    if (flagged[OPEN] === closeThis) flagged[OPEN] = undefined;
  };
  try {
    await open(lifetime.signal, forget, flagged[OPEN_SHADOW_FOR_TESTS] === true);
  } catch (error) {
    // A sidebar that cannot be shown must not fail silently: "!" on the button, and why, in its tooltip.
    forget();
    lifetime.abort();
    void askBackground('badge/set', { count: 0, problem: messageOf(error) }).catch(() => undefined);
  }
}

/** Page re-renders that remove our highlights are followed this many times, then left alone. */
const MAX_REANCHOR = 5;

/**
 * Mounts the sidebar, reads the page, asks the background, and tears everything down, leaving the page as it was,
 * when `lifetime` aborts (the next click). Throws when the sidebar cannot be mounted.
 */
async function open(lifetime: AbortSignal, onClosedByReader: () => void, testing: boolean): Promise<void> {
  const previousFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const listeners = new AbortController();
  const highlighter = new Highlighter(document);
  const ui: SidebarHost = createSidebarHost(document, sidebarCss + saveButtonCss + keepSwitchCss + TOOLTIP_CSS, testing);
  const tooltips = new Tooltips(document, ui.layer);
  let pageStyle: HTMLStyleElement | null = null;
  let observer: MutationObserver | null = null;
  let flashTimer: ReturnType<typeof setTimeout> | undefined;
  let reanchorTimer: ReturnType<typeof setTimeout> | undefined;
  let torn = false;
  /** The highlighting run in progress; aborted by a newer one and by the teardown. */
  let highlightRun = new AbortController();

  const clearHighlights = () => {
    tooltips.dispose();
    highlighter.undo();
  };
  const teardown = () => {
    if (torn) return;
    torn = true;
    highlightRun.abort();
    listeners.abort();
    observer?.disconnect();
    clearTimeout(flashTimer);
    clearTimeout(reanchorTimer);
    clearHighlights();
    pageStyle?.remove();
    layout.restore();
    render(null, ui.container);
    container = null;
    ui.remove();
    for (const name of ['second-source:read-start', 'second-source:highlight-start', 'second-source:populated']) performance.clearMarks(name);
    for (const name of ['second-source:readability', 'second-source:highlight']) performance.clearMeasures(name);
    void askBackground('badge/set', { count: 0 }).catch(() => undefined);
    // Hand focus back where the reader was, if it was somewhere in the page.
    if (previousFocus?.isConnected && previousFocus !== document.body) previousFocus.focus({ preventScroll: true });
  };
  const close = () => {
    onClosedByReader();
    teardown();
  };

  let container: HTMLElement | null = ui.container;
  let state: SidebarState = { kind: 'reading' };
  /** The reader's correction of a link: set once the check's result is in. */
  let correctLink: FindingsProps['onCorrect'];
  /** "Save to my reports": set once the article is read. */
  let save: SaveReportButtonProps | undefined;
  /** "Keep what I read": set once the article is read. */
  let keep: KeepSwitchProps | undefined;
  const draw = (next: SidebarState) => {
    state = next;
    if (container) {
      render(
        <Sidebar
          state={state}
          onClose={close}
          save={save}
          keep={keep}
          onShowFigure={showFigure}
          onOpenReport={openReport}
          layout={sidebarLayout()}
          onCorrect={correctLink}
        />,
        container,
      );
    }
  };
  // Side by side on a wide window, over the page on a narrow one; the width the reader last dragged to.
  const layout = new PageLayout(document, window, (await askBackground('sidebar/width', { width: null }).catch(() => null)) ?? DEFAULT_WIDTH, () => draw(state));
  const sidebarLayout = () => ({
    ...layout.current,
    minWidth: MIN_WIDTH,
    maxWidth: clampWidth(Number.MAX_SAFE_INTEGER, window.innerWidth),
    onResize: (width: number, done: boolean) => {
      layout.resize(width);
      if (done) void askBackground('sidebar/width', { width: layout.current.width }).catch(() => undefined);
    },
    onCollapse: (collapsed: boolean) => layout.setCollapsed(collapsed),
  });

  lifetime.addEventListener('abort', teardown);
  draw(state);
  ui.mount();
  // The render must have produced the panel: a page that broke the DOM under us gets the "!" instead.
  if (!ui.container.firstElementChild) throw new Error('The sidebar could not be drawn on this page.');

  /** The first mark of each highlight, in page order: where j and k move. */
  const stops = () =>
    highlighter.highlights
      .map((highlight) => highlight.marks[0])
      .filter((mark): mark is HTMLElement => mark?.isConnected === true)
      .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const step = (direction: 1 | -1) => {
    const marks = stops();
    if (marks.length === 0) return false;
    const current = marks.indexOf(document.activeElement as HTMLElement);
    const next = current < 0 ? (direction > 0 ? 0 : marks.length - 1) : (current + direction + marks.length) % marks.length;
    marks[next]?.focus();
    return true;
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTypingTarget(event.composedPath()[0])) return;
    if (event.key === 'Escape') {
      // Esc closes the tooltip first, then the sidebar.
      if (tooltips.showing) tooltips.hide();
      else close();
      event.preventDefault();
    } else if (event.key === 'j' || event.key === 'k') {
      if (step(event.key === 'j' ? 1 : -1)) event.preventDefault();
    }
  };
  // Keys inside the sidebar stop at the shadow root (sidebar-host.ts), so listen on the shadow root itself.
  ui.shadow.addEventListener('keydown', (event) => onKey(event as KeyboardEvent), { signal: listeners.signal });
  // Keys in the page, never while the reader is typing in one of its fields.
  window.addEventListener('keydown', (event) => onKey(event), { capture: true, signal: listeners.signal });

  function showFigure(index: number) {
    const mark = highlighter.highlights.find((highlight) => highlight.finding === index)?.marks[0];
    if (!mark?.isConnected) return;
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    mark.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
    mark.focus({ preventScroll: true });
    clearTimeout(flashTimer);
    for (const other of document.querySelectorAll('mark[data-ss-flash]')) other.removeAttribute('data-ss-flash');
    mark.setAttribute('data-ss-flash', '');
    flashTimer = setTimeout(() => mark.removeAttribute('data-ss-flash'), 1600);
  }
  function openReport(report: string, sentence: string) {
    void askBackground('report/open', { id: report, sentence }).catch(() => undefined);
  }

  // Timings for `npm run bench` (scripts/bench/browser.ts): the page's performance timeline, cleared on close.
  performance.mark('second-source:read-start');
  // Readability can throw on unusual documents; the reader then gets the no-article message, not a broken panel.
  const outcome = readPage(document, location.href);
  performance.measure('second-source:readability', 'second-source:read-start');
  if (!outcome.ok) {
    draw({ kind: 'no-article', reason: outcome.reason });
    return;
  }
  const whole = outcome.article;
  // The Readability article is what gets saved (up to the message limit); the background analyses and indexes it
  // (same URL: updated). Saving runs in the background, off this page's thread, so it may take the whole text.
  const saved = savableArticle(whole);
  save = { onSave: () => askBackground('report/save', { ...saved, url: location.href }), known: null };
  // What is checked: a very long page is checked on its first MAX_CHECKED_WORDS words, and the sidebar says so.
  const head = firstWords(whole.text);
  const article = head.truncated ? { ...whole, text: head.text } : whole;
  // A page saved on an earlier visit is recognized: the button says so and offers to update it.
  void askBackground('report/find', { url: location.href })
    .then((found) => {
      if (torn || !found || found.origin === 'bundled' || !save) return;
      save = { ...save, known: { addedAt: found.addedAt } };
      draw(state);
    })
    .catch(() => undefined);
  // Whether keeping is on comes with the check's reply (the page's world cannot read settings).
  keep = { on: null, onToggle: (on) => toggleKeep(on, { ...saved, url: location.href }) };
  let base: Extract<SidebarState, { kind: 'article' }> = {
    kind: 'article',
    article: {
      title: article.title,
      outlet: outletOf(article.siteName, location.hostname),
      published: article.published,
      sentences: countSentences(article.text, article.lang),
      truncated: head.truncated ? { checkedWords: head.words, totalWords: head.total } : null,
    },
    corpus: null,
    corpusError: null,
    check: { status: 'working' },
  };
  const update = (patch: Partial<typeof base>) => {
    base = { ...base, ...patch };
    if (!torn) draw(base);
  };
  draw(base);

  const statsRequest = askBackground('corpus/stats', null).then(
    (stats) => update({ corpus: { reports: stats.reports } }),
    (error: unknown) => update({ corpusError: messageOf(error) }),
  );
  let result: AnalyzeReply;
  try {
    result = await askBackground('analyze', article);
  } catch (error) {
    await statsRequest;
    update({ check: { status: 'failed', error: messageOf(error) } });
    return;
  }
  await statsRequest;
  if (torn) return;
  // The core's own sentence count replaces the platform segmenter's estimate (not for a declined article: it read none).
  if (result.sentences !== undefined && !result.declined) update({ article: { ...base.article, sentences: result.sentences } });

  // The background reads the settings (storage is closed to this world) and sends the one the page needs.
  const highlightsOn = result.highlights;
  if (keep) keep = { ...keep, on: result.keeping };

  /**
   * Anchors and marks the findings in slices (the page's own tasks run in between), then draws the result once.
   * A newer run (a re-anchor) or the sidebar's close aborts an unfinished one.
   */
  const applyHighlights = async (): Promise<void> => {
    highlightRun.abort();
    highlightRun = new AbortController();
    const { signal } = highlightRun;
    observer?.disconnect();
    clearHighlights();
    const made = highlightsOn ? await highlighter.highlightSliced(result.figures, pause, signal) : [];
    if (signal.aborted || torn) return;
    // Statements after figures: a statement's mark may hold a figure's mark, never the other way round.
    const said = highlightsOn ? await highlighter.highlightStatementsSliced(result.statements, pause, signal) : [];
    if (signal.aborted || torn) return;
    tooltips.attach([...made, ...said], result.figures, result.statements);
    observer?.observe(document.body, { childList: true, subtree: true, characterData: true });
    update({ check: { status: 'done', result, highlighted: new Set(made.map((highlight) => highlight.finding)) } });
  };
  if (highlightsOn && (result.figures.some((finding) => finding.verdict !== null) || result.statements.some((st) => st.reports.length > 0))) {
    pageStyle = document.createElement('style');
    pageStyle.textContent = PAGE_CSS;
    (document.head ?? document.documentElement).append(pageStyle);
  }
  // Pages whose scripts re-render the article drop our marks: anchor again, a few times, without duplicates.
  let reanchored = 0;
  observer = new MutationObserver(() => {
    if (torn) return;
    if (!ui.host.isConnected) ui.mount();
    if (!highlighter.lostAny() || reanchored >= MAX_REANCHOR) return;
    clearTimeout(reanchorTimer);
    reanchorTimer = setTimeout(() => {
      if (torn) return;
      reanchored++;
      void applyHighlights();
    }, 250);
  });
  // "Not the same thing" / "Right": stored at once, applied at once (counts, verdicts, highlights, badge), and applied
  // by the background to every later check of either report.
  correctLink = (target, decision) => {
    const finding = target.kind === 'figure' ? result.figures[target.finding] : result.statements[target.finding];
    if (!finding) return;
    const page = { doc: pageDoc(result.article), text: finding.text, label: result.article.title || location.hostname };
    const other = { doc: target.link.report, text: 'text' in target.link ? target.link.text : target.link.sentence, label: target.link.outlet };
    const key = correctionKey(target.kind, page, other);
    // Through the background: storage is closed to content scripts (TRUSTED_CONTEXTS).
    const stored = askBackground(
      'corrections/set',
      decision ? { correction: { key, kind: target.kind, decision, at: new Date().toISOString(), a: page, b: other } } : { undo: key },
    );
    void stored
      .then(async (corrections) => {
        if (torn) return;
        result = applyCorrections(result, corrections);
        await applyHighlights();
        void askBackground('badge/set', { count: result.figures.filter((f) => f.verdict === 'differs').length }).catch(() => undefined);
      })
      .catch((error: unknown) => console.warn('Second Source could not store the correction:', error));
  };
  performance.mark('second-source:highlight-start');
  await applyHighlights();
  if (torn) return;
  performance.mark('second-source:populated');
  performance.measure('second-source:highlight', 'second-source:highlight-start', 'second-source:populated');
  const differ = result.figures.filter((finding) => finding.verdict === 'differs').length;
  void askBackground('badge/set', { count: differ }).catch(() => undefined);
}

/**
 * The sidebar's keep switch. The background stores the choice (settings are for trusted contexts only) and, turned
 * on, keeps this already checked article, since it keeps an article only after that article's own check.
 */
async function toggleKeep(on: boolean, article: ArticleInput): Promise<string> {
  const outcome = await askBackground('report/keep', { article, on });
  if (!on) return 'Off: articles you check are no longer kept. Those kept so far stay in your reports.';
  return outcome.kept
    ? 'On: this article and the ones you check next are kept in your reports, on this computer only.'
    : `On, but this article is not kept: ${outcome.reason ?? 'no reason given.'}`;
}

/**
 * Lets the page's own tasks run before the next slice of work: `scheduler.yield()` where the browser has it
 * (Chromium 129+; it resumes ahead of other queued work), else a message-channel task, which unlike a zero timeout
 * is not clamped to 4 ms once nested.
 */
function pause(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

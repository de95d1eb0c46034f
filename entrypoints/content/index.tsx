// Content script, injected by a toolbar click: reads the article and shows the sidebar; a second click removes it all.
import { render } from 'preact';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { readArticle } from '../../utils/article/read-article';
import type { ArticleInput } from '../../utils/analysis/types';
import type { CheckResult } from '../../utils/match/types';
import { Sidebar, type CheckState, type SidebarState } from '../../components/sidebar';
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
import { loadSettings, saveSettings } from '../../utils/settings/settings.browser';
import { defaultSettings } from '../../utils/settings/settings';
import { PAGE_CSS } from './page-style';
import { countSentences, isTypingTarget, outletOf } from './page-facts';
import { Tooltips } from './tooltips';

/**
 * Whether the sidebar is open in this tab. Every injection of this file runs in the same isolated world,
 * so the flag survives from one click to the next while the page's own scripts cannot see it.
 */
const ACTIVE = Symbol.for('second-source/active');
type Flagged = typeof globalThis & { [ACTIVE]?: boolean };

export default defineContentScript({
  registration: 'runtime',
  cssInjectionMode: 'manual',
  // The legacy window.postMessage announcement would be visible to the page's scripts; the DOM event is enough.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const flagged = globalThis as Flagged;
    // A second click: WXT has already invalidated the previous run (its teardown has removed everything). Stay off.
    if (flagged[ACTIVE]) {
      flagged[ACTIVE] = false;
      return;
    }
    flagged[ACTIVE] = true;
    await open(ctx, () => {
      flagged[ACTIVE] = false;
    });
  },
});

/** Page re-renders that remove our highlights are followed this many times, then left alone. */
const MAX_REANCHOR = 5;

/** Mounts the sidebar, reads the page, asks the background, and registers a teardown that leaves the page as it was. */
async function open(ctx: ContentScriptContext, onClosedByReader: () => void): Promise<void> {
  const previousFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const listeners = new AbortController();
  const highlighter = new Highlighter(document);
  const tooltips = new Tooltips(document);
  let pageStyle: HTMLStyleElement | null = null;
  let observer: MutationObserver | null = null;
  let flashTimer: ReturnType<typeof setTimeout> | undefined;
  let reanchorTimer: ReturnType<typeof setTimeout> | undefined;
  let torn = false;

  const clearHighlights = () => {
    tooltips.dispose();
    highlighter.undo();
  };
  const teardown = () => {
    if (torn) return;
    torn = true;
    listeners.abort();
    observer?.disconnect();
    clearTimeout(flashTimer);
    clearTimeout(reanchorTimer);
    clearHighlights();
    pageStyle?.remove();
    ui.remove();
    for (const name of ['second-source:read-start', 'second-source:populated']) performance.clearMarks(name);
    performance.clearMeasures('second-source:readability');
    void askBackground('badge/set', { count: 0 }).catch(() => undefined);
    // Hand focus back where the reader was, if it was somewhere in the page.
    if (previousFocus?.isConnected && previousFocus !== document.body) previousFocus.focus({ preventScroll: true });
  };
  const close = () => {
    onClosedByReader();
    teardown();
  };

  let container: HTMLElement | null = null;
  let state: SidebarState = { kind: 'reading' };
  /** "Save to my reports": set once the article is read. */
  let save: SaveReportButtonProps | undefined;
  /** "Keep what I read": set once the article is read. */
  let keep: KeepSwitchProps | undefined;
  const draw = (next: SidebarState) => {
    state = next;
    if (container) {
      render(
        <Sidebar state={state} onClose={close} save={save} keep={keep} onShowFigure={showFigure} onOpenReport={openReport} />,
        container,
      );
    }
  };

  const ui = await createShadowRootUi(ctx, {
    name: 'second-source-sidebar',
    css: sidebarCss + saveButtonCss + keepSwitchCss,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    // Keys typed in the sidebar stay in the sidebar: the page's shortcuts never see them.
    isolateEvents: true,
    onMount: (uiContainer) => {
      container = uiContainer;
      draw(state);
      return uiContainer;
    },
    onRemove: (mounted) => {
      if (mounted) render(null, mounted);
      container = null;
    },
  });
  ctx.onInvalidated(teardown);
  ui.mount();

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
  // Keys inside the sidebar: isolateEvents keeps them from bubbling to the window, so listen on the shadow root.
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
  let outcome: ReturnType<typeof readArticle>;
  try {
    outcome = readArticle(document, location.href);
  } catch (error) {
    // Readability can throw on unusual documents; the reader gets the no-article message, not a broken panel.
    outcome = { ok: false, reason: `The page could not be read: ${messageOf(error)}` };
  }
  performance.measure('second-source:readability', 'second-source:read-start');
  if (!outcome.ok) {
    draw({ kind: 'no-article', reason: outcome.reason });
    return;
  }
  const { article } = outcome;
  // The Readability article is what gets saved; the background analyses and indexes it (same URL: updated).
  save = { onSave: () => askBackground('report/save', article), known: null };
  // A page saved on an earlier visit is recognized: the button says so and offers to update it.
  void askBackground('report/find', { url: location.href })
    .then((found) => {
      if (torn || !found || found.origin === 'bundled' || !save) return;
      save = { ...save, known: { addedAt: found.addedAt } };
      draw(state);
    })
    .catch(() => undefined);
  keep = { on: null, onToggle: (on) => toggleKeep(on, article) };
  void loadSettings()
    .then((settings) => {
      if (torn || !keep) return;
      keep = { ...keep, on: settings.keep.enabled };
      draw(state);
    })
    .catch(() => undefined);
  let base: Extract<SidebarState, { kind: 'article' }> = {
    kind: 'article',
    article: {
      title: article.title,
      outlet: outletOf(article.siteName, location.hostname),
      published: article.published,
      sentences: countSentences(article.text, article.lang),
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
  // A damaged or unreadable settings entry must not stop the check: the defaults apply then.
  const settingsRequest = loadSettings().catch(() => defaultSettings());
  let result: CheckResult;
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

  const { highlights: highlightsOn } = await settingsRequest;
  if (torn) return;

  const applyHighlights = (): CheckState => {
    observer?.disconnect();
    clearHighlights();
    const made = highlightsOn ? highlighter.highlight(result.figures) : [];
    tooltips.attach(made, result.figures);
    observer?.observe(document.body, { childList: true, subtree: true, characterData: true });
    return { status: 'done', result, highlighted: new Set(made.map((highlight) => highlight.finding)) };
  };
  if (highlightsOn && result.figures.some((finding) => finding.verdict !== null)) {
    pageStyle = document.createElement('style');
    pageStyle.textContent = PAGE_CSS;
    (document.head ?? document.documentElement).append(pageStyle);
  }
  // Pages whose scripts re-render the article drop our marks: anchor again, a few times, without duplicates.
  let reanchored = 0;
  observer = new MutationObserver(() => {
    if (torn) return;
    if (!ui.shadowHost.isConnected) ui.mount();
    if (!highlighter.lostAny() || reanchored >= MAX_REANCHOR) return;
    clearTimeout(reanchorTimer);
    reanchorTimer = setTimeout(() => {
      if (torn) return;
      reanchored++;
      update({ check: applyHighlights() });
    }, 250);
  });
  update({ check: applyHighlights() });
  performance.mark('second-source:populated');
  const differ = result.figures.filter((finding) => finding.verdict === 'differs').length;
  void askBackground('badge/set', { count: differ }).catch(() => undefined);
}

/**
 * The sidebar's keep switch: stores the choice; turned on, it also keeps this article (already checked), since
 * the background keeps an article only after its own check.
 */
async function toggleKeep(on: boolean, article: ArticleInput): Promise<string> {
  const settings = await loadSettings();
  await saveSettings({ ...settings, keep: { ...settings.keep, enabled: on } });
  if (!on) return 'Off: articles you check are no longer kept. Those kept so far stay in your reports.';
  const outcome = await askBackground('report/keep', article);
  return outcome.kept
    ? 'On: this article and the ones you check next are kept in your reports, on this computer only.'
    : `On, but this article is not kept: ${outcome.reason ?? 'no reason given.'}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

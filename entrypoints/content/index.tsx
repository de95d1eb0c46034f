// Content script, injected by a toolbar click: reads the article and shows the sidebar; a second click removes it all.
import { render } from 'preact';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { readArticle } from '../../utils/article/read-article';
import { Sidebar, type SidebarState } from '../../components/sidebar';
// The sidebar's CSS as a string, put into the shadow root by WXT: no fetch of an extension file from the page,
// so no web-accessible resource is needed and the page's CSP has no say.
import sidebarCss from '../../components/sidebar.css?inline';
// The save button's own styles, appended to the sidebar's inside the same shadow root.
import saveButtonCss from '../../components/save-report-button.css?inline';
import type { SaveReportButtonProps } from '../../components/save-report-button';
import { askBackground } from './ask-background';
import { countSentences, isTypingTarget, outletOf } from './page-facts';

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

/** Mounts the sidebar, reads the page, asks the background, and registers a teardown that leaves the page as it was. */
async function open(ctx: ContentScriptContext, onClosedByReader: () => void): Promise<void> {
  const previousFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const listeners = new AbortController();
  let torn = false;

  const teardown = () => {
    if (torn) return;
    torn = true;
    listeners.abort();
    ui.remove();
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
  const draw = (next: SidebarState) => {
    state = next;
    if (container) render(<Sidebar state={state} onClose={close} save={save} />, container);
  };

  const ui = await createShadowRootUi(ctx, {
    name: 'second-source-sidebar',
    css: sidebarCss + saveButtonCss,
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

  // Esc inside the sidebar: isolateEvents keeps it from bubbling to the window, so listen on the shadow root.
  ui.shadow.addEventListener(
    'keydown',
    (event) => {
      if ((event as KeyboardEvent).key === 'Escape') close();
    },
    { signal: listeners.signal },
  );
  // Esc in the page closes the sidebar too, but never while the reader is typing in a field of the page.
  window.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Escape' || event.defaultPrevented || isTypingTarget(event.composedPath()[0])) return;
      close();
    },
    { capture: true, signal: listeners.signal },
  );

  const outcome = readArticle(document, location.href);
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
  const base = {
    kind: 'article' as const,
    article: {
      title: article.title,
      outlet: outletOf(article.siteName, location.hostname),
      published: article.published,
      sentences: countSentences(article.text, article.lang),
    },
  };
  draw({ ...base, corpus: null, corpusError: null });
  try {
    const stats = await askBackground('corpus/stats', null);
    if (!torn) draw({ ...base, corpus: { reports: stats.reports }, corpusError: null });
  } catch (error) {
    if (!torn) draw({ ...base, corpus: null, corpusError: error instanceof Error ? error.message : String(error) });
  }
}

// Side by side: on a wide window the page reflows to leave the sidebar room; closing puts the page back exactly.

/** Below this viewport width the sidebar lies over the page (with a collapse handle) instead of beside it. */
export const SIDE_BY_SIDE_MIN = 800;
export const DEFAULT_WIDTH = 380;
export const MIN_WIDTH = 300;
/** Never more than this share of the window, so the article keeps a readable column beside the sidebar. */
const MAX_SHARE = 0.6;
const MAX_WIDTH = 720;

export type LayoutMode = 'side' | 'overlay';

/** Where the sidebar stands: beside the page or over it, its width, and (over the page only) whether it is collapsed. */
export interface LayoutState {
  mode: LayoutMode;
  width: number;
  collapsed: boolean;
}

/** 'side' on a window at least SIDE_BY_SIDE_MIN wide, else 'overlay'. */
export function layoutMode(viewportWidth: number): LayoutMode {
  return viewportWidth >= SIDE_BY_SIDE_MIN ? 'side' : 'overlay';
}

/** A width the sidebar can take in this window: at least MIN_WIDTH, at most 60% of it (and MAX_WIDTH); whole pixels. */
export function clampWidth(width: number, viewportWidth: number): number {
  const max = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, Math.floor(viewportWidth * MAX_SHARE)));
  if (!Number.isFinite(width)) return Math.min(DEFAULT_WIDTH, max);
  return Math.round(Math.min(max, Math.max(MIN_WIDTH, width)));
}

/**
 * The page's side of side by side. In 'side' mode one <style> element in the page's head gives the root element a
 * right margin as wide as the sidebar, so the page's own layout reflows into the space left (as Hypothesis does);
 * nothing of the page is touched. `restore` removes that element, and with it every trace: the page's DOM and its
 * computed widths are as they were. Fixed-position parts of the page (a sticky header) still span the window.
 */
export class PageLayout {
  private style: HTMLStyleElement | null = null;
  private state: LayoutState;
  private readonly listeners = new AbortController();

  constructor(
    private readonly doc: Document,
    private readonly win: Window,
    width: number,
    private readonly onChange: (state: LayoutState) => void,
  ) {
    const viewport = win.innerWidth;
    this.state = { mode: layoutMode(viewport), width: clampWidth(width, viewport), collapsed: false };
    // A window resized across the threshold switches modes; a narrower window may also clamp the width.
    win.addEventListener('resize', () => this.update({}), { signal: this.listeners.signal });
    this.apply();
  }

  get current(): LayoutState {
    return this.state;
  }

  /** A new width (from the drag handle or the keyboard), clamped to the window. */
  resize(width: number): void {
    this.update({ width });
  }

  /** Collapses the overlay to its handle, or opens it again. Beside the page there is nothing to collapse. */
  setCollapsed(collapsed: boolean): void {
    this.update({ collapsed: this.state.mode === 'overlay' && collapsed });
  }

  /** Takes the reflow away and stops listening: the page is as it was before the sidebar opened. */
  restore(): void {
    this.listeners.abort();
    this.style?.remove();
    this.style = null;
  }

  private update(patch: Partial<LayoutState>): void {
    const viewport = this.win.innerWidth;
    const mode = layoutMode(viewport);
    const next: LayoutState = {
      mode,
      width: clampWidth(patch.width ?? this.state.width, viewport),
      collapsed: mode === 'overlay' ? (patch.collapsed ?? this.state.collapsed) : false,
    };
    if (next.mode === this.state.mode && next.width === this.state.width && next.collapsed === this.state.collapsed) return;
    this.state = next;
    this.apply();
    this.onChange(next);
  }

  private apply(): void {
    if (this.state.mode !== 'side') {
      this.style?.remove();
      this.style = null;
      return;
    }
    if (!this.style) {
      this.style = this.doc.createElement('style');
      this.style.dataset.secondSource = 'side-by-side';
      (this.doc.head ?? this.doc.documentElement).append(this.style);
    }
    // !important and the root element: it must beat the page's own `html { margin: 0 }`. The root's auto width
    // shrinks by the margin, so the page's containers, percentages and media-free layouts reflow into what is left.
    this.style.textContent = `html { margin-right: ${this.state.width}px !important; }`;
  }
}

// @vitest-environment happy-dom
// Side by side: the mode by window width, the width's bounds, and a restore that leaves the page as it was.
import { describe, expect, it, vi } from 'vitest';
import { clampWidth, layoutMode, PageLayout } from '../../entrypoints/content/page-layout';

/** happy-dom's own handle on the window, to size the viewport. */
const viewport = (width: number) =>
  (window as unknown as { happyDOM: { setViewport: (size: { width: number; height: number }) => void } }).happyDOM.setViewport({ width, height: 900 });

describe('layoutMode', () => {
  it.each([
    [1280, 'side'],
    [800, 'side'],
    [799, 'overlay'],
    [375, 'overlay'],
  ])('a window %i px wide → %s', (width, mode) => {
    expect(layoutMode(width)).toBe(mode);
  });
});

describe('clampWidth', () => {
  it.each([
    [380, 1280, 380],
    [100, 1280, 300],
    [5000, 1280, 720],
    [700, 1000, 600],
    [380.6, 1280, 381],
    [Number.NaN, 1280, 380],
    [500, 400, 300],
  ])('%d in a %i px window → %i', (width, viewport, expected) => {
    expect(clampWidth(width, viewport)).toBe(expected);
  });
});

describe('PageLayout', () => {
  it('gives the root a right margin beside a wide page and takes it away on restore, leaving the DOM as it was', () => {
    viewport(1280);
    const before = document.documentElement.outerHTML;
    const onChange = vi.fn();
    const layout = new PageLayout(document, window, 420, onChange);
    expect(layout.current).toEqual({ mode: 'side', width: 420, collapsed: false });
    expect(document.head.querySelector('style[data-second-source="side-by-side"]')?.textContent).toBe('html { margin-right: 420px !important; }');
    layout.resize(460);
    expect(onChange).toHaveBeenLastCalledWith({ mode: 'side', width: 460, collapsed: false });
    expect(document.head.querySelector('style[data-second-source="side-by-side"]')?.textContent).toContain('460px');
    // Nothing to collapse beside the page.
    layout.setCollapsed(true);
    expect(layout.current.collapsed).toBe(false);
    layout.restore();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('lies over a narrow page without touching it, collapses there, and switches modes when the window is resized', () => {
    viewport(700);
    const before = document.documentElement.outerHTML;
    const onChange = vi.fn();
    const layout = new PageLayout(document, window, 380, onChange);
    expect(layout.current.mode).toBe('overlay');
    expect(document.documentElement.outerHTML).toBe(before);
    layout.setCollapsed(true);
    expect(layout.current.collapsed).toBe(true);
    viewport(1200);
    window.dispatchEvent(new Event('resize'));
    expect(layout.current).toEqual({ mode: 'side', width: 380, collapsed: false });
    layout.restore();
    expect(document.documentElement.outerHTML).toBe(before);
  });
});

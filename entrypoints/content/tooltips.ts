// Tooltips on the page's highlights: what other reports say, shown on hover and focus, read by screen readers.
import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';
import { tooltipLines } from '../../components/finding-text';
import type { FigureFinding } from '../../utils/match/types';
import type { Highlight } from './highlighter';

let counter = 0;

/** One tooltip per highlight, tied to its first mark by aria-describedby; all torn down by `dispose`. */
export class Tooltips {
  private tips: { highlight: Highlight; tip: HTMLElement }[] = [];
  private open: { tip: HTMLElement; stop: () => void } | null = null;
  /** Replaced on every dispose: an aborted controller would silently refuse the next run's listeners. */
  private listeners = new AbortController();

  constructor(private readonly doc: Document) {}

  /** Adds the tooltips of `highlights` (their findings from `figures`), and makes the first mark of each focusable. */
  attach(highlights: readonly Highlight[], figures: readonly FigureFinding[]): void {
    const signal = this.listeners.signal;
    for (const highlight of highlights) {
      const finding = figures[highlight.finding];
      const first = highlight.marks[0];
      if (!finding || !first) continue;
      const tip = this.doc.createElement('second-source-tip');
      tip.id = `second-source-tip-${++counter}`;
      tip.setAttribute('role', 'tooltip');
      tip.hidden = true;
      const { head, lines, more } = tooltipLines(finding);
      tip.append(line(this.doc, head, 'head'), ...lines.map((text) => line(this.doc, text, 'report')));
      if (more) tip.append(line(this.doc, more, 'more'));
      this.doc.body.append(tip);
      first.tabIndex = 0;
      first.dataset.ssFirst = '';
      first.setAttribute('aria-describedby', tip.id);
      for (const mark of highlight.marks) {
        mark.addEventListener('mouseenter', () => this.show(first, tip), { signal });
        mark.addEventListener('mouseleave', () => this.hide(), { signal });
      }
      first.addEventListener('focus', () => this.show(first, tip), { signal });
      first.addEventListener('blur', () => this.hide(), { signal });
      this.tips.push({ highlight, tip });
    }
  }

  /** True while a tooltip is showing. */
  get showing(): boolean {
    return this.open !== null;
  }

  /** The tooltip element of a highlight (for tests and for the sidebar's "show in page"). */
  tipOf(highlight: Highlight): HTMLElement | undefined {
    return this.tips.find((entry) => entry.highlight === highlight)?.tip;
  }

  private show(reference: HTMLElement, tip: HTMLElement): void {
    this.hide();
    tip.hidden = false;
    // Positioned against the viewport and kept inside it: flipped below when there is no room above, shifted sideways.
    const update = () => {
      void computePosition(reference, tip, {
        strategy: 'fixed',
        placement: 'top',
        middleware: [offset(8), flip({ padding: 8 }), shift({ padding: 8 })],
      }).then(({ x, y }) => {
        tip.style.setProperty('left', `${x}px`, 'important');
        tip.style.setProperty('top', `${y}px`, 'important');
      });
    };
    const stop = autoUpdate(reference, tip, update);
    this.open = { tip, stop };
  }

  /** Hides the tooltip that is showing, if any. */
  hide(): void {
    if (!this.open) return;
    this.open.stop();
    this.open.tip.hidden = true;
    this.open = null;
  }

  /** Removes every tooltip and listener and the attributes added to the marks (the marks go with the highlighter). */
  dispose(): void {
    this.hide();
    this.listeners.abort();
    this.listeners = new AbortController();
    for (const { highlight, tip } of this.tips) {
      tip.remove();
      const first = highlight.marks[0];
      if (first) {
        first.removeAttribute('tabindex');
        first.removeAttribute('aria-describedby');
        delete first.dataset.ssFirst;
      }
    }
    this.tips = [];
  }
}

function line(doc: Document, text: string, kind: string): HTMLElement {
  const element = doc.createElement('ss-line');
  element.dataset.kind = kind;
  element.textContent = text;
  return element;
}

// Tooltips on the page's highlights: what other reports say, shown on hover and focus, kept in the closed shadow tree.
import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';
import { statementTooltipLines, tooltipLines } from '../../components/finding-text';
import type { FigureFinding, StatementFinding } from '../../utils/match/types';
import type { Highlight } from './highlighter';

/**
 * The accessible description a highlight may carry in the page's own DOM: the relation and the number of reports,
 * never their text (the page can read its DOM; the reports' sentences are the reader's corpus).
 */
export function markDescription(finding: Pick<FigureFinding, 'verdict' | 'reports'>): string {
  const reports = new Set(finding.reports.map((link) => link.report)).size;
  const others = `${reports} other report${reports === 1 ? '' : 's'}`;
  const relation = finding.verdict === 'differs' ? `differs from ${others}` : `confirmed by ${others}`;
  return `${relation}; Enter for details`;
}

/** A statement mark's accessible description: how many other reports give the words, and how to read them. */
export function statementDescription(statement: Pick<StatementFinding, 'reports'>): string {
  const reports = new Set(statement.reports.map((link) => link.report)).size;
  const conflicts = statement.reports.some((link) => link.relation === 'conflicts');
  const others = `${reports} other report${reports === 1 ? '' : 's'}`;
  return `${conflicts ? 'statement given otherwise in' : 'statement also in'} ${others}; Enter for details`;
}

/**
 * The tooltip styles, inside the shadow root with the tooltips: the page's CSS cannot reach them, so no !important
 * war; `position: fixed` places them against the viewport whatever the host's own place.
 */
export const TOOLTIP_CSS = `
second-source-tip[role="tooltip"] {
  all: initial;
  position: fixed;
  left: 0;
  top: 0;
  z-index: 2147483647;
  display: block;
  box-sizing: border-box;
  max-width: min(360px, calc(100vw - 16px));
  padding: 10px 12px;
  border-radius: 8px;
  background: rgb(29, 35, 48);
  color: rgb(255, 255, 255);
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.25);
  font: 400 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  text-align: left;
  pointer-events: none;
}
second-source-tip[role="tooltip"][hidden] { display: none; }
second-source-tip[role="tooltip"]:focus { outline: 3px solid rgb(120, 170, 255); outline-offset: 2px; }
second-source-tip[role="tooltip"] > ss-line { display: block; margin: 2px 0 0; }
second-source-tip[role="tooltip"] > ss-line[data-kind="head"] { font-weight: 700; margin: 0 0 4px; }
second-source-tip[role="tooltip"] > ss-line[data-kind="more"] { color: rgb(190, 198, 212); }
`;

/**
 * One tooltip per highlight, in `layer` (inside the sidebar's closed shadow root, never the page's DOM). The first
 * mark of each highlight is focusable and carries only `markDescription`; Enter on it moves focus into the tooltip,
 * where a screen reader reads the other reports. All torn down by `dispose`.
 */
export class Tooltips {
  private tips: { highlight: Highlight; tip: HTMLElement }[] = [];
  private open: { tip: HTMLElement; stop: () => void } | null = null;
  /** Replaced on every dispose: an aborted controller would silently refuse the next run's listeners. */
  private listeners = new AbortController();

  constructor(
    private readonly doc: Document,
    private readonly layer: HTMLElement,
  ) {}

  /**
   * Adds the tooltips of `highlights` (their findings from `figures`, or `statements` for statement highlights), and
   * makes the first mark of each focusable.
   */
  attach(highlights: readonly Highlight[], figures: readonly FigureFinding[], statements: readonly StatementFinding[] = []): void {
    const signal = this.listeners.signal;
    for (const highlight of highlights) {
      const said = highlight.kind === 'statement' ? statements[highlight.finding] : undefined;
      const finding = highlight.kind === 'statement' ? said : figures[highlight.finding];
      const first = highlight.marks[0];
      if (!finding || !first) continue;
      const tip = this.doc.createElement('second-source-tip');
      tip.setAttribute('role', 'tooltip');
      tip.tabIndex = -1;
      tip.hidden = true;
      const { head, lines, more } = said ? statementTooltipLines(said) : tooltipLines(finding as FigureFinding);
      tip.append(line(this.doc, head, 'head'), ...lines.map((text) => line(this.doc, text, 'report')));
      if (more) tip.append(line(this.doc, more, 'more'));
      this.layer.append(tip);
      first.tabIndex = 0;
      first.dataset.ssFirst = '';
      first.setAttribute('aria-description', said ? statementDescription(said) : markDescription(finding as FigureFinding));
      for (const mark of highlight.marks) {
        mark.addEventListener('mouseenter', () => this.show(first, tip), { signal });
        mark.addEventListener('mouseleave', () => this.hide(), { signal });
      }
      first.addEventListener('focus', () => this.show(first, tip), { signal });
      first.addEventListener('blur', (event) => {
        // Focus moving into the tooltip (Enter) keeps it open.
        if ((event as FocusEvent).relatedTarget !== tip) this.hide();
      }, { signal });
      first.addEventListener('keydown', (event) => {
        if (event.key !== 'Enter' || event.defaultPrevented) return;
        event.preventDefault();
        this.show(first, tip);
        tip.focus({ preventScroll: true });
      }, { signal });
      tip.addEventListener('blur', () => this.hide(), { signal });
      tip.addEventListener('keydown', (event) => {
        if (event.key !== 'Escape') return;
        // Back to the mark, and the tooltip closes: the sidebar stays open.
        event.preventDefault();
        event.stopPropagation();
        first.focus({ preventScroll: true });
      }, { signal });
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
    if (this.open?.tip === tip) return;
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
        first.removeAttribute('aria-description');
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

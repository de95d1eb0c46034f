// Highlights of checked figures and statements in the live page: anchored by quote, wrapped in marks, and unwrapped without a trace.
import { anchorFigure, flatten, locate, QuoteIndex, type FlatText, type TextSpan } from '../../utils/anchor/text-quote';
import type { FigureFinding, FigureRelation, StatementFinding, StatementRelation } from '../../utils/match/types';

/** Elements whose text is never the article's: code, form controls, hidden things, our own UI. */
const NEVER = [
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'select',
  'button',
  'iframe',
  'svg',
  'second-source-sidebar',
  'second-source-tip',
  '[aria-hidden="true"]',
  '[hidden]',
].join(',');

/** Beyond NEVER (checked first), elements whose text is normally not the article's: furniture, comments, forms. */
const OUTSIDE_ARTICLE = [
  'nav',
  'aside',
  'footer',
  'form',
  '[role="navigation"]',
  '[role="complementary"]',
  '[role="contentinfo"]',
  '[role="banner"]',
  '[role="search"]',
  '[id*="comment" i]',
  '[class*="comment" i]',
].join(',');

/**
 * Where text may be highlighted. "strict": not in furniture, comments or forms (a header counts only outside an
 * article); "relaxed": anywhere but code, controls, hidden text and our own UI. The relaxed level is the fallback
 * for pages whose article container carries a furniture-like class name (Readability kept it, so it is the article).
 */
export function isOutsideArticle(element: Element, level: 'strict' | 'relaxed' = 'strict'): boolean {
  if (element.closest(NEVER)) return true;
  if (level === 'relaxed') return false;
  if (element.closest(OUTSIDE_ARTICLE)) return true;
  const header = element.closest('header');
  return header !== null && header.closest('article') === null;
}

/** The page's text nodes in document order, with whether each lies outside the article (strict and relaxed). */
function textNodes(root: Element): { nodes: Text[]; outside: boolean[]; never: boolean[] } {
  const nodes: Text[] = [];
  const outside: boolean[] = [];
  const never: boolean[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT, spelled out so jsdom tests need no globals */);
  const verdicts = new Map<Element, boolean>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent) continue;
    let verdict = verdicts.get(parent);
    if (verdict === undefined) {
      verdict = isOutsideArticle(parent);
      verdicts.set(parent, verdict);
    }
    nodes.push(node as Text);
    outside.push(verdict);
    never.push(verdict && isOutsideArticle(parent, 'relaxed'));
  }
  return { nodes, outside, never };
}

/** One highlighted figure or statement: its marks in the page (several when it spans elements) and its finding. */
export interface Highlight {
  /** Index of the finding in the CheckResult's figures (kind "figure") or statements (kind "statement"). */
  finding: number;
  relation: FigureRelation | StatementRelation;
  marks: HTMLElement[];
  /** What is marked; a different marker style in the page for each. */
  kind: 'figure' | 'statement';
}

/** Milliseconds of anchoring between two pauses of a sliced run. */
const SLICE_MS = 8;

interface Plan {
  finding: number;
  relation: Highlight['relation'];
  span: TextSpan;
  kind: Highlight['kind'];
}

interface Run {
  nodes: Text[];
  /** Each node's length when the run began. */
  lengths: number[];
  flat: FlatText;
  page: QuoteIndex;
  planned: Plan[];
  place: (finding: FigureFinding, index: number) => void;
  placeStatement: (statement: StatementFinding, index: number) => void;
}

interface Split {
  mark: HTMLElement;
  inner: Text;
  /** The text node left before the mark by the split, when there was one. */
  before: Text | null;
  /** The text node made after the mark by the split, when there was one. */
  after: Text | null;
}

/** Marks of one run of highlights; `undo` puts every text node back as it was, in reverse order. */
export class Highlighter {
  readonly highlights: Highlight[] = [];
  private splits: Split[] = [];
  /** The text index of the last run (for tests: how many times the page's text was scanned). */
  lastIndex: QuoteIndex | null = null;

  constructor(private readonly doc: Document) {}

  /**
   * Anchors and marks each finding that other reports bear on (verdict "differs" or "agrees"): its sentence first,
   * then the figure inside it, in article text only. Findings that cannot be anchored are left out. All findings
   * are placed in one pass over one snapshot of the page's text.
   */
  highlight(findings: readonly FigureFinding[]): Highlight[] {
    const run = this.begin();
    if (!run) return [];
    findings.forEach((finding, index) => run.place(finding, index));
    return this.finish(run);
  }

  /**
   * Anchors and marks each statement that other reports corroborate or contradict, as figures are (its sentence,
   * then its quoted words inside it, in article text only), with the statement marker style. Call it after the
   * figures are marked: a statement's mark may hold a figure's, never the other way round.
   */
  highlightStatements(statements: readonly StatementFinding[]): Highlight[] {
    const run = this.begin();
    if (!run) return [];
    statements.forEach((statement, index) => run.placeStatement(statement, index));
    return this.finish(run);
  }

  /**
   * `highlightStatements`, in slices, as `highlightSliced` does for figures: nothing at all (not even a scan of the
   * page's text) when no statement has another report; `pause()` awaited every few milliseconds otherwise.
   */
  async highlightStatementsSliced(statements: readonly StatementFinding[], pause: () => Promise<void>, signal: AbortSignal): Promise<Highlight[]> {
    if (!statements.some((statement) => statement.reports.length > 0)) return [];
    const run = this.begin();
    if (!run) return [];
    await run.page.prepare(pause);
    let since = performance.now();
    for (const [index, statement] of statements.entries()) {
      if (signal.aborted) return [];
      if (performance.now() - since > SLICE_MS) {
        await pause();
        since = performance.now();
      }
      run.placeStatement(statement, index);
    }
    if (signal.aborted) return [];
    return this.finish(run);
  }

  /**
   * `highlight`, in slices: the page's text views are built and the findings anchored with `pause()` awaited every
   * few milliseconds, so a large page is never frozen for long. Returns nothing when `signal` aborts on the way
   * (the reader closed the sidebar). Marks are then placed in one step, skipping text the page changed meanwhile.
   */
  async highlightSliced(findings: readonly FigureFinding[], pause: () => Promise<void>, signal: AbortSignal): Promise<Highlight[]> {
    const run = this.begin();
    if (!run) return [];
    await run.page.prepare(pause);
    let since = performance.now();
    for (const [index, finding] of findings.entries()) {
      if (signal.aborted) return [];
      if (performance.now() - since > SLICE_MS) {
        await pause();
        since = performance.now();
      }
      run.place(finding, index);
    }
    if (signal.aborted) return [];
    return this.finish(run);
  }

  /** One run: a snapshot of the page's text nodes, their text as one string and its matching views. */
  private begin(): Run | null {
    const body = this.doc.body;
    if (!body) return null;
    const { nodes, outside, never } = textNodes(body);
    const lengths = nodes.map((node) => node.data.length);
    const flat = flatten(nodes.map((node) => node.data));
    // The page's matching views are built once for the whole run, not once per finding.
    const page = new QuoteIndex(flat.text);
    this.lastIndex = page;
    const within = (excluded: boolean[]) => (span: TextSpan) => {
      const first = locate(flat, span.start, 'start').chunk;
      const last = locate(flat, span.end, 'end').chunk;
      for (let i = first; i <= last; i++) if (excluded[i]) return false;
      return true;
    };
    const strict = within(outside);
    const relaxed = within(never);
    const planned: Plan[] = [];
    const place = (finding: FigureFinding, index: number) => {
      if (!finding.verdict) return;
      const figure = { text: finding.text, offsetInSentence: finding.start - finding.sentenceStart };
      const anchor =
        anchorFigure(page, finding.sentence, figure, { allowed: strict }) ??
        anchorFigure(page, finding.sentence, figure, { allowed: relaxed });
      if (anchor) planned.push({ finding: index, relation: finding.verdict, span: anchor.figure, kind: 'figure' });
    };
    const placeStatement = (statement: StatementFinding, index: number) => {
      if (statement.reports.length === 0) return;
      const offset = statement.sentence.indexOf(statement.text);
      if (offset < 0) return;
      const quote = { text: statement.text, offsetInSentence: offset };
      const anchor =
        anchorFigure(page, statement.sentence, quote, { allowed: strict }) ??
        anchorFigure(page, statement.sentence, quote, { allowed: relaxed });
      // Any contradicting report makes the statement's mark a conflict; else it is corroborated.
      const relation: StatementRelation = statement.reports.some((link) => link.relation === 'conflicts') ? 'conflicts' : 'corroborates';
      if (anchor) planned.push({ finding: index, relation, span: anchor.figure, kind: 'statement' });
    };
    return { nodes, lengths, flat, page, planned, place, placeStatement };
  }

  /** Wraps a run's planned spans in marks, from the end of the page backwards. */
  private finish({ nodes, lengths, flat, planned }: Run): Highlight[] {
    // Text the page changed since the snapshot (a sliced run pauses) is left alone: its offsets no longer hold.
    // Checked for every node before any is split, since our own splits change lengths too.
    const changed = nodes.map((node, chunk) => !node.isConnected || node.data.length !== lengths[chunk]);
    // Wrap from the end of the page backwards, so earlier offsets stay valid while text nodes are split.
    planned.sort((a, b) => b.span.start - a.span.start);
    const made: Highlight[] = [];
    for (const plan of planned) {
      const start = locate(flat, plan.span.start, 'start');
      const end = locate(flat, plan.span.end, 'end');
      if (changed.slice(start.chunk, end.chunk + 1).some(Boolean)) continue;
      const marks: HTMLElement[] = [];
      for (let chunk = end.chunk; chunk >= start.chunk; chunk--) {
        const node = nodes[chunk];
        if (!node) continue;
        const from = chunk === start.chunk ? start.offset : 0;
        const to = chunk === end.chunk ? end.offset : node.data.length;
        if (to <= from || node.data.slice(from, to).trim() === '') continue;
        marks.unshift(this.wrap(node, from, to, plan.relation, plan.kind));
      }
      if (marks.length > 0) made.push({ finding: plan.finding, relation: plan.relation, marks, kind: plan.kind });
    }
    made.reverse();
    this.highlights.push(...made);
    return made;
  }

  private wrap(node: Text, from: number, to: number, relation: Highlight['relation'], kind: Highlight['kind']): HTMLElement {
    // Split off the tail first so that `node` keeps its identity as the text before the mark.
    const after = to < node.data.length ? node.splitText(to) : null;
    const inner = from > 0 ? node.splitText(from) : node;
    const before = from > 0 ? node : null;
    const mark = this.doc.createElement('mark');
    mark.dataset.secondSource = kind;
    mark.dataset.relation = relation;
    inner.replaceWith(mark);
    mark.append(inner);
    this.splits.push({ mark, inner, before, after });
    return mark;
  }

  /** Removes every mark and joins the split text nodes again, newest first, so the page's DOM is as it was. */
  undo(): void {
    for (const split of this.splits.reverse()) {
      const { mark, inner, before, after } = split;
      if (!mark.isConnected) continue;
      mark.replaceWith(inner);
      if (after && after.previousSibling === inner) {
        inner.appendData(after.data);
        after.remove();
      }
      if (before && inner.previousSibling === before) {
        before.appendData(inner.data);
        inner.remove();
      }
    }
    this.splits = [];
    this.highlights.length = 0;
  }

  /** True when the page has removed any of our marks (a script re-rendered the article). */
  lostAny(): boolean {
    return this.splits.some((split) => !split.mark.isConnected);
  }
}

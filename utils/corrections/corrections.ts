// The reader's corrections of the engine's links ("Not the same thing" / "Right"), applied after every check.
import type { CheckResult, FigureFinding, FigureLink, StatementFinding, StatementLink } from '../match/types';

/** What the reader said about one link: the two are not the same thing, or the link is right. */
export type Decision = 'different' | 'same';

/** One side of a corrected link: which document and which words in it. */
export interface CorrectionSide {
  /** A report id, or "url:<address>" for a page that is not in the corpus. */
  doc: string;
  /** The figure or quoted words as written. */
  text: string;
  /** For the list in My reports: the outlet or the page's title. */
  label: string;
}

/** A stored correction. Its key does not depend on which side was the page, so it holds when either is checked. */
export interface Correction {
  key: string;
  kind: 'figure' | 'statement';
  decision: Decision;
  /** When the reader decided, ISO date-time. */
  at: string;
  a: CorrectionSide;
  b: CorrectionSide;
}

/** The reader's decision as a link carries it once corrections are applied. */
export interface LinkCorrection {
  decision: Decision;
  at: string;
}

/** The document key of the checked page: its corpus id when the corpus holds it, else its address, else its title. */
export function pageDoc(article: CheckResult['article']): string {
  if (article.corpusId) return article.corpusId;
  if (article.url) return `url:${article.url}`;
  return `title:${article.title}`;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** The same key whichever of the two sides is the page. */
export function correctionKey(kind: Correction['kind'], a: Pick<CorrectionSide, 'doc' | 'text'>, b: Pick<CorrectionSide, 'doc' | 'text'>): string {
  const sides = [`${a.doc}\u0000${squash(a.text)}`, `${b.doc}\u0000${squash(b.text)}`].sort();
  return `${kind}\u0001${sides[0]}\u0001${sides[1]}`;
}

/** The list with `correction` in it (replacing one with the same key). */
export function upsertCorrection(list: readonly Correction[], correction: Correction): Correction[] {
  return [...list.filter((c) => c.key !== correction.key), correction];
}

/** The list without the correction of `key`: undo. */
export function removeCorrection(list: readonly Correction[], key: string): Correction[] {
  return list.filter((c) => c.key !== key);
}

/** Keeps only well-formed corrections (storage is outside our control: a damaged entry is dropped, not trusted). */
export function validCorrections(value: unknown): Correction[] {
  if (!Array.isArray(value)) return [];
  const side = (s: unknown): s is CorrectionSide =>
    typeof s === 'object' && s !== null && ['doc', 'text', 'label'].every((k) => typeof (s as Record<string, unknown>)[k] === 'string');
  return value.filter(
    (c): c is Correction =>
      typeof c === 'object' &&
      c !== null &&
      typeof (c as Correction).key === 'string' &&
      ((c as Correction).kind === 'figure' || (c as Correction).kind === 'statement') &&
      ((c as Correction).decision === 'different' || (c as Correction).decision === 'same') &&
      typeof (c as Correction).at === 'string' &&
      side((c as Correction).a) &&
      side((c as Correction).b),
  );
}

/** "You marked these as different quantities on 3 Dec 2026" / "You confirmed this link on 3 Dec 2026". */
export function correctionReason(kind: Correction['kind'], correction: LinkCorrection): string {
  const day = formatDay(correction.at);
  if (correction.decision === 'same') return `You confirmed this link on ${day}.`;
  return kind === 'figure' ? `You marked these as different quantities on ${day}.` : `You marked these as different statements on ${day}.`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function formatDay(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

type Corrected<L> = L & { correction?: LinkCorrection };

function byDate<L extends { published: string | null; report: string }>(a: L, b: L): number {
  return (a.published ?? '').localeCompare(b.published ?? '') || a.report.localeCompare(b.report);
}

/**
 * Applies the reader's corrections to a check's result, after the engine: a link marked "different" moves from the
 * finding's `reports` to its `dismissed` (so counts, verdicts, highlights and the summary no longer use it); a link
 * marked "same" stays, carrying the decision. Idempotent: a result that already had corrections applied is first put
 * back as the engine gave it, so an undo takes effect at once too.
 */
export function applyCorrections<T extends CheckResult>(result: T, corrections: readonly Correction[]): T {
  if (result.declined) return result;
  const byKey = new Map(corrections.map((c) => [c.key, c]));
  const page = pageDoc(result.article);
  const split = <L extends { report: string; published: string | null; correction?: LinkCorrection }>(
    kind: Correction['kind'],
    pageText: string,
    links: readonly L[],
    text: (link: L) => string,
  ) => {
    const kept: L[] = [];
    const dismissed: L[] = [];
    for (const original of [...links].sort(byDate)) {
      const { correction: _old, ...plain } = original;
      void _old;
      const found = byKey.get(correctionKey(kind, { doc: page, text: pageText }, { doc: original.report, text: text(original) }));
      const link = (found ? { ...plain, correction: { decision: found.decision, at: found.at } } : plain) as L;
      (found?.decision === 'different' ? dismissed : kept).push(link);
    }
    return { kept, dismissed };
  };
  const figures = result.figures.map((finding): FigureFinding => {
    const all = [...finding.reports, ...(finding.dismissed ?? [])] as Corrected<FigureLink>[];
    const { kept, dismissed } = split('figure', finding.text, all, (link) => link.text);
    const differs = kept.some((l) => l.relation === 'differs' && !l.vague);
    return {
      ...finding,
      reports: kept,
      dismissed,
      reportCount: new Set(kept.map((l) => l.report)).size,
      independent: new Set(kept.map((l) => l.cluster)).size,
      verdict: differs ? 'differs' : kept.length > 0 ? 'agrees' : null,
    };
  });
  const statements = result.statements.map((finding): StatementFinding => {
    const all = [...finding.reports, ...(finding.dismissed ?? [])] as Corrected<StatementLink>[];
    const { kept, dismissed } = split('statement', finding.text, all, (link) => link.sentence);
    return {
      ...finding,
      reports: kept,
      dismissed,
      reportCount: new Set(kept.map((l) => l.report)).size,
      independent: new Set(kept.map((l) => l.cluster)).size,
    };
  });
  return {
    ...result,
    figures,
    statements,
    summary: {
      figures: figures.length,
      differ: figures.filter((f) => f.verdict === 'differs').length,
      confirmed: figures.filter((f) => f.verdict === 'agrees').length,
      onlyHere: figures.filter((f) => f.verdict === null).length,
    },
  };
}

// The reader's corrections: one key for either side, applied after the engine, undone at once, damaged entries dropped.
import { describe, expect, it } from 'vitest';
import { applyCorrections, correctionKey, correctionReason, removeCorrection, upsertCorrection, validCorrections, type Correction } from '../../utils/corrections/corrections';
import type { CheckResult, FigureLink } from '../../utils/match/types';

const link = (report: string, text: string, relation: FigureLink['relation'], published: string): FigureLink => ({
  report,
  outlet: `Outlet ${report}`,
  published,
  text,
  sentence: `They said ${text}.`,
  relation,
  vague: false,
  timeline: 'later',
  attribution: null,
  reasons: ['Both count troops.'],
  cluster: report,
  figureStart: 10,
  figureEnd: 10 + text.length,
});

function result(): CheckResult {
  return {
    article: { title: 'Page', published: '2021-12-02', corpusId: 'page-1', url: null, siteName: null },
    figures: [
      {
        text: 'more than 114,000',
        sentence: 's',
        kind: 'count',
        value: { low: 114_000, high: null, point: 114_000, vague: false },
        start: 0,
        end: 1,
        sentenceStart: 0,
        attribution: null,
        reports: [link('b', '100,000', 'differs', '2022-01-21'), link('c', 'tens of thousands', 'agrees', '2022-01-22')],
        independent: 2,
        verdict: 'differs',
      },
    ],
    statements: [],
    summary: { figures: 1, differ: 1, confirmed: 0, onlyHere: 0 },
    corpusSize: 3,
    declined: null,
  };
}

function correction(decision: Correction['decision'], at = '2026-12-03T10:00:00Z'): Correction {
  const a = { doc: 'page-1', text: 'more than 114,000', label: 'Page' };
  const b = { doc: 'b', text: '100,000', label: 'Outlet b' };
  return { key: correctionKey('figure', a, b), kind: 'figure', decision, at, a, b };
}

describe('correctionKey', () => {
  it('is the same whichever side is the page, and ignores case and spacing', () => {
    const a = { doc: 'x', text: 'More than  114,000' };
    const b = { doc: 'y', text: '100,000' };
    expect(correctionKey('figure', a, b)).toBe(correctionKey('figure', b, { doc: 'x', text: 'more than 114,000' }));
    expect(correctionKey('figure', a, b)).not.toBe(correctionKey('statement', a, b));
  });
});

describe('applyCorrections', () => {
  it('moves a link marked "not the same thing" out of the counts, and the verdict and summary follow', () => {
    const corrected = applyCorrections(result(), [correction('different')]);
    const figure = corrected.figures[0]!;
    expect(figure.reports.map((l) => l.report)).toEqual(['c']);
    expect(figure.dismissed?.map((l) => [l.report, l.correction?.decision])).toEqual([['b', 'different']]);
    expect(figure.verdict).toBe('agrees');
    expect(corrected.summary).toEqual({ figures: 1, differ: 0, confirmed: 1, onlyHere: 0 });
    // The engine's reasons stay as they were; the reader's decision is carried beside them.
    expect(figure.dismissed?.[0]?.reasons).toEqual(['Both count troops.']);
    expect(correctionReason('figure', figure.dismissed![0]!.correction!)).toBe('You marked these as different quantities on 3 Dec 2026.');
  });

  it('keeps a link marked "right", with the decision on it', () => {
    const figure = applyCorrections(result(), [correction('same')]).figures[0]!;
    expect(figure.reports.find((l) => l.report === 'b')?.correction?.decision).toBe('same');
    expect(figure.verdict).toBe('differs');
  });

  it('undoes at once: applying the list without the correction restores the engine’s result', () => {
    const once = applyCorrections(result(), [correction('different')]);
    const undone = applyCorrections(once, removeCorrection([correction('different')], correction('different').key));
    expect(undone.figures[0]!.reports.map((l) => l.report)).toEqual(['b', 'c']);
    expect(undone.figures[0]!.reports.every((l) => l.correction === undefined)).toBe(true);
    expect(undone.figures[0]!.verdict).toBe('differs');
    expect(undone.summary).toEqual(result().summary);
  });
});

describe('stored lists', () => {
  it('replaces a correction of the same key and drops damaged entries', () => {
    const list = upsertCorrection([correction('same')], correction('different'));
    expect(list.map((c) => c.decision)).toEqual(['different']);
    expect(validCorrections([correction('same'), { key: 1 }, null, 'x'])).toHaveLength(1);
    expect(validCorrections('not a list')).toEqual([]);
  });
});

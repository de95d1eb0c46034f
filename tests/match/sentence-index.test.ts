// The sentence index: BM25 ranking, binary round trip, segments searched as one, merging and removal.
import { describe, expect, it } from 'vitest';
import {
  adoptSegment,
  buildIndex,
  buildSegment,
  decodeIndex,
  encodeIndex,
  forEachPosting,
  listTerms,
  mergeSegments,
  SegmentedIndex,
  sentenceTerms,
} from '../../utils/match/sentence-index';
import { contentTerms } from '../../utils/match/text';
import { fig, report } from './helpers';

const troops = 'Russia has massed tens of thousands of troops on the Ukrainian border.';
const reports = [
  report('a', [troops, 'The talks in Geneva lasted 90 minutes.', 'Prices rose in the shops of Madrid.'], [
    [fig(troops, 'tens of thousands', 'count', 50000, { countedKey: 'troop' })],
  ]),
  report('b', ['More than 114,000 Russian soldiers are on the border with Ukraine.', 'The weather in Sydney was warm.']),
  report('c', ['A phone call between the two leaders lasted 50 minutes.', 'Ukraine and Russia traded accusations.']),
];

const q = (text: string) => contentTerms(text);

describe('sentence index', () => {
  it('ranks the sentence sharing the most rare terms first', () => {
    const index = new SegmentedIndex([buildIndex(reports)]);
    const hits = index.search(q('more than 114,000 Russian soldiers on the Ukrainian border'), 3);
    expect(hits[0]).toMatchObject({ report: 'b', sentence: 0 });
    expect(hits.map((h) => h.report)).toContain('a');
    expect(index.search(q('weather Sydney'), 1)[0]).toMatchObject({ report: 'b', sentence: 1 });
  });

  it('finds counted things through figure key terms and numbers as terms', () => {
    const index = new SegmentedIndex([buildIndex(reports)]);
    expect(index.search(['#c:troop'], 5).map((h) => h.report)).toEqual(['a']);
    expect(index.search(['114000'], 5)).toEqual([expect.objectContaining({ report: 'b', sentence: 0 })]);
  });

  it('leaves out excluded reports', () => {
    const index = new SegmentedIndex([buildIndex(reports)]);
    const hits = index.search(q('Russian troops border Ukraine'), 5, { exclude: new Set(['a']) });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.report !== 'a')).toBe(true);
  });

  it('indexes each sentence under exactly its terms, with their counts, terms sorted and documents in order', () => {
    const seg = buildSegment(reports);
    const expected = new Map<string, string[]>();
    let doc = 0;
    reports.forEach((r) =>
      r.analysis.sentences.forEach((_, s) => {
        const counts = new Map<string, number>();
        for (const t of sentenceTerms(r, s)) counts.set(t, (counts.get(t) ?? 0) + 1);
        for (const [t, c] of counts) expected.set(t, [...(expected.get(t) ?? []), `${doc}:${c}`]);
        doc++;
      }),
    );
    expect(listTerms(seg.terms)).toEqual([...expected.keys()].sort());
    expect(seg.docReport.length).toBe(doc);
    listTerms(seg.terms).forEach((t, i) => {
      const postings: string[] = [];
      forEachPosting(seg, i, (doc, tf) => postings.push(`${doc}:${tf}`));
      expect(seg.termDf[i], t).toBe(postings.length);
      expect(postings, t).toEqual(expected.get(t));
    });
    expect(seg.totalLength).toBe([...seg.docLength].reduce((a, b) => a + b, 0));
  });

  it('keeps postings whose gaps and counts need several bytes', () => {
    // 300 filler sentences put the second "zeta" document 300 documents after the first (a gap of two varint bytes),
    // and one sentence repeats "omega" 200 times (a count of two bytes; counts stop at 255).
    const filler = Array.from({ length: 300 }, (_, i) => `Filler sentence number ${i} about weather.`);
    const big = report('big', ['Zeta opens.', ...filler, 'Zeta closes.', `${'omega '.repeat(300)}ends.`]);
    const seg = decodeIndex(encodeIndex(buildSegment([reports[0]!, big])));
    const postingsOf = (term: string) => {
      const out: [number, number][] = [];
      forEachPosting(seg, listTerms(seg.terms).indexOf(term), (doc, tf) => out.push([doc, tf]));
      return out;
    };
    const first = reports[0]!.analysis.sentences.length;
    expect(postingsOf(contentTerms('zeta')[0]!)).toEqual([
      [first, 1],
      [first + 301, 1],
    ]);
    expect(postingsOf(contentTerms('omega')[0]!)).toEqual([[first + 302, 255]]);
    expect(seg.postings.length).toBeLessThan(seg.termDf.reduce((a, b) => a + b, 0) * 2);
  });

  it('survives an encode/decode round trip, also from a misaligned buffer', () => {
    const seg = buildSegment(reports);
    const bytes = encodeIndex(seg);
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    for (const decoded of [decodeIndex(bytes), decodeIndex(shifted.subarray(1))]) {
      expect(decoded.reports).toEqual(seg.reports);
      expect(listTerms(decoded.terms)).toEqual(listTerms(seg.terms));
      expect([...decoded.postings]).toEqual([...seg.postings]);
      expect([...decoded.termDf]).toEqual([...seg.termDf]);
      const query = q('Geneva talks lasted minutes');
      expect(new SegmentedIndex([decoded]).search(query, 5)).toEqual(new SegmentedIndex([seg]).search(query, 5));
    }
  });

  it('decodes stored terms one at a time, non-ASCII ones included, and re-encodes them byte for byte', () => {
    // Sentence terms are folded to ASCII today; a prefix keeps the order and makes every term multi-byte in UTF-8.
    const built = buildSegment(reports);
    const seg = { ...built, terms: listTerms(built.terms).map((term) => `é😀${term}`) };
    const bytes = encodeIndex(seg);
    const decoded = decodeIndex(bytes);
    const terms = listTerms(seg.terms);
    expect(decoded.terms.length).toBe(terms.length);
    terms.forEach((term, t) => expect(decoded.terms.at(t)).toBe(term));
    // All at once (merges and checks), the same terms.
    expect(listTerms(decoded.terms)).toEqual(terms);
    expect(decoded.terms.at(-1)).toBeUndefined();
    expect(decoded.terms.at(terms.length)).toBeUndefined();
    expect(encodeIndex(decoded)).toEqual(bytes);
    for (const term of terms) expect(new SegmentedIndex([decoded]).search([term], 1).length).toBe(1);
  });

  it('rejects a record whose term count disagrees with its term bytes', () => {
    const bytes = encodeIndex(buildSegment(reports));
    const header = new Uint32Array(bytes.buffer, bytes.byteOffset, 10);
    header[3] = (header[3] as number) + 1;
    expect(() => decodeIndex(bytes)).toThrow(/corrupt/);
  });

  it('rejects bytes that are not an index record', () => {
    expect(() => decodeIndex(new Uint8Array(64))).toThrow(/Not a Second Source index/);
    expect(() => decodeIndex(new Uint8Array(3))).toThrow(/too short/);
    const bytes = encodeIndex(buildSegment(reports));
    expect(() => decodeIndex(bytes.subarray(0, bytes.length - 40))).toThrow(/truncated|corrupt/);
  });

  it('scores several segments exactly as one index over the same reports', () => {
    const whole = new SegmentedIndex([buildIndex(reports)]);
    const parts = new SegmentedIndex([buildSegment(reports.slice(0, 2)), buildSegment(reports.slice(2))]);
    for (const text of ['phone call lasted minutes', 'Russian troops Ukrainian border', 'talks Geneva']) {
      const a = whole.search(q(text), 4);
      const b = parts.search(q(text), 4);
      expect(b.map((h) => [h.report, h.sentence])).toEqual(a.map((h) => [h.report, h.sentence]));
      b.forEach((h, i) => expect(h.score).toBeCloseTo(a[i]?.score ?? 0, 4));
    }
  });

  it('merges segments into the same postings as a fresh build, dropping removed reports', () => {
    const merged = mergeSegments([buildSegment(reports.slice(0, 1)), buildSegment(reports.slice(1))]);
    const fresh = buildIndex(reports);
    expect(listTerms(merged.terms)).toEqual(listTerms(fresh.terms));
    expect([...merged.termStart]).toEqual([...fresh.termStart]);
    const dropped = mergeSegments([fresh], new Set(['b']));
    expect(dropped.reports).toEqual(['a', 'c']);
    expect(new SegmentedIndex([dropped]).search(['sydney'], 3)).toEqual([]);
  });

  it('hides removed and superseded reports, and compacts them away', () => {
    const index = new SegmentedIndex([buildIndex(reports)]);
    index.remove('c');
    expect(index.search(q('phone call'), 3)).toEqual([]);
    const updated = report('b', ['A later version of the report mentions Sydney and its harbour.']);
    index.add(buildSegment([updated]));
    const hits = index.search(['sydney'], 5);
    expect(hits).toEqual([expect.objectContaining({ report: 'b', sentence: 0 })]);
    expect(index.reportCount).toBe(2);
    const merged = index.compact();
    expect(merged.reports.sort()).toEqual(['a', 'b']);
    expect(index.parts.length).toBe(1);
    expect(index.search(['sydney'], 5)).toEqual([expect.objectContaining({ report: 'b', sentence: 0 })]);
  });
});

describe('a segment a pack carries', () => {
  const ids = reports.map((r) => r.meta.id);
  const counts = reports.map((r) => r.analysis.sentences.length);
  const bytes = encodeIndex(buildSegment(reports));

  it('is adopted when sound, under the ids the import gives, without the reports it skips', () => {
    expect(adoptSegment(bytes, ids, ids, counts)).toEqual(bytes);
    const adopted = decodeIndex(adoptSegment(bytes, ids, ['a-2', '', 'c'], counts)!);
    expect(adopted.reports).toEqual(['a-2', 'c']);
    const index = new SegmentedIndex([adopted]);
    expect(index.search(['#c:troop'], 5).map((h) => h.report)).toEqual(['a-2']);
    expect(index.search(q('weather Sydney'), 5)).toEqual([]);
    expect(index.search(q('phone call leaders'), 1)[0]).toMatchObject({ report: 'c', sentence: 0 });
  });

  it('is refused when it lists other reports, or sentences its reports do not have', () => {
    expect(adoptSegment(bytes, ['a', 'c', 'b'], ids, counts)).toBeNull();
    expect(adoptSegment(bytes, ids.slice(0, 2), ids.slice(0, 2), counts.slice(0, 2))).toBeNull();
    expect(adoptSegment(bytes, ids, ids, [counts[0]!, 1, counts[2]!])).toBeNull();
    expect(adoptSegment(bytes.slice(0, bytes.length - 9), ids, ids, counts)).toBeNull();
  });

  it('is refused when its terms, counts or postings are inconsistent', () => {
    const seg = buildSegment(reports);
    const unsorted = { ...seg, terms: [...listTerms(seg.terms)].reverse() };
    const wrongDf = { ...seg, termDf: seg.termDf.map((df, t) => (t === 3 ? df + 1 : df)) };
    const overrun = { ...seg, postings: seg.postings.map((b, at) => (at === (seg.termStart[5] as number) ? b | 0x80 : b)) };
    const pastLastDoc = { ...seg, docReport: seg.docReport.map((r, d) => (d === 0 ? 7 : r)) };
    for (const bad of [unsorted, wrongDf, overrun, pastLastDoc]) expect(adoptSegment(encodeIndex(bad), ids, ids, counts)).toBeNull();
  });

  it('never throws and never adopts a broken document on random damage', () => {
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let trial = 0; trial < 300; trial++) {
      const damaged = bytes.slice();
      for (let n = 0; n < 1 + Math.floor(random() * 4); n++) damaged[Math.floor(random() * damaged.length)] = Math.floor(random() * 256);
      const adopted = adoptSegment(damaged, ids, ids, counts);
      if (!adopted) continue;
      const seg = decodeIndex(adopted);
      // Whatever survives names real sentences of real reports.
      for (let d = 0; d < seg.docReport.length; d++) expect(seg.docSentence[d]).toBeLessThan(counts[seg.docReport[d]!]!);
      for (let t = 0; t < seg.terms.length; t++) forEachPosting(seg, t, (doc) => expect(doc).toBeLessThan(seg.docReport.length));
    }
  });
});

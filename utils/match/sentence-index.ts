// A compact BM25 inverted index over corpus sentences, in typed arrays, stored as one binary record per segment.
import type { AnalyzedReport } from '../corpus/types';
import { contentTermsOnce } from './text';

/**
 * One segment: an immutable inverted index over the sentences of some reports.
 * The bundled corpus is one big segment; each report a reader saves becomes a small one,
 * so nothing is rebuilt on save, and `mergeSegments` folds small ones together now and then.
 */
export interface IndexSegment {
  /** Report ids, in the order documents refer to them. */
  reports: string[];
  /** Sorted terms (JavaScript code-unit order), searched by bisection. */
  terms: TermList;
  /**
   * Postings of term t are the bytes [termStart[t], termStart[t+1]) of `postings`, termDf[t] of them: per document,
   * in document order, a varint of (gap from the previous document × 2 + 1 when the term occurs more than once), then
   * that count as a varint when flagged. Mostly one byte a posting where plain arrays took five: a wake reads and
   * holds half the bytes (30.5 MB became 14.8 MB at 10,000 reports; document tables and terms are unchanged).
   */
  termStart: Uint32Array;
  termDf: Uint32Array;
  postings: Uint8Array;
  /** Per document (sentence): its report (index into `reports`), sentence number, and length in terms. */
  docReport: Uint32Array;
  docSentence: Uint16Array;
  docLength: Uint16Array;
  /** Sum of all document lengths (for the average document length across segments). */
  totalLength: number;
}

/**
 * A segment's sorted terms: a plain list when built in memory, or a decoded record's term bytes (EncodedTerms).
 * An array is one.
 */
export interface TermList {
  readonly length: number;
  at(index: number): string | undefined;
}

/**
 * The terms of a stored segment, left as the record's UTF-8 bytes and decoded one at a time: a search probes about
 * twenty per query term, so a wake no longer turns every term into a string (274,000 at 10,000 reports, about 12 MB
 * of heap and most of the decoding time).
 */
class EncodedTerms implements TermList {
  private readonly decoder = new TextDecoder();
  /** Byte offset of each term, and one past the end (as if a separator followed the last term). */
  private readonly starts: Uint32Array;

  constructor(
    readonly bytes: Uint8Array,
    readonly length: number,
  ) {
    this.starts = new Uint32Array(length + 1);
    let term = 0;
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] === 10) this.starts[++term] = i + 1;
    }
    if (length === 0 ? bytes.length !== 0 : term !== length - 1) throw new Error('Index record is corrupt.');
    this.starts[length] = bytes.length + 1;
  }

  at(index: number): string | undefined {
    if (!(index >= 0 && index < this.length)) return undefined;
    return this.decoder.decode(this.bytes.subarray(this.starts[index], (this.starts[index + 1] as number) - 1));
  }

  /** Every term, decoded in one pass: a separator byte is never part of a character, so this equals `at` term by term. */
  all(): string[] {
    return this.length === 0 ? [] : this.decoder.decode(this.bytes).split('\n');
  }

  /** Bytes held: the record's term bytes are shared with it, the offsets are this list's own. */
  get heldBytes(): number {
    return this.bytes.byteLength + this.starts.byteLength;
  }
}

/** Every term, as strings (merges and checks walk them all). */
export function listTerms(terms: TermList): string[] {
  if (Array.isArray(terms)) return terms as string[];
  if (terms instanceof EncodedTerms) return terms.all();
  return Array.from({ length: terms.length }, (_, t) => terms.at(t) as string);
}

/** The terms as an index record stores them: UTF-8, one per line. */
function termBytesOf(terms: TermList): Uint8Array {
  return terms instanceof EncodedTerms ? terms.bytes : new TextEncoder().encode(listTerms(terms).join('\n'));
}

/** A sentence found by a search: the report id, the sentence number in its analysis, and the BM25 score. */
export interface SearchHit {
  report: string;
  sentence: number;
  score: number;
}

/** Anything that can answer a bag-of-terms query over corpus sentences. */
export interface SentenceSearcher {
  readonly documentCount: number;
  readonly reportCount: number;
  search(terms: readonly string[], k: number, options?: SearchOptions): SearchHit[];
}

export interface SearchOptions {
  /** Reports to leave out of the results (the page itself). */
  exclude?: ReadonlySet<string>;
  /** Weight per query term (default 1). */
  weights?: ReadonlyMap<string, number>;
  /**
   * Terms found in more than this share of sentences (and in more than `minCommonDocs`) are dropped when the query
   * has at least three rarer terms: they barely move BM25 scores and would dominate the cost. Default 0.015.
   */
  maxDocShare?: number;
  /** Terms in fewer sentences than this are never dropped as common (small corpora keep every term). Default 1000. */
  minCommonDocs?: number;
  /** Stop adding terms once this many sentences of a segment hold a score (an accumulator limit). Default 5000. */
  maxCandidates?: number;
  /**
   * Only this many query terms, those of highest weight (IDF × weight), are scored. A sentence's rarest words
   * decide its BM25 rank anyway; the common ones only add postings to walk. Default 12.
   */
  maxTerms?: number;
}

/** Terms a report sentence is indexed under: its content words and the keys of the figures it holds. */
export function sentenceTerms(report: AnalyzedReport, sentence: number): string[] {
  const s = report.analysis.sentences[sentence];
  if (!s) return [];
  const terms = contentTermsOnce(s.text);
  for (const f of report.analysis.figures) {
    if (f.sentence !== sentence) continue;
    terms.push(...figureKeyTerms(f));
  }
  return terms;
}

/**
 * Index terms naming a figure's counted thing, unit and value, so "soldiers" and "troops" meet even when worded apart,
 * and a sentence giving the same amount ("8.28 million" for "8.3 million") is found whatever its words.
 */
export function figureKeyTerms(f: { countedKey: string | null; unit: string | null; kind: string; value?: { point: number } }): string[] {
  const out = [`#k:${f.kind}`];
  if (f.countedKey) out.push(`#c:${f.countedKey}`);
  if (f.unit) out.push(`#u:${f.unit}`);
  if (f.value && VALUE_KINDS.has(f.kind)) out.push(...valueTerms(f.kind, f.value.point));
  return out;
}

/** Kinds whose value is worth retrieving by: amounts. Dates and times are found by their words. */
const VALUE_KINDS = new Set(['count', 'money', 'percent', 'measure']);

/**
 * The value at two significant digits, and its neighbours 3% either side: two values within rounding of each other
 * share at least one term ("19%" and "almost 20%", "$10.2bn" and "$10.3bn").
 */
export function valueTerms(kind: string, value: number): string[] {
  if (!Number.isFinite(value) || value === 0) return [];
  const key = (x: number) => `#v:${kind}:${Math.abs(x).toPrecision(2)}`;
  return [...new Set([key(value), key(value * 0.97), key(value * 1.03)])];
}

const K1 = 1.2;
const B = 0.75;

/** Builds one segment over every sentence of `reports`. */
export function buildSegment(reports: readonly AnalyzedReport[]): IndexSegment {
  const writer = new SegmentWriter();
  // A sentence's terms are counted by term number in two scratch arrays: a Map of strings per sentence was a third
  // of the index's build time (10,000 reports: 6.1-7.3 s in Node before, see the import stage of the bench).
  let seenIn = new Int32Array(1 << 12).fill(-1);
  let count = new Uint16Array(1 << 12);
  const distinct: number[] = [];
  const addTerm = (term: string, doc: number) => {
    const id = writer.termId(term);
    if (id >= seenIn.length) {
      const size = Math.max(id + 1, seenIn.length * 2);
      const grownSeen = new Int32Array(size).fill(-1);
      grownSeen.set(seenIn);
      seenIn = grownSeen;
      const grownCount = new Uint16Array(size);
      grownCount.set(count);
      count = grownCount;
    }
    if (seenIn[id] !== doc) {
      seenIn[id] = doc;
      count[id] = 1;
      distinct.push(id);
    } else if (count[id]! < 0xffff) count[id]!++;
  };
  reports.forEach((report, r) => {
    const { sentences, figures } = report.analysis;
    const figuresOf: (typeof figures)[] = [];
    for (const f of figures) (figuresOf[f.sentence] ??= []).push(f);
    for (let s = 0; s < sentences.length; s++) {
      const words = contentTermsOnce((sentences[s] as { text: string }).text);
      const keys: string[] = [];
      for (const f of figuresOf[s] ?? []) keys.push(...figureKeyTerms(f));
      const doc = writer.addDoc(r, s, words.length + keys.length);
      distinct.length = 0;
      for (const term of words) addTerm(term, doc);
      for (const term of keys) addTerm(term, doc);
      for (const id of distinct) writer.addPostingOf(id, doc, count[id]!);
    }
  });
  return writer.finish(reports.map((r) => r.meta.id));
}

/**
 * Collects documents and postings, then lays them out as a segment. Terms become small integers as they are met and
 * postings go to flat typed arrays: a Map of growing arrays per term spent most of an import's index time allocating.
 * Postings of one term must be added in document order.
 */
class SegmentWriter {
  private readonly termIds = new Map<string, number>();
  private readonly names: string[] = [];
  private term = new Uint32Array(1 << 14);
  private doc = new Uint32Array(1 << 14);
  private tf = new Uint8Array(1 << 14);
  private postings = 0;
  private readonly docReport: number[] = [];
  private readonly docSentence: number[] = [];
  private readonly docLength: number[] = [];
  private totalLength = 0;

  /** Adds a document (a sentence) and returns its number. */
  addDoc(report: number, sentence: number, length: number): number {
    const len = Math.min(length, 0xffff);
    this.docReport.push(report);
    this.docSentence.push(Math.min(sentence, 0xffff));
    this.docLength.push(len);
    this.totalLength += len;
    return this.docReport.length - 1;
  }

  /** The number of a term, given at its first sight. */
  termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.names.length;
      this.termIds.set(term, id);
      this.names.push(term);
    }
    return id;
  }

  addPosting(term: string, doc: number, tf: number): void {
    this.addPostingOf(this.termId(term), doc, tf);
  }

  addPostingOf(id: number, doc: number, tf: number): void {
    if (this.postings === this.term.length) {
      const grow = <T extends Uint32Array | Uint8Array>(old: T, next: T): T => {
        next.set(old);
        return next;
      };
      this.term = grow(this.term, new Uint32Array(this.term.length * 2));
      this.doc = grow(this.doc, new Uint32Array(this.doc.length * 2));
      this.tf = grow(this.tf, new Uint8Array(this.tf.length * 2));
    }
    this.term[this.postings] = id;
    this.doc[this.postings] = doc;
    this.tf[this.postings] = Math.min(tf, 255);
    this.postings++;
  }

  /** Terms sorted in code-unit order (findTerm bisects them), each term's postings gathered in the order added. */
  finish(reports: string[]): IndexSegment {
    const names = this.names;
    const order = names.map((_, i) => i).sort((a, b) => ((names[a] as string) < (names[b] as string) ? -1 : 1));
    const rank = new Uint32Array(names.length);
    order.forEach((id, at) => {
      rank[id] = at;
    });
    const termStart = new Uint32Array(names.length + 1);
    for (let i = 0; i < this.postings; i++) termStart[(rank[this.term[i] as number] as number) + 1]!++;
    for (let t = 0; t < names.length; t++) termStart[t + 1]! += termStart[t] as number;
    const cursor = termStart.slice(0, names.length);
    const docs = new Uint32Array(this.postings);
    const tfs = new Uint8Array(this.postings);
    for (let i = 0; i < this.postings; i++) {
      const at = cursor[rank[this.term[i] as number] as number]!++;
      docs[at] = this.doc[i] as number;
      tfs[at] = this.tf[i] as number;
    }
    const { postings, starts, df } = encodePostings(termStart, docs, tfs);
    return {
      reports,
      terms: order.map((id) => names[id] as string),
      termStart: starts,
      termDf: df,
      postings,
      docReport: Uint32Array.from(this.docReport),
      docSentence: Uint16Array.from(this.docSentence),
      docLength: Uint16Array.from(this.docLength),
      totalLength: this.totalLength,
    };
  }
}

/** Postings laid out per term (plain arrays, `bounds[t]..bounds[t+1]`) as the varint stream of IndexSegment. */
function encodePostings(bounds: Uint32Array, docs: Uint32Array, tfs: Uint8Array): { postings: Uint8Array; starts: Uint32Array; df: Uint32Array } {
  const terms = bounds.length - 1;
  const starts = new Uint32Array(terms + 1);
  const df = new Uint32Array(terms);
  // Worst case 5 bytes of gap and 2 of count per posting; trimmed at the end.
  let out = new Uint8Array(Math.max(16, docs.length * 2));
  let at = 0;
  const put = (value: number) => {
    if (at + 5 > out.length) {
      const bigger = new Uint8Array(out.length * 2);
      bigger.set(out);
      out = bigger;
    }
    let v = value;
    while (v >= 0x80) {
      out[at++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    out[at++] = v;
  };
  for (let t = 0; t < terms; t++) {
    starts[t] = at;
    df[t] = (bounds[t + 1] as number) - (bounds[t] as number);
    let previous = 0;
    for (let p = bounds[t] as number; p < (bounds[t + 1] as number); p++) {
      const doc = docs[p] as number;
      const tf = tfs[p] as number;
      put((doc - previous) * 2 + (tf > 1 ? 1 : 0));
      if (tf > 1) put(tf);
      previous = doc;
    }
  }
  starts[terms] = at;
  return { postings: out.slice(0, at), starts, df };
}

/** Calls `visit` with each posting (document, count) of term t, in document order. */
export function forEachPosting(seg: IndexSegment, t: number, visit: (doc: number, tf: number) => void): void {
  const bytes = seg.postings;
  const end = seg.termStart[t + 1] as number;
  let p = seg.termStart[t] as number;
  let doc = 0;
  while (p < end) {
    let v = 0;
    let shift = 0;
    let b: number;
    do {
      b = bytes[p++] as number;
      v |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80);
    doc += v >>> 1;
    let tf = 1;
    if (v & 1) {
      tf = 0;
      shift = 0;
      do {
        b = bytes[p++] as number;
        tf |= (b & 0x7f) << shift;
        shift += 7;
      } while (b & 0x80);
    }
    visit(doc, tf);
  }
}

/** Builds the index of a whole corpus as one segment (alias of `buildSegment`, named for the common case). */
export function buildIndex(reports: readonly AnalyzedReport[]): IndexSegment {
  return buildSegment(reports);
}

/** Index of `term` in the segment's sorted terms, or -1. */
function findTerm(seg: IndexSegment, term: string): number {
  let lo = 0;
  let hi = seg.terms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const t = seg.terms.at(mid) as string;
    if (t === term) return mid;
    if (t < term) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * Folds several segments into one, leaving out the reports in `drop` (deleted ones).
 * Works on postings directly: no report needs re-analysing.
 */
export function mergeSegments(segments: readonly IndexSegment[], drop: ReadonlySet<string> = new Set()): IndexSegment {
  const reports: string[] = [];
  const writer = new SegmentWriter();
  for (const seg of segments) {
    const reportMap = seg.reports.map((id) => {
      if (drop.has(id)) return -1;
      reports.push(id);
      return reports.length - 1;
    });
    const docMap = new Int32Array(seg.docReport.length).fill(-1);
    for (let d = 0; d < seg.docReport.length; d++) {
      const r = reportMap[seg.docReport[d] ?? 0] ?? -1;
      if (r >= 0) docMap[d] = writer.addDoc(r, seg.docSentence[d] ?? 0, seg.docLength[d] ?? 0);
    }
    const terms = listTerms(seg.terms);
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t] as string;
      forEachPosting(seg, t, (from, tf) => {
        const doc = docMap[from] ?? -1;
        if (doc >= 0) writer.addPosting(term, doc, tf);
      });
    }
  }
  return writer.finish(reports);
}

const MAGIC = 0x58495353; // "SSIX"
const FORMAT_VERSION = 2;
const HEADER_WORDS = 10;

/**
 * Serializes a segment into one binary record (for IndexedDB or a file).
 * Layout: a header of u32 words, then the sections, each padded to 4 bytes so typed arrays view it in place.
 */
export function encodeIndex(seg: IndexSegment): Uint8Array {
  const enc = new TextEncoder();
  const reportBytes = enc.encode(seg.reports.join('\n'));
  const termBytes = termBytesOf(seg.terms);
  const pad = (n: number) => (n + 3) & ~3;
  const nDocs = seg.docReport.length;
  const nPost = seg.postings.length;
  const sizes = [
    HEADER_WORDS * 4,
    pad(reportBytes.length),
    pad(termBytes.length),
    seg.termStart.byteLength,
    seg.termDf.byteLength,
    pad(nPost),
    nDocs * 4,
    pad(nDocs * 2),
    pad(nDocs * 2),
  ];
  const out = new Uint8Array(sizes.reduce((a, b) => a + b, 0));
  const header = new Uint32Array(out.buffer, 0, HEADER_WORDS);
  header.set([
    MAGIC,
    FORMAT_VERSION,
    seg.reports.length,
    seg.terms.length,
    nDocs,
    nPost,
    reportBytes.length,
    termBytes.length,
    Math.min(seg.totalLength, 0xffffffff),
    0,
  ]);
  let at = sizes[0] ?? 0;
  const put = (bytes: Uint8Array, size: number) => {
    out.set(bytes, at);
    at += size;
  };
  const view = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  put(reportBytes, sizes[1] ?? 0);
  put(termBytes, sizes[2] ?? 0);
  put(view(seg.termStart), sizes[3] ?? 0);
  put(view(seg.termDf), sizes[4] ?? 0);
  put(seg.postings, sizes[5] ?? 0);
  put(view(seg.docReport), sizes[6] ?? 0);
  put(view(seg.docSentence), sizes[7] ?? 0);
  put(view(seg.docLength), sizes[8] ?? 0);
  return out;
}

/** Reads a record written by `encodeIndex`. Typed arrays view the bytes in place (copied once if misaligned). */
export function decodeIndex(bytes: Uint8Array): IndexSegment {
  let data = bytes;
  if (data.byteOffset % 4 !== 0) data = data.slice();
  if (data.byteLength < HEADER_WORDS * 4) throw new Error('Index record is too short.');
  const h = new Uint32Array(data.buffer, data.byteOffset, HEADER_WORDS);
  if (h[0] !== MAGIC) throw new Error('Not a Second Source index record.');
  if (h[1] !== FORMAT_VERSION) throw new Error(`Unsupported index format version ${String(h[1])}.`);
  const [nReports, nTerms, nDocs, nPost, reportLen, termLen, totalLength] = [h[2], h[3], h[4], h[5], h[6], h[7], h[8]].map(
    (x) => x ?? 0,
  ) as [number, number, number, number, number, number, number];
  const pad = (n: number) => (n + 3) & ~3;
  const dec = new TextDecoder();
  let at = data.byteOffset + HEADER_WORDS * 4;
  const take = (len: number) => {
    const start = at;
    at += pad(len);
    if (at - data.byteOffset > data.byteLength) throw new Error('Index record is truncated.');
    return start;
  };
  const reportsAt = take(reportLen);
  const termsAt = take(termLen);
  const reportText = dec.decode(new Uint8Array(data.buffer, reportsAt, reportLen));
  const reports = nReports === 0 ? [] : reportText.split('\n');
  if (reports.length !== nReports) throw new Error('Index record is corrupt.');
  const terms = new EncodedTerms(new Uint8Array(data.buffer, termsAt, termLen), nTerms);
  const termStart = new Uint32Array(data.buffer, take((nTerms + 1) * 4), nTerms + 1);
  const termDf = new Uint32Array(data.buffer, take(nTerms * 4), nTerms);
  const postings = new Uint8Array(data.buffer, take(nPost), nPost);
  const docReport = new Uint32Array(data.buffer, take(nDocs * 4), nDocs);
  const docSentence = new Uint16Array(data.buffer, take(nDocs * 2), nDocs);
  const docLength = new Uint16Array(data.buffer, take(nDocs * 2), nDocs);
  if ((termStart[nTerms] ?? 0) !== nPost) throw new Error('Index record is corrupt.');
  return { reports, terms, termStart, termDf, postings, docReport, docSentence, docLength, totalLength };
}

/**
 * Takes an index segment a pack carries, for the reports it says it covers, when it is sound: the bytes decode, it
 * lists exactly `packIds` in order, its terms are sorted, every posting list ends where the next begins with its
 * stated count of documents in order, and every document is a sentence its report has (`sentenceCounts`). Returns
 * the segment re-encoded with `finalIds` as its reports (an import renames some), without the reports whose final id
 * is blank (those it skips: dropped here once, not hidden at every wake), or null: the importer then builds the
 * segment itself. Untrusted bytes never reach a search unchecked.
 */
export function adoptSegment(
  bytes: Uint8Array,
  packIds: readonly string[],
  finalIds: readonly string[],
  sentenceCounts: readonly number[],
): Uint8Array | null {
  let seg: IndexSegment;
  try {
    seg = decodeIndex(bytes);
  } catch {
    return null;
  }
  if (seg.reports.length !== packIds.length || finalIds.length !== packIds.length || sentenceCounts.length !== packIds.length) return null;
  if (seg.reports.some((id, index) => id !== packIds[index])) return null;
  const terms = listTerms(seg.terms);
  for (let t = 1; t < terms.length; t++) if (!((terms[t - 1] as string) < (terms[t] as string))) return null;
  const docs = seg.docReport.length;
  let length = 0;
  for (let d = 0; d < docs; d++) {
    const report = seg.docReport[d] as number;
    if (report >= packIds.length || (seg.docSentence[d] as number) >= (sentenceCounts[report] as number)) return null;
    length += seg.docLength[d] as number;
  }
  if (length !== seg.totalLength || seg.termStart[0] !== 0) return null;
  for (let t = 0; t < seg.terms.length; t++) {
    const start = seg.termStart[t] as number;
    const end = seg.termStart[t + 1] as number;
    if (end < start || end > seg.postings.length || (end > start && (seg.postings[end - 1] as number) & 0x80)) return null;
    let count = 0;
    let last = -1;
    let ordered = true;
    forEachPosting(seg, t, (doc) => {
      if (doc <= last || doc >= docs) ordered = false;
      last = doc;
      count++;
    });
    if (!ordered || count !== seg.termDf[t]) return null;
  }
  const renamed = { ...seg, reports: [...finalIds] };
  return encodeIndex(finalIds.includes('') ? mergeSegments([renamed], new Set([''])) : renamed);
}

/**
 * Searches several segments as one index, with BM25 statistics taken over all of them,
 * and hides removed reports until the next merge.
 */
export class SegmentedIndex implements SentenceSearcher {
  private segments: IndexSegment[] = [];
  private removed = new Set<string>();
  /**
   * Score accumulators and the list of documents holding one, shared by all segments (searched one after another, and
   * left zeroed): sized to the largest segment, not one pair per segment, which at 100,000 reports held 32 MB.
   */
  private scratch = new Float32Array(0);
  private touched = new Uint32Array(0);
  /** Per segment: reports superseded by a newer segment (a report saved again). */
  private hidden: Set<string>[] = [];
  /** Report id → index of the newest segment holding it. */
  private owner = new Map<string, number>();

  constructor(segments: readonly IndexSegment[] = []) {
    for (const s of segments) this.add(s);
  }

  /** Adds a segment (e.g. the index of one report a reader saved). A report id present twice: the newest wins. */
  add(segment: IndexSegment): void {
    const at = this.segments.length;
    for (const id of segment.reports) {
      this.removed.delete(id);
      // An older copy of a re-saved report must not be found twice (a map, not a scan: wakes add many segments).
      const previous = this.owner.get(id);
      if (previous !== undefined) this.hidden[previous]?.add(id);
      this.owner.set(id, at);
    }
    this.segments.push(segment);
    this.hidden.push(new Set());
    if (segment.docReport.length > this.scratch.length) {
      this.scratch = new Float32Array(segment.docReport.length);
      this.touched = new Uint32Array(segment.docReport.length);
    }
  }

  /** Hides a report from results (deleted by the reader). */
  remove(id: string): void {
    this.removed.add(id);
  }

  /** The segments, for persisting or merging. */
  get parts(): readonly IndexSegment[] {
    return this.segments;
  }

  /** Merges all segments into one, dropping removed and superseded reports. */
  compact(): IndexSegment {
    const merged = mergeSegments(
      this.segments.map((seg, i) => {
        const drop = new Set([...(this.hidden[i] ?? []), ...this.removed]);
        return drop.size === 0 ? seg : mergeSegments([seg], drop);
      }),
    );
    this.segments = [];
    this.hidden = [];
    this.owner.clear();
    this.scratch = new Float32Array(0);
    this.touched = new Uint32Array(0);
    this.removed.clear();
    this.add(merged);
    return merged;
  }

  get documentCount(): number {
    return this.segments.reduce((n, s) => n + s.docReport.length, 0);
  }

  get reportCount(): number {
    let n = 0;
    this.segments.forEach((s, i) => {
      n += s.reports.length - (this.hidden[i]?.size ?? 0);
    });
    return n - this.removed.size;
  }

  search(terms: readonly string[], k: number, options: SearchOptions = {}): SearchHit[] {
    const N = this.documentCount;
    if (N === 0 || k <= 0) return [];
    const totalLength = this.segments.reduce((n, s) => n + s.totalLength, 0);
    const avgdl = totalLength / N || 1;
    const unique = [...new Set(terms)];
    // Locate each term in each segment and sum its document frequency over all segments.
    const found = unique.map((term) => {
      const at = this.segments.map((seg) => findTerm(seg, term));
      let df = 0;
      at.forEach((t, i) => {
        const seg = this.segments[i];
        if (t >= 0 && seg) df += seg.termDf[t] ?? 0;
      });
      const idf = Math.log(1 + (N - df + 0.5) / (df + 0.5));
      return { term, at, df, weight: idf * (options.weights?.get(term) ?? 1) };
    });
    let active = found.filter((f) => f.df > 0);
    const common = Math.max(options.minCommonDocs ?? 1000, N * (options.maxDocShare ?? 0.015));
    const rare = active.filter((f) => f.df <= common);
    if (rare.length >= 3) active = rare;
    const maxTerms = options.maxTerms ?? 12;
    // Highest weight first, so that stopping early (maxCandidates) leaves out the least telling terms.
    active = active.sort((a, b) => b.weight - a.weight).slice(0, maxTerms);
    const maxCandidates = options.maxCandidates ?? 5000;
    const exclude = options.exclude;
    const hits: SearchHit[] = [];
    this.segments.forEach((seg, si) => {
      const acc = this.scratch;
      // BM25's length normalization, K1 × (1 − B + B × length / avgdl), computed per posting: a cached array per
      // document cost 16 MB at 100,000 reports for a multiply-add.
      const lengths = seg.docLength;
      const base = K1 * (1 - B);
      const perLength = (K1 * B) / avgdl;
      const touchedBuf = this.touched;
      let touchedCount = 0;
      for (const f of active) {
        const t = f.at[si] ?? -1;
        if (t < 0) continue;
        // Accumulator limit ("quit", Moffat & Zobel 1996): once this many sentences hold a score, the remaining,
        // commoner terms would mostly add postings to walk, not change who is on top.
        if (touchedCount >= maxCandidates) break;
        const w = f.weight * (K1 + 1);
        forEachPosting(seg, t, (d, tf) => {
          const prev = acc[d] as number;
          if (prev === 0) touchedBuf[touchedCount++] = d;
          acc[d] = prev + (w * tf) / (tf + base + perLength * (lengths[d] as number));
        });
      }
      const hidden = this.hidden[si];
      // Keep the k best of this segment with a small bounded insertion list.
      const best: SearchHit[] = [];
      for (let n = 0; n < touchedCount; n++) {
        const d = touchedBuf[n] as number;
        const score = acc[d] ?? 0;
        acc[d] = 0;
        if (best.length === k && score <= (best[k - 1]?.score ?? 0)) continue;
        const id = seg.reports[seg.docReport[d] ?? 0] as string;
        if (exclude?.has(id) || this.removed.has(id) || hidden?.has(id)) continue;
        const hit = { report: id, sentence: seg.docSentence[d] ?? 0, score };
        let i = best.length;
        if (best.length < k) best.push(hit);
        else i = k - 1;
        while (i > 0 && (best[i - 1]?.score ?? 0) < score) {
          best[i] = best[i - 1] as SearchHit;
          i--;
        }
        best[i] = hit;
      }
      hits.push(...best);
    });
    hits.sort((a, b) => b.score - a.score);
    return hits.slice(0, k);
  }
}

/** Bytes held by a segment's arrays (for the memory figures of the benchmark). */
export function segmentBytes(seg: IndexSegment): number {
  return (
    seg.termStart.byteLength +
    seg.termDf.byteLength +
    seg.postings.byteLength +
    seg.docReport.byteLength +
    seg.docSentence.byteLength +
    seg.docLength.byteLength +
    (seg.terms instanceof EncodedTerms ? seg.terms.heldBytes : listTerms(seg.terms).reduce((n, t) => n + t.length * 2 + 16, 0))
  );
}

/**
 * Version of how sentences become terms (text.ts, figure keys). Bump it with any change there: stored segments
 * built the old way would no longer meet the queries.
 */
const TERMS_VERSION = 3;

/** Version of the stored segments (binary layout and terms), for the database to know when to rebuild them. */
export const INDEX_FORMAT = `${FORMAT_VERSION}.${TERMS_VERSION}`;

/** Builds and encodes one segment: the `buildSegment` the database's CorpusDeps expects. */
export function encodeSegment(reports: readonly AnalyzedReport[]): Uint8Array {
  return encodeIndex(buildSegment(reports));
}

/** Decodes stored segment records into one searcher (what a service worker does on wake). */
export function openSegments(records: readonly Uint8Array[]): SegmentedIndex {
  return new SegmentedIndex(records.map(decodeIndex));
}

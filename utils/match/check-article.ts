// Cross-checks an analysed article against the corpus: linked reports, relations and reasons for each figure and statement.
import { sourceName } from '../corpus/format/display-name';
import type { ArticleAnalysis, ArticleInput, Figure, Sentence, Statement } from '../analysis/types';
import type { AnalyzedReport } from '../corpus/types';
import type { Corpus } from './corpus';
import { cachedSentenceHashes, clusterReports, containment, reportShingles, sentenceHashes, shingles } from './near-copies';
import { BOUND_REACH, compareContexts, compareValues, daysBetween, figureContext, oneSidedBound, sameQuantity, storyEntities, type FigureContext, type FigureNeighbours, type QuantityOptions } from './quantity';
import { figureKeyTerms, valueTerms, type SearchHit } from './sentence-index';
import { salientHolders, type StoryNames } from '../frames/quantity-frame';
import { frameBefore } from './statement-claims';
import { relateStatement, sameSpeaker } from './statements';
import { contentTerms, formatDay } from './text';

export { formatDay };
import type { CheckResult, FigureFinding, FigureLink, StatementFinding, StatementLink } from './types';

/** Options of `checkArticle`; every field has a default. */
export interface CheckOptions extends QuantityOptions {
  /** Report sentences retrieved per page sentence holding figures. Default 40. */
  figureHits?: number;
  /** Report sentences retrieved per statement. Default 20. */
  statementHits?: number;
  /** Reports to treat as the page itself (never listed), in addition to those found by URL or text. */
  exclude?: readonly string[];
  /** Reports read at most (see MAX_CHECKED_REPORTS). */
  maxReports?: number;
}

/** One retrieval query: terms (with weights) for a page sentence, and how many of its best terms are scored. */
interface Query {
  terms: string[];
  weights: Map<string, number>;
  k: number;
  maxTerms: number;
}

/** The retrieval query for a page sentence that holds figures. */
function figureQuery(sentence: string, figures: readonly Figure[], k: number): Query {
  const weights = new Map<string, number>();
  const terms = [...contentTerms(sentence)];
  // The figure's own words count double and its counted thing triple: when only the top-weighted terms are scored,
  // a page's unique words (a name no other report uses) must not crowd them out.
  for (const f of figures) {
    for (const t of figureKeyTerms(f)) {
      terms.push(t);
      weights.set(t, t.startsWith('#c:') || t.startsWith('#v:') ? 3 : 2);
    }
    for (const t of contentTerms(f.text)) weights.set(t, 2);
    // "More than 30%" is also found where another report gives the 32% it rounds.
    for (const t of boundReachTerms(f)) {
      if (weights.has(t)) continue;
      terms.push(t);
      weights.set(t, 2);
    }
  }
  // A sentence of several figures needs terms for each: a fixed budget lets the rarest figure's terms crowd out the rest.
  return { terms, weights, k, maxTerms: Math.min(20, 7 + 3 * figures.length) };
}

/** Value terms of the values a one-sided bound covers within reach ("over 20%": 20% to 25%). */
function boundReachTerms(f: Figure): string[] {
  const side = oneSidedBound(f);
  // Only amounts are indexed by value.
  if (!side || !figureKeyTerms(f).some((t) => t.startsWith('#v:'))) return [];
  const out = new Set<string>();
  for (let step = 1.03; step <= BOUND_REACH + 1e-9; step *= 1.03) {
    for (const t of valueTerms(f.kind, side === 'at-least' ? f.value.point * step : f.value.point / step)) out.add(t);
  }
  return [...out];
}

function statementQuery(text: string, k: number): Query {
  // A repeated quote shares its rarest words: a few of them find it.
  return { terms: [...contentTerms(text)], weights: new Map(), k, maxTerms: 8 };
}

/** The queries `checkArticle` will run for an analysis (shared with `candidateReportIds`). */
function plan(analysis: ArticleAnalysis, options: CheckOptions) {
  const bySentence = new Map<number, Figure[]>();
  for (const f of analysis.figures) bySentence.set(f.sentence, [...(bySentence.get(f.sentence) ?? []), f]);
  const figureQueries = [...bySentence].map(([s, figs]) => ({
    sentence: s,
    figures: figs,
    query: figureQuery(analysis.sentences[s]?.text ?? '', figs, options.figureHits ?? 40),
  }));
  const statementQueries = analysis.statements.map((st) => ({
    statement: st,
    query: statementQuery(st.text, options.statementHits ?? 20),
  }));
  return { figureQueries, statementQueries };
}

/**
 * Reports one check reads at most. Past a few dozen, more reports of the same story (syndicated copies, updates) add
 * reading and comparing time, not news: the cap keeps a check's cost flat as the corpus grows.
 */
export const MAX_CHECKED_REPORTS = 60;

/** Reports each query keeps beyond the cap: its best ones, so no figure loses its own sources to the page's story. */
const REPORTS_PER_QUERY = 2;

/** Every query's hits, searched without the page's own reports, and the reports a check reads. */
interface Retrieval extends ReturnType<typeof plan> {
  figureHits: SearchHit[][];
  statementHits: SearchHit[][];
  /** The reports a check reads and may link, best first. */
  reports: string[];
}

/**
 * What a check settles before it reads the reports it links: which reports are the page itself, and the retrieval
 * run without them. The background makes it from the few reports that can be the page (selfCandidates), then fetches
 * `retrieval.reports`; checkArticle makes it itself when not given one.
 */
export interface CheckPlan {
  self: string[];
  retrieval: Retrieval;
}

/**
 * Runs the plan's queries without the page's own reports and picks the reports to read: those answering the most
 * queries first, then those with the best-scored sentences, MAX_CHECKED_REPORTS of them; and each query's own best
 * REPORTS_PER_QUERY. A check's reads grow with its page's figures, not with the corpus.
 */
function retrieve(analysis: ArticleAnalysis, search: Corpus['search'], options: CheckOptions, exclude: ReadonlySet<string>): Retrieval {
  const { figureQueries, statementQueries } = plan(analysis, options);
  const run = (q: Query) => search(q.terms, q.k, { weights: q.weights, exclude, maxTerms: q.maxTerms });
  const figureHits = figureQueries.map((x) => run(x.query));
  const statementHits = statementQueries.map((x) => run(x.query));
  const answered = new Map<string, { queries: number; score: number }>();
  for (const hits of [...figureHits, ...statementHits]) {
    const best = new Map<string, number>();
    for (const h of hits) best.set(h.report, Math.max(best.get(h.report) ?? 0, h.score));
    for (const [report, score] of best) {
      const tally = answered.get(report) ?? { queries: 0, score: 0 };
      tally.queries += 1;
      tally.score += score;
      answered.set(report, tally);
    }
  }
  const reports = new Set(
    [...answered]
      .sort(([a, x], [b, y]) => y.queries - x.queries || y.score - x.score || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, options.maxReports ?? MAX_CHECKED_REPORTS)
      .map(([report]) => report),
  );
  // And each query's own best reports: on a long page, figures sourced from many different reports each keep theirs.
  for (const hits of [...figureHits, ...statementHits]) {
    const own = new Set<string>();
    for (const h of hits) {
      if (own.size === REPORTS_PER_QUERY) break;
      own.add(h.report);
      reports.add(h.report);
    }
  }
  return { figureQueries, statementQueries, figureHits, statementHits, reports: [...reports] };
}

/** Reports that may be the page itself (same URL, or hit by the self probes): what `planCheck` reads to decide. */
export function selfCandidates(input: ArticleInput, analysis: ArticleAnalysis, corpus: Pick<Corpus, 'search' | 'findByUrl'>): string[] {
  const ids = new Set(input.url ? corpus.findByUrl(input.url) : []);
  for (const h of selfProbes(analysis, corpus.search.bind(corpus))) ids.add(h.report);
  return [...ids];
}

/** The page's own reports and the retrieval without them. `corpus` must hold at least the selfCandidates. */
export function planCheck(input: ArticleInput, analysis: ArticleAnalysis, corpus: Corpus, options: CheckOptions = {}): CheckPlan {
  const self = [...findSelf(input, analysis, corpus), ...(options.exclude ?? [])];
  return { self, retrieval: retrieve(analysis, corpus.search.bind(corpus), options, new Set(self)) };
}

/** Per report: its figures' contexts, computed once. */
const contexts = new WeakMap<AnalyzedReport, Map<number, FigureContext[]>>();

function reportFigureContexts(report: AnalyzedReport, sentence: number): FigureContext[] {
  let bySentence = contexts.get(report);
  if (!bySentence) contexts.set(report, (bySentence = new Map()));
  let list = bySentence.get(sentence);
  if (!list) {
    const a = report.analysis;
    const s = a.sentences[sentence];
    const figs = a.figures.filter((f) => f.sentence === sentence);
    const occasion = report.meta.eventDate ?? report.meta.published;
    const story = reportStory(report);
    list = s ? figs.map((f) => figureContext(f, s.text, s.start, report.meta.published, figs, occasion, story, neighbours(a.sentences, sentence, reportHolders(report)))) : [];
    bySentence.set(sentence, list);
  }
  return list;
}

/** The sentence before and the first sentence of the paragraph, which a figure's frame may need. */
function neighbours(sentences: readonly Sentence[], index: number, story: () => StoryNames): FigureNeighbours {
  const s = sentences[index];
  if (!s) return {};
  let lead = index;
  while (lead > 0 && sentences[lead - 1]?.paragraph === s.paragraph) lead -= 1;
  return { previousSentence: sentences[index - 1]?.text ?? null, paragraphLead: lead < index ? (sentences[lead]?.text ?? null) : null, story };
}

const holderCache = new WeakMap<AnalyzedReport, StoryNames>();

/** Who a report is about, computed once per report. */
function reportHolders(report: AnalyzedReport): () => StoryNames {
  return () => {
    let h = holderCache.get(report);
    if (!h) holderCache.set(report, (h = salientHolders(report.meta.headline, report.analysis.sentences)));
    return h;
  };
}

const stories = new WeakMap<AnalyzedReport, Set<string>>();

/** Names of a report's headline and lead, computed once per report. */
function reportStory(report: AnalyzedReport): Set<string> {
  let story = stories.get(report);
  if (!story) stories.set(report, (story = storyEntities(report.meta.headline, report.analysis.sentences)));
  return story;
}

/** Long page sentences searched to recognize the page as a corpus report. */
function selfProbes(analysis: ArticleAnalysis, search: Corpus['search']): SearchHit[] {
  const longest = [...analysis.sentences].sort((a, b) => b.text.length - a.text.length).slice(0, 4);
  const hits: SearchHit[] = [];
  for (const s of longest) hits.push(...search(contentTerms(s.text), 3, { maxTerms: 8 }));
  return hits;
}

/** Reports that are the page itself: same URL, or nearly the same text. Returns them best first. */
function findSelf(input: ArticleInput, analysis: ArticleAnalysis, corpus: Corpus): string[] {
  const out = new Set<string>();
  if (input.url) for (const id of corpus.findByUrl(input.url)) out.add(id);
  const votes = new Map<string, number>();
  for (const h of selfProbes(analysis, corpus.search.bind(corpus))) votes.set(h.report, (votes.get(h.report) ?? 0) + 1);
  const pageSentences = sentenceHashes(analysis.sentences);
  let pageShingles: Set<number> | null = null;
  const scored: [string, number][] = [];
  for (const [id, n] of votes) {
    if (n < 2) continue;
    const r = corpus.getReport(id);
    if (!r) continue;
    // Sentences kept verbatim settle most cases cheaply; word 3-grams decide when the sentences were cut differently.
    let c = containment(pageSentences, cachedSentenceHashes(id, r.analysis.sentences));
    if (c < 0.5 && c >= 0.1) {
      pageShingles ??= shingles(analysis.text);
      c = containment(pageShingles, reportShingles(id, r.analysis.text));
    }
    if (c >= 0.5) scored.push([id, c]);
  }
  scored.sort((a, b) => b[1] - a[1]);
  for (const [id] of scored) out.add(id);
  return [...out];
}

/** Pronouns a statement's speaker may be resolved from: too unsure to tell two speakers apart. */
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'him', 'her', 'them']);

/** The speaker key when the sentence names the speaker, not when it was resolved from a pronoun. */
function namedSpeaker(st: Statement): string | null {
  if (!st.speakerKey || !st.speaker) return null;
  return PRONOUNS.has(st.speaker.trim().toLowerCase()) ? null : st.speakerKey;
}

/** A report's source as the reader sees it everywhere (utils/corpus/format/display-name.ts). */
export function outletName(report: AnalyzedReport): string {
  return sourceName(report.meta);
}

/**
 * Cross-checks the page against the corpus. Pure and synchronous: `corpus` must hold (at least) the
 * reports that its searcher can return. The page itself is never listed (by URL or near-identical text).
 */
export function checkArticle(
  input: ArticleInput,
  analysis: ArticleAnalysis,
  corpus: Corpus,
  options: CheckOptions = {},
  /** Made by planCheck with the same input, analysis and options; made here when not given. */
  given?: CheckPlan,
): CheckResult {
  const { self: selfIds, retrieval } = given ?? planCheck(input, analysis, corpus, options);
  const published = input.published ?? analysis.published;
  const article: CheckResult['article'] = {
    title: input.title ?? '',
    published,
    corpusId: selfIds[0] ?? null,
    url: input.url,
    siteName: input.siteName,
  };
  if (analysis.declined) {
    return {
      article,
      figures: [],
      statements: [],
      summary: { figures: 0, differ: 0, confirmed: 0, onlyHere: 0 },
      corpusSize: corpus.size,
      declined: analysis.declined,
    };
  }
  const self = article.corpusId ? corpus.getReport(article.corpusId) : undefined;
  const occasion = self?.meta.eventDate ?? published;
  const { figureQueries, statementQueries } = retrieval;
  // Only the reports the retrieval picked are read: the background fetched exactly these.
  const checked = new Set(retrieval.reports);
  const pageStory = storyEntities(input.title, analysis.sentences);
  let pageNames: StoryNames | null = null;
  const pageHolders = () => (pageNames ??= salientHolders(input.title, analysis.sentences));

  // Figures.
  const linksByFigure = new Map<Figure, { link: FigureLink; evidence: number; start: number }[]>();
  for (const [q, { sentence: si, figures }] of figureQueries.entries()) {
    const s = analysis.sentences[si];
    if (!s) continue;
    const pageContexts = figures.map((f) => figureContext(f, s.text, s.start, published, figures, occasion, pageStory, neighbours(analysis.sentences, si, pageHolders)));
    for (const hit of retrieval.figureHits[q] ?? []) {
      const report = checked.has(hit.report) ? corpus.getReport(hit.report) : undefined;
      if (!report) continue;
      const rs = report.analysis.sentences[hit.sentence];
      if (!rs) continue;
      const theirFigures = reportFigureContexts(report, hit.sentence);
      for (const theirs of theirFigures) {
        for (const mine of pageContexts) {
          const same = sameQuantity(mine, theirs, options);
          if (!same.same) continue;
          const value = same.relation ?? compareContexts(mine, theirs, options);
          if (value.unrelated) continue;
          if (same.agreeOnly && (value.relation !== 'agrees' || value.vague)) continue;
          // A report sentence that also gives the page's value ("the Liberal Party took 14.1%, and the Green Left
          // won 11.6%") lists several quantities: its other figures are other items', not a conflict.
          if (value.relation === 'differs' && !value.vague && echoes(mine.figure, theirFigures, theirs, options)) continue;
          const link = makeFigureLink(report, rs.text, rs.start, theirs, same.reasons, value, published);
          // A report may give the quantity twice ("tens of thousands", later "more than 100,000"): keep each figure once.
          const list = linksByFigure.get(mine.figure) ?? [];
          const key = `${report.meta.id}:${theirs.figure.start}`;
          if (!list.some((l) => `${l.link.report}:${l.start}` === key)) list.push({ link, evidence: same.evidence, start: theirs.figure.start });
          linksByFigure.set(mine.figure, list);
        }
      }
    }
  }

  // Statements.
  const linksByStatement = new Map<Statement, StatementLink[]>();
  for (const [q, { statement }] of statementQueries.entries()) {
    const list: StatementLink[] = [];
    for (const hit of retrieval.statementHits[q] ?? []) {
      if (list.some((l) => l.report === hit.report) || !checked.has(hit.report)) continue;
      const report = corpus.getReport(hit.report);
      const rs = report?.analysis.sentences[hit.sentence];
      if (!report || !rs) continue;
      const theirs = report.analysis.statements.find((st) => st.sentence === hit.sentence && st.speakerKey) ?? null;
      const mineKey = namedSpeaker(statement);
      const theirKey = theirs ? namedSpeaker(theirs) : null;
      // Two different named speakers: another person's words, however alike.
      if (mineKey && theirKey && !sameSpeaker(mineKey, theirKey)) continue;
      const pageSentence = analysis.sentences[statement.sentence];
      // What the report sentence says: its attributed statement (else any statement in it, else the sentence itself),
      // with the quote that finishes it ("said demand for premium cabins “has never been stronger”").
      const said = theirs ?? report.analysis.statements.find((st) => st.sentence === hit.sentence);
      let saidText = said?.text ?? '';
      let saidEnd = said?.end ?? 0;
      for (const st of report.analysis.statements) {
        if (st.sentence !== hit.sentence || st.start < saidEnd || st.start - saidEnd > 3) continue;
        saidText += ` ${st.text}`;
        saidEnd = st.end;
      }
      // A quotation is the speaker's own words: a verb before it ("denied the report: “We never …”") is not its frame.
      const frameOf = (st: Statement, sentence: { text: string; start: number } | undefined) =>
        st.kind === 'quote' || !sentence ? '' : frameBefore(sentence, st.start);
      const claims = {
        a: { frame: frameOf(statement, pageSentence), body: statement.text },
        b: said ? { frame: frameOf(said, rs), body: saidText } : { frame: '', body: rs.text },
      };
      const verdict = relateStatement(statement.text, rs.text, { a: mineKey, b: theirKey }, claims);
      if (!verdict) continue;
      list.push({
        report: report.meta.id,
        outlet: outletName(report),
        published: report.meta.published,
        sentence: rs.text,
        relation: verdict.relation,
        reasons: verdict.reasons,
        cluster: report.meta.id,
      });
    }
    if (list.length > 0) linksByStatement.set(statement, list);
  }

  // Near copies of one story count once.
  const linked = new Set<string>();
  for (const list of linksByFigure.values()) for (const l of list) linked.add(l.link.report);
  for (const list of linksByStatement.values()) for (const l of list) linked.add(l.report);
  const clusterOf = clusterReports(
    [...linked].flatMap((id) => {
      const r = corpus.getReport(id);
      return r ? [{ meta: r.meta, sentences: r.analysis.sentences }] : [];
    }),
  );
  const independent = (ids: string[]) => new Set(ids.map((id) => clusterOf.get(id) ?? id)).size;

  const figures: FigureFinding[] = analysis.figures.map((f) => {
    const links = (linksByFigure.get(f) ?? []).map((x) => ({ ...x.link, cluster: clusterOf.get(x.link.report) ?? x.link.report }));
    links.sort((a, b) => (a.published ?? '').localeCompare(b.published ?? '') || a.report.localeCompare(b.report));
    const s = analysis.sentences[f.sentence];
    const differs = links.some((l) => l.relation === 'differs' && !l.vague);
    return {
      text: f.text,
      sentence: s?.text ?? '',
      kind: f.kind,
      value: f.value,
      start: f.start,
      end: f.end,
      sentenceStart: s?.start ?? f.start,
      attribution: f.attribution,
      reports: links,
      reportCount: new Set(links.map((l) => l.report)).size,
      independent: independent(links.map((l) => l.report)),
      verdict: differs ? 'differs' : links.length > 0 ? 'agrees' : null,
      date: f.date,
      qualifier: f.qualifier,
    };
  });
  const statements: StatementFinding[] = analysis.statements.flatMap((st) => {
    const links = linksByStatement.get(st);
    if (!links) return [];
    const withClusters = links.map((l) => ({ ...l, cluster: clusterOf.get(l.report) ?? l.report }));
    return [
      {
        sentence: analysis.sentences[st.sentence]?.text ?? st.text,
        text: st.text,
        speaker: st.speaker,
        start: st.start,
        end: st.end,
        reports: withClusters,
        reportCount: new Set(withClusters.map((l) => l.report)).size,
        independent: independent(withClusters.map((l) => l.report)),
      },
    ];
  });
  return {
    article,
    figures,
    statements,
    summary: {
      figures: figures.length,
      differ: figures.filter((f) => f.verdict === 'differs').length,
      confirmed: figures.filter((f) => f.verdict === 'agrees').length,
      onlyHere: figures.filter((f) => f.reports.length === 0).length,
    },
    corpusSize: corpus.size,
    declined: null,
  };
}

/** True when another figure of the report sentence than `theirs` gives the same value as `mine`. */
function echoes(mine: Figure, sentenceFigures: readonly FigureContext[], theirs: FigureContext, options: CheckOptions): boolean {
  return sentenceFigures.some((o) => {
    if (o === theirs || o.figure.kind !== mine.kind || o.figure.value.vague !== mine.value.vague) return false;
    const v = compareValues(mine, o.figure, options);
    return v.relation === 'agrees' && !v.vague;
  });
}

function makeFigureLink(
  report: AnalyzedReport,
  sentence: string,
  sentenceStart: number,
  theirs: FigureContext,
  sameReasons: string[],
  value: ReturnType<typeof compareValues>,
  pagePublished: string | null,
): FigureLink {
  const f = theirs.figure;
  const reasons = [...sameReasons, value.reason];
  let timeline: FigureLink['timeline'] = null;
  const rp = report.meta.published;
  const gap = daysBetween(rp, pagePublished);
  if (rp && pagePublished && gap !== null) {
    timeline = gap < 1 ? 'same' : rp < pagePublished ? 'earlier' : 'later';
  }
  // A date is not "according to" anyone in a way worth showing; a quantity is.
  const attributed = f.attribution && !['date', 'year', 'time'].includes(f.kind) ? f.attribution : null;
  const who = attributed ? ` (${attributed})` : '';
  if (timeline === 'earlier' || timeline === 'later') {
    const line = `${timeline === 'earlier' ? 'Earlier' : 'Later'} report, ${formatDay(rp as string)}: ${f.text}${who}.`;
    reasons.push(value.relation === 'differs' && !value.vague ? `${line} The figure may have changed over time.` : line);
  } else if (rp && timeline === 'same') {
    reasons.push(`Same day, ${formatDay(rp)}: ${f.text}${who}.`);
  } else if (attributed) {
    reasons.push(`Attributed to ${attributed}.`);
  }
  return {
    report: report.meta.id,
    outlet: outletName(report),
    published: rp,
    text: f.text,
    sentence,
    relation: value.relation,
    vague: value.vague,
    timeline,
    attribution: f.attribution,
    reasons,
    cluster: report.meta.id,
    figureStart: f.start - sentenceStart,
    figureEnd: f.end - sentenceStart,
    value: f.value,
    kind: f.kind,
    date: f.date,
    qualifier: f.qualifier,
  };
}

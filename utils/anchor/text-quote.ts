// Anchoring by quote: finds a sentence in a page's text by its words and context, then a figure inside that sentence.
// Pure string work: the content script flattens the page's text nodes and maps the offsets back to DOM ranges.

/** A character range [start, end) into a text. */
export interface TextSpan {
  start: number;
  end: number;
}

/**
 * A view of a text reduced for matching, with `map[i]` the raw offset of reduced character i
 * (and `map[text.length]` the raw length), so a match in the view converts back to raw offsets.
 */
export interface MatchView {
  text: string;
  map: number[];
}

/** Typographic variants folded to one form: quotes, apostrophes, dashes, non-breaking and thin spaces. */
const FOLD: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u2010': '-',
  '\u2011': '-',
};

/** Characters that vanish from the loose view: soft hyphen, zero-width space and joiners, byte-order mark. */
function vanishes(code: number): boolean {
  return code === 0xad || code === 0x200b || code === 0x200c || code === 0x200d || code === 0xfeff;
}

/** What `/\s/` matches, by code (the byte-order mark, also \s, vanishes before this is asked). */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * The loose view: whitespace runs become one space, typographic quotes and dashes fold to ASCII,
 * soft hyphens and zero-width characters vanish. Case is kept. One pass over char codes, copying unchanged runs
 * whole: a 500 KB page takes milliseconds (a regex test and a string append per character took over a second).
 */
export function looseView(raw: string): MatchView {
  return runToEnd(looseSteps(raw));
}

/** Characters handled between two pauses of a sliced build. */
const SLICE_CHARS = 32_768;

/** looseView as steps: it yields every SLICE_CHARS characters so a caller can let the page breathe in between. */
function* looseSteps(raw: string): Generator<void, MatchView> {
  const parts: string[] = [];
  const map: number[] = [];
  let length = 0;
  let pendingSpace = -1;
  let runStart = -1;
  const flush = (end: number) => {
    if (runStart >= 0) {
      parts.push(raw.slice(runStart, end));
      runStart = -1;
    }
  };
  for (let i = 0; i < raw.length; i++) {
    if (i % SLICE_CHARS === SLICE_CHARS - 1) yield;
    const code = raw.charCodeAt(i);
    if (vanishes(code)) {
      flush(i);
      continue;
    }
    if (isSpace(code)) {
      flush(i);
      if (pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace >= 0) {
      if (length > 0) {
        parts.push(' ');
        map.push(pendingSpace);
        length++;
      }
      pendingSpace = -1;
    }
    const folded = code >= 0xab ? FOLD[raw[i] as string] : undefined;
    if (folded !== undefined) {
      flush(i);
      parts.push(folded);
    } else if (runStart < 0) runStart = i;
    map.push(i);
    length++;
  }
  flush(raw.length);
  map.push(raw.length);
  return { text: parts.join(''), map };
}

/**
 * The strict-letters view for the fuzzy fallback: letters and digits only, lower-cased. Runs of letters are found
 * by one regex scan and lower-cased whole; a run whose lower case changes length (rare: "İ") goes char by char,
 * so `map` keeps one entry per character of the view.
 */
export function lettersView(raw: string): MatchView {
  return runToEnd(lettersSteps(raw));
}

/** lettersView as steps, yielding about every SLICE_CHARS characters. */
function* lettersSteps(raw: string): Generator<void, MatchView> {
  const parts: string[] = [];
  const map: number[] = [];
  let nextPause = SLICE_CHARS;
  for (const match of raw.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (match.index >= nextPause) {
      nextPause = match.index + SLICE_CHARS;
      yield;
    }
    const run = match[0];
    const lower = run.toLowerCase();
    if (lower.length === run.length) {
      parts.push(lower);
      for (let k = 0; k < run.length; k++) map.push(match.index + k);
    } else {
      for (let k = 0; k < run.length; k++) {
        const ch = (run[k] as string).toLowerCase();
        parts.push(ch);
        for (let c = 0; c < ch.length; c++) map.push(match.index + k);
      }
    }
  }
  map.push(raw.length);
  return { text: parts.join(''), map };
}

/** Runs a sliced build to its end without pausing. */
function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs a sliced build, awaiting `pause()` between slices (e.g. a zero timeout: the page's own tasks run between). */
async function runSliced<T>(steps: Generator<void, T>, pause: () => Promise<void>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

/**
 * A page's text with its matching views, each built once on first use and shared by every quote looked up in it.
 * Building a view is linear in the page; building them per quote made highlighting quadratic (150 findings on a
 * 500 KB page froze the tab for seconds).
 */
export class QuoteIndex {
  private looseView: MatchView | null = null;
  private lettersView: MatchView | null = null;
  /** Views built so far (at most 2): for tests that the page is scanned once per run. */
  builds = 0;

  constructor(readonly raw: string) {}

  /**
   * Builds both views now, in slices of SLICE_CHARS characters with `pause()` awaited between them, so that no
   * single task of a large page's highlighting blocks the page for long.
   */
  async prepare(pause: () => Promise<void>): Promise<void> {
    if (!this.looseView) {
      this.builds++;
      this.looseView = await runSliced(looseSteps(this.raw), pause);
    }
    if (!this.lettersView) {
      this.builds++;
      this.lettersView = await runSliced(lettersSteps(this.raw), pause);
    }
  }

  get loose(): MatchView {
    if (!this.looseView) {
      this.builds++;
      this.looseView = looseView(this.raw);
    }
    return this.looseView;
  }

  get letters(): MatchView {
    if (!this.lettersView) {
      this.builds++;
      this.lettersView = lettersView(this.raw);
    }
    return this.lettersView;
  }
}

/** Raw span of the view's span [start, end). */
function toRaw(view: MatchView, start: number, end: number): TextSpan {
  const rawStart = view.map[start] ?? 0;
  // The raw end is just after the last matched character, not at the start of the next one.
  const rawEnd = end > start ? (view.map[end - 1] ?? 0) + 1 : rawStart;
  return { start: rawStart, end: rawEnd };
}

function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (needle.length === 0) return found;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) found.push(i);
  return found;
}

export interface QuoteOptions {
  /** Text just before the quote in the source, for choosing between repeated quotes. */
  prefix?: string;
  /** Text just after the quote in the source. */
  suffix?: string;
  /** Where the quote is expected, as a fraction (0..1) of the text: the tie-breaker of last resort. */
  hint?: number;
  /** Raw spans that may hold the quote (e.g. not in navigation, asides or comments). Default: anywhere. */
  allowed?: (span: TextSpan) => boolean;
}

/** Number of characters, spaces ignored, in which the text around [start, end) agrees with the prefix and suffix. */
function contextScore(view: MatchView, start: number, end: number, prefix: string, suffix: string): number {
  const before = view.text.slice(Math.max(0, start - prefix.length - 8), start).replaceAll(' ', '');
  const after = view.text.slice(end, end + suffix.length + 8).replaceAll(' ', '');
  const p = prefix.replaceAll(' ', '');
  const q = suffix.replaceAll(' ', '');
  let score = 0;
  for (let i = 1; i <= p.length && i <= before.length && before[before.length - i] === p[p.length - i]; i++) score++;
  for (let i = 0; i < q.length && i < after.length && after[i] === q[i]; i++) score++;
  return score;
}

/** The best candidate (view offsets) as a raw span: allowed, then best context, then nearest the hint. */
function pick(view: MatchView, candidates: TextSpan[], rawLength: number, options: QuoteOptions): TextSpan | null {
  const allowed = options.allowed ?? (() => true);
  const prefix = options.prefix ? looseView(options.prefix).text : '';
  const suffix = options.suffix ? looseView(options.suffix).text : '';
  let best: TextSpan | null = null;
  let bestScore = -Infinity;
  for (const candidate of candidates) {
    const span = toRaw(view, candidate.start, candidate.end);
    if (!allowed(span)) continue;
    let score = contextScore(view, candidate.start, candidate.end, prefix, suffix);
    if (options.hint !== undefined && rawLength > 0) score -= Math.abs(span.start / rawLength - options.hint);
    if (score > bestScore) {
      bestScore = score;
      best = span;
    }
  }
  return best;
}

/**
 * Finds `quote` in `raw`, tolerant of whitespace, typographic quotes and dashes; failing that, of any punctuation
 * and case; failing that, by its first and last 32 letters within a window of about its length (a fuzzy match
 * that survives a changed word in the middle). Among several places it prefers the allowed one whose context
 * matches the prefix and suffix best, then the one nearest the hint. Returns raw offsets, or null.
 */
export function findQuote(raw: string | QuoteIndex, quote: string, options: QuoteOptions = {}): TextSpan | null {
  const page = typeof raw === 'string' ? new QuoteIndex(raw) : raw;
  const rawLength = page.raw.length;
  const loose = page.loose;
  const needle = looseView(quote).text;
  if (needle.length === 0) return null;
  const exact = occurrences(loose.text, needle).map((start) => ({ start, end: start + needle.length }));
  const found = pick(loose, exact, rawLength, options);
  if (found) return found;

  const letters = page.letters;
  const strict = lettersView(quote).text;
  if (strict.length === 0) return null;
  const byLetters = occurrences(letters.text, strict).map((start) => ({ start, end: start + strict.length }));
  const lettersFound = pick(letters, byLetters, rawLength, { ...options, prefix: undefined, suffix: undefined });
  if (lettersFound) return lettersFound;

  // Fuzzy: the first and the last 32 letters, the tail within 1.3x the quote's length of the head.
  if (strict.length < 48) return null;
  const head = strict.slice(0, 32);
  const tail = strict.slice(-32);
  const spans: TextSpan[] = [];
  for (const start of occurrences(letters.text, head)) {
    const window = letters.text.slice(start, start + Math.ceil(strict.length * 1.3));
    const tailAt = window.lastIndexOf(tail);
    if (tailAt >= 0 && tailAt + tail.length >= strict.length * 0.7) spans.push({ start, end: start + tailAt + tail.length });
  }
  return pick(letters, spans, rawLength, { ...options, prefix: undefined, suffix: undefined });
}

/**
 * True when the characters around [start, end) do not continue the figure: "100" is not in "1,100", "2100" or
 * "A100", but "80" is in "the 80s", "19" in "19th" and "5" in "5km" (a letter after a number is a suffix).
 */
function standsAlone(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 2), start);
  const after = text.slice(end, end + 2);
  const letterOrDigit = /[\p{L}\p{N}]/u;
  const near = before.slice(-1);
  if (letterOrDigit.test(near) || (/[.,]/.test(near) && /\d/.test(before.slice(-2, -1)))) return false;
  const next = after.slice(0, 1);
  if (/\d/.test(next) || (/[.,]/.test(next) && /\d/.test(after.slice(1, 2)))) return false;
  // A figure that ends in a word ("ten percent") must not run into a longer word ("ten percentage").
  return !(/\p{L}/u.test(next) && /\p{L}/u.test(text.slice(end - 1, end)));
}

export interface FigureAnchor {
  sentence: TextSpan;
  figure: TextSpan;
}

/**
 * Anchors a figure: first its whole sentence (a bare short number would match the wrong place), then the figure
 * inside the sentence, the occurrence nearest `offsetInSentence` that does not continue another number or word.
 */
export function anchorFigure(
  raw: string | QuoteIndex,
  sentence: string,
  figure: { text: string; offsetInSentence: number },
  options: QuoteOptions = {},
): FigureAnchor | null {
  const page = typeof raw === 'string' ? new QuoteIndex(raw) : raw;
  const sentenceSpan = findQuote(page, sentence, options);
  if (!sentenceSpan) return null;
  const slice = page.raw.slice(sentenceSpan.start, sentenceSpan.end);
  const view = looseView(slice);
  const needle = looseView(figure.text).text;
  const candidates = occurrences(view.text, needle).filter((at) => standsAlone(view.text, at, at + needle.length));
  if (candidates.length === 0) return null;
  // The expected place, as a fraction of the sentence: robust to whitespace differences between the two texts.
  const expected = (figure.offsetInSentence / Math.max(1, sentence.length)) * view.text.length;
  const at = candidates.reduce((a, b) => (Math.abs(b - expected) < Math.abs(a - expected) ? b : a));
  const local = toRaw(view, at, at + needle.length);
  return {
    sentence: sentenceSpan,
    figure: { start: sentenceSpan.start + local.start, end: sentenceSpan.start + local.end },
  };
}

/** Concatenated text of chunks (e.g. text nodes) with each chunk's start offset. */
export interface FlatText {
  text: string;
  starts: number[];
}

export function flatten(chunks: readonly string[]): FlatText {
  const starts: number[] = [];
  let text = '';
  for (const chunk of chunks) {
    starts.push(text.length);
    text += chunk;
  }
  return { text, starts };
}

/**
 * The chunk and offset inside it of a flat offset. An offset on a boundary belongs to the chunk that starts there
 * when `side` is "start" (a range begins in it), and to the chunk that ends there when `side` is "end".
 */
export function locate(flat: FlatText, offset: number, side: 'start' | 'end'): { chunk: number; offset: number } {
  let low = 0;
  let high = flat.starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    const start = flat.starts[mid] ?? 0;
    if (start < offset || (side === 'start' && start === offset)) low = mid;
    else high = mid - 1;
  }
  // Skip empty chunks at a start boundary.
  while (side === 'start' && low + 1 < flat.starts.length && (flat.starts[low + 1] ?? 0) <= offset) low++;
  return { chunk: low, offset: offset - (flat.starts[low] ?? 0) };
}

// Strips page furniture from scraped news text, line by line, with general rules (no knowledge of any particular page).

/** Why a line was judged not to be part of the article proper. */
export type BoilerplateReason =
  /** The page's headline: kept as metadata, not as an article sentence. */
  | 'headline'
  /** Page controls and chrome: font size, print, share buttons, "Source link", "Advertisement". */
  | 'furniture'
  /** Subscribe, donate, join, follow-us and newsletter prompts. */
  | 'prompt'
  /** Reader-comment prompts and everything after them ("Leave a Reply", "Add Comment"). */
  | 'comments'
  /** "Related Posts", "Read more" and similar list headings. */
  | 'related'
  /** Credits: "Source: PA", "Photo: AFP", "©", "Published in X, date", "with reports from …". */
  | 'credit'
  /** Photo captions: duplicated lines, lines before a mid-article photo credit, lines ending in a glued photo credit. */
  | 'caption'
  /** Lines that are only a date and/or time. */
  | 'date-stamp'
  /** Embedded tweets and posts: the text, "pic.twitter.com" links and the "— Name (@handle) Date" line. */
  | 'social-embed'
  /** A long run of unrelated headlines without sentence punctuation. */
  | 'ticker'
  /** An author bio ("X is chief editor at …") or a tagline of word fragments ("Reader. Gamer. Bacon expert."). */
  | 'bio'
  /** A short line without sentence punctuation: byline, crosshead, label, link, name. */
  | 'not-a-sentence'
  /** A line repeating an earlier kept line. */
  | 'duplicate';

/** One line removed from the input, with its 0-based line number. */
export interface RemovedLine {
  line: number;
  text: string;
  reason: BoilerplateReason;
}

/** One line kept as an article paragraph, with its 0-based line number. */
export interface KeptLine {
  line: number;
  text: string;
}

export interface CleanedReport {
  /** Article paragraphs (one per kept input line, trimmed), in order. */
  paragraphs: string[];
  kept: KeptLine[];
  removed: RemovedLine[];
  /** The line taken as the headline, without a trailing " | Section" label; null when the page shows none. */
  headline: string | null;
}

/** Lines without sentence punctuation up to this many words are headings, labels or names, not article text. */
const MAX_UNPUNCTUATED_WORDS = 20;
/** A tweet holds at most 280 characters; its text lines are collected back from the embed marker within this budget. */
const TWEET_BUDGET = 280;

/** Emoji (not ©, ®, ™, which Unicode also counts as pictographs and which print pages use). */
const PICTOGRAPH = /(?![©®™])\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const CLOSERS = `"'”’»)\\]`;
const TERMINAL = new RegExp(`[.!?…][${CLOSERS}]*\\s*$`);
const COLON_END = new RegExp(`:[${CLOSERS}]*\\s*$`);

/** Known furniture phrases that fill a whole line (checked on short lines only). */
const FURNITURE: RegExp[] = [
  /\b(?:decrease|increase) font size\b/i,
  /\btext size\b.*\bprint\b/i,
  /^print (?:this )?(?:page|article|story)$/i,
  /^source link$/i,
  /^(?:advertisement|advertising|sponsored(?: content)?|story continues below(?: advertisement)?|continue reading(?: below)?|skip (?:to|ad).*)$/i,
  /^(?:share|share (?:this|on)(?: \w+)?|tweet|e-?mail|whatsapp|facebook|twitter|linkedin|telegram|copy link|print)$/i,
  /^(?:previous|next)(?: (?:post|article|story))?$/i,
  /^(?:home|menu|search|close|log ?in|sign ?in|back to top|top stories|breaking news|latest news|live|loading\W*|forgot your password\??)$/i,
  // Cookie and ad-blocker notices address the reader; an article about cookies or ad blockers does not.
  /\bwe use cookies\b|\b(?:accept|manage) (?:all )?cookies\b|\b(?:read|see|view) our cookie (?:policy|notice)\b/i,
  /\b(?:noticed )?you(?:['’]re| are) (?:using an? )?ad ?block(?:er|ing)?\b|\b(?:turn off|disable|pause) your ad ?block(?:er)?\b/i,
];

/** Subscribe / support / follow prompts. */
const PROMPTS: RegExp[] = [
  /^join\b.{0,40}\b(?:now|today)\b/i,
  /\bsubscribe\b.{0,20}\b(?:here|now|today)\b/i,
  /^(?:subscribe|sign up|register|donate|become a (?:member|subscriber|supporter)|support us|support (?:our )?journalism)\b/i,
  /\bsupport us (?:now|today)\b/i,
  /\bread without limits\b/i,
  /\b(?:help us keep|your (?:contributions?|support|donations?) (?:helps?|keeps?|makes?))\b/i,
  /\bsign up (?:for|to) (?:our|the) .{0,30}newsletters?\b/i,
  /^follow\b.{0,80}\b(?:facebook|twitter|instagram|telegram|youtube|linkedin|tiktok|newsletters?)\b/i,
  /^(?:download|get) (?:our|the) app\b/i,
  /\b(?:delivered|sent|straight) (?:to|in(?:to)?) your inbox\b|(?:^|\.\s*)in your inbox\b/i,
  /\b(?:sign up|log ?in|sign in|register|create an account) (?:with|to (?:comment|reply|continue|read))\b/i,
];

/**
 * Prompts that open a page's comment section, which runs to the end of the page. Bare "Comments" or "941 comments"
 * are not among them: sites print those as counters and buttons next to the headline too.
 */
const COMMENT_SECTION: RegExp[] = [
  /^(?:leave a (?:reply|comment)|add (?:a |your )?comment|post (?:a )?comment|write a comment|join the (?:discussion|conversation))\s*:?$/i,
  /^there are no comments(?: yet)?\.?$/i,
  /^(?:be the first to comment|no comments(?: yet)?)\b/i,
  /\byour email address will not be published\b/i,
];
/** Comment counters, buttons and form labels: removed as lines, without dropping what follows. */
const COMMENT_FURNITURE: RegExp[] = [
  /^(?:comments?|\d[\d,]* comments?|show comments|view comments|cancel reply|post comment|submit comment|reply)\s*:?$/i,
  /\brequired fields are marked\b/i,
];

/** Headings of lists of links to other stories. */
const RELATED = /^(?:related|related (?:posts?|articles?|stories|news|content|coverage|topics)|read more|read also|also read|more from .{1,30}|more (?:stories|news)|you (?:may|might) also like|recommended(?: for you)?|trending(?: now)?|most (?:read|popular)|popular posts|see also|latest posts)\s*:?$/i;

/** Credit lines: sources, photographers, copyright, print-edition notes, agency contributions. */
const CREDIT_LABEL =
  /^(?:source|sources|photo|photos|photograph|image|images|picture|pic|credit|credits|video|graphic|illustration|file photo)\s*[:|]/i;
const CREDITS: RegExp[] = [
  /©|\bcopyright\b|\ball rights reserved\b/i,
  /^this (?:article|story|report) (?:first |originally )?(?:appeared|was published)\b/i,
  /^\(?(?:with )?(?:additional )?(?:reports?|reporting) (?:from|by)\b/i,
  /^\(?(?:writing|editing|compiled) by\b/i,
  /^a version of this (?:article|story|report) appear(?:s|ed) in print\b/i,
];
/**
 * "Published in Dawn, February 2nd, 2022": a print-edition note. Only without a full stop, or very short, since an
 * article may open "Published on Monday, the report found that …".
 */
const PUBLISHED_IN = /^(?:first |originally )?published (?:in|on|by)\b/i;
/** Copyright footers can be long legal text; with "All rights reserved" they are credits whatever their length. */
const COPYRIGHT = /\ball rights reserved\b/i;
/** Caption labels printed by some sites in front of the caption text. */
const CAPTION_LABEL = /^(?:media caption|image caption|caption|image copyright|photo credit)\b/i;
/** A teaser cut short by the site: ends in an ellipsis. */
const TRUNCATED = /(?:…|\.\.\.)["'”’»]?\s*$/;
/** A dotted abbreviation ("U.S.", "D.C.") ends the line: a short line like that is a label, not a sentence. */
const ENDS_WITH_ABBREVIATION = /(?:^|\s|,)(?:\p{Lu}\.){2,}$/u;

/** A glued photo credit at the end of a caption: "…in Stockholm.POOL (Reuters)", "…in Kyiv. (AFP)". */
const GLUED_PHOTO_CREDIT =
  /[.!?]\s?(?:\p{Lu}[\p{Lu} ./&-]{0,30}\s?)?\((?:Reuters|AFP|AP|EFE|EPA|Getty Images|Getty|Bloomberg|Anadolu|Xinhua|TASS|Sputnik)\)\s*$/u;

/** Marks of an embedded social post. */
const SOCIAL_MARKERS: RegExp[] = [
  /\bpic\.twitter\.com\/\w+/i,
  /\b(?:twitter|x)\.com\/\w+\/status\/\d+/i,
  /\binstagram\.com\/(?:p|reel)\//i,
  /\bview this post on instagram\b/i,
  /\ba post shared by\b/i,
  /\btweet embed\b/i,
];
/** "— Liz Truss (@trussliz) January 20 2022": the attribution line of an embedded tweet. */
const TWEET_ATTRIBUTION = /^[—–-]\s*[^()]{1,60}\(@\w{1,15}\)\s*.{0,40}\b\d{4}\s*$/;

/** Words of a date/time stamp; a line made only of these is a site date stamp. */
const DATE_WORD =
  /^(?:mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday|jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december|am|pm|a\.m|p\.m|gmt|utc|est|edt|bst|cet|ast|updated|published|posted|last|on|at|\d{1,4}(?:st|nd|rd|th)?|\d{1,2}:\d{2}(?::\d{2})?)$/i;
const MONTH_OR_NUMERIC_DATE =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b/i;

/** A job word that, after "Name is …", makes a sentence an author bio. */
const BIO = /^(\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){1,3}) (?:is|was|has been|writes|covers)\b.{0,60}?\b(?:editor|writer|journalist|reporter|author|correspondent|contributor|columnist|blogger|freelancer?|student|graduate)s?\b/u;

function words(line: string): string[] {
  return line.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/** True when the line ends like a sentence (".", "!", "?", "…", optionally inside closing quotes or brackets). */
export function hasSentenceEnd(line: string): boolean {
  if (TERMINAL.test(line)) return true;
  // "He said:" introducing a quote on the next line is prose; a short "Related:" label is not.
  return COLON_END.test(line) && words(line).length >= 4;
}

/** True when a line is nothing but a date and/or time ("Tue. Jan 18th, 2022", "Saturday، 22 January 2022 12:28 AM"). */
export function isDateStamp(line: string): boolean {
  if (!MONTH_OR_NUMERIC_DATE.test(line)) return false;
  const tokens = line
    .replace(/[,،.:|·•/\\()[\]–—-]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  return tokens.length > 0 && tokens.length <= 10 && tokens.every((t) => DATE_WORD.test(t) || /^\d{1,2}:\d{2}$/.test(t));
}

/** Share of words (of three or more letters, or all caps) that start with a capital letter. */
function capitalizedShare(line: string): number {
  const ws = words(line).filter((w) => /\p{L}{3,}|^\p{Lu}{2,}/u.test(w));
  if (ws.length === 0) return 0;
  return ws.filter((w) => /^[“"'‘(]*\p{Lu}/u.test(w)).length / ws.length;
}

/**
 * A tagline of word fragments: four or more "sentences" of at most five words, three and a half on average
 * ("Professional reader. Award-winning gamer. Zombie fan. Bacon expert."), as author-bio generators write them.
 * Terse prose ("He paused. Then he left.") rarely runs to four such fragments in one paragraph.
 */
export function isFragmentTagline(line: string): boolean {
  const counts = line
    .replace(/^[«“"'‘]+|[»”"'’]+$/g, '')
    .split(/[.!?]+/)
    .map((f) => words(f).length)
    .filter((n) => n > 0);
  if (counts.length < 4 || counts.some((n) => n > 5)) return false;
  return counts.reduce((a, b) => a + b, 0) / counts.length <= 3.5;
}

/**
 * Classifies one line on its own, without looking at its neighbours. Returns null when the line may be article
 * text. Context rules (captions, tweets, comment sections, bios, headline, duplicates) are in `removeBoilerplate`.
 */
export function classifyLine(raw: string): BoilerplateReason | null {
  const line = raw.trim().replace(/\s+/g, ' ');
  if (line === '') return null;
  const n = words(line).length;
  const short = n <= 25;
  if (short && COMMENT_SECTION.some((re) => re.test(line))) return 'comments';
  if (short && COMMENT_FURNITURE.some((re) => re.test(line))) return 'furniture';
  if (short && FURNITURE.some((re) => re.test(line))) return 'furniture';
  if (short && PROMPTS.some((re) => re.test(line))) return 'prompt';
  if (RELATED.test(line)) return 'related';
  if (isDateStamp(line)) return 'date-stamp';
  if (SOCIAL_MARKERS.some((re) => re.test(line)) || TWEET_ATTRIBUTION.test(line)) return 'social-embed';
  if (n <= 10 && CREDIT_LABEL.test(line)) return 'credit';
  if (short && CREDITS.some((re) => re.test(line))) return 'credit';
  if (PUBLISHED_IN.test(line) && (n <= 8 || (n <= 20 && !hasSentenceEnd(line)))) return 'credit';
  if (n <= 80 && COPYRIGHT.test(line)) return 'credit';
  if (n <= 60 && CAPTION_LABEL.test(line)) return 'caption';
  // A teaser cut off with "…" is a link to another story; so is a short line ending in "U.S." or "D.C.".
  if (n <= 20 && TRUNCATED.test(line) && (capitalizedShare(line) >= 0.6 || (n <= 12 && !/[,“”"«»]/.test(line)))) return 'related';
  if (n <= 4 && ENDS_WITH_ABBREVIATION.test(line)) return 'not-a-sentence';
  if (n <= 40 && GLUED_PHOTO_CREDIT.test(line)) return 'caption';
  if (n <= 30 && isFragmentTagline(line)) return 'bio';
  if (!hasSentenceEnd(line)) {
    if (n <= MAX_UNPUNCTUATED_WORDS) return 'not-a-sentence';
    // A long run of capitalized words with no full stop is a ticker of headlines; a long lower-case run is more
    // likely a paragraph that lost its final full stop, and is kept.
    if (!/[.!?]\s/.test(line) && capitalizedShare(line) >= 0.4) return 'ticker';
  }
  return null;
}

/** Characters a line adds to a tweet: links count as one short URL, as on Twitter. */
function tweetLength(line: string): number {
  return line.replace(/\S*(?:https?:\/\/|pic\.twitter\.com\/)\S*/g, '').trim().length;
}

/** A line that is only a name of two to four capitalized words ("George Holan"), as printed above an author bio. */
function isNameLine(line: string): boolean {
  return /^\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){1,3}$/u.test(line.trim());
}

/**
 * Removes boilerplate from a scraped news page given as plain text (one block per line). Every line is either
 * kept as an article paragraph or removed with a reason; nothing is rewritten. `headline`, when the caller knows it,
 * is removed wherever it appears; otherwise the first heading-like line before the article is taken as the headline.
 */
export function removeBoilerplate(raw: string, options: { headline?: string | null } = {}): CleanedReport {
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');
  const reasons: (BoilerplateReason | null)[] = lines.map((l) => classifyLine(l));
  const blank = lines.map((l) => l.trim() === '');
  const nonBlank = lines.map((_, i) => i).filter((i) => !blank[i]);
  const isArticle = (i: number): boolean => !blank[i] && reasons[i] === null;
  const norm = (s: string): string => s.trim().replace(/\s+/g, ' ');

  // A comment section runs to the end of the page: drop everything after the first comment prompt that follows
  // article text (a prompt above the article is page chrome, not the start of the comments).
  const firstText = nonBlank.find(isArticle);
  const firstComment = nonBlank.find((i) => reasons[i] === 'comments' && firstText !== undefined && i > firstText);
  if (firstComment !== undefined) for (const i of nonBlank) if (i > firstComment) reasons[i] = 'comments';

  // Embedded tweets: the text lines just before a marker belong to the same post. On a page that separates
  // paragraphs with blank lines, the whole block ending at the marker goes when it fits in a tweet; otherwise only
  // the lines right above that carry a tweet's marks (emoji, @handle, #tag) go, so plain prose is never taken.
  const pageHasBlankLines = nonBlank.some((i, k) => k > 0 && i - nonBlank[k - 1]! > 1);
  const tweetMarked = (i: number): boolean => PICTOGRAPH.test(lines[i]!) || /(?:^|\s)[@#]\w/.test(lines[i]!);
  for (let k = 0; k < nonBlank.length; k += 1) {
    const i = nonBlank[k]!;
    if (reasons[i] !== 'social-embed') continue;
    const block: number[] = [];
    let j = k - 1;
    for (; j >= 0 && nonBlank[j + 1]! - nonBlank[j]! === 1; j -= 1) {
      const p = nonBlank[j]!;
      if (reasons[p] !== 'social-embed' && !isArticle(p)) break;
      block.push(p);
    }
    const startsBlock = j < 0 || nonBlank[j + 1]! - nonBlank[j]! > 1;
    const length = [i, ...block].reduce((sum, p) => sum + (TWEET_ATTRIBUTION.test(norm(lines[p]!)) ? 0 : tweetLength(lines[p]!)), 0);
    if (pageHasBlankLines && startsBlock && length <= TWEET_BUDGET) {
      for (const p of block) reasons[p] = 'social-embed';
      continue;
    }
    for (const p of block) {
      if (reasons[p] === 'social-embed') continue;
      if (!tweetMarked(p)) break;
      reasons[p] = 'social-embed';
    }
  }

  // Captions. A line repeated as the start of the next line is a caption shown twice (alt text, then caption + credit).
  for (let k = 0; k + 1 < nonBlank.length; k += 1) {
    const i = nonBlank[k]!;
    const next = nonBlank[k + 1]!;
    const a = norm(lines[i]!);
    const b = norm(lines[next]!);
    if (words(a).length >= 4 && b.startsWith(a)) {
      reasons[i] = 'caption';
      reasons[next] = 'caption';
    }
  }
  // A short source/photo credit with article text after it credits a photo; the line above it is the caption.
  // (At the very end of a page the same credit names the report's source, and the line above is article text.)
  for (let k = 1; k < nonBlank.length; k += 1) {
    const i = nonBlank[k]!;
    const creditLine = norm(lines[i]!);
    if (reasons[i] !== 'credit' || !CREDIT_LABEL.test(creditLine) || words(creditLine).length > 6) continue;
    const prev = nonBlank[k - 1]!;
    const articleAfter = nonBlank.slice(k + 1).some(isArticle);
    if (articleAfter && isArticle(prev) && words(lines[prev]!).length <= 35) reasons[prev] = 'caption';
  }

  // Author bios: "Name is chief editor at …" right under the name, or anywhere after the last article line.
  const lastArticle = [...nonBlank].reverse().find(isArticle) ?? -1;
  for (let k = 0; k < nonBlank.length; k += 1) {
    const i = nonBlank[k]!;
    if (!isArticle(i)) continue;
    const m = BIO.exec(norm(lines[i]!));
    if (!m) continue;
    const prev = k > 0 ? norm(lines[nonBlank[k - 1]!]!) : '';
    const underName = isNameLine(prev) && prev === m[1];
    const atEnd = nonBlank.slice(k + 1).every((j) => !isArticle(j));
    if (underName || (atEnd && i === lastArticle && words(lines[i]!).length <= 50)) reasons[i] = 'bio';
  }

  // Headline: the caller's, wherever it appears; otherwise the first heading-like line before any article text.
  let headline: string | null = null;
  const known = options.headline ? norm(options.headline) : null;
  const stripSection = (s: string): string => s.replace(/\s+[|–—-]\s+[^|–—-]{1,30}$/, '').trim();
  for (const i of nonBlank) {
    const text = norm(lines[i]!);
    if (known && (text === known || stripSection(text) === known)) {
      reasons[i] = 'headline';
      headline ??= known;
    }
  }
  if (!known) {
    for (const i of nonBlank) {
      if (isArticle(i)) break;
      const text = norm(lines[i]!);
      if (reasons[i] === 'not-a-sentence' && words(text).length >= 4 && !/^by\s/i.test(text)) {
        reasons[i] = 'headline';
        headline = stripSection(text);
        break;
      }
    }
  }

  // A kept line repeating an earlier kept line (a pull quote, a caption echoing the text) is dropped.
  const seen = new Set<string>();
  for (const i of nonBlank) {
    if (!isArticle(i)) continue;
    const text = norm(lines[i]!);
    if (seen.has(text)) reasons[i] = 'duplicate';
    seen.add(text);
  }

  const kept: KeptLine[] = [];
  const removed: RemovedLine[] = [];
  for (const i of nonBlank) {
    const reason = reasons[i];
    if (reason === null || reason === undefined) kept.push({ line: i, text: lines[i]!.trim() });
    else removed.push({ line: i, text: lines[i]!.trim(), reason });
  }
  return { paragraphs: kept.map((k) => k.text), kept, removed, headline };
}

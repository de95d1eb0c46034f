// The period a figure applies to ("in February", "the fourth quarter", "last year"), resolved against the publication date.

/**
 * A period. `kind` says how it was named: a calendar month, a calendar quarter (named by its months), a quarter
 * named by its ordinal (which may be a fiscal quarter), or a year. `key` is comparable within a kind.
 */
export interface Period {
  kind: 'month' | 'calendar-quarter' | 'ordinal-quarter' | 'year';
  key: string;
  /** The words that named it. */
  text: string;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_RE = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4 };

function monthIndex(word: string): number {
  const w = word.toLowerCase().slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(w));
}

/** Year and month (0-based) of an ISO date, or null. */
function yearMonth(published: string | null): { y: number; m: number } | null {
  const m = /^(\d{4})-(\d{2})/.exec(published ?? '');
  return m ? { y: Number(m[1]), m: Number(m[2]) - 1 } : null;
}

/** The year of a month named without one: the latest such month not after publication. */
function yearOfMonth(month: number, pub: { y: number; m: number } | null): number | null {
  if (!pub) return null;
  return month <= pub.m ? pub.y : pub.y - 1;
}

/** The year that puts `month` nearest to publication, before or after it ("the three months to March", said in January). */
function nearestYear(month: number, pub: { y: number; m: number } | null): number | null {
  if (!pub) return null;
  const now = pub.y * 12 + pub.m;
  return [pub.y - 1, pub.y, pub.y + 1].reduce((best, y) => (Math.abs(y * 12 + month - now) < Math.abs(best * 12 + month - now) ? y : best));
}

const quarterOf = (month: number) => Math.floor(month / 3) + 1;

/**
 * Rules, most specific first. Each returns a period or null; the first match in the window wins. The patterns are
 * phrased for any subject: figures of a month, a quarter or a year appear in every kind of story.
 */
const RULES: { re: RegExp; make: (m: RegExpExecArray, pub: { y: number; m: number } | null) => Period | null }[] = [
  // "the last three months of 2021", "the three months to March", "three months ending in December".
  {
    re: new RegExp(`\\b(?:last|final|first) three months of (?:the year|(\\d{4}))\\b`, 'i'),
    make: (m, pub) => {
      const first = /\bfirst\b/i.test(m[0]);
      const y = m[1] ? Number(m[1]) : pub ? (first ? pub.y : pub.y - (pub.m < 11 ? 1 : 0)) : null;
      return y === null ? null : { kind: 'calendar-quarter', key: `${y}-Q${first ? 1 : 4}`, text: m[0] };
    },
  },
  {
    re: new RegExp(`\\bthree months (?:to|ending(?: in)?|ended(?: in)?|through|until) (?:the end of )?(${MONTH_RE})\\b(?:\\s+(\\d{4}))?`, 'i'),
    make: (m, pub) => {
      const month = monthIndex(m[1]!);
      const y = m[2] ? Number(m[2]) : nearestYear(month, pub);
      return month < 0 || y === null ? null : { kind: 'calendar-quarter', key: `${y}-Q${quarterOf(month)}`, text: m[0] };
    },
  },
  // "for October, November and December".
  {
    re: new RegExp(`\\b(${MONTH_RE}),\\s+(${MONTH_RE}),?\\s+and\\s+(${MONTH_RE})\\b`, 'i'),
    make: (m, pub) => {
      const last = monthIndex(m[3]!);
      const y = yearOfMonth(last, pub);
      return last < 0 || y === null ? null : { kind: 'calendar-quarter', key: `${y}-Q${quarterOf(last)}`, text: m[0] };
    },
  },
  // "the fourth quarter of 2021", "Q4", "fourth-quarter", "the first quarter of fiscal 2022".
  {
    re: /\b(?:(first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter|q([1-4]))\b/i,
    make: (m) => ({ kind: 'ordinal-quarter', key: `Q${m[1] ? ORDINALS[m[1].toLowerCase()] : m[2]}`, text: m[0] }),
  },
  // "the current quarter", "this quarter", "next quarter".
  {
    re: /\b(current|this|next|coming) quarter\b/i,
    make: (m, pub) => {
      if (!pub) return null;
      let q = quarterOf(pub.m) + (/next|coming/i.test(m[1]!) ? 1 : 0);
      let y = pub.y;
      if (q > 4) {
        q = 1;
        y += 1;
      }
      return { kind: 'calendar-quarter', key: `${y}-Q${q}`, text: m[0] };
    },
  },
  // "last month", "this month".
  {
    re: /\b(last|this|previous) month\b/i,
    make: (m, pub) => {
      if (!pub) return null;
      let month = pub.m - (/this/i.test(m[1]!) ? 0 : 1);
      let y = pub.y;
      if (month < 0) {
        month = 11;
        y -= 1;
      }
      return { kind: 'month', key: `${y}-${String(month + 1).padStart(2, '0')}`, text: m[0] };
    },
  },
  // "in February", "for December 2021", "during January"; not "since January" (a bound) nor "on January 10" (a day).
  {
    re: new RegExp(`\\b(?:in|for|during|of|through|last|this)\\s+(${MONTH_RE})\\b(?!\\s+\\d{1,2}\\b)(?:\\s+(\\d{4}))?`, 'i'),
    make: (m, pub) => {
      const month = monthIndex(m[1]!);
      if (month < 0 || (/^may$/i.test(m[1]!) && !m[2])) return null;
      const y = m[2] ? Number(m[2]) : yearOfMonth(month, pub);
      return y === null ? null : { kind: 'month', key: `${y}-${String(month + 1).padStart(2, '0')}`, text: m[0] };
    },
  },
  // "For the year": a full year's results, the last year that has ended by the time they are reported (early in the next).
  {
    re: /\bfor the (?:full |whole |entire )?year\b/i,
    make: (m, pub) => (pub ? { kind: 'year', key: String(pub.m <= 2 ? pub.y - 1 : pub.y), text: m[0] } : null),
  },
  // "last year", "this year", "in 2021", "at the end of 2021".
  {
    re: /\b(?:(last|this|previous|past) year|(?:in|for|during|of|throughout|since January of) (?:the year |fiscal (?:year )?)?(\d{4})|end of (\d{4}))\b/i,
    make: (m, pub) => {
      if (m[1]) {
        if (!pub) return null;
        return { kind: 'year', key: String(/this/i.test(m[1]) ? pub.y : pub.y - 1), text: m[0] };
      }
      return { kind: 'year', key: m[2] ?? m[3]!, text: m[0] };
    },
  },
];

/** The first period named in `text`, resolved against `published` (ISO date). Null when none is named. */
export function findPeriod(text: string, published: string | null): Period | null {
  const pub = yearMonth(published);
  let best: { at: number; period: Period } | null = null;
  for (const rule of RULES) {
    const m = rule.re.exec(text);
    if (!m) continue;
    const period = rule.make(m, pub);
    // Rules run most specific first: a later, vaguer rule only wins with an earlier position that it does not share.
    if (period && (!best || (m.index < best.at && m.index + m[0].length <= best.at))) best = { at: m.index, period };
  }
  return best?.period ?? null;
}

/** Why two periods are not the same one, or null when they may be. Ordinal and calendar quarters are not compared. */
export function periodClash(a: Period, b: Period): string | null {
  if (a.kind === b.kind) return a.key === b.key ? null : `another period: ${a.text} vs ${b.text}`;
  const quarters = new Set(['calendar-quarter', 'ordinal-quarter']);
  // A fiscal "first quarter" may be the calendar's last: the two namings are not compared.
  if (quarters.has(a.kind) && quarters.has(b.kind)) return null;
  return `another period: ${a.text} vs ${b.text}`;
}

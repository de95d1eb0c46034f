// Date phrases of a sentence (found with chrono-node, resolved by our own rules) as absolute days, weeks, months or years.
import * as chrono from 'chrono-node';
import type { ResolvedDate } from '../analysis/types';
import { WEEKDAY_NAMES } from '../lexicon/sentence-words';

export interface DateMatch {
  start: number;
  end: number;
  text: string;
  date: ResolvedDate | null;
  /** "year" for a bare year or decade ("in 2014", "the 1980s"), "date" otherwise. */
  kind: 'date' | 'year';
  qualifier: string | null;
}

const DAY = 86_400_000;
const MONTH_RE = /\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i;
const WEEKDAY_RE = /\b(mon|tues|wednes|thurs|fri|satur|sun)day\b/i;

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
function utc(y: number, m: number, d: number): number {
  return Date.UTC(y, m, d);
}
function monthPeriod(y: number, m: number): ResolvedDate {
  return { start: iso(utc(y, m, 1)), end: iso(utc(y, m + 1, 0)), granularity: 'month' };
}
function dayPeriod(ms: number): ResolvedDate {
  return { start: iso(ms), end: iso(ms), granularity: 'day' };
}
function weekPeriod(ms: number): ResolvedDate {
  // Weeks run Monday to Sunday.
  const dow = (new Date(ms).getUTCDay() + 6) % 7;
  const monday = ms - dow * DAY;
  return { start: iso(monday), end: iso(monday + 6 * DAY), granularity: 'week' };
}
function yearPeriod(y: number, last = y): ResolvedDate {
  return { start: `${String(y).padStart(4, '0')}-01-01`, end: `${String(last).padStart(4, '0')}-12-31`, granularity: 'year' };
}

/** Publication day as UTC midnight, or null. */
export function publicationDay(published: string | null): number | null {
  if (!published) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published);
  return m ? utc(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

const RELATIVE_PERIOD = /\b(?:(earlier|later)\s+)?(this|next|last|past|coming|previous)\s+(week|month|year)\b(?:'s|’s)?/gi;
const CASUAL_DAY = /\b(yesterday|today|tomorrow|tonight|last night)\b/gi;
const YEAR_RE = /\b(?:(in|since|by|until|till|before|after|from|of|to|through|during|early|late|mid-?)\s+)?(?:the\s+)?((?:1[89]|20)\d\d)(s)?\b/gi;

/**
 * Date and year phrases of `sentence`, resolved against the publication day (UTC ms, or null when unknown: relative
 * phrases then stay unresolved). "last June" → the latest June before publication; "next week" → the week after;
 * "on Tuesday" → the Tuesday on or before publication, or after it when the sentence speaks of the future;
 * "January 10" → the nearest January 10.
 */
export function findDates(sentence: string, pub: number | null): DateMatch[] {
  const out: DateMatch[] = [];
  const taken = (s: number, e: number): boolean => out.some((d) => s < d.end && e > d.start);

  for (const m of sentence.matchAll(RELATIVE_PERIOD)) {
    const [, , which, unit] = m;
    const w = which!.toLowerCase();
    const u = unit!.toLowerCase();
    let date: ResolvedDate | null = null;
    if (pub !== null) {
      const p = new Date(pub);
      const shift = w === 'next' || w === 'coming' ? 1 : w === 'last' || w === 'previous' ? -1 : 0;
      if (w === 'past') {
        date = { start: iso(pub - (u === 'week' ? 7 : u === 'month' ? 30 : 365) * DAY), end: iso(pub), granularity: u === 'week' ? 'week' : u === 'month' ? 'month' : 'year' };
      } else if (u === 'week') date = weekPeriod(pub + shift * 7 * DAY);
      else if (u === 'month') date = monthPeriod(p.getUTCFullYear(), p.getUTCMonth() + shift);
      else date = yearPeriod(p.getUTCFullYear() + shift);
    }
    out.push({ start: m.index, end: m.index + m[0].replace(/(?:'s|’s)$/, '').length, text: m[0].replace(/(?:'s|’s)$/, ''), date, kind: 'date', qualifier: null });
  }
  for (const m of sentence.matchAll(CASUAL_DAY)) {
    if (taken(m.index, m.index + m[0].length)) continue;
    const word = m[1]!.toLowerCase();
    const shift = word === 'yesterday' || word === 'last night' ? -1 : word === 'tomorrow' ? 1 : 0;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], date: pub === null ? null : dayPeriod(pub + shift * DAY), kind: 'date', qualifier: null });
  }

  // Absolute dates and weekdays: chrono finds them and reads their parts; the year is chosen here.
  const ref = pub ?? Date.UTC(2000, 0, 1);
  // chrono runs many parsers; it is only worth calling when a month or weekday name is present.
  const results = MONTH_RE.test(sentence) || WEEKDAY_RE.test(sentence) ? chrono.en.parse(sentence, { instant: new Date(ref + 12 * 3_600_000), timezone: 0 }) : [];
  for (const r of results) {
    let text = r.text;
    let start = r.index;
    const hasMonth = MONTH_RE.test(text);
    const hasWeekday = WEEKDAY_RE.test(text);
    if (!hasMonth && !hasWeekday) continue;
    // A lowercase month word alone is a verb or modal ("may", "march").
    if (hasMonth && !r.start.isCertain('day') && !r.start.isCertain('year') && !/\p{Lu}/u.test(text.replace(/^(on|in|at|by|since|until)\s+/i, ''))) continue;
    // chrono's text starts with prepositions ("on Tuesday"); the figure is the date itself.
    const lead = /^(?:on|in|at|by|of|since|until|from|the)\s+/i.exec(text);
    if (lead) {
      start += lead[0].length;
      text = text.slice(lead[0].length);
    }
    text = text.replace(/[\s,.)]+$/u, '');
    // Times are read elsewhere; keep the date part only.
    const timeAt = /\s*(?:,\s*)?\b(?:at\s+)?\d{1,2}[:.]\d{2}\b.*$|\s+\d{1,2}\s?(?:a\.?m\.?|p\.?m\.?)\b.*$/i.exec(text);
    if (timeAt && timeAt.index > 0) text = text.slice(0, timeAt.index);
    // A weekday alone: chrono may take a following number for a day ("Thursday, 21 months").
    if (hasWeekday && !MONTH_RE.test(text)) {
      const weekday = WEEKDAY_RE.exec(text);
      if (!weekday) continue;
      start += weekday.index;
      text = weekday[0];
    }
    let end = start + text.length;
    // "last June", "next Tuesday", "early January".
    const pre = /\b(last|next|this|early|late|mid|earlier|later)[\s-]+$/i.exec(sentence.slice(Math.max(0, start - 12), start));
    const modifier = pre ? pre[1]!.toLowerCase() : null;
    if (pre) start -= pre[0].length;
    text = sentence.slice(start, end);
    if (taken(start, end)) continue;
    // Only the clause holding the date decides whether it speaks of the future.
    const clause = sentence.slice(0, r.index).split(/[,;:]|\b(?:after|before|while|but|and)\b/).pop() ?? '';
    const future = /\b(will|shall|is due|are due|is expected|are expected|scheduled|plans? to|set to|is to|are to)\b/i.test(clause);
    let date: ResolvedDate | null = null;
    const year = r.start.isCertain('year') ? r.start.get('year') : null;
    const month = r.start.isCertain('month') ? r.start.get('month')! - 1 : null;
    const day = r.start.isCertain('day') ? r.start.get('day') : null;
    if (month !== null) {
      const resolveYear = (): number | null => {
        if (year !== null) return year;
        if (pub === null) return null;
        const py = new Date(pub).getUTCFullYear();
        const d = day ?? 15;
        const candidates = [py - 1, py, py + 1].map((y) => ({ y, ms: utc(y, month, d) }));
        if (modifier === 'last') return candidates.filter((c) => c.ms < pub && (day !== null || utc(c.y, month + 1, 0) < pub)).pop()?.y ?? py - 1;
        if (modifier === 'next') return candidates.find((c) => c.ms > pub && (day !== null || utc(c.y, month, 1) > pub))?.y ?? py + 1;
        if (modifier === 'this') return py;
        // The nearest occurrence; a tie goes to the past.
        candidates.sort((a, b) => Math.abs(a.ms - pub) - Math.abs(b.ms - pub) || a.ms - b.ms);
        return candidates[0]!.y;
      };
      const y = resolveYear();
      if (y !== null) date = day !== null ? dayPeriod(utc(y, month, day)) : monthPeriod(y, month);
    } else if (hasWeekday && pub !== null) {
      const target = WEEKDAY_NAMES.indexOf((WEEKDAY_RE.exec(text)?.[0] ?? '').toLowerCase());
      if (target < 0) continue;
      const dow = new Date(pub).getUTCDay();
      let back = (dow - target + 7) % 7;
      if (modifier === 'last') back = back === 0 ? 7 : back;
      if (modifier === 'next' || (future && modifier !== 'last')) {
        // "will sign on Friday" in a Friday paper is that day; "next Friday" is a week on.
        const ahead = (target - dow + 7) % 7 || (modifier === 'next' ? 7 : 0);
        date = dayPeriod(pub + ahead * DAY);
      } else {
        date = dayPeriod(pub - back * DAY);
      }
    }
    out.push({ start, end, text, date, kind: 'date', qualifier: null });
  }

  for (const m of sentence.matchAll(YEAR_RE)) {
    const yStart = m.index + m[0].length - m[2]!.length - (m[3] ? 1 : 0);
    const yEnd = m.index + m[0].length;
    if (taken(yStart, yEnd)) continue;
    const y = Number(m[2]);
    const prep = m[1]?.toLowerCase() ?? null;
    const decade = Boolean(m[3]);
    if (decade && y % 10 !== 0) continue;
    // A year before a plural noun is a count ("2000 troops") unless a preposition introduces it.
    const nextWord = /^\s+([\p{L}]+)/u.exec(sentence.slice(yEnd))?.[1] ?? '';
    if (!prep && !decade && /^[a-z]+s$/.test(nextWord) && !/^(as|was|is|has|this|its|his|thus)$/.test(nextWord)) continue;
    // A year glued to a name ("Qatar 2022", "Euro 2020") is part of the name.
    const before = sentence.slice(Math.max(0, yStart - 30), yStart);
    if (!prep && /\p{Lu}[\p{L}-]*\s$/u.test(before) && !MONTH_RE.test(before.split(/\s+/).filter(Boolean).pop() ?? '')) continue;
    const qualifier = prep && ['since', 'before', 'after', 'until', 'till', 'by', 'early', 'late', 'mid', 'mid-'].includes(prep) ? prep.replace(/-$/, '').replace('till', 'until') : null;
    out.push({
      start: yStart,
      end: yEnd,
      text: sentence.slice(yStart, yEnd),
      date: decade ? yearPeriod(y, y + 9) : yearPeriod(y),
      kind: 'year',
      qualifier,
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

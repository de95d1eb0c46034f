// Dates and durations in words, at the precision the text gave: "June 2021", "24–30 Jan 2022", "about 1 h".
import type { FigureKind, FigureValue, ResolvedDate } from '../analysis/types';
import { DURATION_MINUTES, DURATION_WRITINGS } from '../lexicon/units';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function parts(iso: string): { y: string; m: number; d: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match || !MONTHS[Number(match[2]) - 1]) return null;
  return { y: match[1] as string, m: Number(match[2]) - 1, d: Number(match[3]) };
}

/**
 * A resolved period at its own granularity: a day "3 Mar 2022", a week "24–30 Jan 2022" (or "31 Jan – 6 Feb 2022"),
 * a month "June 2021", a year "2014". Never more precise than the period: a month is never shown as its first day.
 */
export function formatPeriod(date: ResolvedDate): string {
  const a = parts(date.start);
  const b = parts(date.end);
  if (!a || !b) return date.start;
  switch (date.granularity) {
    case 'year':
      return a.y === b.y ? a.y : `${a.y}–${b.y}`;
    case 'month':
      return a.y === b.y && a.m === b.m ? `${LONG_MONTHS[a.m]} ${a.y}` : `${MONTHS[a.m]} ${a.y} – ${MONTHS[b.m]} ${b.y}`;
    case 'week':
    case 'day': {
      if (date.start === date.end) return `${a.d} ${MONTHS[a.m]} ${a.y}`;
      if (a.y !== b.y) return `${a.d} ${MONTHS[a.m]} ${a.y} – ${b.d} ${MONTHS[b.m]} ${b.y}`;
      if (a.m !== b.m) return `${a.d} ${MONTHS[a.m]} – ${b.d} ${MONTHS[b.m]} ${b.y}`;
      return `${a.d}–${b.d} ${MONTHS[a.m]} ${a.y}`;
    }
  }
}

/** Of two overlapping periods, the coarser one: what both texts claim together, and no more. */
export function coarser(a: ResolvedDate, b: ResolvedDate): ResolvedDate {
  const days = (d: ResolvedDate) => Date.parse(d.end) - Date.parse(d.start);
  return days(b) > days(a) ? b : a;
}


/**
 * A duration in a compact form, in the unit the text wrote it in and with its qualifier: "about an hour" → "about
 * 1 h", "nine days" → "9 days", "a 10-week campaign" → "10 weeks". `minutes` is the extractor's normalized value.
 * Null when the text names no unit of time.
 */
export function formatDuration(text: string, minutes: number, qualifier: string | null = null): string | null {
  const unit = DURATION_WRITINGS.find(([pattern]) => pattern.test(text.replace(/-/g, ' ')));
  if (!unit) return null;
  const [, key, one, many] = unit;
  const per = DURATION_MINUTES[key] ?? 1;
  const amount = Math.round((minutes / per) * 10) / 10;
  const said = `${amount} ${amount === 1 ? one : many}`;
  return qualifier ? `${qualifier} ${said}` : said;
}

/** What a figure needs for `readingOf`: the additive fields `date` and `qualifier` of the cross-check's figures. */
export interface Readable {
  text: string;
  kind: FigureKind;
  value: FigureValue;
  date?: ResolvedDate | null;
  qualifier?: string | null;
}

const squash = (s: string) => s.toLowerCase().replace(/[\s,.]+/g, '');

/**
 * How Second Source read a date or duration, at the text's precision ("last June" → "June 2021", "next week" →
 * "24–30 Jan 2022", "about an hour" → "about 1 h"); null for other figures and when it would repeat the text.
 */
export function readingOf(figure: Readable): string | null {
  let reading: string | null = null;
  if ((figure.kind === 'date' || figure.kind === 'year') && figure.date) reading = formatPeriod(figure.date);
  // A duration written in digits ("90 minutes") already says what it is; words ("about an hour") get a reading.
  else if (figure.kind === 'duration' && !/\d/.test(figure.text)) reading = formatDuration(figure.text, figure.value.point, figure.qualifier ?? null);
  if (!reading || squash(reading) === squash(figure.text)) return null;
  return reading;
}

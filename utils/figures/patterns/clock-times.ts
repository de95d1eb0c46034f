// Pattern: times of day ("15:35", "10 a.m. ET", "1451 GMT"), read first so that "15:35" is not two counts.
import type { Draft, SentencePattern } from './types';

const TIME_RE = /(?<![\d:.$£€¥])(\d{1,2})(?:([:.])(\d{2}))?\s?(a\.m\.|p\.m\.|am|pm)?(?:\s?\(?\s?(GMT|UTC|ET|EST|EDT|CET|CEST|BST|PT|PST|PDT|MSK|EET|EEST|local time|Moscow time|Kyiv time)\)?)?(?![\d:])/gi;
const TIME_PRECEDERS = /\b(at|from|until|till|by|since|before|after|around|about|between|to|and)\s+$/i;

/** A time of day as a draft: minutes since midnight. */
function timeDraft(start: number, end: number, point: number, zone: string | null): Draft {
  return { start, end, kind: 'time', value: { low: point, high: point, point, vague: false }, qualifier: null, unit: 'minute-of-day', currency: null, date: null, alternate: null, zone, countable: false };
}

export const clockTimes: SentencePattern = {
  name: 'clock-times',
  description: 'A time of day with a colon, a meridiem or a zone, in minutes since midnight; a bracketed second rendering is its alternate.',
  examples: [
    { sentence: 'The call began at 15:35 (20:35 GMT) on Tuesday.', figures: [{ text: '15:35 (20:35 GMT)', kind: 'time', value: 935 }] },
    { sentence: 'Officials met at 10 a.m. ET in Geneva.', figures: [{ text: '10 a.m. ET', kind: 'time', value: 600 }] },
    { sentence: 'The statement came at 1451 GMT.', figures: [{ text: '1451 GMT', kind: 'time', value: 891 }] },
    { sentence: 'The video timer read 2:35 when it froze.', figures: [], notFigures: ['2:35'] },
    { sentence: 'Adjusted EPS: $1.41 (consensus: $1.28).', figures: [{ text: '$1.41', kind: 'money', value: 1.41 }, { text: '$1.28', kind: 'money', value: 1.28 }] },
  ],
  find({ s, masked, drafts, taken }) {
    for (const m of masked.matchAll(TIME_RE)) {
      const [all, h, separator, min, meridiem, zone] = m;
      const hour = Number(h);
      const minute = min ? Number(min) : 0;
      const clock = min !== undefined;
      if (!clock && !meridiem) continue;
      // "1.41" is a decimal unless a meridiem or a zone makes it a time ("4.40pm", "10.30 GMT").
      if (separator === '.' && !meridiem && !zone) continue;
      if (hour > 23 || minute > 59 || (meridiem && hour > 12)) continue;
      // A bare "12:30" needs a zone or a preposition: video timers ("0:00", "2:35") have neither.
      if (!meridiem && !zone && !TIME_PRECEDERS.test(s.slice(0, m.index)) && !/^\s?\(/.test(s.slice(m.index + all.length))) continue;
      if (hour === 0 && minute === 0 && !meridiem && !zone) continue;
      let h24 = hour;
      if (meridiem?.toLowerCase().startsWith('p') && hour < 12) h24 += 12;
      if (meridiem?.toLowerCase().startsWith('a') && hour === 12) h24 = 0;
      const end = m.index + all.replace(/[\s)]+$/, '').length;
      drafts.push(timeDraft(m.index, end, h24 * 60 + minute, zone ? zone.toUpperCase() : null));
    }
    // "1451 GMT": four digits glued to a zone.
    for (const m of masked.matchAll(/(?<![\d:.,])([01]\d|2[0-3])([0-5]\d)\s?(GMT|UTC|Z)\b/g)) {
      if (taken(m.index, m.index + m[0].length)) continue;
      drafts.push(timeDraft(m.index, m.index + m[0].length, Number(m[1]) * 60 + Number(m[2]), m[3]!));
    }
    drafts.sort((a, b) => a.start - b.start);
    // "15:35 (20:35 GMT)": the second time is an alternate rendering of the first.
    for (let i = 0; i + 1 < drafts.length; i += 1) {
      const a = drafts[i]!;
      const b = drafts[i + 1]!;
      if (/^\s?\(\s?$/.test(s.slice(a.end, b.start))) {
        a.alternate = { text: s.slice(b.start, b.end), value: b.value, unit: b.unit, consistent: true };
        a.end = Math.min(s.length, b.end + (s[b.end] === ')' ? 1 : 0));
        drafts.splice(i + 1, 1);
      }
    }
  },
};

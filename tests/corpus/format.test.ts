// The pure format helpers are each one function: the page key, the content hash and the report → core input.
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../utils/corpus/format/content-hash';
import { displayTitle, leadTitle, sourceName } from '../../utils/corpus/format/display-name';
import { inputOfReport } from '../../utils/corpus/format/report-of-article';
import { normalizeUrl as pageKey } from '../../utils/corpus/format/url-key';
import { articleInputOf } from '../../utils/corpus/store/schema';
import { inputOfReport as matcherInput, normalizeUrl as matcherKey } from '../../utils/match/corpus';
import { makeReport } from '../db/helpers';
import { packJson } from '../../utils/corpus/format/pack-write';
import { PACK_FORMAT, PACK_VERSION, type CorpusPack } from '../../utils/corpus/types';

/** The 64-bit FNV-1a the bundled pack's revision was first computed with (BigInt, byte by byte). */
function referenceHash(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return hash.toString(16).padStart(16, '0');
}

describe('one page key', () => {
  it.each([
    'https://www.example.com/a/?b=2&a=1&ocid=x',
    'https://example.com/a?a=1&b=2',
    'http://Example.com/a/#top',
    'https://news.example/x?utm_source=feed&src=rss&id=3',
  ])('the matcher and the store agree on %s', (url) => {
    expect(matcherKey(url)).toBe(pageKey(url));
  });

  it('keeps the same page the same from any link', () => {
    expect(pageKey('https://www.example.com/a/?b=2&a=1&ocid=x')).toBe('example.com/a?a=1&b=2');
  });
});

describe('one content hash', () => {
  it.each(['', 'a', 'foobar', 'Kyiv — Київ', 'x'.repeat(10_000)])('matches the reference 64-bit FNV-1a for %j', (text) => {
    expect(contentHash(text)).toBe(referenceHash(text));
  });
});

describe('one report → core input', () => {
  it('is the same function for the store, the matcher and the command line', () => {
    const report = makeReport(3, { byline: 'By A. Writer' });
    expect(articleInputOf(report)).toEqual(inputOfReport(report));
    expect(matcherInput(report)).toEqual(inputOfReport(report));
    expect(inputOfReport(report)).toMatchObject({ lang: 'en', byline: 'By A. Writer', title: report.headline, siteName: report.outlet });
  });
});

describe('one name and one title for a report', () => {
  it.each([
    [{ outlet: 'The Morning Ledger', agencies: ['AFP'], url: null }, 'The Morning Ledger'],
    [{ outlet: null, agencies: ['AFP'], url: 'https://www.x.example/a' }, 'AFP copy'],
    [{ outlet: '  ', agencies: [], url: 'https://www.x.example/a' }, 'x.example'],
    [{ outlet: null, agencies: [], url: null }, 'Unnamed outlet'],
  ])('names %j “%s”', (meta, expected) => {
    expect(sourceName(meta)).toBe(expected);
  });

  it('makes a title from the first sentence when there is no headline, marked derived, never the id', () => {
    const text = 'Dock workers at Port Calder voted on Monday to end a nine-day strike that had left more than 40 container ships waiting offshore. The union said 2,300 took part.';
    expect(leadTitle(text)).toBe('Dock workers at Port Calder voted on Monday to end a nine-day strike that had left more…');
    expect(leadTitle('Short one. Then more.')).toBe('Short one.');
    expect(displayTitle(null, leadTitle(text))).toEqual({ text: leadTitle(text), derived: true });
    expect(displayTitle('Dock workers end strike', 'x')).toEqual({ text: 'Dock workers end strike', derived: false });
    expect(displayTitle(null, '')).toEqual({ text: 'Untitled report', derived: true });
  });
});

describe('pack files are written in ASCII', () => {
  it('escapes every character past ASCII, and reads back the same pack', () => {
    const report = makeReport(1, { text: 'Prices rose 5% — “a record,” she said; café, ½, 北京, 😀.' });
    const pack = { format: PACK_FORMAT, version: PACK_VERSION, revision: 'r', reports: [report] } as CorpusPack;
    const json = packJson(pack);
    expect([...json].every((char) => char.charCodeAt(0) < 0x7f)).toBe(true);
    expect(json).toContain('\\u2014');
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(pack)));
  });
});

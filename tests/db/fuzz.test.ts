// Fuzzed malformed packs: a few hundred broken files, each rejected with a clear message and the database unchanged.
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBundledPack } from '../../utils/corpus/store/bundled';
import type { CorpusDb } from '../../utils/corpus/store/schema';
import { jsonErrorOffset, PackError } from '../../utils/corpus/format/pack-read';
import { importPack } from '../../utils/corpus/store/import-export';
import { saveReport } from '../../utils/corpus/store/save';
import { articleText, deps, makePack, makeReport, openTestDb, prng, snapshot } from './helpers';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Mutation = { name: string; apply: (pack: { [key: string]: Json }, random: () => number) => Json };

const REQUIRED = ['id', 'origin', 'url', 'outlet', 'headline', 'published', 'dateline', 'agencies', 'translatedFrom', 'event', 'inferred', 'text', 'paragraphs', 'sentences'];
const WRONG_TYPE: Record<string, Json[]> = {
  id: [42, '', null, []],
  origin: ['other', 1, null],
  url: [7, [], {}],
  outlet: [false, 3, {}],
  headline: [1, ['x']],
  published: ['22 January 2022', '2022-13-45', 20220122],
  dateline: [5, true],
  agencies: ['AFP', [1], null],
  translatedFrom: [9, 'Spanish language'],
  event: [{}, 0],
  inferred: ['none', [{ field: 'outlet' }], [{ field: 'nonsense', reason: 'a long enough reason' }]],
  text: [null, 5, ['a']],
  paragraphs: ['x', [{ start: 0 }], null],
  sentences: [{}, [{ start: 'a', end: 3 }], [1, 2]],
};

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)] as T;
const reportsOf = (pack: { [key: string]: Json }) => pack.reports as { [key: string]: Json }[];
const spans = (report: { [key: string]: Json }, field: 'paragraphs' | 'sentences') => report[field] as { start: number; end: number }[];

/** Mutations of a valid pack that each make it invalid (never accidentally valid). */
const MUTATIONS: Mutation[] = [
  { name: 'root is not an object', apply: (_pack, random) => pick<Json>([null, 3, 'pack', [], true, [{}]], random) },
  { name: 'format missing or wrong', apply: (pack, random) => ({ ...pack, format: pick<Json>([null, 'second-source', 'SECOND-SOURCE-PACK', 1], random) }) },
  { name: 'format deleted', apply: ({ format: _format, ...rest }) => rest },
  { name: 'version wrong', apply: (pack, random) => ({ ...pack, version: pick<Json>([0, 3, 99, '1', '2', null, 1.5, -1], random) }) },
  { name: 'version deleted', apply: ({ version: _version, ...rest }) => rest },
  { name: 'revision wrong', apply: (pack, random) => ({ ...pack, revision: pick<Json>([null, 12, '', []], random) }) },
  { name: 'reports not an array', apply: (pack, random) => ({ ...pack, reports: pick<Json>([null, {}, 'r1', 3], random) }) },
  {
    name: 'a report not an object',
    apply: (pack, random) => {
      const reports = [...reportsOf(pack)] as Json[];
      reports[Math.floor(random() * reports.length)] = pick<Json>([null, 'report', 5, []], random);
      return { ...pack, reports };
    },
  },
  {
    name: 'a required field deleted',
    apply: (pack, random) => {
      const reports = reportsOf(pack).map((report) => ({ ...report }));
      const report = pick(reports, random);
      delete report[pick(REQUIRED, random)];
      return { ...pack, reports };
    },
  },
  {
    name: 'a field of the wrong type',
    apply: (pack, random) => {
      const reports = reportsOf(pack).map((report) => ({ ...report }));
      const field = pick(Object.keys(WRONG_TYPE), random);
      pick(reports, random)[field] = pick(WRONG_TYPE[field]!, random);
      return { ...pack, reports };
    },
  },
  {
    name: 'a span out of bounds or reversed',
    apply: (pack, random) => {
      const reports = reportsOf(pack).map((report) => ({ ...report }));
      const report = pick(reports, random);
      const field = random() < 0.5 ? 'paragraphs' : 'sentences';
      const list = spans(report, field).map((span) => ({ ...span }));
      const index = Math.floor(random() * list.length);
      const span = list[index]!;
      const textLength = (report.text as string).length;
      const broken = pick(
        [
          { start: span.end, end: span.start },
          { start: span.start, end: textLength + 1 + Math.floor(random() * 1000) },
          { start: -1 - Math.floor(random() * 5), end: span.end },
          { start: span.start + 0.5, end: span.end },
          { start: span.start, end: span.start },
        ],
        random,
      );
      list[index] = broken;
      report[field] = list;
      return { ...pack, reports };
    },
  },
  {
    name: 'text cut short under its spans',
    apply: (pack, random) => {
      const reports = reportsOf(pack).map((report) => ({ ...report }));
      const report = pick(reports, random);
      const last = Math.max(...spans(report, 'paragraphs').map((span) => span.end));
      report.text = (report.text as string).slice(0, Math.floor(random() * last));
      return { ...pack, reports };
    },
  },
  {
    name: 'a repeated id',
    apply: (pack, random) => {
      const reports = reportsOf(pack).map((report) => ({ ...report }));
      const a = Math.floor(random() * reports.length);
      const b = (a + 1 + Math.floor(random() * (reports.length - 1))) % reports.length;
      reports[b]!.id = reports[a]!.id as string;
      return { ...pack, reports };
    },
  },
];

/** Text-level breakage of the JSON file itself; each yields a string that is not valid JSON. */
function breakText(json: string, random: () => number): { name: string; text: string } {
  const kind = Math.floor(random() * 4);
  if (kind === 0) {
    const at = Math.floor(random() * json.length);
    return { name: `truncated at ${at}`, text: json.slice(0, at) };
  }
  if (kind === 1) {
    // Deleting one unescaped quote leaves an odd number of them: never valid JSON.
    const quotes: number[] = [];
    for (let i = 0; i < json.length; i++) if (json[i] === '"' && json[i - 1] !== '\\') quotes.push(i);
    const at = pick(quotes, random);
    return { name: `quote at ${at} deleted`, text: json.slice(0, at) + json.slice(at + 1) };
  }
  if (kind === 2) return { name: 'garbage after the pack', text: `${json}${pick(['}', ']', ',', 'x', '{}', '\u0000'], random)}` };
  return { name: 'garbage before the pack', text: `${pick(['x', ',', ']', '<html>', '\u0000'], random)}${json}` };
}

describe('fuzzed malformed packs', () => {
  let db: CorpusDb;
  let before: Record<string, unknown[]>;
  const base = makePack([makeReport(1), makeReport(2, { byline: 'By X' }), makeReport(3, { url: null })], 'fuzz');
  const baseJson = JSON.stringify(base, null, 1);

  beforeAll(async () => {
    db = await openTestDb();
    await ensureBundledPack(db, makePack([makeReport(10, { id: 'b10', origin: 'bundled', url: null })], 'rev'), deps);
    await saveReport(db, { text: articleText(11), title: 'Saved', url: 'https://x.example/11', published: null, siteName: null, byline: null, lang: null }, deps);
    before = await snapshot(db);
    // The unbroken pack is accepted (by a separate database), so each rejection below is the mutation's doing.
    const control = await openTestDb();
    expect((await importPack(control, baseJson, deps)).added).toHaveLength(3);
  });

  const random = prng(20_261_123);
  const cases: { name: string; text: string }[] = [];
  for (let i = 0; i < 180; i++) {
    const mutation = MUTATIONS[i % MUTATIONS.length]!;
    cases.push({ name: `#${i} ${mutation.name}`, text: JSON.stringify(mutation.apply(JSON.parse(baseJson) as { [key: string]: Json }, random)) });
  }
  for (let i = 0; i < 120; i++) {
    const broken = breakText(baseJson, random);
    cases.push({ name: `#${180 + i} ${broken.name}`, text: broken.text });
  }

  it('has a few hundred cases', () => {
    expect(cases.length).toBe(300);
  });

  it.each(cases)('$name is rejected with a message and changes nothing', async ({ text }) => {
    const error = await importPack(db, text, deps).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(PackError);
    const packError = error as PackError;
    expect(packError.message.length).toBeGreaterThan(30);
    if (!/file is empty/.test(packError.message)) expect(packError.where).toBeTruthy();
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('jsonErrorOffset', () => {
  it('agrees with JSON.parse on what is valid, over broken and intact files', () => {
    const random = prng(7);
    const json = JSON.stringify(makePack([makeReport(1)]));
    const samples = [json, '{}', '[]', '1', '"a\\u00e9"', 'true', ' null ', '{"a":[1,2,{"b":-1.5e3}]}'];
    for (let i = 0; i < 300; i++) samples.push(breakText(json, random).text);
    for (let i = 0; i < 300; i++) {
      const at = Math.floor(random() * json.length);
      samples.push(json.slice(0, at) + json.slice(at + 1)); // one character deleted: sometimes still valid
    }
    for (const sample of samples) {
      let valid = true;
      try {
        JSON.parse(sample);
      } catch {
        valid = false;
      }
      expect(jsonErrorOffset(sample) === -1, sample.slice(0, 80)).toBe(valid);
    }
  });

  it('points at the first bad character, or at the end for a truncated file', () => {
    expect(jsonErrorOffset('{"a": 1 x}')).toBe(8);
    expect(jsonErrorOffset('{"a": [1, 2')).toBe(11);
    expect(jsonErrorOffset('{"a": "abc')).toBe(10);
    expect(jsonErrorOffset('{"a": tru')).toBe(9);
    expect(jsonErrorOffset('{"a": 1}}')).toBe(8);
  });
});

// parsePack / parseSources reject malformed input with a message that says what is wrong and where.
import { describe, expect, it } from 'vitest';
import { parsePack, parseSources } from '../../utils/corpus/pack-schema';

function validPack() {
  const text = 'First sentence here. Second one.\n\nA new paragraph.';
  return {
    format: 'second-source-pack',
    version: 1,
    revision: 'abc123',
    reports: [
      {
        id: 'r1',
        origin: 'bundled',
        url: null,
        outlet: 'Example Times',
        headline: 'A headline',
        published: '2022-01-21',
        republished: null,
        dateline: 'Geneva',
        agencies: ['AFP'],
        translatedFrom: null,
        event: 'a meeting',
        eventDate: '2022-01-20',
        inferred: [{ field: 'eventDate', reason: 'The text says "yesterday" in a report of 21 January.' }],
        text,
        paragraphs: [
          { start: 0, end: 32 },
          { start: 34, end: 50 },
        ],
        sentences: [
          { start: 0, end: 20 },
          { start: 21, end: 32 },
          { start: 34, end: 50 },
        ],
      },
    ],
  };
}

type Pack = ReturnType<typeof validPack>;

function errorOf(mutate: (p: Pack) => unknown): string {
  const pack = validPack();
  const input = mutate(pack) ?? pack;
  const result = parsePack(input);
  if (result.ok) throw new Error('expected the pack to be rejected');
  return result.error;
}

describe('parsePack', () => {
  it('accepts a well-formed pack and keeps its content', () => {
    const result = parsePack(validPack());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.pack.reports[0]!.sentences).toHaveLength(3);
  });

  it('accepts a pack without the optional eventDate/republished fields', () => {
    const pack = validPack() as Record<string, unknown> & Pack;
    const report = pack.reports[0]! as Partial<Pack['reports'][0]>;
    delete report.eventDate;
    delete report.republished;
    report.inferred = [];
    expect(parsePack(pack).ok).toBe(true);
  });

  it.each<[string, (p: Pack) => unknown, RegExp]>([
    ['not an object', () => 'hello', /^\(root\): .*object/i],
    ['wrong format', (p) => void (p.format = 'other'), /^format: Expected format "second-source-pack"/],
    ['newer version', (p) => void (p.version = 7), /^version: .*version 7, newer/],
    ['missing revision', (p) => void delete (p as Partial<Pack>).revision, /^revision: /],
    ['missing text', (p) => void delete (p.reports[0] as Partial<Pack['reports'][0]>).text, /^reports\[0\]\.text: /],
    ['agency not a string', (p) => void ((p.reports[0]!.agencies as unknown[])[0] = 5), /^reports\[0\]\.agencies\[0\]: .*string/],
    ['bad origin', (p) => void ((p.reports[0] as { origin: string }).origin = 'stolen'), /^reports\[0\]\.origin: /],
    ['non-ISO date', (p) => void (p.reports[0]!.published = '21/01/2022'), /^reports\[0\]\.published: Expected an ISO date/],
    ['impossible date', (p) => void (p.reports[0]!.published = '2022-02-30'), /^reports\[0\]\.published: Expected a real calendar date/],
    ['fractional offset', (p) => void (p.reports[0]!.sentences[1]!.start = 1.5), /^reports\[0\]\.sentences\[1\]\.start: Expected an integer/],
    ['negative offset', (p) => void (p.reports[0]!.paragraphs[0]!.start = -1), /^reports\[0\]\.paragraphs\[0\]\.start: /],
    ['sentence past the text', (p) => void (p.reports[0]!.sentences[2]!.end = 500), /^reports\[0\]\.sentences\[2\]\.end: 500 is past the end of the text \(50 characters\)/],
    ['reversed span', (p) => void (p.reports[0]!.sentences[0]!.end = 0), /^reports\[0\]\.sentences\[0\]: empty or reversed span/],
    ['overlapping sentences', (p) => void (p.reports[0]!.sentences[1]!.start = 10), /^reports\[0\]\.sentences\[1\]\.start: 10 overlaps/],
    ['sentence across paragraphs', (p) => void (p.reports[0]!.sentences[1]!.end = 33), /^reports\[0\]\.sentences\[1\]: span 21–33 lies in no paragraph/],
    ['duplicate id', (p) => void p.reports.push(structuredClone(p.reports[0]!)), /^reports\[1\]\.id: "r1" repeats the id of reports\[0\]/],
    ['inferred field unknown', (p) => void (p.reports[0]!.inferred[0]!.field = 'mood'), /^reports\[0\]\.inferred\[0\]\.field: "mood" is not a metadata field/],
    ['inferred field null', (p) => void (p.reports[0]!.eventDate = null as unknown as string), /^reports\[0\]\.inferred\[0\]\.field: "eventDate" is marked inferred but is null/],
    ['inferred without reason', (p) => void (p.reports[0]!.inferred[0]!.reason = ''), /^reports\[0\]\.inferred\[0\]\.reason: Expected a reason/],
  ])('rejects %s with a path', (_name, mutate, message) => {
    expect(errorOf(mutate)).toMatch(message);
  });

  it('counts further problems after the first', () => {
    const error = errorOf((p) => {
      (p as Partial<Pack>).revision = undefined;
      (p.reports[0] as Partial<Pack['reports'][0]>).text = undefined;
    });
    expect(error).toMatch(/\(and 1 more problem\)$/);
  });
});

describe('parseSources', () => {
  const entry = {
    id: 'a',
    url: null,
    outlet: null,
    headline: null,
    published: '2021-12-02',
    dateline: null,
    agencies: [],
    translatedFrom: 'es',
    event: null,
    inferred: [{ field: 'translatedFrom', reason: 'The outlet publishes in Spanish.' }],
  };

  it('accepts entries without origin', () => {
    const result = parseSources({ reports: [entry] });
    expect(result.ok && result.value[0]!.translatedFrom).toBe('es');
  });

  it('rejects repeated ids, bad language codes and inferred nulls with their path', () => {
    expect(parseSources({ reports: [entry, entry] })).toEqual({ ok: false, error: 'reports[1].id: "a" appears twice' });
    const bad = parseSources({ reports: [{ ...entry, translatedFrom: 'Spanish' }] });
    expect(!bad.ok && bad.error).toMatch(/^reports\[0\]\.translatedFrom: Expected a language code/);
    const inferredNull = parseSources({ reports: [{ ...entry, translatedFrom: null }] });
    expect(!inferredNull.ok && inferredNull.error).toMatch(/^reports\[0\]\.inferred\[0\]\.field: "translatedFrom" is marked inferred but is null/);
  });
});

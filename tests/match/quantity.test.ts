// Same quantity or not, and how values relate: hand-made figures modelled on the traps the issue lists.
import { describe, expect, it } from 'vitest';
import type { Figure } from '../../utils/analysis/types';
import { compareValues, figureContext, sameQuantity, type FigureContext } from '../../utils/match/quantity';
import { fig } from './helpers';

function ctx(sentence: string, f: Figure, published: string | null, occasion: string | null = published): FigureContext {
  return figureContext(f, sentence, 0, published, [f], occasion);
}

const s000b =
  'Tensions between Russia and the West have been building for weeks, with Washington accusing Moscow of deploying more than 100,000 troops near the Ukrainian border and preparing an invasion of its pro-Western neighbour.';
const s001 =
  'Blinken and Lavrov have met in the framework of the meeting of foreign ministers of the OSCE, amid the escalation of tension produced by the concentration of more than 114,000 Russian soldiers on the border with Ukraine, according to US intelligence services.';
const s002 = 'With an estimated 100,000 Russian troops massed near Ukraine, many fear Moscow is preparing for an invasion, although Russia denies this.';
const s000a = 'With tens of thousands of Russian troops massed on the Ukrainian border, Tuesday saw another burst of top-level diplomacy.';
const sUS = 'Washington has put 8,500 US troops on alert for a possible deployment to Eastern Europe near Ukraine and Russia.';
const sD002 =
  'Russia backed a separatist rebellion in eastern Ukraine, part of a stalled conflict with Ukrainian forces that has killed more than 14,000 people.';
const sD003 = 'Russia fuels a deadly insurgency in eastern Ukraine that has killed more than 13,000 people since 2014.';
const sM003 = 'Antony Blinken renewed warnings as he met for 90 minutes with Foreign Minister Sergei Lavrov in Geneva.';
const sM004 = 'The call between Biden and Putin, which started at 15:35, lasted 50 minutes, amid concern over Russia and Ukraine.';
const sO001 = 'Before the more than 50 ministers of the OSCE members, Blinken accused Moscow of breaching the Minsk accords.';
const sY2014 = 'The minister defended the territorial integrity of Ukraine, with mention of the Crimean peninsula, annexed by Russia in 2014.';
const sY2004 = 'Russia singled out Bulgaria and Romania, two former Warsaw Pact countries that joined Nato in 2004.';
const sY2014b = 'Russia annexed Ukraine’s Crimean peninsula in 2014 and supported a separatist rebellion.';
const sG10 = 'Russian and US officials will hold talks in Geneva on January 10.';
const sG10b = 'Officials of Russia and the US meet for talks in Geneva on January 10.';
const sG21 = 'Blinken and Lavrov of Russia and the US held talks in Geneva on January 21.';

const more = (point: number) => ({ low: point, high: null, point, vague: false });
const vague = { low: 10_000, high: 99_999, point: 10_000, vague: true };

const T000b = ctx(s000b, fig(s000b, 'more than 100,000', 'count', 100_000, { value: more(100_000), countedKey: 'troop', counted: 'troops' }), '2022-02-02');
const T001 = ctx(s001, fig(s001, 'more than 114,000', 'count', 114_000, { value: more(114_000), countedKey: 'troop', counted: 'Russian soldiers', countedModifiers: ['russia'], attribution: 'US intelligence services' }), '2021-12-02');
const T002 = ctx(s002, fig(s002, 'an estimated 100,000', 'count', 100_000, { countedKey: 'troop', counted: 'Russian troops', countedModifiers: ['russia'] }), '2022-01-21');
const T000a = ctx(s000a, fig(s000a, 'tens of thousands', 'count', 10_000, { value: vague, countedKey: 'troop', counted: 'Russian troops', countedModifiers: ['russia'] }), '2022-02-02');
const US = ctx(sUS, fig(sUS, '8,500', 'count', 8500, { countedKey: 'troop', counted: 'US troops', countedModifiers: ['us'] }), '2022-01-25');
const D002 = ctx(sD002, fig(sD002, 'more than 14,000', 'count', 14_000, { value: more(14_000), countedKey: 'people', counted: 'people', verb: 'kill' }), '2022-01-21');
const D003 = ctx(sD003, fig(sD003, 'more than 13,000', 'count', 13_000, { value: more(13_000), countedKey: 'people', counted: 'people', verb: 'kill' }), '2022-01-22');
const M003 = ctx(sM003, fig(sM003, '90 minutes', 'duration', 90, { unit: 'minute' }), '2022-01-22', '2022-01-21');
const M004 = ctx(sM004, fig(sM004, '50 minutes', 'duration', 50, { unit: 'minute' }), '2021-12-30');
const M004sameDay = ctx(sM004, fig(sM004, '50 minutes', 'duration', 50, { unit: 'minute' }), '2022-01-21');
const O001 = ctx(sO001, fig(sO001, 'more than 50', 'count', 50, { value: more(50), countedKey: 'minister', counted: 'ministers' }), '2021-12-02');
const year = (s: string, y: string, published: string) =>
  ctx(s, fig(s, y, 'year', Number(y), { date: { start: `${y}-01-01`, end: `${y}-12-31`, granularity: 'year' } }), published);
const day = (s: string, text: string, iso: string) =>
  ctx(s, fig(s, text, 'date', 0, { date: { start: iso, end: iso, granularity: 'day' } }), '2022-01-01');

describe('same quantity', () => {
  it.each([
    ['troops (Washington) vs Russian troops', T000b, T002],
    ['Russian soldiers vs Russian troops', T001, T002],
    ['vague and specific troop counts', T000a, T001],
    ['people killed in eastern Ukraine', D002, D003],
    ['Crimea annexed in 2014, worded two ways', year(sY2014, '2014', '2021-12-02'), year(sY2014b, '2014', '2021-12-30')],
  ])('links %s', (_name, a, b) => {
    const r = sameQuantity(a, b);
    expect(r.rejected).toBeNull();
    expect(r.same).toBe(true);
    expect(r.reasons.length).toBeGreaterThan(0);
  });

  it.each([
    ['US troops vs Russian troops', US, T001, /different groups/],
    ['people killed vs troops', D002, T001, /counts/],
    ['a 90-minute meeting vs a 50-minute phone call', M003, M004, /different events|occasion/],
    ['a meeting vs a call, even on the same day', M003, M004sameDay, /different events/],
    ['50 ministers vs 50 minutes', O001, M004, /kinds/],
    ['Crimea in 2014 vs NATO accession in 2004', year(sY2014, '2014', '2021-12-02'), year(sY2004, '2004', '2022-01-22'), /different events/],
  ])('does not link %s', (_name, a, b, why) => {
    const r = sameQuantity(a, b);
    expect(r.same).toBe(false);
    expect(r.rejected).toMatch(why);
  });

  it('does not call the 10 January Geneva talks and the 21 January Geneva talks a conflict', () => {
    const a = day(sG10, 'January 10', '2022-01-10');
    const b = day(sG21, 'January 21', '2022-01-21');
    expect(sameQuantity(a, b).same).toBe(true); // same kind of event, same place...
    expect(compareValues(a.figure, b.figure).unrelated).toBe(true); // ...but another date is another event
    const c = day(sG10b, 'January 10', '2022-01-10');
    expect(sameQuantity(a, c).same).toBe(true);
    expect(compareValues(a.figure, c.figure)).toMatchObject({ relation: 'agrees', unrelated: false });
  });

  it('takes a count’s event from the words next to it, not from across the sentence', () => {
    const s = 'Blinken and Lavrov met in Geneva on Friday, agreeing to keep talking even as Moscow kept some 100,000 troops near Ukraine’s border.';
    const near = ctx(s, fig(s, 'some 100,000', 'count', 100_000, { countedKey: 'troop', counted: 'troops' }), '2022-01-21');
    expect(near.event).toBeNull();
    expect(sameQuantity(near, T002).same).toBe(true);
  });

  it('takes a duration’s event from the occasion the sentence is about', () => {
    expect(M004.event).toBe('call');
    expect(M003.event).toBe('meeting');
  });

  it('says why in words a person can read', () => {
    const r = sameQuantity(T001, T002);
    expect(r.reasons.join(' ')).toMatch(/Both count the same thing: “Russian soldiers” and “Russian troops”\./);
    expect(r.reasons.join(' ')).toMatch(/Both name .*Ukraine/);
  });
});

describe('value relation', () => {
  const v = (c: FigureContext, d: FigureContext, tolerance?: number) => compareValues(c.figure, d.figure, { tolerance });

  it('agrees on the same point estimate whatever the qualifier', () => {
    expect(v(T000b, T002)).toMatchObject({ relation: 'agrees', vague: false, unrelated: false });
  });

  it('differs on 114,000 vs 100,000 and 14,000 vs 13,000', () => {
    expect(v(T001, T000b)).toMatchObject({ relation: 'differs', vague: false, unrelated: false });
    expect(v(D002, D003)).toMatchObject({ relation: 'differs', vague: false });
    expect(v(D002, D003).reason).toMatch(/“more than 14,000” here, “more than 13,000” there/);
  });

  it('honours the tolerance parameter', () => {
    expect(v(D002, D003, 0.1).relation).toBe('agrees');
  });

  it('marks vague against specific as vague, not a conflict', () => {
    const r = v(T000a, T001);
    expect(r.vague).toBe(true);
    expect(r.relation).toBe('agrees');
    expect(r.reason).toMatch(/vague/);
  });

  it('treats values far apart as different quantities rather than a conflict', () => {
    const small = ctx(sD003, fig(sD003, 'more than 13,000', 'count', 13, { countedKey: 'people' }), null);
    expect(v(D002, small).unrelated).toBe(true);
  });

  it('compares durations across units', () => {
    const s = 'They met for 1.5 hours in Geneva.';
    const hours = ctx(s, fig(s, '1.5 hours', 'duration', 1.5, { unit: 'hour' }), null);
    expect(v(M003, hours).relation).toBe('agrees');
  });
});

describe('percentages and sums', () => {
  const sInfl = 'Inflation in Germany rose to 5% in March, the statistics office said.';
  const sGdp = 'The German economy grew 5% in March, the statistics office said.';
  const sInfl2 = 'German inflation reached 5% in March, according to the statistics office in Germany.';
  const pct = (s: string) => ctx(s, fig(s, '5%', 'percent', 5, { unit: 'percent', entities: ['germany'] }), '2022-04-01');

  it('does not link two percentages of different things', () => {
    const r = sameQuantity(pct(sInfl), pct(sGdp));
    expect(r.same).toBe(false);
    expect(r.rejected).toMatch(/nothing in common around the figure|measures inflation vs gdp/);
  });

  it('links two percentages of the same thing and says of what', () => {
    const r = sameQuantity(pct(sInfl), pct(sInfl2));
    expect(r.rejected).toBeNull();
    expect(r.same).toBe(true);
    expect(r.reasons).toContain('Both about “inflation”.');
  });
});

describe('approximations are point estimates', () => {
  const s = 'Russia has gathered an estimated 94,000 troops near Ukraine.';
  const about = (text: string, point: number, low: number, high: number, qualifier: string | null) =>
    ctx(s.replace('an estimated 94,000', text), fig(s.replace('an estimated 94,000', text), text, 'count', point, { value: { low, high, point, vague: false }, qualifier, countedKey: 'troop' }), null);

  it('does not let "about 100,000" swallow 94,000', () => {
    const a = about('an estimated 94,000', 94_000, 84_600, 103_400, 'about');
    const b = about('about 100,000', 100_000, 90_000, 110_000, 'about');
    expect(compareValues(a.figure, b.figure)).toMatchObject({ relation: 'differs', vague: false });
  });

  it('lets a stated range hold a point', () => {
    const a = about('between 90,000 and 100,000', 95_000, 90_000, 100_000, 'between');
    const b = about('about 92,000', 92_000, 82_800, 101_200, 'about');
    expect(compareValues(a.figure, b.figure).relation).toBe('agrees');
    expect(compareValues(b.figure, a.figure).relation).toBe('agrees');
  });
});

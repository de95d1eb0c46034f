// The matcher beyond the seed story: occasions named by the extractor, lists of figures in one sentence, and
// sentences that name no one but belong to the same story. Texts are analysed by the real extraction core.
import { describe, expect, it } from 'vitest';
import { asReport, input, linksOf } from './story-helpers';

describe('occasions the extractor names', () => {
  const call = asReport('call', input('Biden and Putin speak by phone', ['Joe Biden and Vladimir Putin spoke by phone on Thursday.', 'The call between Biden and Putin lasted 50 minutes, officials said.'], '2021-12-30'));
  const meeting = asReport('meeting', input('Blinken meets Lavrov', ['Antony Blinken met Sergei Lavrov in Geneva on Thursday.', 'Blinken and Lavrov met for 50 minutes in Geneva.'], '2021-12-30'));

  it('takes "spoke by phone for 50 minutes" for the call’s length, not the meeting’s', () => {
    const page = input('Biden and Putin talk', ['Biden and Putin spoke by phone for 50 minutes on Thursday, the White House said.'], '2021-12-31');
    expect(linksOf(page, [call, meeting], '50 minutes')).toEqual(['call agrees 50 minutes']);
  });

  it('compares the length of a strike, not of a blow', () => {
    const wire = asReport('wire', input('Rail strike', ['Some 40,000 rail workers in Britain walked out on Wednesday.', 'The 48-hour stoppage by the RMT union cost the economy an estimated £250m.'], '2025-06-12'));
    const page = input('Rail walkout', ['The two-day rail strike by the RMT union cost businesses £300 million.'], '2025-06-13');
    expect(linksOf(page, [wire], 'two-day')).toEqual(['wire agrees 48-hour']);
  });
});

describe('a sentence that lists several figures', () => {
  const wire = asReport('wire', input('Danish election', ['Denmark held an election on Tuesday.', 'The Liberal Party took 14.1%, and the Green Left won 11.6%, according to the election authority.'], '2026-03-04'));

  it('does not take the Liberals’ share for a differing Green Left share', () => {
    const page = input('Danish vote', ['Denmark voted on Tuesday.', 'The Liberal Party won 14.1%, while the Green Left, which nearly doubled its vote, took 11.6%.'], '2026-03-04');
    expect(linksOf(page, [wire], '11.6%').filter((l) => l.includes('differs'))).toEqual([]);
    expect(linksOf(page, [wire], '14.1%')).toEqual(['wire agrees 14.1%']);
  });
});

describe('sentences that name no one', () => {
  const wire = asReport('wire', input('Earthquake kills at least 62 in southern Peru', [
    'A magnitude 6.9 earthquake struck southern Peru on Monday, killing at least 62 people and injuring more than 400, officials said.',
    'The last major earthquake in the region, in 2001, killed 145 people.',
  ], '2024-04-15'));

  it('links them through the names of their stories’ headlines and leads', () => {
    const page = input('Peru earthquake death toll rises', ['The toll from the earthquake in Peru rose on Tuesday.', 'More than 650 people were injured, officials said.'], '2024-04-16');
    expect(linksOf(page, [wire], 'More than 650')).toEqual(['wire differs more than 400']);
  });

  it('not when the stories are about different places', () => {
    const other = asReport('other', input('Floods in Romania', ['Floods hit Romania on Monday, and more than 400 people were injured, officials said.'], '2024-04-15'));
    const page = input('Peru earthquake death toll rises', ['The toll from the earthquake in Peru rose on Tuesday.', 'More than 650 people were injured, officials said.'], '2024-04-16');
    expect(linksOf(page, [other], 'More than 650')).toEqual([]);
  });

  it('not when the sentence dates its figure to another year', () => {
    const page = input('Peru earthquake death toll rises to 118', ['The number of people killed by the earthquake in southern Peru rose to 118 on Tuesday.'], '2024-04-16');
    expect(linksOf(page, [wire], '118')).toEqual(['wire differs at least 62']);
  });
});

describe('what a share is of', () => {
  it('links "with 27.9% of the vote" and "with 28% of the vote"', () => {
    const wire = asReport('wire', input('Social Democrats win Danish election as turnout climbs', ["COPENHAGEN, March 4 (Nordic Wire) - Denmark's Social Democrats came first in Tuesday's parliamentary election with 27.9% of the vote, final results showed, while turnout rose to 84.2%."], '2026-03-04'));
    const page = input('Frederiksen claims victory', ["Mette Frederiksen's Social Democrats won Denmark's election on Tuesday with 28% of the vote, but the prime minister will need partners to govern."], '2026-03-04');
    expect(linksOf(page, [wire], '28%')).toEqual(['wire agrees 27.9%']);
  });
});

describe('months', () => {
  const report = asReport('summit', input('Blinken meets Lavrov', ['Antony Blinken met Sergei Lavrov in Stockholm on Thursday.', 'Presidents Joe Biden and Vladimir Putin held a summit in Geneva last June.'], '2021-12-02'));

  it('compares a month named at the same place: the June summit in Geneva', () => {
    const page = input('Biden warns Putin', ['Biden and Putin spoke by video on Tuesday.', 'Biden and Putin last met face to face at a summit in Geneva in June.'], '2021-12-08');
    expect(linksOf(page, [report], 'June')).toEqual(['summit agrees last June']);
  });

  it('not a month named without the same place', () => {
    const page = input('Biden warns Putin', ['Biden and Putin spoke by video on Tuesday.', 'Biden and Putin last met at a summit in June.'], '2021-12-08');
    expect(linksOf(page, [report], 'June')).toEqual([]);
  });
});

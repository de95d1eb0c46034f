// How a figure's frame reads its sentence: a unit of a company, a clause after a clock time, a subject of two
// measures, a shouted promo line, "N more". Short written stories, checked by the real extractor and matcher.
import { describe, expect, it } from 'vitest';
import { asReport, input, linksOf } from './story-helpers';

const DAY = '2024-05-08';

describe('a part of a company', () => {
  const wire = asReport(
    'wire',
    input('Orbis shares slide after results', [
      'Orbis Systems reported quarterly results on Wednesday that disappointed investors.',
      'The firm’s Nimbus Cloud unit, which sells data storage, lost more than $3bn last year.',
      'Chief executive Dana Reyes said the spending would continue.',
    ], DAY),
  );

  it('holds "the firm’s X unit" by the firm too, so the firm’s figure written plainly is confirmed', () => {
    const page = input('Orbis keeps spending on its cloud', [
      'Orbis Systems said its bet on cloud storage was eating into its profit.',
      'It lost more than $3 billion in 2023 as it built new data centres, Orbis Systems said.',
    ], DAY);
    expect(linksOf(page, [wire], 'more than $3 billion')).toEqual(['wire agrees more than $3bn']);
  });

  it('never sets a unit’s figure against the whole company’s as a conflict', () => {
    const page = input('Orbis results', [
      'Orbis Systems reported its annual results on Wednesday.',
      'Orbis Systems lost $5bn last year, the company said.',
    ], DAY);
    expect(linksOf(page, [wire], '$5bn')).toEqual([]);
  });
});

describe('the clause of a figure', () => {
  const wire = asReport(
    'wire',
    input('Orbis shares plunge', [
      'Orbis Systems reported weak results on Wednesday.',
      'Shares of Orbis Systems plunged 22 percent in after-hours trading.',
    ], DAY),
  );

  it('does not take the colon of a clock time for a clause break, so the sentence’s subject is still what moved', () => {
    const page = input('Orbis stock falls', [
      'Investors sold Orbis Systems after its quarterly report on Wednesday.',
      'The stock traded as low as $41.20 as of 4:40 p.m. ET on Wednesday, off over 20%, after closing at $52 per share.',
    ], DAY);
    expect(linksOf(page, [wire], 'over 20%')).toEqual(['wire agrees 22 percent']);
  });
});

describe('a figure of two measures at once', () => {
  const wire = asReport(
    'wire',
    input('Rival posts strong quarter', [
      'Vantor Search, the search company, reported results on Tuesday.',
      'Vantor Search reported a 36 percent increase in profit and a 32 percent jump in revenue in the first quarter.',
    ], DAY),
  );

  it('lets "revenues and profits that rose more than 30%" meet the revenue figure', () => {
    const page = input('Rival posts strong quarter', [
      'Vantor Search, which also relies on advertising, reported revenues and profits that rose more than 30% in the first quarter.',
    ], DAY);
    expect(linksOf(page, [wire], 'more than 30%').sort()).toEqual(['wire agrees 32 percent', 'wire agrees 36 percent']);
  });
});

describe('what a figure counts, and whose it is', () => {
  const wire = asReport(
    'wire',
    input('Streamflix forecast disappoints', [
      'Streamflix said on Thursday it had 120 million members at the end of the year.',
      'The firm said it expected to add just 1.5 million members in the three months to March.',
    ], '2024-01-18'),
  );

  it('reads "1.5 million more" as more of what the sentence counts, and no name from a shouted promo line', () => {
    const page = input('Streamflix falls short', [
      'Streamflix reported its fourth-quarter results on Thursday.',
      'STREAMFLIX HIT SHOW BREAKS RECORD FOR MOST HOURS VIEWED IN A WEEK',
      'The largest streaming service in the world still had 120 million subscribers at the end of the year, but forecast bringing in only another 1.5 million more in the current quarter.',
    ], '2024-01-18');
    expect(linksOf(page, [wire], '1.5 million')).toEqual(['wire agrees 1.5 million']);
  });
});

describe('links the words alone would make', () => {
  const DATA_DAY = '2024-04-10';
  const wire = asReport(
    'wire',
    input('Consumer prices rise again', [
      'Consumer prices in Canada rose 4.1% in March from a year earlier, the statistics office said on Wednesday.',
      '(The price index jumped by 0.6% over the month.)',
      'A $100 basket of goods a year ago would cost $104.10 today.',
    ], DATA_DAY),
  );

  it('does not set one measure against another because both "prices jumped"', () => {
    const page = input('Food bills climb', [
      'Grocery prices in Canada jumped 1.4% last month, driven by rising costs for meat, fruits and vegetables.',
      'Households have cut back on travel and eating out since the winter, a survey of shoppers found.',
    ], DATA_DAY);
    expect(linksOf(page, [wire], '1.4%')).toEqual([]);
  });

  it('does not compare bare "costs" of different things', () => {
    const page = input('Drivers feel the squeeze', [
      'Drivers of small cars have seen monthly costs jump about $40, a motoring group estimated on Wednesday.',
    ], DATA_DAY);
    expect(linksOf(page, [wire], 'about $40')).toEqual([]);
  });

  it('reads a participle clause after "analysts expect" as the expectation, not the outcome', () => {
    const page = input('Prices seen rising further', [
      'Analysts expect fuel costs will push consumer prices even higher, hitting 4.1% or more.',
      'Households have cut back on travel and eating out since the winter, a survey of shoppers found.',
    ], DATA_DAY);
    expect(linksOf(page, [wire], '4.1%')).toEqual([]);
  });
});

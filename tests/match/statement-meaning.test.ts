// Statements matched by meaning: a readout's reported speech is a statement, and the same speaker's claim in other words corroborates.
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../utils/analysis/analyze-article';
import { meaningKey, relateStatement } from '../../utils/match/statements';

const FILLER = 'This paragraph is plain text written so that the extractor reads the whole as a short article and nothing more.';

function statementsOf(text: string) {
  return analyzeArticle({ text: `${text}\n\n${FILLER}`, title: null, url: null, published: '2022-02-12', siteName: null, byline: null, lang: 'en' }).statements;
}

describe('reported speech without quote marks', () => {
  it.each([
    ['The Secretary was clear that further invasion of Ukraine would be met with swift and severe consequences.', 'The Secretary', 'further invasion of Ukraine would be met with swift and severe consequences'],
    ['The President made clear that the United States would respond decisively to any attack.', 'The President', 'the United States would respond decisively to any attack'],
    ['The minister urged both sides to return to the negotiating table without delay.', 'The minister', 'both sides to return to the negotiating table without delay'],
    ['The lender ruled out selling its insurance business this year.', 'The lender', 'selling its insurance business this year'],
    ['The ministry spokesman, Omar Haddad, said the group had agreed to the ceasefire.', 'Omar Haddad', 'the group had agreed to the ceasefire'],
    ['Sara Vance, the carmaker’s chief executive, said prices would rise this year.', 'Sara Vance', 'prices would rise this year'],
    ['Inflation will probably peak in the summer, Governor Lina Okafor said.', 'Governor Lina Okafor', 'Inflation will probably peak in the summer'],
    ['The bridge will stay closed until the inspection is over, the ministry said on Monday.', 'the ministry', 'The bridge will stay closed until the inspection is over'],
  ])('%s', (sentence, speaker, words) => {
    const found = statementsOf(sentence);
    expect(found.map((s) => [s.kind, s.speaker, s.text])).toContainEqual(['reported', speaker, words]);
  });
});

describe('the same claim in other words', () => {
  it('reduces a verb and its act noun to one key', () => {
    expect(meaningKey('denied')).toBe(meaningKey('denies'));
    expect(meaningKey('invasion')).toBe('invade');
    expect(meaningKey('planning')).toBe(meaningKey('plans'));
  });

  it('corroborates the same speaker’s claim worded differently', () => {
    const page = { frame: 'The Kremlin has denied that ', body: 'it is planning an invasion of Ukraine' };
    const report = { frame: 'Russia denies ', body: 'it plans to invade Ukraine' };
    const v = relateStatement(page.body, 'Russia denies it plans to invade Ukraine.', { a: 'russia', b: 'russia' }, { a: page, b: report });
    expect(v?.relation).toBe('corroborates');
    expect(v?.reasons.join(' ')).toMatch(/same claim in other words/);
  });

  it('corroborates one clause of a long quotation given in other words, not another clause', () => {
    const quote = 'The voters have asked us to lead, and we will lead with care';
    const report = (said: string) => ({ a: { frame: '', body: quote }, b: { frame: 'Ms Rahn told supporters that ', body: said } });
    const one = relateStatement(quote, 'x', { a: 'rahn', b: 'rahn' }, report('the voters in the north had asked them to lead'));
    expect(one?.relation).toBe('corroborates');
    expect(one?.reasons.join(' ')).toMatch(/One clause, the same claim in other words: “The voters have asked us to lead”/);
    expect(relateStatement(quote, 'x', { a: 'rahn', b: 'rahn' }, report('the voters in the north had asked them to wait'))).toBeNull();
  });

  it('reads the frame: the claim without its denial is the opposite of the denial', () => {
    const v = relateStatement('it is planning an invasion of Ukraine', 'Russia denies it plans to invade Ukraine.', { a: 'russia', b: 'russia' });
    expect(v?.relation).toBe('conflicts');
  });

  it('does not when the speakers differ or are unknown', () => {
    expect(relateStatement('it is planning an invasion of Ukraine', 'Russia denies it plans to invade Ukraine.', { a: 'us', b: 'russia' })).toBeNull();
    expect(relateStatement('it is planning an invasion of Ukraine', 'Russia denies it plans to invade Ukraine.', { a: null, b: null })).toBeNull();
  });

  it('does not when one side negates and the other does not', () => {
    expect(relateStatement('it is not planning an invasion of Ukraine', 'Russia says it plans to invade Ukraine soon.', { a: 'russia', b: 'russia' })).toBeNull();
  });
});

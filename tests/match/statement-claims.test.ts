// Claims read by meaning: negation scope, withheld speech, antonyms, time and tense decide "the opposite claim".
import { describe, expect, it } from 'vitest';
import { opposition, polarity, readClaim, senseOf } from '../../utils/match/statement-claims';

const claim = (frame: string, body: string) => readClaim({ frame, body });

describe('senses', () => {
  it('reads synonyms under one key and antonyms under the same key reversed', () => {
    expect(senseOf('raised')).toEqual(senseOf('increases'));
    expect(senseOf('cutting')).toEqual({ key: senseOf('raise').key, sign: -1 });
    expect(senseOf('dismissed').key).toBe(senseOf('sacked').key);
    expect(senseOf('selling').key).toBe(senseOf('sell').key);
    expect(senseOf('deliberations').key).toBe(senseOf('deliberating').key);
  });
});

describe('opposite claims', () => {
  it('a denial against a confirmation of the same words', () => {
    const reason = opposition(claim('The Kremlin denied that ', 'troops had crossed the border'), claim('Moscow confirmed that ', 'troops had crossed the border'));
    expect(reason).toBe('Same speaker, opposite claim: “denied” vs “confirmed troops had crossed the…”.');
  });

  it('antonym verbs on the same object', () => {
    expect(opposition(claim('She said ', 'the bank would raise interest rates'), claim('She said ', 'the bank would cut interest rates'))).toMatch(/“raise” vs “cut”/);
  });

  it('not when the objects differ', () => {
    expect(opposition(claim('He said ', 'the bridge had not been damaged'), claim('He said ', 'the dam had been damaged'))).toBeNull();
  });

  it('not when the speech itself is negated: "did not say", "declined to say whether"', () => {
    const asserted = claim('She said ', 'the bank would raise interest rates in March');
    expect(polarity(claim('She did not say that ', 'the bank would raise interest rates in March'), asserted)).toBe('withheld');
    expect(polarity(claim('', 'He declined to say whether the bank would raise interest rates in March'), asserted)).toBe('withheld');
    expect(opposition(claim('She did not say that ', 'the bank would raise interest rates in March'), asserted)).toBeNull();
  });

  it('not for a possibility, another time, another tense or another person', () => {
    expect(opposition(claim('She said ', 'the bank could raise interest rates'), claim('She said ', 'the bank would not raise interest rates'))).toBeNull();
    expect(opposition(claim('It said in 2019 that ', 'it would close the plant'), claim('It said on Tuesday that ', 'it would not close the plant'))).toBeNull();
    expect(opposition(claim('She said ', 'her team would win the final'), claim('She said ', 'her team had lost the final'))).toBeNull();
    expect(opposition(claim('He said ', 'she would not run for president'), claim('He said ', 'he would run for president'))).toBeNull();
    expect(opposition(claim('He said ', 'he would not run for president'), claim('He said ', 'he would run for president'))).toMatch(/opposite claim/);
  });

  it('"will not cut" is neither "will raise" nor its opposite, and two reversals do not cancel out', () => {
    expect(polarity(claim('', 'it will not cut rates'), claim('', 'it will raise rates'))).toBe('crossed');
    expect(polarity(claim('', 'the highway would reopen'), claim('', 'the highway would stay closed'))).not.toBe('same');
  });

  it('a denial and a negated claim say the same', () => {
    expect(polarity(claim('The bank has denied that ', 'it misled investors'), claim('The bank said ', 'it had not misled investors'))).toBe('same');
  });
});

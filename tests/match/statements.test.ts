// Statement matching: translation and paraphrase variants corroborate; unrelated quotes do not; conflicts only when precise.
import { describe, expect, it } from 'vitest';
import { relateStatement } from '../../utils/match/statements';

const none = { a: null, b: null };

describe('statements', () => {
  it.each([
    [
      '«We didn’t expect any major breakthroughs today, but I think we are now on a clearer path to understanding each other’s positions,» Blinken said.',
      '“We didn’t expect any major breakthroughs to happen today, but I believe we are now on a clear path in terms of understanding each other’s concerns and each other’s positions,” Blinken told reporters.',
    ],
    ['I can’t say if we are on the right track or not', '“I cannot say whether or not we are on the right track. We will know when we get an answer.”'],
    [
      'If Russia wants to start convincing the world that it has no aggressive intent toward Ukraine, a very good place to start would be with de-escalation, and re-removal of those forces on Ukraine’s borders.',
      '“If Russia wants to begin to convince the world that it has no aggressive intent toward Ukraine, a very good place to start would be by de-escalating, by bringing back – removing – those forces on Ukraine’s border,” Blinken said.',
    ],
  ])('corroborates a variant of the same words: %s', (a, b) => {
    const r = relateStatement(a, b, none);
    expect(r?.relation).toBe('corroborates');
    expect(r?.reasons[0]).toMatch(/words/);
  });

  it.each([
    ['We didn’t expect any major breakthroughs today', 'Russia has massed tens of thousands of troops on the Ukrainian border.'],
    ['I can’t say if we are on the right track or not', 'We are certainly prepared to do that if the Russians conclude it is the best way.'],
    ['Those in and around the Kremlin will have nowhere to hide', 'Those talks in Geneva will take place on January 10.'],
  ])('does not link unrelated statements: %s', (a, b) => {
    expect(relateStatement(a, b, none)).toBeNull();
  });

  it('ignores statements too short to mean anything alone', () => {
    expect(relateStatement('We will see', 'We will see', none)).toBeNull();
  });

  it('calls a negated version a conflict only for the same speaker', () => {
    const a = 'Russia has no plans to invade Ukraine this winter';
    const b = 'The minister said Russia has plans to invade Ukraine this winter.';
    const claims = { a: { frame: '', body: a }, b: { frame: 'The minister said ', body: 'Russia has plans to invade Ukraine this winter' } };
    const same = relateStatement(a, b, { a: 'lavrov', b: 'lavrov' }, claims);
    expect(same?.relation).toBe('conflicts');
    expect(same?.reasons[0]).toMatch(/^Same speaker, opposite claim: “no plans” vs/);
    expect(relateStatement(a, b, { a: 'lavrov', b: null }, claims)).toBeNull();
    expect(relateStatement(a, b, none, claims)).toBeNull();
  });
});

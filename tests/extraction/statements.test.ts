// Statements: quotations with speakers, reported speech, and denials.
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../utils/article/sentences';
import { extractStatements } from '../../utils/statements/extract-statements';

function statements(text: string) {
  return extractStatements(text, splitSentences(text));
}

describe('quotations', () => {
  it.each([
    ['“We do not hope this will happen,” Ushakov told reporters after the call.', 'We do not hope this will happen', 'Ushakov', 'ushakov', true],
    ['“This is a colossal mistake for everyone,” said Yuri Ushakov.', 'This is a colossal mistake for everyone', 'Yuri Ushakov', 'ushakov', false],
    ['«I can’t say if we are on the right track,» Lavrov told reporters.', 'I can’t say if we are on the right track', 'Lavrov', 'lavrov', true],
    ['Lavrov told reporters: “We will know when we get an answer.”', 'We will know when we get an answer', 'Lavrov', 'lavrov', false],
    ['"We are ready for a rational agreement," the White House said.', 'We are ready for a rational agreement', 'the White House', 'us', false],
    ['Blinken “emphasised that further invasion would be met with severe consequences,” the State Department said.', 'emphasised that further invasion would be met with severe consequences', 'the State Department', 'us-state-department', false],
  ])('%s', (text, words, speaker, key, negated) => {
    const q = statements(text).find((s) => s.kind === 'quote');
    expect(q).toBeDefined();
    expect([q!.text, q!.speaker, q!.speakerKey, q!.negated]).toEqual([words, speaker, key, negated]);
    expect(text.slice(q!.start, q!.end)).toBe(q!.text);
  });

  it('gives a pronoun speaker the key of the last named speaker', () => {
    const text = 'Sergey Lavrov said the talks were useful. “We will understand this when we receive a written response,” he said.';
    const q = statements(text).find((s) => s.kind === 'quote')!;
    expect([q.speaker, q.speakerKey]).toEqual(['he', 'lavrov']);
  });

  it('leaves out short scare quotes', () => {
    expect(statements('Putin called it a “red line” for Moscow.').filter((s) => s.kind === 'quote')).toEqual([]);
  });
});

describe('reported speech and denials', () => {
  it.each([
    ['Lavrov said that Moscow would present proposals for a new security pact.', 'Moscow would present proposals for a new security pact', 'lavrov', false],
    ['The White House said Biden had encouraged Putin to de-escalate.', 'Biden had encouraged Putin to de-escalate', 'us', false],
    ['Russia denies any plans to invade but demands guarantees.', 'any plans to invade but demands guarantees', 'russia', true],
    ['The Kremlin has denied plans to invade Ukraine.', 'plans to invade Ukraine', 'russia', true],
    ['Blinken said Lavrov reiterated that there were no plans to invade Ukraine.', 'Lavrov reiterated that there were no plans to invade Ukraine', 'blinken', true],
    ['Putin told reporters on Thursday that Russia does not seek war.', 'Russia does not seek war', 'putin', true],
  ])('%s', (text, words, key, negated) => {
    const r = statements(text).find((s) => s.kind === 'reported');
    expect(r).toBeDefined();
    expect([r!.text, r!.speakerKey, r!.negated]).toEqual([words, key, negated]);
    expect(text.slice(r!.start, r!.end)).toBe(r!.text);
  });

  it('reads no statement from a sentence without a speaker', () => {
    expect(statements('Tensions have been building for weeks along the border.')).toEqual([]);
  });
});

describe('scraped quotation marks', () => {
  it('reads a quote whose opening mark was lost at the start of the line', () => {
    const text = 'We have heard Russian officials say that they do not intend to invade Ukraine. Indeed, Mr. Lavrov repeated that to me today,” Blinken told reporters after the meeting.';
    const q = statements(text).find((s) => s.kind === 'quote')!;
    expect(q.text).toBe('We have heard Russian officials say that they do not intend to invade Ukraine. Indeed, Mr. Lavrov repeated that to me today');
    expect([q.speaker, q.speakerKey, q.negated]).toEqual(['Blinken', 'blinken', true]);
  });

  it('runs a quote left open to the end of its paragraph', () => {
    const text = 'Truss said: “By building closer relationships with our friends, it will make us safer.\n\nShe left.';
    const q = statements(text).find((s) => s.kind === 'quote')!;
    expect([q.text, q.speakerKey]).toEqual(['By building closer relationships with our friends, it will make us safer', 'truss']);
  });
});

describe('reported speech with a named listener', () => {
  it('drops the listener and the time from what was told', () => {
    const text = 'MOSCOW - U.S. President Joe Biden told Russia’s Vladimir Putin on Tuesday that the West would impose strong measures.';
    const r = statements(text).find((s) => s.kind === 'reported')!;
    expect([r.text, r.speaker, r.speakerKey]).toEqual(['the West would impose strong measures', 'U.S. President Joe Biden', 'biden']);
  });
});

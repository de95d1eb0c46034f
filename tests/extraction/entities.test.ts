// Entity keys: spelling variants, demonyms, seats of government and unknown names.
import { describe, expect, it } from 'vitest';
import { entityKey, findEntities } from '../../utils/entities/entities';

describe('entityKey maps spelling variants to one key', () => {
  it.each([
    ['Antony Blinken', 'blinken'],
    ['Anthony Blinken', 'blinken'],
    ['Blinkin', 'blinken'],
    ['Antony Blink', 'blinken'],
    ['Sergei Lavrov', 'lavrov'],
    ['Sergey Lavrov', 'lavrov'],
    ['Kiev', 'ukraine'],
    ['Kyiv', 'ukraine'],
    ['Lugansk', 'luhansk'],
    ['Luhansk', 'luhansk'],
    ['Nato', 'nato'],
    ['NATO', 'nato'],
    ['North Atlantic Treaty Organisation', 'nato'],
    ['US', 'us'],
    ['U.S.', 'us'],
    ['United States', 'us'],
    ['Washington', 'us'],
    ['the White House', 'us'],
    ['the Kremlin', 'russia'],
    ['Moscow', 'russia'],
    ['Yuri Ushakov', 'ushakov'],
    ['Viktor Orban', 'orban'],
  ])('%s → %s', (name, key) => {
    expect(entityKey(name)).toBe(key);
  });
});

describe('findEntities', () => {
  it.each([
    ['Russian troops massed near the Ukrainian border.', [['Russian', 'russia'], ['Ukrainian', 'ukraine']]],
    ['American officials said so.', [['American', 'us']]],
    ['Putin met the Hungarian leader in Moscow.', [['Putin', 'putin'], ['Hungarian', 'hungary'], ['Moscow', 'moscow']]],
    ['Moscow denies any plans to invade.', [['Moscow', 'russia']]],
    ['The fighting has killed 14,000 people, according to Kiev.', [['Kiev', 'ukraine']]],
    ['They met in Kyiv and Lugansk.', [['Kyiv', 'kyiv'], ['Lugansk', 'luhansk']]],
    [
      'US Secretary of State Antony Blinken met Russian counterpart Sergei Lavrov.',
      [['US', 'us'], ['Antony Blinken', 'blinken'], ['Russian', 'russia'], ['Sergei Lavrov', 'lavrov']],
    ],
    ['The U.S. and the United Kingdom agreed.', [['U.S.', 'us'], ['United Kingdom', 'uk']]],
  ])('%s', (sentence, expected) => {
    expect(findEntities(sentence).map((e) => [e.text, e.key])).toEqual(expected);
  });

  it('keys unknown names by surname for people and whole for others', () => {
    const found = findEntities('Samuel Greene spoke to Al Jazeera about Gazprom.');
    expect(found.map((e) => e.key)).toEqual(['greene', 'jazeera', 'gazprom']);
  });

  it('gives offsets into the sentence', () => {
    const s = 'Sergey Lavrov said this week that diplomats would attend.';
    for (const e of findEntities(s)) expect(s.slice(e.start, e.end)).toBe(e.text);
  });
});

describe('possessives end a name', () => {
  it('reads "Denmark’s Social Democrats" as Denmark and a party, not a person called Democrats', () => {
    const keys = findEntities("Denmark's Social Democrats came first, and Mette Frederiksen's party won.").map((e) => e.key);
    expect(keys).toContain('denmark');
    expect(keys).toContain('frederiksen');
    expect(keys).not.toContain('mette frederiksen social democrats');
  });
});

describe('the world’s countries and their demonyms', () => {
  it.each([
    ['The Peruvian government sent aid to Peru’s south.', 'peru'],
    ['Danish voters went to the polls across Denmark.', 'denmark'],
    ['Kenyan police and officials in Kenya said so.', 'kenya'],
  ])('%s → one key, %s', (text, key) => {
    const found = findEntities(text).filter((e) => e.key === key);
    expect(found.map((e) => e.type).sort()).toEqual(['country', 'demonym']);
  });

  it('keeps the curated keys: "Britain" and "British" are uk', () => {
    expect(findEntities('British ministers flew to Britain.').map((e) => e.key)).toEqual(['uk', 'uk']);
  });
});

describe('number words are not names', () => {
  it.each([['Twelve villages remain cut off.'], ['Two-thirds of the county was flooded.']])('%s', (text) => {
    expect(findEntities(text)).toEqual([]);
  });
});

describe('qualifiers that open a sentence are not names', () => {
  it.each([['Around 1,800 homes were destroyed.'], ['Nearly 100,000 people fled.'], ['Roughly half voted.']])('%s', (text) => {
    expect(findEntities(text)).toEqual([]);
  });
});

// Number forms, qualifiers, vague amounts, units, pairs, times and noise, one sentence at a time.
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../utils/article/sentences';
import type { Figure } from '../../utils/analysis/types';
import { extractFigures } from '../../utils/figures/extract-figures';

function figures(text: string, published: string | null = '2022-01-22'): Figure[] {
  return extractFigures(text, splitSentences(text), { published });
}
function only(text: string, published?: string | null): Figure {
  const found = figures(text, published);
  expect(found.map((f) => f.text), text).toHaveLength(1);
  return found[0]!;
}

describe('number forms', () => {
  it.each([
    ['They sent 100,000 troops.', '100,000', 100000],
    ['Il y a 2 209 soldats, said the report in English: 2 209 soldiers were counted.', '2 209', 2209],
    ['The fund holds 1.5 million dollars.', '1.5 million dollars', 1_500_000],
    ['The bill costs $11bn in total.', '$11bn', 11e9],
    ['Turnout rose by 5.4% this year.', '5.4%', 5.4],
    ['Two soldiers were hurt.', 'Two', 2],
    ['He met four Ukrainian officials.', 'four', 4],
    ['They bought a dozen tanks.', 'a dozen', 12],
    ['The army lost twenty-five tanks.', 'twenty-five', 25],
    ['Police detained 1,200 protesters.', '1,200', 1200],
  ])('%s → %s = %d', (text, written, point) => {
    const f = figures(text).find((x) => x.text === written);
    expect(f, `no figure "${written}" in ${JSON.stringify(figures(text).map((x) => x.text))}`).toBeDefined();
    expect(f!.value.point).toBe(point);
  });
});

describe('vague amounts', () => {
  it.each([
    ['With tens of thousands of troops massed nearby.', 'tens of thousands', 10000, 99999],
    ['Hundreds of people fled.', 'Hundreds', 100, 999],
    ['The war claimed thousands of lives.', 'thousands', 1000, 9999],
    ['Dozens of tanks moved.', 'Dozens', 24, 144],
    ['Hundreds of thousands of people marched.', 'Hundreds of thousands', 100000, 999999],
  ])('%s', (text, written, low, high) => {
    const f = only(text);
    expect([f.text, f.value.low, f.value.high, f.value.vague]).toEqual([written, low, high, true]);
  });
});

describe('qualifiers', () => {
  it.each([
    ['It counted more than 114,000 Russian soldiers.', 'more than 114,000', 'more than', 114000, null, 114000],
    ['An estimated 100,000 troops massed.', 'An estimated 100,000', 'about', 90000, 110000, 100000],
    ['At least 12 people died.', 'At least 12', 'at least', 12, null, 12],
    ['Up to 30 aircraft took part.', 'Up to 30', 'up to', 0, 30, 30],
    ['Nearly 50 ministers attended.', 'Nearly 50', 'nearly', 45, 50, 50],
    ['Some 300 vehicles crossed.', 'Some 300', 'about', 270, 330, 300],
    ['Roughly 40 ships sailed.', 'Roughly 40', 'about', 36, 44, 40],
    ['Over 2,000 soldiers arrived.', 'Over 2,000', 'more than', 2000, null, 2000],
    ['Fewer than 20 people came.', 'Fewer than 20', 'less than', 0, 20, 20],
    ['More than tens of thousands of people fled.', 'More than tens of thousands', 'more than', 10000, null, 10000],
  ])('%s', (text, written, qualifier, low, high, point) => {
    const f = only(text);
    expect([f.text, f.qualifier, f.value.low, f.value.high, f.value.point]).toEqual([written, qualifier, low, high, point]);
  });
});

describe('what is counted', () => {
  it.each([
    ['It counted more than 114,000 Russian soldiers on the border.', 'Russian soldiers', 'troop', ['russia'], 'concentrate'],
    ['Russia has massed tens of thousands of troops on the border.', 'troops', 'troop', [], 'mass'],
    ['The conflict has killed more than 13,000 people since 2014.', 'people', 'person', [], 'kill'],
    ['Washington accuses Moscow of deploying 100,000 forces near Ukraine.', 'forces', 'troop', [], 'deploy'],
    ['Before the more than 50 ministers of the OSCE members, he spoke.', 'ministers', 'minister', ['osce'], null],
    ['With 100,000 Russian troops massed near Ukraine, many fear war.', 'Russian troops', 'troop', ['russia'], 'mass'],
  ])('%s', (text, counted, key, modifiers, verb) => {
    const f = figures(text).find((x) => x.kind === 'count')!;
    expect(f.counted).toBe(counted);
    expect(f.countedKey).toBe(key);
    expect(f.countedModifiers).toEqual(modifiers);
    if (text.startsWith('It counted')) expect(f.verb).toBe('count');
    else expect(f.verb).toBe(verb);
  });
});

describe('units', () => {
  it.each([
    ['He met Lavrov for 90 minutes.', 'duration', 90, 'minute', null],
    ['The call lasted two hours.', 'duration', 120, 'minute', null],
    ['The talks took four days.', 'duration', 5760, 'minute', null],
    ['Prices rose 5.4 percent.', 'percent', 5.4, 'percent', null],
    ['Britain pledged £5m in aid.', 'money', 5e6, 'GBP', 'GBP'],
    ['Congress approved $1.5 billion.', 'money', 1.5e9, 'USD', 'USD'],
    ['The EU gave €300 million.', 'money', 3e8, 'EUR', 'EUR'],
    ['The convoy is 40 km long.', 'measure', 40, 'km', null],
  ])('%s', (text, kind, point, unit, currency) => {
    const f = only(text);
    expect([f.kind, f.value.point, f.unit, f.currency]).toEqual([kind, point, unit, currency]);
  });

  it('converts miles and keeps the bracketed rendering as an alternate, noting a pair that disagrees', () => {
    const f = only('The column stretched 26 miles (46km) north of the city.');
    expect(f.text).toBe('26 miles (46km)');
    expect(f.unit).toBe('km');
    expect(f.value.point).toBeCloseTo(41.84, 1);
    expect(f.alternate?.text).toBe('46km');
    expect(f.alternate?.value.point).toBe(46);
    expect(f.alternate?.consistent).toBe(false);
    expect(only('It is 190 kilometers (118 miles) away.').alternate?.consistent).toBe(true);
  });
});

describe('times, frequency and order', () => {
  it('reads a local time with its zone rendering as one figure', () => {
    const f = only('The call started at 15:35 (20:35 GMT).');
    expect([f.text, f.kind, f.value.point, f.alternate?.text, f.alternate?.value.point]).toEqual([
      '15:35 (20:35 GMT)', 'time', 935, '20:35 GMT', 1235,
    ]);
  });
  it.each([
    ['The vote closes at 3:30 pm ET.', '3:30 pm ET', 930, 'ET'],
    ['He spoke at 9am.', '9am', 540, null],
  ])('%s', (text, written, point, zone) => {
    const f = only(text);
    expect([f.text, f.kind, f.value.point, f.zone ?? null]).toEqual([written, 'time', point, zone]);
  });
  it.each([
    ['Biden twice warned Putin.', 'twice', 'frequency', 2],
    ['Macron spoke to Putin for the second time in a week.', 'second time', 'order', 2],
    ['He called three times.', 'three times', 'frequency', 3],
  ])('%s', (text, written, kind, point) => {
    const f = figures(text).find((x) => x.text === written)!;
    expect([f.kind, f.value.point]).toEqual([kind, point]);
  });
});

describe('noise is not a claim', () => {
  it.each([
    ['0:00'],
    ['Video 2:35'],
    ['1.2K shares 45 comments'],
    ['Published in Dawn, February 2nd, 2022'],
    ['Tue. Jan 18th, 2022'],
    ['– Liz Truss (@trussliz) January 20 2022'],
    ['with reports from © – Agence France-Presse, 2022.'],
    ['That’s a total of 10^5 * 300 lists.'],
    ['The packets are 0x08 and 0x10.'],
    ['It runs on version 1.8.3 of the game.'],
    ['It has 245 shares.'],
    ['He read Article 5 aloud.'],
    ['One of the leaders spoke.'],
    ['The two leaders spoke.'],
  ])('%s', (text) => {
    expect(figures(text).map((f) => f.text)).toEqual([]);
  });
});

describe('attribution', () => {
  it.each([
    ['It counted more than 114,000 Russian soldiers, according to US intelligence services.', 'according to US intelligence services', 'us'],
    ['The fighting has killed 14,000 people, according to Kiev.', 'according to Kiev', 'ukraine'],
    ['Tensions grew, with Washington accusing Moscow of deploying 100,000 troops.', 'Washington accusing', 'us'],
    ['A Kremlin aide said 50 people attended.', 'A Kremlin aide said', 'russia'],
  ])('%s', (text, attribution, key) => {
    const f = figures(text).find((x) => x.kind === 'count')!;
    expect(f.attribution).toBe(attribution);
    expect(f.attributionKey).toBe(key);
  });
});

describe('ranges and forms seen in wire copy', () => {
  it.each([
    ['Between 5,000 and 10,000 troops arrived.', 'Between 5,000 and 10,000', 'count', 5000, 10000, 'troop'],
    ['Officials expect 5,000 to 10,000 troops.', '5,000 to 10,000', 'count', 5000, 10000, 'troop'],
    ['The plan costs $5-10 billion.', '$5-10 billion', 'money', 5e9, 10e9, null],
    ['Support fell to 30-35% in polls.', '30-35%', 'percent', 30, 35, null],
    ['A 100,000-strong force gathered.', '100,000-strong', 'count', 100000, 100000, 'troop'],
    ['The Pentagon put 8,500 U.S. troops on alert.', '8,500', 'count', 8500, 8500, 'troop'],
    ['Two gunmen died.', 'Two', 'count', 2, 2, 'gunman'],
  ])('%s', (text, written, kind, low, high, key) => {
    const f = only(text);
    expect([f.text, f.kind, f.value.low, f.value.high, f.countedKey]).toEqual([written, kind, low, high, key]);
  });

  it('keeps dotted acronyms in what is counted', () => {
    const f = only('The Pentagon put 8,500 U.S. troops on alert.');
    expect([f.counted, f.countedModifiers]).toEqual(['U.S. troops', ['us']]);
  });
});

describe('durations without digits', () => {
  it.each([
    ['The call lasted more than an hour.', 'more than an hour', 60, null, 'more than'],
    ['They talked for half an hour.', 'half an hour', 30, 30, null],
    ['The meeting lasted nearly a week.', 'nearly a week', 10080, 10080, 'nearly'],
    ['A 50-minute call followed.', '50-minute', 50, 50, null],
    ['The two-hour talks ended.', 'two-hour', 120, 120, null],
  ])('%s', (text, written, point, high, qualifier) => {
    const f = only(text);
    expect([f.text, f.kind, f.value.point, f.value.high, f.qualifier, f.unit]).toEqual([written, 'duration', point, high, qualifier, 'minute']);
  });

  it('reads no duration from "a day after"', () => {
    expect(figures('It came a day after Macron spoke.').map((f) => f.text)).toEqual([]);
  });
});

describe('numbers inside names', () => {
  it.each([
    ['He flew on a Boeing 737 to Kyiv.', []],
    ['The Qatar 2022 World Cup began.', []],
    ['Some 300 vehicles crossed.', ['Some 300']],
    ['The army said Nearly 50 tanks moved.', ['Nearly 50']],
    ['Russia has 100,000 troops there.', ['100,000']],
  ])('%s', (text, expected) => {
    expect(figures(text).map((f) => f.text)).toEqual(expected);
  });
});

describe('wire copy furniture and tolls', () => {
  it.each([
    ['MOSCOW, Dec 7 (Reuters) - Biden spoke to Putin on Tuesday.', ['Tuesday']],
    ['GENEVA, Jan 21 — Blinken met Lavrov for 90 minutes.', ['90 minutes']],
  ])('%s', (text, expected) => {
    expect(figures(text, '2021-12-07').map((f) => f.text)).toEqual(expected);
  });

  it('reads a death toll as a count of people', () => {
    const f = only('The United Nations puts the death toll at about 14,000.');
    expect([f.text, f.counted, f.countedKey, f.qualifier]).toEqual(['about 14,000', 'death toll', 'person', 'about']);
  });
});

describe('proportions and glued nouns', () => {
  it.each([
    ['About one in five Ukrainians has relatives in Russia.', 'About one in five', 20, 'about'],
    ['Three out of four voters agreed.', 'Three out of four', 75, null],
  ])('%s', (text, written, point, qualifier) => {
    const f = only(text);
    expect([f.text, f.kind, f.value.point, f.qualifier, f.unit]).toEqual([written, 'percent', point, qualifier, 'percent']);
  });

  it('counts the noun glued to a number: "the 27-nation EU"', () => {
    const f = only('The 27-nation European Union is preparing sanctions.');
    expect([f.text, f.counted, f.countedKey]).toEqual(['27', 'nation', 'nation']);
  });
});

describe('fractions, halves and multipliers', () => {
  it.each([
    ['Two-thirds of voters backed the plan.', 'Two-thirds', 66.7],
    ['Floodwater covered a third of the town.', 'a third', 33.3],
    ['Nearly three-quarters of the district lost power.', 'Nearly three-quarters', 75],
  ])('%s → %s (percent)', (text, written, point) => {
    const f = only(text);
    expect([f.text, f.kind, f.value.point, f.unit]).toEqual([written, 'percent', point, 'percent']);
  });

  it.each([
    ['The talks lasted about seven and a half hours.', 'about seven and a half hours', 450],
    ['The strike lasted 3 and a half days.', '3 and a half days', 5040],
    ['One and a half hours later it ended.', 'One and a half hours', 90],
    ['A quarter of an hour later, the doors opened.', 'A quarter of an hour', 15],
    ['They talked for three-quarters of an hour.', 'three-quarters of an hour', 45],
  ])('%s → %s minutes', (text, written, minutes) => {
    const f = only(text);
    expect([f.text, f.kind, f.value.point, f.unit]).toEqual([written, 'duration', minutes, 'minute']);
  });

  it('reads "two and a half million people" as one count', () => {
    const f = only('Some two and a half million people voted.');
    expect([f.text, f.kind, f.value.point, f.countedKey]).toEqual(['Some two and a half million', 'count', 2_500_000, 'person']);
  });

  it('takes "three times higher" for a multiplier, not a count of "times higher"', () => {
    const f = only('Prices were three times higher.');
    expect([f.text, f.kind]).toEqual(['three times', 'frequency']);
  });
});

describe('what is counted stops at adverbs after the noun', () => {
  it.each([
    ['Washington accuses Moscow of massing more than 100,000 troops close to Ukraine.', 'troops', 'troop'],
    ['Ukrainian officials say Russia has gathered an estimated 94,000 troops near the border.', 'troops', 'troop'],
    ['Some 40,000 people currently live in the valley.', 'people', 'person'],
    ['Nearly 2,000 soldiers reportedly crossed the river.', 'soldiers', 'troop'],
    ['About 300 family members gathered outside.', 'family members', 'member'],
  ])('%s', (text, counted, key) => {
    const f = figures(text).find((x) => x.kind === 'count')!;
    expect([f.counted, f.countedKey]).toEqual([counted, key]);
  });
});

describe('earthquakes, tolls and elliptical counts', () => {
  it.each([
    ['A magnitude 6.9 earthquake struck southern Peru.', '6.9'],
    ['The 6.9-magnitude quake struck at night.', '6.9-magnitude'],
    ['The 6.9 tremor struck at night.', '6.9'],
  ])('%s → a magnitude, not a count of quakes', (text, written) => {
    const f = figures(text)[0]!;
    expect([f.text, f.kind, f.unit, f.value.point, f.countedKey]).toEqual([written, 'measure', 'magnitude', 6.9, null]);
  });

  it('gives the second of two coordinated counts the first one’s noun: "killing 62 people and injuring more than 400"', () => {
    const fs = figures('The quake killed at least 62 people and injured more than 400, officials said.').filter((f) => f.kind === 'count');
    expect(fs.map((f) => [f.text, f.countedKey, f.verb])).toEqual([
      ['at least 62', 'person', 'kill'],
      ['more than 400', 'person', 'injure'],
    ]);
  });

  it('leaves a count that a verb follows alone: "arrested 40 people and 12 were freed"', () => {
    const fs = figures('Police arrested 40 people and 12 were later freed.').filter((f) => f.kind === 'count');
    expect(fs.map((f) => f.countedKey)).toEqual(['person', null]);
  });

  it('reads "the number of people killed … rose to 118" as 118 people killed', () => {
    const f = figures("The number of people killed by Monday's earthquake rose to 118 on Tuesday.").find((x) => x.kind === 'count')!;
    expect([f.text, f.countedKey, f.verb]).toEqual(['118', 'person', 'kill']);
  });

  it('gives a death toll the verb of killing, whatever moves it', () => {
    const f = only('The death toll rose to 40.');
    expect([f.countedKey, f.verb]).toEqual(['person', 'kill']);
  });

  it.each([
    ['Some 40,000 rail workers walked out.', 'worker'],
    ['About 40 000 staff took part in the walkout.', 'worker'],
    ['Nearly 2,000 houses were destroyed.', 'home'],
  ])('%s → %s', (text, key) => {
    expect(figures(text).find((f) => f.kind === 'count')!.countedKey).toBe(key);
  });
});

describe('real-page habits that are not the claims they look like', () => {
  it.each([
    ['The 19th century gave way to the 21st.'],
    ['Mr Shamir ran afoul of Bush in ’91.'],
    ['The big change happened in the 80s when the paper changed.'],
    ['Anyone who has closed a billion-dollar acquisition deal knows.'],
  ])('%s → no figure', (text) => {
    expect(figures(text).map((f) => f.text)).toEqual([]);
  });

  it.each([
    ['A fish that can grow to 500 pounds was landed.', '500 pounds', 'kg', 226.796],
    ['The halibut catch is capped at 29.4 million pounds.', '29.4 million pounds', 'kg', 13_335_615.678],
    ['It delivers 2.5 metric tons of fuel.', '2.5 metric tons', 'kg', 2500],
    ['Just the data for this payload is 26.6 megabytes.', '26.6 megabytes', 'byte', 26_600_000],
    ['The phone has 8GB of memory.', '8GB', 'byte', 8e9],
  ])('%s → a measure', (text, written, unit, point) => {
    const f = only(text);
    expect([f.text, f.kind, f.unit, f.value.point]).toEqual([written, 'measure', unit, point]);
  });

  it('keeps pounds sterling as money where nothing is weighed', () => {
    const f = only('The deal is worth 500 million pounds.');
    expect([f.kind, f.currency]).toEqual(['money', 'GBP']);
  });

  it('reads "Parata, 75, has…" as an age, not a count', () => {
    const f = figures('Seven decades later, Parata, 75, has overseen more than 500 strandings.').find((x) => x.text === '75')!;
    expect([f.kind, f.unit]).toEqual(['measure', 'year-of-age']);
  });
});

describe('the event of a date', () => {
  it('takes the occasion the sentence names when no event verb governs the date', () => {
    const text = 'Blinken urged Lavrov on Tuesday to withdraw troops from the border, in a phone call the State Department described as frank.';
    const f = figures(text, '2022-02-01').find((x) => x.kind === 'date')!;
    expect([f.text, f.verb, f.event]).toEqual(['Tuesday', 'call', 'call']);
  });

  it('keeps the verb that governs the date', () => {
    const f = figures('Blinken met Lavrov in Stockholm on Thursday during a ministerial session.', '2021-12-02').find((x) => x.kind === 'date')!;
    expect([f.text, f.verb]).toEqual(['Thursday', 'meet']);
  });
});

describe('tolls and linking verbs', () => {
  it('finds the toll eight words before its number', () => {
    const f = figures("The death toll from the floods in Romania's Danube delta rose to 21 on Tuesday.").find((x) => x.kind === 'count')!;
    expect([f.text, f.countedKey, f.verb]).toEqual(['21', 'person', 'kill']);
  });

  it('stops what is counted at a linking verb: "Twelve villages remain cut off"', () => {
    const f = only('Twelve villages remain cut off by road.');
    expect([f.text, f.counted, f.countedKey]).toEqual(['Twelve', 'villages', 'village']);
  });
});

describe('people counted by a bare number', () => {
  it.each([
    ['The conflict in the east has killed more than 14,000 since 2014.', 'more than 14,000', 'kill'],
    ['More than 14,000 have been killed since 2014.', 'More than 14,000', 'kill'],
    ['At least 62 died in the quake.', 'At least 62', 'die'],
  ])('%s', (text, written, verb) => {
    const f = figures(text).find((x) => x.kind === 'count')!;
    expect([f.text, f.countedKey, f.verb]).toEqual([written, 'person', verb]);
  });
});

describe('modifiers that describe rather than say whose', () => {
  it.each([
    ['Moscow has positioned some 130,000 military personnel along the frontier.', []],
    ['Russia has deployed 100,000 combat troops near Ukraine.', []],
    ['Russia has deployed 100,000 Russian combat troops near Ukraine.', ['russia']],
  ])('%s', (text, modifiers) => {
    const f = figures(text).find((x) => x.kind === 'count')!;
    expect([f.countedKey, f.countedModifiers]).toEqual(['troop', modifiers]);
  });
});

describe('"the number of …" before the figure', () => {
  it('reads "put the number of Russian troops at 130,000" as Russian troops', () => {
    const f = only('Western intelligence estimates put the number of Russian troops at 130,000.');
    expect([f.text, f.counted, f.countedKey, f.countedModifiers]).toEqual(['130,000', 'Russian troops', 'troop', ['russia']]);
  });
});

describe('calls named by their verbs, counts by "numbering"', () => {
  it('takes "spoke by phone for 50 minutes" for the length of a call', () => {
    const [duration, day] = figures('Biden and Putin spoke by phone for 50 minutes on Thursday.', '2021-12-31');
    expect([duration!.text, duration!.event, day!.text, day!.event]).toEqual(['50 minutes', 'call', 'Thursday', 'call']);
  });

  it('does not take a speech for a call', () => {
    expect(only('He spoke for 20 minutes at the rally.').event).toBeUndefined();
  });

  it('reads "Russian forces numbering 100,000" as Russian troops', () => {
    const f = only('Russian forces numbering 100,000 are massed near the border.');
    expect([f.countedKey, f.countedModifiers]).toEqual(['troop', ['russia']]);
  });
});

describe('compound number forms', () => {
  it.each([
    ['The talks lasted 1 hour 40 minutes.', '1 hour 40 minutes', 'duration', 100],
    ['They spoke for an hour and 20 minutes.', 'an hour and 20 minutes', 'duration', 80],
    ['One hundred thousand troops are there.', 'One hundred thousand', 'count', 100_000],
    ['Two hundred million dollars was pledged.', 'Two hundred million dollars', 'money', 200_000_000],
  ])('%s → %s', (text, written, kind, point) => {
    const f = only(text);
    expect([f.text, f.kind, f.value.point]).toEqual([written, kind, point]);
  });

  it('reads "100,000-plus troops" as more than 100,000 troops', () => {
    const f = only('Russia has 100,000-plus troops near the border.');
    expect([f.text, f.qualifier, f.value.low, f.value.high, f.countedKey]).toEqual(['100,000-plus', 'more than', 100_000, null, 'troop']);
  });

  it('still takes "no one" for a pronoun', () => {
    expect(figures('No one knows how many.')).toEqual([]);
  });
});

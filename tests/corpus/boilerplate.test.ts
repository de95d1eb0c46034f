// The boilerplate rules on made-up lines and pages (none from the bundled reports), so they are shown to be general.
import { describe, expect, it } from 'vitest';
import { classifyLine, hasSentenceEnd, isDateStamp, isFragmentTagline, removeBoilerplate } from '../../utils/corpus/build/boilerplate';

describe('classifyLine: furniture and prompts', () => {
  it.each([
    ['Decrease Font Size Increase Font Size', 'furniture'],
    ['Text Size  Print', 'furniture'],
    ['Print this article', 'furniture'],
    ['Source link', 'furniture'],
    ['Advertisement', 'furniture'],
    ['Story continues below advertisement', 'furniture'],
    ['Share this article', 'furniture'],
    ['Leave a Comment', 'comments'],
    ['12 Comments', 'furniture'],
    ['Comment', 'furniture'],
    ['Loading...', 'furniture'],
    ['We use cookies to improve your experience. Read our cookie policy.', 'furniture'],
    ['We noticed you are using an ad blocker.', 'furniture'],
    ['There are no comments yet.', 'comments'],
    ['Be the first to comment on this story', 'comments'],
    ['Your email address will not be published.', 'comments'],
    ['Join The Daily Courier today to read every story', 'prompt'],
    ['Subscribe now', 'prompt'],
    ['Sign up for our morning newsletter.', 'prompt'],
    ['Support us today and keep independent journalism alive', 'prompt'],
    ['Your support helps us report from the front line.', 'prompt'],
    ['Follow us on Instagram and YouTube for more videos.', 'prompt'],
    ['Get the top stories delivered to your inbox every morning.', 'prompt'],
    ['Log in to comment', 'prompt'],
    ['Related Articles', 'related'],
    ['Ten Things Nobody Tells You About Moving To A New...', 'related'],
    ['Why the harbour plan failed…', 'related'],
    ['You might also like:', 'related'],
    ['Read more', 'related'],
  ])('%j → %s', (line, reason) => {
    expect(classifyLine(line)).toBe(reason);
  });
});

describe('classifyLine: credits, dates, embeds, tickers, bios, labels', () => {
  it.each([
    ['Photo: Getty Images', 'credit'],
    ['Image | Reuters', 'credit'],
    ['© Copyright 2023 Northern Herald Media', 'credit'],
    ['First published in The Coastal Gazette, March 3rd, 2023', 'credit'],
    ['This article originally appeared on Harbor News.', 'credit'],
    ['(Reporting by Jane Roe; Editing by John Doe)', 'credit'],
    ['With reporting from Reuters and AP.', 'credit'],
    ['A version of this article appears in print on March 3, 2023, on Page A7 of the city edition.', 'credit'],
    [
      'Harbor Media Group © 2023 Harbor Media Inc. All rights reserved. Use of this site constitutes acceptance of our User Agreement and Privacy Policy and Cookie Statement and your privacy rights under the law of your state.',
      'credit',
    ],
    ['Media caption The mayor speaks to reporters outside the town hall', 'caption'],
    ['Wed, Mar 8th 2023', 'date-stamp'],
    ['Updated: 14 June 2023, 09:41 GMT', 'date-stamp'],
    ['03/08/2023', 'date-stamp'],
    ['Great day at the summit pic.twitter.com/AbC123xyz', 'social-embed'],
    ['— Jane Minister (@janemin) March 8, 2023', 'social-embed'],
    ['View this post on Instagram', 'social-embed'],
    [
      'Mayor opens new bridge City Council approves budget Local Team Wins Regional Cup Health Ministry Launches Vaccine Drive Weather Warning Issued For Coastal Towns',
      'ticker',
    ],
    ['Coffee lover. Travel nerd. Music fanatic. Web ninja.', 'bio'],
    ['The officials walked out of the hall. (AFP)', 'caption'],
    ['By Staff Reporter', 'not-a-sentence'],
    ['What happens next', 'not-a-sentence'],
    ['“A turning point”', 'not-a-sentence'],
    ['Reuters/ Nairobi', 'not-a-sentence'],
    ['U.S.', 'not-a-sentence'],
    ['Washington, D.C.', 'not-a-sentence'],
  ])('%j → %s', (line, reason) => {
    expect(classifyLine(line)).toBe(reason);
  });
});

describe('classifyLine keeps article prose', () => {
  it.each([
    'The minister said the talks would resume on Monday.',
    '“We will not give up,” she told reporters.',
    'Asked whether the deal was dead, he said: “Not yet.”',
    'The report listed three demands:',
    'Source: the figures come from the health ministry, which counts only confirmed cases.',
    'Comments by the governor drew criticism from both parties on Tuesday.',
    'He paused. Then he left. Nobody knew why.',
    'Follow-up talks are expected in Vienna next week, diplomats said.',
    'more than a thousand people gathered outside the parliament building on a cold morning to demand that the government reconsider the plan and publish its full costs',
    'Prices rose by 4.5% in May, the statistics office said.',
    'The 2023 budget, published on March 3, sets aside $12 billion for defence.',
    'We think it is worth sharing what we learned, even if the brand name™© looks odd in print, and we hope you agree with most of it after all.',
    'He said the talks had gone well, then added: “We will see...”',
    'The company moved its headquarters to Washington, D.C.',
    'Ad blockers cost publishers billions of dollars a year, the study found.',
    'The new cookie policy of the regulator takes effect in May.',
    'Scam emails land in your inbox disguised as bank notices, police warned.',
    'Published on Monday, the report found that 14,000 people had died.',
  ])('%j', (line) => {
    expect(classifyLine(line)).toBeNull();
  });
});

describe('helpers', () => {
  it('hasSentenceEnd sees punctuation inside closing quotes and long colon intros', () => {
    expect(hasSentenceEnd('He said it was “over.”')).toBe(true);
    expect(hasSentenceEnd('«It is time.»')).toBe(true);
    expect(hasSentenceEnd('Read more:')).toBe(false);
    expect(hasSentenceEnd('The statement from the ministry read:')).toBe(true);
    expect(hasSentenceEnd('Talks resume')).toBe(false);
  });

  it('isDateStamp needs a date and nothing but date words', () => {
    expect(isDateStamp('Friday, 3 March 2023 10:15 PM')).toBe(true);
    expect(isDateStamp('Friday')).toBe(false);
    expect(isDateStamp('Talks resume on 3 March 2023')).toBe(false);
  });

  it('isFragmentTagline needs four short fragments', () => {
    expect(isFragmentTagline('Writer. Dreamer. Coffee addict. Proud dog owner.')).toBe(true);
    expect(isFragmentTagline('Talks failed. Troops moved.')).toBe(false);
    expect(isFragmentTagline('The army said it had moved. The ministry denied it. Talks went on. Nobody believed them.')).toBe(false);
  });
});

describe('removeBoilerplate on made-up pages', () => {
  it('takes the first heading-like line as the headline, strips a section label, and drops bylines and stamps', () => {
    const page = [
      'Harbor Daily Online',
      '',
      'City council approves new harbour budget after long debate | Local',
      '',
      'By Jane Roe',
      'Mon, Mar 6th, 2023',
      '',
      'The city council approved the harbour budget on Monday after a six-hour debate.',
      '',
      'The plan sets aside $40 million for dredging, officials said.',
    ].join('\n');
    const r = removeBoilerplate(page);
    expect(r.headline).toBe('City council approves new harbour budget after long debate');
    expect(r.paragraphs).toEqual([
      'The city council approved the harbour budget on Monday after a six-hour debate.',
      'The plan sets aside $40 million for dredging, officials said.',
    ]);
    expect(r.removed.map((x) => x.reason)).toEqual(['not-a-sentence', 'headline', 'not-a-sentence', 'date-stamp']);
  });

  it('removes a known headline wherever it appears, and a line repeating kept text', () => {
    const r = removeBoilerplate('Storm hits coast\nThe storm hit the coast at dawn.\nStorm hits coast\nThe storm hit the coast at dawn.', {
      headline: 'Storm hits coast',
    });
    expect(r.paragraphs).toEqual(['The storm hit the coast at dawn.']);
    expect(r.removed.map((x) => x.reason)).toEqual(['headline', 'headline', 'duplicate']);
  });

  it('removes an embedded tweet (text, link, attribution) but not the prose before it', () => {
    const page = [
      'The minister arrived in Oslo on Tuesday for two days of talks.',
      'She met fishermen in the harbour before flying home.',
      '🇳🇴 Great to be back in Oslo with old friends.',
      'More to come pic.twitter.com/Xy12AbCd',
      '— Jane Minister (@janemin) March 8, 2023',
      'Her visit ended with a joint statement on fishing quotas.',
    ].join('\n');
    const r = removeBoilerplate(page);
    expect(r.paragraphs).toEqual([
      'The minister arrived in Oslo on Tuesday for two days of talks.',
      'She met fishermen in the harbour before flying home.',
      'Her visit ended with a joint statement on fishing quotas.',
    ]);
    expect(r.removed.every((x) => x.reason === 'social-embed')).toBe(true);
  });

  it('removes a whole tweet block on a page whose paragraphs are separated by blank lines', () => {
    const page = [
      'The minister arrived in Oslo on Tuesday for two days of talks.',
      '',
      'Great talks with my Norwegian counterpart today.',
      'We agreed to meet again in spring. pic.twitter.com/Xy12AbCd',
      '— Jane Minister (@janemin) March 8, 2023',
      '',
      'Her visit ended with a joint statement on fishing quotas.',
    ].join('\n');
    const r = removeBoilerplate(page);
    expect(r.paragraphs).toEqual([
      'The minister arrived in Oslo on Tuesday for two days of talks.',
      'Her visit ended with a joint statement on fishing quotas.',
    ]);
    expect(r.removed.map((x) => x.reason)).toEqual(['social-embed', 'social-embed', 'social-embed']);
  });

  it('treats a line before a mid-article photo credit as a caption, but not before a final source credit', () => {
    const mid = removeBoilerplate(
      ['The army said it had withdrawn.', 'Soldiers near the river.', 'Photo: EPA', 'Officials could not confirm the claim.'].join('\n'),
    );
    expect(mid.paragraphs).toEqual(['The army said it had withdrawn.', 'Officials could not confirm the claim.']);
    expect(mid.removed.map((x) => x.reason)).toEqual(['caption', 'credit']);

    const end = removeBoilerplate(['The army said it had withdrawn.', 'Officials could not confirm the claim.', 'Source: Reuters'].join('\n'));
    expect(end.paragraphs).toEqual(['The army said it had withdrawn.', 'Officials could not confirm the claim.']);
    expect(end.removed.map((x) => x.reason)).toEqual(['credit']);
  });

  it('removes a caption shown twice (alt text, then caption with a credit)', () => {
    const page = [
      'Two leaders shake hands before their meeting in Oslo.',
      'Two leaders shake hands before their meeting in Oslo. John Smith / AP',
      'The leaders met for three hours.',
    ].join('\n');
    const r = removeBoilerplate(page);
    expect(r.paragraphs).toEqual(['The leaders met for three hours.']);
    expect(r.removed.map((x) => x.reason)).toEqual(['caption', 'caption']);
  });

  it('does not take a comment counter above the article for the start of the comments', () => {
    const page = ['941 comments', 'Share', 'The mayor resigned on Friday.', 'Her deputy takes over next week.'].join('\n');
    expect(removeBoilerplate(page).paragraphs).toEqual(['The mayor resigned on Friday.', 'Her deputy takes over next week.']);
  });

  it('drops the whole comment section, whatever it holds', () => {
    const page = ['Prices rose again in March.', 'Leave a Comment', 'Anna says:', 'I think prices will keep rising.', 'Reply'].join('\n');
    const r = removeBoilerplate(page);
    expect(r.paragraphs).toEqual(['Prices rose again in March.']);
    expect(r.removed.map((x) => x.reason)).toEqual(['comments', 'comments', 'comments', 'comments']);
  });

  it('removes an author bio under the author’s name, and one at the very end, but keeps a reporter in the story', () => {
    const page = [
      'Maria Lopez is a reporter who was detained at the border last week, her newspaper said.',
      'Her lawyers expect a hearing on Friday.',
      'Related Stories',
      'Tom Baker',
      'Tom Baker is a senior writer at Harbor Daily and covers shipping.',
    ].join('\n');
    const r = removeBoilerplate(page);
    expect(r.paragraphs).toEqual([
      'Maria Lopez is a reporter who was detained at the border last week, her newspaper said.',
      'Her lawyers expect a hearing on Friday.',
    ]);
    expect(r.removed.map((x) => x.reason)).toEqual(['related', 'not-a-sentence', 'bio']);

    const atEnd = removeBoilerplate('The vote passed.\nSam Reed is an editor at Harbor Daily.');
    expect(atEnd.paragraphs).toEqual(['The vote passed.']);
  });

  it('never rewrites a kept line and accounts for every non-blank line', () => {
    const page = 'Headline of a made-up story about ports\n\n  The port reopened on Monday.  \n\nSubscribe here\n';
    const r = removeBoilerplate(page);
    expect(r.kept).toEqual([{ line: 2, text: 'The port reopened on Monday.' }]);
    expect(r.kept.length + r.removed.length).toBe(3);
  });
});

// Hand-written stories for the end-to-end tests: news in the same format as the corpus, on events it does not cover.
import type { NewsStory } from './news-page';

/**
 * A story that is not in the corpus, with its own figures. Its 14 sentences are counted by hand:
 * 3 + 3 + 2 + 3 + 3, one paragraph per line below.
 */
export const HARBOUR_STRIKE: NewsStory = {
  headline: 'Dock workers end nine-day strike at Port Calder after pay deal',
  outlet: 'The Morning Ledger',
  published: '2023-03-14',
  byline: 'Ines Varga',
  dateline: 'Port Calder',
  url: 'https://ledger.example/business/port-calder-strike-ends',
  paragraphs: [
    'Dock workers at Port Calder voted on Monday to end a nine-day strike that had left more than 40 container ships waiting offshore. The union said 2,300 of its members took part in the ballot. Of those, 87 percent backed the offer.',
    'The agreement raises basic pay by 6.5 percent this year and by a further 4 percent in 2024. It also adds a one-off payment of 1,200 euros for each worker. Management had first offered a rise of 3 percent.',
    '"This is a fair deal that recognises the work our members do in all weathers," said union secretary Tomas Reyes. He thanked residents for their patience during the dispute.',
    'The port authority estimated that the stoppage cost local businesses about 18 million euros. Shipping lines diverted at least 12 vessels to other harbours along the coast. Some of them are not expected back before April.',
    'Cranes resumed work at 6 a.m. on Tuesday, the authority said. It expects the backlog to clear within two weeks. Talks on a new safety code will begin next month.',
  ],
};

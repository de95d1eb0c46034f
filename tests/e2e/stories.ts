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

/** A French news story: the engine reads figures in English only, and the sidebar must say so plainly. */
export const FRENCH_STORY: NewsStory = {
  headline: 'Le port de Calder reprend le travail après neuf jours de grève',
  outlet: 'Le Courrier du Port',
  published: '2023-03-15',
  byline: 'Claire Dumas',
  dateline: 'Calder',
  paragraphs: [
    'Les dockers du port de Calder ont voté lundi la fin d’une grève de neuf jours qui avait laissé plus de 40 porte-conteneurs au large. Le syndicat affirme que 2 300 de ses membres ont participé au vote.',
    'L’accord augmente le salaire de base de 6,5 % cette année et de 4 % en 2024. Il prévoit aussi une prime unique de 1 200 euros pour chaque travailleur.',
    'Selon l’autorité portuaire, l’arrêt de travail a coûté environ 18 millions d’euros aux entreprises locales. Les compagnies maritimes ont dérouté au moins 12 navires vers d’autres ports de la côte.',
    'Les grues ont repris le travail mardi à 6 heures, a indiqué l’autorité. Elle prévoit que le retard sera résorbé d’ici deux semaines.',
  ],
};

const FILLER = [
  'Residents along the harbour road said traffic had returned to its usual pattern by the afternoon.',
  'Local shops reported a steady stream of customers as the working week began.',
  'The council said it would publish a review of the dispute once both sides had been heard.',
  'Several business groups welcomed the agreement and called for a quick return to normal operations.',
  'Observers noted that the talks had been calm, with neither side making public statements during the final days.',
];

/** A very long page: the harbour story followed by about 6,000 words of unrelated local news. */
export function longStory(): NewsStory {
  const extra: string[] = [];
  for (let i = 0; i < 240; i++) extra.push(`${FILLER[i % FILLER.length]} ${FILLER[(i + 2) % FILLER.length]}`);
  return { ...HARBOUR_STRIKE, headline: `${HARBOUR_STRIKE.headline}: the full report`, paragraphs: [...HARBOUR_STRIKE.paragraphs, ...extra] };
}

/** Two more outlets on the Port Calder strike, each citing the "more than 40 container ships" of HARBOUR_STRIKE. */
export const COURIER: NewsStory = {
  headline: 'Port Calder counts the cost of the dock strike',
  outlet: 'Coastal Courier',
  published: '2023-03-15',
  byline: 'Mara Olsen',
  dateline: 'Port Calder',
  url: 'https://courier.example/port-calder-cost',
  paragraphs: [
    'Dock workers at Port Calder ended a strike that had left more than 40 container ships waiting offshore, the union said on Tuesday. Traders in the town said the dispute had emptied their shelves.',
    'Cranes were working again on Tuesday morning at Port Calder, and the port authority expects the backlog of ships to clear within two weeks. Hauliers said queues at the gates were already shorter.',
    'Local shopkeepers welcomed the end of the stoppage. "We lost a fortnight of trade, but the deal looks fair," said Ana Brook, who runs a chandlery near the quay.',
  ],
};

export const GAZETTE: NewsStory = {
  headline: 'Ships return to Port Calder as strike ends',
  outlet: 'Harbour Gazette',
  published: '2023-03-16',
  byline: 'Joel Park',
  dateline: 'Port Calder',
  url: 'https://gazette.example/ships-return',
  paragraphs: [
    'The first of more than 40 container ships that waited offshore during the Port Calder dock strike berthed on Wednesday, the port authority said.',
    'The nine-day strike ended on Monday after union members backed a pay offer. Shipping lines said it would take two weeks to clear the backlog.',
    'Harbour pilots worked through the night to bring the vessels in, a spokesman for the pilots association said.',
  ],
};

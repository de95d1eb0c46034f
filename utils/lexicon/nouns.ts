// Counted nouns: singulars of irregular plurals, synonym heads, and modifiers that do not set two counts apart.

/** Irregular plural nouns → singular. */
export const IRREGULAR_NOUNS: Record<string, string> = {
  people: 'person', persons: 'person', men: 'man', women: 'woman', children: 'child', servicemen: 'serviceman',
  personnel: 'personnel', police: 'police', feet: 'foot', mice: 'mouse', teeth: 'tooth', geese: 'goose',
  data: 'data', media: 'media', series: 'series', species: 'species', news: 'news',
};

/** Synonym heads that count the same thing: troops, soldiers and forces all count "troop". */
export const HEAD_SYNONYMS: Record<string, string> = {
  soldier: 'troop', force: 'troop', serviceman: 'troop', servicemember: 'troop', personnel: 'troop', troop: 'troop',
  military: 'troop', serviceperson: 'troop',
  person: 'person', individual: 'person', man: 'person', human: 'person', life: 'person', soul: 'person',
  // Inhabitants counted in a disaster are people: "27,000 residents" and "30,000 people" under evacuation orders.
  resident: 'person', inhabitant: 'person', villager: 'person', evacuee: 'person',
  // A parliament's seats are its members: "89 seats", "89 deputies", "89 MPs".
  seat: 'seat', deputy: 'seat', mp: 'seat', lawmaker: 'seat', legislator: 'seat',
  // Crews fighting a fire or a flood: "1,100 firefighters", "1,100 crew members".
  firefighter: 'firefighter', crew: 'firefighter', rescuer: 'rescuer',
  // Deaths and lives lost count people: "14,000 deaths" and "14,000 people killed" are one quantity.
  death: 'person', fatality: 'person', dead: 'person',
  casualty: 'casualty',
  minister: 'minister', diplomat: 'diplomat', official: 'official',
  refugee: 'refugee', migrant: 'migrant',
  tank: 'tank', missile: 'missile', rocket: 'missile', aircraft: 'aircraft', plane: 'aircraft', jet: 'aircraft',
  ship: 'ship', vessel: 'ship', warship: 'ship',
  // Workers on strike or laid off: "40,000 rail workers", "40 000 staff", "40,000 employees".
  worker: 'worker', staff: 'worker', staffer: 'worker', employee: 'worker',
  // Dwellings destroyed or flooded: "1,800 homes", "2,000 houses".
  home: 'home', house: 'home', dwelling: 'home',
};

/** Modifiers that describe what is counted without saying whose it is: they never set two counts apart. */
export const GENERIC_MODIFIERS = new Set([
  'military', 'combat', 'ground', 'armed', 'active', 'additional', 'extra', 'regular', 'elite', 'fresh', 'new',
  'frontline', 'front-line', 'battle-ready', 'armoured', 'armored', 'mechanized', 'mechanised', 'uniformed',
  'professional', 'total', 'estimated', 'possible', 'potential', 'reported', 'confirmed', 'registered', 'official',
  'known', 'many', 'several', 'further', 'serving', 'deployed',
]);

/** Nouns ending in "-ly", which the adverb rule below must not cut ("two family members", "Italy"). */
export const LY_NOUNS = new Set(['family', 'ally', 'supply', 'assembly', 'rally', 'anomaly', 'monopoly', 'belly', 'bully', 'jelly', 'lily', 'fly', 'july', 'italy', 'reply', 'folly', 'tally', 'gully', 'trolley', 'volley', 'panoply']);

/** Counted heads that say little on their own: they need the same event word to be the same quantity. */
export const GENERIC_COUNTED_WORDS = ['person', 'people', 'man', 'men', 'woman', 'women', 'resident', 'individual', 'citizen', 'case', 'time', 'year', 'day'];

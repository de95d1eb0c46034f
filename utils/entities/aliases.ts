// Curated alias table: spelling variants, demonyms and seats of government mapped to one canonical entity key.
import { WORLD_COUNTRIES } from './countries';

/** Canonical key of a multi-word or single-word name, as lowercased text. Longest names are matched first. */
export const NAME_ALIASES: Record<string, string> = {
  // People whose names are spelled several ways in translated and scraped reports.
  'antony blinken': 'blinken',
  'anthony blinken': 'blinken',
  'antony blink': 'blinken',
  'anthony blink': 'blinken',
  blinkin: 'blinken',
  'sergei lavrov': 'lavrov',
  'sergey lavrov': 'lavrov',
  'vladimir putin': 'putin',
  'joe biden': 'biden',
  'volodymyr zelensky': 'zelensky',
  'volodymyr zelenskyy': 'zelensky',
  zelenskyy: 'zelensky',
  zelenskiy: 'zelensky',
  'dmytro kuleba': 'kuleba',
  'dmitro kuleba': 'kuleba',
  // Places.
  kiev: 'kyiv',
  kyiv: 'kyiv',
  lugansk: 'luhansk',
  luhansk: 'luhansk',
  donetsk: 'donetsk',
  kharkov: 'kharkiv',
  kharkiv: 'kharkiv',
  odessa: 'odesa',
  odesa: 'odesa',
  // Organisations.
  nato: 'nato',
  'north atlantic treaty organisation': 'nato',
  'north atlantic treaty organization': 'nato',
  'north atlantic alliance': 'nato',
  osce: 'osce',
  'organization for security and cooperation in europe': 'osce',
  'organization for security and co-operation in europe': 'osce',
  'organisation for security and co-operation in europe': 'osce',
  'organisation for security and cooperation in europe': 'osce',
  eu: 'eu',
  'european union': 'eu',
  un: 'un',
  'united nations': 'un',
  'u.n.': 'un',
  'state department': 'us-state-department',
  'us state department': 'us-state-department',
  'u.s. state department': 'us-state-department',
  // Countries and their spellings.
  us: 'us',
  'u.s.': 'us',
  'u.s': 'us',
  usa: 'us',
  'u.s.a.': 'us',
  'united states': 'us',
  'united states of america': 'us',
  america: 'us',
  uk: 'uk',
  'u.k.': 'uk',
  'united kingdom': 'uk',
  britain: 'uk',
  'great britain': 'uk',
  russia: 'russia',
  'russian federation': 'russia',
  ukraine: 'ukraine',
  china: 'china',
  france: 'france',
  germany: 'germany',
  italy: 'italy',
  poland: 'poland',
  hungary: 'hungary',
  belarus: 'belarus',
  spain: 'spain',
  sweden: 'sweden',
  switzerland: 'switzerland',
  romania: 'romania',
  bulgaria: 'bulgaria',
  australia: 'australia',
  japan: 'japan',
  india: 'india',
  israel: 'israel',
  iran: 'iran',
  turkey: 'turkey',
  canada: 'canada',
  crimea: 'crimea',
  donbas: 'donbas',
  donbass: 'donbas',
};

/** Demonyms and adjectives of countries: "Russian troops" counts troops of russia. */
export const DEMONYMS: Record<string, string> = {
  russian: 'russia',
  russians: 'russia',
  ukrainian: 'ukraine',
  ukrainians: 'ukraine',
  american: 'us',
  americans: 'us',
  british: 'uk',
  briton: 'uk',
  britons: 'uk',
  english: 'uk',
  french: 'france',
  german: 'germany',
  germans: 'germany',
  italian: 'italy',
  polish: 'poland',
  hungarian: 'hungary',
  belarusian: 'belarus',
  chinese: 'china',
  spanish: 'spain',
  swedish: 'sweden',
  swiss: 'switzerland',
  romanian: 'romania',
  bulgarian: 'bulgaria',
  australian: 'australia',
  japanese: 'japan',
  indian: 'india',
  israeli: 'israel',
  israelis: 'israel',
  iranian: 'iran',
  turkish: 'turkey',
  canadian: 'canada',
  european: 'europe',
  western: 'west',
  soviet: 'soviet-union',
  crimean: 'crimea',
};

/**
 * Seats and symbols of government. Used as a subject ("Moscow denies", "according to Kiev") they name the
 * government; after a place preposition ("in Moscow") they name the city.
 */
export const SEATS_OF_GOVERNMENT: Record<string, { government: string; place: string }> = {
  washington: { government: 'us', place: 'washington' },
  'white house': { government: 'us', place: 'washington' },
  pentagon: { government: 'us', place: 'washington' },
  moscow: { government: 'russia', place: 'moscow' },
  kremlin: { government: 'russia', place: 'moscow' },
  kiev: { government: 'ukraine', place: 'kyiv' },
  kyiv: { government: 'ukraine', place: 'kyiv' },
  london: { government: 'uk', place: 'london' },
  'downing street': { government: 'uk', place: 'london' },
  beijing: { government: 'china', place: 'beijing' },
  paris: { government: 'france', place: 'paris' },
  berlin: { government: 'germany', place: 'berlin' },
  brussels: { government: 'eu', place: 'brussels' },
};

/** Names that are places (cities, regions, countries): the "place" of a sentence is the first of these it names. */
export const PLACES = new Set([
  'geneva', 'stockholm', 'kyiv', 'moscow', 'washington', 'london', 'paris', 'berlin', 'brussels', 'beijing', 'minsk',
  'vienna', 'sydney', 'luhansk', 'donetsk', 'donbas', 'crimea', 'kharkiv', 'odesa', 'mariupol', 'sweden', 'switzerland',
  'ukraine', 'russia', 'belarus', 'poland', 'romania', 'bulgaria', 'hungary', 'australia', 'europe', 'afghanistan',
  'chechnya', 'new york', 'sochi', 'rome', 'warsaw', 'budapest', 'madrid', 'tokyo', 'delhi', 'new delhi', 'jerusalem',
  'tehran', 'ankara', 'istanbul', 'ottawa', 'atlantic', 'pacific', 'arctic', 'mediterranean', 'black sea',
]);

/** Titles and roles dropped from a capitalized run before it is keyed ("US Secretary of State Antony Blinken"). */
export const TITLE_WORDS = new Set([
  'president', 'vice', 'prime', 'minister', 'ministers', 'foreign', 'secretary', 'deputy', 'state', 'defence', 'defense',
  'chancellor', 'senator', 'sen', 'rep', 'representative', 'governor', 'gov', 'general', 'gen', 'mr', 'mrs', 'ms', 'dr',
  'sir', 'lord', 'lady', 'king', 'queen', 'prince', 'princess', 'pope', 'ambassador', 'spokesman', 'spokeswoman',
  'spokesperson', 'chief', 'head', 'leader', 'speaker', 'mayor', 'director', 'commander', 'colonel', 'col', 'captain',
  'lt', 'lieutenant', 'sergeant', 'admiral', 'judge', 'justice', 'professor', 'prof', 'official', 'officials', 'former',
  'acting', 'interim', 'senior', 'top', 'assistant', 'adviser', 'advisor', 'envoy', 'counterpart', 'lower', 'upper',
  'house', 'of', 'the', 'and', 'for', 'in',
]);

// The world's countries: their names are aliases and places, their demonyms point to them. The curated entries
// above win where both speak.
for (const country of WORLD_COUNTRIES) {
  for (const name of country.names) {
    NAME_ALIASES[name] ??= country.key;
    PLACES.add(name);
  }
  PLACES.add(country.key);
  for (const demonym of country.demonyms) DEMONYMS[demonym] ??= country.key;
}

// Capitalized words that are not names, and the words that make a capitalized run a title or an institution.
import { MONTH_ABBREVIATIONS, MONTH_NAMES, OPENING_WORDS, WEEKDAY_NAMES } from './sentence-words';

/** Words that open sentences with a capital letter without being names: opening words, calendar names, auxiliaries. */
export const CAPITALIZED_NON_NAMES = new Set([
  ...OPENING_WORDS,
  ...WEEKDAY_NAMES,
  ...MONTH_NAMES,
  ...MONTH_ABBREVIATIONS,
  'or', 'even', 'although', 'though', 'during', 'prior', 'speaking', 'based', 'going', 'follow', 'join', 'leave',
  'source', 'yesterday', 'today', 'tomorrow', 'lawmakers', 'tensions', 'talks', 'together', 'indeed', 'previously',
  'instead', 'only', 'any', 'such', 'western', 'mr', 'mrs', 'ms', 'dr', 'gmt', 'utc', 'et', 'pm', 'am', 'bst', 'cet',
  'est', 'edt', 'pst', 'do', 'does', 'did', 'is', 'are', 'was', 'were', 'will', 'would', 'can', 'could', 'should',
  'might', 'must', 'let', 'we’re', 'i’m', 'it’s', 'don’t', 'we’ve', 'i’ve', 'ok', 'yes', 'every', 'other', 'another',
  'here', 'now', 'just', 'more', 'less', 'few', 'several', 'about', 'from', 'to', 'of', 'under', 'over', 'until',
  'among', 'amid', 'against', 'nor', 'never', 'always', 'again', 'once', 'because',
  // Qualifiers that open a sentence before a figure: "Around 1,800 homes", "Nearly 100,000 people".
  'around', 'nearly', 'almost', 'roughly', 'approximately', 'estimated', 'fewer', 'upwards', 'least', 'up',
]);

/**
 * Capitalized words that are titles or sentence furniture, not names: what the matcher drops before comparing the
 * names near two figures. Shorter than CAPITALIZED_NON_NAMES, which also keeps qualifiers and pronouns out of entities.
 */
export const NAME_FURNITURE = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'in', 'on', 'at', 'but', 'and', 'or', 'if', 'as', 'with',
  'for', 'of', 'from', 'by', 'to', 'this', 'that', 'these', 'those', 'after', 'before', 'while', 'secretary', 'state',
  'minister', 'ministers', 'foreign', 'president', 'prime', 'deputy', 'department', 'ministry', 'assistant',
  'director', 'official', 'officials', 'chief', 'head', 'leader', 'general', 'spokesman', 'spokeswoman', 'mr', 'mrs',
  'ms', 'dr',
  ...WEEKDAY_NAMES,
  ...MONTH_NAMES,
]);

/**
 * Last words of business names: "Reality Labs", "Orbis Systems", "Aurelia Airways" are firms and units, not people,
 * and a story may call them by the name without this word ("Aurelia").
 */
export const BUSINESS_HEADS = new Set([
  'labs', 'lab', 'systems', 'technologies', 'technology', 'motors', 'airlines', 'airways', 'industries', 'holdings',
  'partners', 'capital', 'energy', 'pharmaceuticals', 'therapeutics', 'foods', 'brands', 'stores', 'entertainment',
  'studios', 'communications', 'networks', 'securities', 'insurance', 'financial', 'platforms', 'cloud', 'games',
  'software', 'robotics', 'aerospace', 'logistics', 'resources', 'petroleum', 'mining', 'steel', 'electric', 'devices',
  'semiconductor', 'semiconductors', 'pictures', 'records', 'unit', 'division', 'ventures', 'bancorp', 'motor',
]);

/**
 * Nouns of events that take a name: "the Pine Hollow fire", "the Camp Fire", "Storm Babet". A capitalized run before
 * or ending in one names the event, not a person.
 */
export const EVENT_NAME_HEADS = new Set([
  'fire', 'wildfire', 'blaze', 'storm', 'hurricane', 'typhoon', 'cyclone', 'flood', 'floods', 'earthquake', 'quake',
  'eruption', 'tornado', 'outbreak', 'complex', 'spill', 'strike', 'protests', 'summit', 'talks',
]);

/** Last words that make a capitalized run an institution or thing rather than a person ("Warsaw Pact", "Cold War"). */
export const INSTITUTION_HEADS = new Set([
  'war', 'pact', 'council', 'institute', 'ministry', 'department', 'party', 'union', 'house', 'street', 'sea', 'ocean',
  'agency', 'service', 'services', 'treaty', 'organisation', 'organization', 'force', 'forces', 'army', 'navy', 'court',
  'bank', 'fund', 'group', 'centre', 'center', 'university', 'college', 'administration', 'cup', 'post', 'times', 'news',
  'press', 'presse', 'front', 'day', 'office', 'committee', 'commission', 'parliament', 'assembly', 'republic', 'kingdom',
  'states', 'nations', 'region', 'regions', 'peninsula', 'river', 'airport', 'square', 'palace', 'guard', 'command',
  'embassy', 'company', 'corporation', 'inc', 'ltd', 'association', 'alliance', 'coalition', 'federation', 'movement',
  'accords', 'agreement', 'summit', 'conference', 'forum', 'program', 'programme', 'project', 'initiative', 'media',
  'network', 'channel', 'tv', 'radio', 'magazine', 'journal', 'post', 'herald', 'tribune', 'daily', 'gazette', 'truth',
  ...BUSINESS_HEADS,
  ...EVENT_NAME_HEADS,
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

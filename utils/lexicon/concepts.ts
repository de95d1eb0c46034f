// What a figure can measure: concept names and the words (lemmas and short phrases) that say them, in any domain.

/**
 * Concept → the phrases that name it, in singular lower case. A phrase of two or three words wins over its last word
 * ("consumer price index" is inflation, "price" alone is a price). The vocabulary is general: business results,
 * the economy, markets, disasters, conflict, elections, public money. Add a concept here, never in a rule.
 */
export const CONCEPTS: Record<string, readonly string[]> = {
  revenue: ['revenue', 'sale', 'turnover', 'top line', 'net sale', 'total sale'],
  profit: ['profit', 'net income', 'net profit', 'earnings', 'bottom line', 'operating income', 'operating profit', 'pre-tax profit'],
  loss: ['loss', 'net loss', 'operating loss', 'lost', 'lose', 'losing'],
  'earnings-per-share': ['earnings per share', 'eps', 'per-share earnings', 'earnings a share'],
  'share-price': ['share', 'stock', 'share price', 'stock price', 'shares price'],
  'market-value': ['market value', 'market cap', 'market capitalization', 'market capitalisation', 'valuation', 'valued'],
  subscribers: ['subscriber', 'member', 'membership', 'subscription', 'paid membership', 'paid subscriber', 'net subscriber', 'net addition', 'paid net subscriber'],
  users: ['user', 'active user'],
  'daily-users': ['daily active user', 'daily user', 'dau', 'used daily'],
  'monthly-users': ['monthly active user', 'monthly user', 'mau'],
  jobs: ['employer', 'payroll', 'nonfarm payroll', 'non-farm payroll', 'job', 'hiring', 'hire', 'hired', 'job gain', 'job growth', 'employment', 'position'],
  unemployment: ['unemployment', 'unemployment rate', 'jobless rate', 'joblessness'],
  'jobless-claims': ['jobless claim', 'unemployment claim', 'initial claim', 'claim'],
  'unemployment-rolls': ['unemployment roll', 'roll'],
  inflation: ['inflation', 'inflation rate', 'consumer price index', 'consumer price', 'cpi', 'price index', 'cost of living', 'headline inflation', 'annual inflation'],
  'core-inflation': ['core inflation', 'core cpi', 'core price'],
  wages: ['wage', 'hourly earnings', 'average hourly earnings', 'pay', 'salary', 'earning'],
  gdp: ['gdp', 'gross domestic product', 'economic growth', 'economy', 'output'],
  'interest-rate': ['interest rate', 'benchmark rate', 'policy rate', 'federal funds rate', 'base rate', 'rate hike', 'mortgage rate', 'bank rate', 'key rate', 'cash rate', 'repo rate', 'lending rate', 'deposit rate', 'borrowing cost'],
  price: ['price', 'cost', 'bill', 'average price', 'fare'],
  gasoline: ['gasoline', 'gas', 'petrol', 'fuel', 'pump'],
  energy: ['energy'],
  food: ['food'],
  grocery: ['grocery', 'food at home', 'groceries'],
  shelter: ['shelter', 'rent', 'housing'],
  electricity: ['electricity', 'power bill'],
  oil: ['oil', 'crude', 'brent', 'barrel'],
  deaths: ['death', 'dead', 'killed', 'kill', 'fatality', 'death toll', 'toll', 'died', 'life'],
  injured: ['injured', 'injury', 'wounded', 'hurt'],
  missing: ['missing', 'unaccounted', 'unaccounted for'],
  displaced: ['displaced', 'evacuated', 'evacuee', 'refugee', 'homeless', 'fled', 'evacuation', 'evacuation order', 'evacuate'],
  troops: ['troop', 'soldier', 'force', 'serviceman', 'personnel'],
  votes: ['vote', 'ballot', 'share of the vote'],
  turnout: ['turnout'],
  seats: ['seat'],
  spending: ['spending', 'budget', 'funding', 'aid', 'investment', 'expenditure', 'outlay', 'capital expenditure', 'capex'],
  debt: ['debt', 'borrowing', 'deficit'],
  tax: ['tax', 'taxes', 'levy', 'tariff'],
  'wind-speed': ['wind', 'gust', 'wind speed'],
  rainfall: ['rain', 'rainfall', 'precipitation'],
  magnitude: ['magnitude'],
  containment: ['contained', 'containment'],
  area: ['acre', 'hectare', 'square mile', 'square kilometre', 'square kilometer', 'burned', 'burnt', 'scorched'],
  homes: ['home', 'house', 'dwelling', 'building', 'property'],
  cases: ['case', 'infection'],
  'delivery': ['delivery', 'shipment', 'unit shipped'],
  'guidance': ['guidance', 'outlook'],
};

/** Words that qualify a concept without naming another one ("record", "quarterly"): never a sub-category. */
export const CONCEPT_NOISE = new Set([
  'record', 'quarterly', 'annual', 'total', 'overall', 'global', 'worldwide', 'new', 'net', 'average', 'first', 'last',
  'latest', 'monthly', 'weekly', 'daily', 'yearly', 'full-year', 'full', 'year', 'month', 'week', 'day', 'the', 'its',
  'their', 'his', 'her', 'a', 'an', 'this', 'that', 'same', 'high', 'low', 'strong', 'weak', 'big', 'biggest',
  'largest', 'fourth-quarter', 'third-quarter', 'second-quarter', 'first-quarter', 'holiday', 'key', 'main',
  'household', 'consumer', 'corporate', 'retail', 'domestic', 'foreign', 'international', 'online', 'core', 'gross',
  'operating', 'adjusted', 'underlying', 'reported', 'estimated', 'expected', 'projected', 'seasonal', 'seasonally',
]);

/** Phrase → concept, built once from `CONCEPTS`. */
export const CONCEPT_OF: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const [concept, phrases] of Object.entries(CONCEPTS)) for (const p of phrases) if (!m.has(p)) m.set(p, concept);
  return m;
})();

/**
 * Concepts that a more specific one may stand for: a price of gasoline is a price. Two figures of the specific
 * concept are compared on it, and the general word alone ("prices") is not enough to match a specific one.
 */
export const HEAD_CONCEPTS = new Set(['price', 'revenue', 'spending']);

/**
 * Tallies that grow as a story unfolds: a later report may give several times an earlier one's count of the same thing
 * ("at least four" dead on Wednesday, 11 on Friday), and the two still differ rather than measure different things.
 */
export const RUNNING_TALLIES = new Set(['deaths', 'injured', 'missing', 'displaced', 'homes', 'cases', 'area']);

/** Concepts that say what kind of amount a figure is without saying of what: "costs", "prices", "bills". */
export const UNSPECIFIC_CONCEPTS = new Set(['price']);

/** The longest phrase among `CONCEPT_OF`'s keys, in words. */
export const MAX_CONCEPT_WORDS = 3;

/** Concepts that move within a day (a share price): two figures of them are the same only on the same day. */
export const DAY_BOUND_CONCEPTS = new Set(['share-price']);

/** The concept a single word names (a lemma or its plural), or null. */
export function conceptOfWord(word: string): string | null {
  const w = word.toLowerCase();
  return CONCEPT_OF.get(w) ?? CONCEPT_OF.get(w.replace(/s$/, '')) ?? null;
}

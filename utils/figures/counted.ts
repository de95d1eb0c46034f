// What a figure counts and the event it belongs to: the noun phrase after it, its normalized head, and the verb.
import { DEMONYMS, NAME_ALIASES } from '../entities/aliases';

/** Words that end a counted noun phrase: function words, auxiliaries, relatives. */
const PHRASE_STOP = new Set([
  'a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'near', 'along', 'across', 'into',
  'onto', 'since', 'during', 'over', 'under', 'after', 'before', 'between', 'among', 'against', 'around', 'about',
  'and', 'or', 'but', 'nor', 'than', 'as', 'that', 'which', 'who', 'whom', 'whose', 'where', 'when', 'while', 'if',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'have', 'has', 'had', 'do', 'does', 'did', 'will', 'would', 'can',
  'could', 'should', 'may', 'might', 'must', 'shall', 'not', 'no', 'so', 'this', 'these', 'those', 'it', 'its', 'they',
  'their', 'them', 'he', 'she', 'his', 'her', 'we', 'our', 'you', 'your', 'i', 'my', 'per', 'each', 'more', 'less',
  'ago', 'already', 'also', 'still', 'now', 'then', 'there', 'here', 'up', 'down', 'out', 'off', 'away', 'back',
  'say', 'says', 'said', 'according', 'including', 'toward', 'towards', 'through', 'throughout', 'until', 'within',
  'without', 'upon', 'like', 'last', 'next', 'later', 'earlier', 'yet', 'all', 'both', 'some', 'any', 'other',
  'thereafter', 'afterwards', 'afterward', 'apart', 'respectively', 'too', 'alone', 'instead', 'altogether',
  'themselves', 'himself', 'herself', 'itself', 'ourselves', 'yourselves', 'old', 'ago', 'apiece', 'each', 'more',
  // Adverbs and adjectives that follow a counted noun rather than modify it: "troops close to Ukraine",
  // "people nearby", "soldiers ready to move", "workers just".
  'close', 'closer', 'nearer', 'nearby', 'just', 'only', 'even', 'ever', 'again', 'ready', 'poised', 'due', 'able',
  'set', 'amid', 'amidst', 'despite', 'via', 'inside', 'outside', 'beyond', 'behind', 'beside', 'alongside',
  'opposite', 'worth', 'overall', 'abroad', 'nationwide', 'nearly', 'almost', 'roughly',
  // Linking verbs: "twelve villages remain cut off".
  'remain', 'remains', 'remained', 'stay', 'stays', 'stayed', 'seem', 'seems', 'seemed', 'appear', 'appears',
  'appeared', 'become', 'becomes', 'became', 'get', 'gets', 'got', 'went',
]);

/** Modifiers that describe what is counted without saying whose it is: they never set two counts apart. */
const GENERIC_MODIFIERS = new Set([
  'military', 'combat', 'ground', 'armed', 'active', 'additional', 'extra', 'regular', 'elite', 'fresh', 'new',
  'frontline', 'front-line', 'battle-ready', 'armoured', 'armored', 'mechanized', 'mechanised', 'uniformed',
  'professional', 'total', 'estimated', 'possible', 'potential', 'reported', 'confirmed', 'registered', 'official',
  'known', 'many', 'several', 'further', 'serving', 'deployed',
]);

/** Nouns ending in "-ly", which the adverb rule below must not cut ("two family members", "Italy"). */
const LY_NOUNS = new Set(['family', 'ally', 'supply', 'assembly', 'rally', 'anomaly', 'monopoly', 'belly', 'bully', 'jelly', 'lily', 'fly', 'july', 'italy', 'reply', 'folly', 'tally', 'gully', 'trolley', 'volley', 'panoply']);

/** Common irregular past forms, which end a counted phrase ("newsrooms brought up"). */
const IRREGULAR_PAST = new Set(['brought', 'made', 'took', 'gave', 'went', 'came', 'found', 'thought', 'told', 'became', 'began', 'kept', 'held', 'stood', 'heard', 'meant', 'knew', 'grew', 'drew', 'threw', 'wrote', 'chose', 'spent', 'built', 'sought', 'fought', 'caught', 'taught', 'bought']);

/** Number words end a counted phrase ("192 lawmakers eight votes short"). */
const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'twenty', 'thirty', 'forty', 'fifty', 'hundred', 'thousand', 'million', 'billion', 'dozen', 'dozens', 'hundreds', 'thousands', 'millions']);

/** Irregular plural nouns → singular. */
const IRREGULAR_NOUNS: Record<string, string> = {
  people: 'person', persons: 'person', men: 'man', women: 'woman', children: 'child', servicemen: 'serviceman',
  personnel: 'personnel', police: 'police', feet: 'foot', mice: 'mouse', teeth: 'tooth', geese: 'goose',
  data: 'data', media: 'media', series: 'series', species: 'species', news: 'news',
};

/** Synonym heads that count the same thing: troops, soldiers and forces all count "troop". */
const HEAD_SYNONYMS: Record<string, string> = {
  soldier: 'troop', force: 'troop', serviceman: 'troop', servicemember: 'troop', personnel: 'troop', troop: 'troop',
  military: 'troop', serviceperson: 'troop',
  person: 'person', individual: 'person', man: 'person', human: 'person', life: 'person', soul: 'person',
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

/** Singular of a noun (cheap rules; irregulars first). */
export function singular(word: string): string {
  const w = word.toLowerCase();
  if (IRREGULAR_NOUNS[w]) return IRREGULAR_NOUNS[w]!;
  // "gunmen", "policemen", "servicemen".
  if (w.endsWith('men') && w.length > 4) return `${w.slice(0, -3)}man`;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (/(ches|shes|sses|xes|zes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('ves') && ['lives', 'wives', 'knives', 'wolves', 'halves', 'selves'].includes(w)) {
    return w.replace(/ves$/, w === 'lives' || w === 'wives' || w === 'knives' ? 'fe' : 'f');
  }
  if (/[^su]s$/.test(w) && w.length > 3) return w.slice(0, -1);
  return w;
}

/** Normalized key of a counted head noun: "soldiers" → "troop", "people" → "person". */
export function countedKeyOf(head: string): string {
  const s = singular(head);
  return HEAD_SYNONYMS[s] ?? s;
}

/** Event verbs with irregular past forms. Regular forms (-s, -ed, -ing) are generated. */
const EVENT_VERBS: Record<string, string[]> = {
  kill: [], wound: [], injure: [], die: ['died', 'dying'], mass: [], amass: [], deploy: [], station: [], gather: [],
  send: ['sent'], meet: ['met'], last: [], start: [], begin: ['began', 'begun'], end: [], hold: ['held'],
  displace: [], flee: ['fled'], arrest: [], detain: [], capture: [], withdraw: ['withdrew', 'withdrawn'],
  evacuate: [], cost: ['cost'], spend: ['spent'], pledge: [], raise: [], fall: ['fell', 'fallen'], rise: ['rose', 'risen'],
  grow: ['grew', 'grown'], increase: [], decrease: [], drop: ['dropped', 'dropping'], reach: [], total: ['totalled', 'totaled'],
  number: [], sign: [], vote: [], attend: [], join: [], protest: [], march: [], fire: [], launch: [], strike: ['struck'],
  hit: ['hit', 'hitting'], destroy: [], damage: [], impose: [], annex: [], seize: [], infect: [], vaccinate: [],
  lose: ['lost'], win: ['won', 'winning'], earn: [], pay: ['paid'], rescue: [], estimate: [], report: [], announce: [],
  claim: [], accuse: [], warn: [], speak: ['spoke', 'spoken'], talk: [], call: [], visit: [], sanction: [], allocate: [],
  approve: [], provide: [], deliver: [], supply: ['supplied'], move: [], mobilize: [], mobilise: [], shell: [],
  bomb: [], attack: [], invade: [], occupy: ['occupied'], surround: [], position: [], build: ['built'], assemble: [],
  concentrate: [], stretch: [], continue: [], take: ['took', 'taken'], leave: ['left'], come: ['came'], return: [],
  cross: [], count: [], record: [], register: [], detect: [], observe: [], spot: [], see: ['saw', 'seen'],
};

/** Nominalizations that carry the event: "the deployment of 100,000 troops" → deploy. */
const NOMINALIZATIONS: Record<string, string> = {
  deployment: 'deploy', deployments: 'deploy', concentration: 'concentrate', 'build-up': 'build', buildup: 'build',
  death: 'die', deaths: 'die', killing: 'kill', killings: 'kill', arrival: 'arrive', withdrawal: 'withdraw',
  presence: 'be present', meeting: 'meet', call: 'call', talks: 'talk', invasion: 'invade', evacuation: 'evacuate',
};

const VERB_FORMS = new Map<string, string>();
for (const [lemma, irregular] of Object.entries(EVENT_VERBS)) {
  const stem = lemma.endsWith('e') ? lemma.slice(0, -1) : lemma;
  const forms = [lemma, `${lemma}s`, lemma.endsWith('e') ? `${lemma}d` : `${lemma}ed`, `${stem}ing`, ...irregular];
  if (/[^aeiou]y$/.test(lemma)) forms.push(`${lemma.slice(0, -1)}ies`, `${lemma.slice(0, -1)}ied`);
  if (/(s|sh|ch|x)$/.test(lemma)) forms.push(`${lemma}es`);
  for (const f of forms) VERB_FORMS.set(f, lemma);
}

/** Lemma of an event verb form ("killed" → "kill", "met" → "meet"), or null when not a known event verb. */
export function verbLemma(word: string): string | null {
  return VERB_FORMS.get(word.toLowerCase()) ?? null;
}

/** Nominalization's verb ("deployment" → "deploy"), or null. */
export function nominalVerb(word: string): string | null {
  return NOMINALIZATIONS[word.toLowerCase()] ?? null;
}

const WORD_RE = /(?:\p{L}\.){2,}|[\p{L}][\p{L}\p{M}’'-]*/uy;

export interface CountedPhrase {
  text: string;
  start: number;
  end: number;
  head: string;
  key: string;
  modifiers: string[];
  /** A verb met right after the phrase ("troops massed"). */
  verbAfter: string | null;
}

/**
 * The noun phrase counted by a figure ending at `from`: up to four words, stopping at function words, verbs and
 * punctuation. "more than 114,000 Russian soldiers on the border" → "Russian soldiers".
 */
export function countedAfter(text: string, from: number): CountedPhrase | null {
  let pos = from;
  // "tens of thousands of troops": skip the "of" that follows a vague amount.
  const of = /^\s+of\s+(?=\p{L})/u.exec(text.slice(pos, pos + 8));
  if (of) pos += of[0].length;
  const words: { text: string; start: number; end: number }[] = [];
  let verbAfter: string | null = null;
  // "the 27-nation bloc", "a six-member crew": the glued noun is what is counted.
  const glued = /^-(\p{L}{3,})(?![\p{L}-])/u.exec(text.slice(pos));
  if (glued && !of) {
    const start = pos + 1;
    const end = start + glued[1]!.length;
    return { text: glued[1]!, start, end, head: glued[1]!, key: countedKeyOf(glued[1]!), modifiers: [], verbAfter: null };
  }
  while (words.length < 4) {
    const gap = /^[\s]+|^/u.exec(text.slice(pos))![0];
    if (words.length > 0 && gap.length === 0) break;
    if (words.length === 0 && !/^\s{0,2}$/.test(gap)) break;
    WORD_RE.lastIndex = pos + gap.length;
    const m = WORD_RE.exec(text);
    if (!m) break;
    const w = m[0].endsWith('.') ? m[0] : m[0].replace(/[’']s?$/u, '');
    const lower = w.toLowerCase();
    if (PHRASE_STOP.has(lower) || NUMBER_WORDS.has(lower)) break;
    const lemma = verbLemma(lower);
    if (lemma && (words.length > 0 || /(ed|ing)$/.test(lower))) {
      if (words.length > 0) verbAfter = lemma;
      break;
    }
    // After a noun, an adverb ends the phrase: "troops currently stationed", "people reportedly killed".
    if (words.length > 0 && /^\p{Ll}[\p{L}]+ly$/u.test(w) && !LY_NOUNS.has(lower)) break;
    // After a noun, a participle or a past form is a verb: "whales beaching", "incidents recorded".
    if (words.length > 0 && (/(ed|ing)$/.test(lower) || IRREGULAR_PAST.has(lower)) && lower.length > 4) break;
    words.push({ text: w, start: m.index, end: m.index + w.length });
    pos = m.index + m[0].length;
    // A possessive or punctuation after the word ends the phrase.
    if (m[0].length !== w.length || /^[,.;:!?)”»"]/.test(text.slice(pos))) break;
  }
  if (words.length === 0) return null;
  // Units and date words are not things counted.
  const head = words[words.length - 1]!;
  if (!verbAfter) {
    const next = /^\s+([\p{L}’'-]+)/u.exec(text.slice(head.end));
    const lemma = next ? verbLemma(next[1]!) : null;
    if (lemma) verbAfter = lemma;
    else if (next && /^(have|has|had|were|was|are)$/i.test(next[1]!)) {
      const after = /^\s+\S+\s+(?:been\s+)?([\p{L}’'-]+)/u.exec(text.slice(head.end));
      verbAfter = after ? verbLemma(after[1]!) : null;
    }
  }
  const modifiers: string[] = [];
  for (const w of words.slice(0, -1)) {
    const lower = w.text.toLowerCase();
    // "combat troops", "military personnel": such words describe, they do not name whose troops.
    if (GENERIC_MODIFIERS.has(lower)) continue;
    modifiers.push(DEMONYMS[lower] ?? NAME_ALIASES[lower] ?? NAME_ALIASES[lower.replace(/\.$/, '')] ?? lower);
  }
  const first = words[0]!;
  return {
    text: text.slice(first.start, head.end),
    start: first.start,
    end: head.end,
    head: head.text,
    key: countedKeyOf(head.text),
    modifiers,
    verbAfter,
  };
}

/** The nearest event verb or nominalization before `offset` within the same clause (up to eight words back). */
export function verbBefore(text: string, offset: number): string | null {
  const before = text.slice(Math.max(0, offset - 120), offset);
  const clause = before.split(/[;:!?]|[.,](?=\s)|\s[–—]\s/u).pop() ?? '';
  const words = clause.match(/[\p{L}][\p{L}’'-]*/gu) ?? [];
  for (let i = words.length - 1, n = 0; i >= 0 && n < 8; i -= 1, n += 1) {
    const w = words[i]!;
    const lower = w.toLowerCase();
    const lemma = verbLemma(w) ?? nominalVerb(w);
    if (lemma) return lemma;
    // A subordinate clause starts here ("agreeing to keep talking even as Moscow kept 100,000 troops").
    if (CLAUSE_OPENERS.has(lower)) return null;
    // Another verb stands between: it governs the figure even though it names no event we know.
    if (OTHER_VERBS[lower]) return OTHER_VERBS[lower];
  }
  return null;
}

/** Words that open a clause: a verb before them belongs to another clause. */
const CLAUSE_OPENERS = new Set(['as', 'while', 'when', 'whereas', 'although', 'though', 'because', 'but', 'if', 'unless', 'where', 'which', 'who']);

/** Common verbs that carry no event of their own, with their lemma; they stop the search for an event verb. */
const OTHER_VERBS: Record<string, string> = {
  kept: 'keep', keeps: 'keep', keep: 'keep', keeping: 'keep', has: 'have', have: 'have', had: 'have', having: 'have',
  put: 'put', puts: 'put', putting: 'put', says: 'say', said: 'say', saw: 'see', sees: 'see', needs: 'need',
  needed: 'need', includes: 'include', included: 'include', including: 'include', stands: 'stand', stood: 'stand',
};

/** Event nouns a figure can measure or belong to ("a 50-minute phone call", "the 90-minute meeting"), with a lemma. */
const EVENT_NOUNS: Record<string, string> = {
  call: 'call', calls: 'call', conversation: 'call', meeting: 'meet', meetings: 'meet', talks: 'talk', summit: 'meet',
  session: 'meet', negotiations: 'negotiate', visit: 'visit', trip: 'travel', flight: 'fly', speech: 'speak',
  address: 'speak', interview: 'interview', drive: 'drive', march: 'march', journey: 'travel', war: 'war',
  conflict: 'conflict', fighting: 'fight', insurgency: 'conflict', rebellion: 'conflict', invasion: 'invade',
  deployment: 'deploy', drills: 'drill', exercises: 'drill', ceasefire: 'ceasefire', siege: 'siege', strike: 'strike',
  protest: 'protest', protests: 'protest', hearing: 'hear', debate: 'debate', vote: 'vote', election: 'elect',
  standoff: 'standoff', crisis: 'crisis', delay: 'delay', sentence: 'sentence', ban: 'ban', review: 'review',
};

/** The event noun among the next two words after `from` ("-minute phone call" → call), or null. */
export function eventNounAfter(text: string, from: number): { word: string; lemma: string } | null {
  const words = /^\s+([\p{L}-]+)(?:\s+([\p{L}-]+))?/u.exec(text.slice(from));
  if (!words) return null;
  for (const w of [words[1], words[2]]) {
    const lemma = w ? EVENT_NOUNS[w.toLowerCase()] : undefined;
    if (w && lemma) return { word: w.toLowerCase(), lemma };
  }
  return null;
}

/** The event noun nearest to [start, end) in the sentence, before it first (up to ten words), then after (six). */
export function eventNounNear(text: string, start: number, end: number): string | null {
  const before = (text.slice(Math.max(0, start - 100), start).match(/[\p{L}-]+/gu) ?? []).slice(-10).reverse();
  for (const w of before) if (EVENT_NOUNS[w.toLowerCase()]) return w.toLowerCase();
  const after = (text.slice(end, end + 60).match(/[\p{L}-]+/gu) ?? []).slice(0, 6);
  for (const w of after) if (EVENT_NOUNS[w.toLowerCase()]) return w.toLowerCase();
  return null;
}

/** The event noun of the sentence nearest to [start, end), before or after it at any distance, with its lemma. */
export function eventNounInSentence(text: string, start: number, end: number): { word: string; lemma: string } | null {
  let best: { word: string; lemma: string; distance: number } | null = null;
  for (const m of text.matchAll(/[\p{L}-]+/gu)) {
    const lemma = EVENT_NOUNS[m[0].toLowerCase()];
    if (!lemma) continue;
    const distance = m.index < start ? start - (m.index + m[0].length) : m.index - end;
    if (distance >= 0 && (!best || distance < best.distance)) best = { word: m[0].toLowerCase(), lemma, distance };
  }
  return best ? { word: best.word, lemma: best.lemma } : null;
}

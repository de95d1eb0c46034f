// Words that carry a statement's meaning: synonyms read as one sense, antonyms as one sense with the opposite sign, and the operators that negate or withhold a claim.

/**
 * A word's sense: the key it is compared under, and -1 when it says the opposite of the key ("cut" is "up" reversed).
 * General English, not any story's: verbs of change, of acceptance, of opening and ending, and a few judgements.
 */
export const SENSES: Record<string, { key: string; sign: 1 | -1 }> = {};

/**
 * One sense a line: its key, its words, and after "|" the words that say its opposite.
 * Lemmas as `meaningKey` leaves them ("raised" → "rais", "cutting" → "cut") are listed where they differ.
 */
const SENSE_LINES = `
up: raise rais rise ris rose risen increase increas grow grew grown climb gain hike hik lift boost | cut lower reduce reduc decrease decreas decline declin fall fell fallen drop shrink shrank slash ease eas
accept: accept agree approve approv endorse endors support welcome welcom | reject oppose oppos veto disapprove disapprov
open: open reopen | close clos shut
start: start begin began begun launch resume resum restart continue continu | end stop halt cease ceas suspend finish
win: win won victory | lose los lost defeat
leave: leave left quit exit depart | stay
lawful: lawful legal | unlawful illegal
likely: likely probable probably | unlikely improbable
guilty: guilty | innocent
revenue: revenue sales turnover
annual: annual yearly
more: more additional further extra
buy: buy bought purchase purchas acquire acquir acquisition
dismiss: dismiss sack
resign: resign resignation
reach: reach hit
expect: expect anticipate anticipat predict
plan: plan intend intention
profit: profit profitable profitability
election: election vote poll ballot
prepare: prepare prepar preparation ready
negotiate: negotiate negotiat negotiation talks
`;

for (const line of SENSE_LINES.trim().split('\n')) {
  const [key, rest = ''] = line.split(': ');
  const [same = '', opposite = ''] = rest.split(' | ');
  for (const w of same.split(' ').filter(Boolean)) SENSES[w] = { key: key!, sign: 1 };
  for (const w of opposite.split(' ').filter(Boolean)) SENSES[w] = { key: key!, sign: -1 };
}

/** Two-word verbs read as one word before the senses apply. */
export const PHRASES: [RegExp, string][] = [
  [/\bstep(?:s|ped|ping)?\s+down\b/g, 'resign'],
  [/\brul(?:e|es|ed|ing)\s+out\b/g, 'ruledout'],
  // "declined to join" refuses; "sales declined" is a fall.
  [/\bdeclin(?:e|es|ed|ing)\s+to\b/g, 'refused to'],
  [/\bcall(?:s|ed|ing)?\s+on\b/g, 'urge'],
  [/\bfull\s+year\b/g, 'annual'],
];

/** Words that negate what follows them in a claim ("not", "denied that", "refused to", "ruled out"). */
export const NEGATORS = new Set([
  'not', 'no', 'never', 'none', 'nothing', 'nobody', 'neither', 'nor', 'without',
  'deny', 'denies', 'denied', 'denying', 'denial', 'refuse', 'refuses', 'refused', 'refusing', 'ruledout',
]);

/** Verbs that name the act of speaking or judging, not what was said: never part of the claim's meaning. */
export const FRAME_VERBS = new Set([
  'say', 'said', 'says', 'told', 'tell', 'tells', 'added', 'announced', 'announce', 'confirmed', 'confirm', 'admitted',
  'admit', 'acknowledged', 'stated', 'insisted', 'stressed', 'warned', 'claimed', 'noted', 'argued', 'urge', 'urged',
  'keep', 'kept', 'remain', 'remained',
]);

/** Words of a claim that name the speaker's own side ("the group had agreed" from "We have agreed"). */
export const SELF_REFERENCES = new Set([
  'company', 'group', 'firm', 'bank', 'central', 'government', 'administration', 'ministry', 'club', 'team', 'party',
  'board', 'country', 'agency', 'department', 'office', 'campaign', 'court', 'committee', 'commission', 'council',
]);

/** A speech act said not to have happened: "did not say whether", "declined to comment", "would not confirm". */
export const WITHHELD =
  /\b(?:not|never)\s+(?:yet\s+)?(?:say|said|know|knew|specify|confirm|comment|disclose|reveal|indicate|decide|decided)\b|\b(?:declin\w*|refus\w*|fail\w*)\s+to\s+(?:say|specify|confirm|comment|disclose|reveal|indicate)\b|\bwhether\b/;

/** Words that leave a claim open: a possibility is neither the claim nor its opposite. */
export const HEDGES = /\b(?:may|might|could|possibly|perhaps|considering|consider|considered|if|unless|whether)\b/;

/** Expressions of time a claim is tied to: two claims at different times are not versions of one. ("May" is left out: it is a hedge far more often.) */
export const TIME_WORDS =
  /\b(?:january|february|march|april|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|yesterday|today|tonight|(?:this|next|last)\s+(?:week|month|year|quarter|spring|summer|autumn|fall|winter)|(?:19|20)\d\d)\b/g;

/** Nouns that name a verb's act: the same claim said with either ("plans to invade" / "an invasion"). */
export const ACT_NOUNS: Record<string, string> = {
  invasion: 'invade', denial: 'deny', decision: 'decide', agreement: 'agree', attack: 'attack', withdrawal: 'withdraw',
  deployment: 'deploy', escalation: 'escalate', sanction: 'sanction', threat: 'threaten', negotiation: 'negotiate',
  commitment: 'commit', warning: 'warn', response: 'respond', retaliation: 'retaliate', intervention: 'intervene',
  occupation: 'occupy', annexation: 'annex', support: 'support', assistance: 'assist', cooperation: 'cooperate',
};

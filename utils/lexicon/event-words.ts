// Words that name events a figure belongs to: event classes, event verbs and nouns, and verbs that carry no event.

/**
 * Event classes: words that name what a figure is about. A general vocabulary; two figures whose
 * nearest event words fall in different classes count different things (people killed vs people displaced).
 */
export const EVENT_WORDS: Record<string, string[]> = {
  deploy: ['deploy', 'deployed', 'deploying', 'deployment', 'massed', 'massing', 'amassed', 'amass', 'stationed', 'concentration', 'concentrated', 'buildup', 'build-up', 'gathered', 'positioned'],
  death: ['kill', 'killed', 'killing', 'killings', 'dead', 'died', 'die', 'death', 'deaths', 'fatalities', 'toll', 'lives'],
  injury: ['wounded', 'injured', 'injuries', 'hurt', 'wounding', 'injuring'],
  displacement: ['displaced', 'fled', 'flee', 'fleeing', 'refugees', 'evacuated', 'evacuation', 'homeless'],
  arrest: ['arrested', 'detained', 'arrests', 'detention', 'jailed', 'imprisoned'],
  meeting: ['met', 'meet', 'meeting', 'meetings', 'talks', 'summit', 'negotiations', 'session', 'conference', 'discussions'],
  call: ['call', 'called', 'phone', 'telephone', 'phoned', 'videoconference', 'video', 'conversation'],
  annex: ['annexed', 'annexation', 'annex', 'seized', 'occupied', 'captured'],
  join: ['joined', 'join', 'joining', 'accession', 'admitted', 'membership'],
  election: ['elected', 'election', 'vote', 'voted', 'votes', 'ballot'],
  attend: ['attended', 'attend', 'attending', 'participants', 'present', 'gathered'],
  spend: ['spent', 'spend', 'spending', 'budget', 'cost', 'costs', 'funding', 'aid', 'loan'],
  rise: ['rose', 'rise', 'risen', 'increase', 'increased', 'grew', 'growth', 'up'],
  fall: ['fell', 'fall', 'fallen', 'decrease', 'decreased', 'dropped', 'drop', 'declined', 'down'],
  // Labour strikes: the noun "strike" comes only from the extractor's event (the verb "struck" is a blow).
  strike: ['walkout', 'walkouts', 'stoppage', 'stoppages', 'strikers'],
  quake: ['earthquake', 'quake', 'tremor', 'temblor', 'shaking', 'shook'],
};

/** Event verbs with irregular past forms. Regular forms (-s, -ed, -ing) are generated. */
export const EVENT_VERBS: Record<string, string[]> = {
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
export const NOMINALIZATIONS: Record<string, string> = {
  deployment: 'deploy', deployments: 'deploy', concentration: 'concentrate', 'build-up': 'build', buildup: 'build',
  death: 'die', deaths: 'die', killing: 'kill', killings: 'kill', arrival: 'arrive', withdrawal: 'withdraw',
  presence: 'be present', meeting: 'meet', call: 'call', talks: 'talk', invasion: 'invade', evacuation: 'evacuate',
};

/** Common verbs that carry no event of their own, with their lemma; they stop the search for an event verb. */
export const OTHER_VERBS: Record<string, string> = {
  kept: 'keep', keeps: 'keep', keep: 'keep', keeping: 'keep', has: 'have', have: 'have', had: 'have', having: 'have',
  put: 'put', puts: 'put', putting: 'put', says: 'say', said: 'say', saw: 'see', sees: 'see', needs: 'need',
  needed: 'need', includes: 'include', included: 'include', including: 'include', stands: 'stand', stood: 'stand',
};

/** Event nouns a figure can measure or belong to ("a 50-minute phone call", "the 90-minute meeting"), with a lemma. */
export const EVENT_NOUNS: Record<string, string> = {
  call: 'call', calls: 'call', conversation: 'call', meeting: 'meet', meetings: 'meet', talks: 'talk', summit: 'meet',
  session: 'meet', negotiations: 'negotiate', visit: 'visit', trip: 'travel', flight: 'fly', speech: 'speak',
  address: 'speak', interview: 'interview', drive: 'drive', march: 'march', journey: 'travel', war: 'war',
  conflict: 'conflict', fighting: 'fight', insurgency: 'conflict', rebellion: 'conflict', invasion: 'invade',
  deployment: 'deploy', drills: 'drill', exercises: 'drill', ceasefire: 'ceasefire', siege: 'siege', strike: 'strike',
  protest: 'protest', protests: 'protest', hearing: 'hear', debate: 'debate', vote: 'vote', election: 'elect',
  standoff: 'standoff', crisis: 'crisis', delay: 'delay', sentence: 'sentence', ban: 'ban', review: 'review',
};

/** Verbs whose bare object or subject number counts people, with the lemma the event takes. */
export const PEOPLE_VERBS: Record<string, string> = {
  killed: 'kill', killing: 'kill', kill: 'kill', kills: 'kill', died: 'die', dead: 'die', injured: 'injure',
  injuring: 'injure', wounded: 'wound', wounding: 'wound', hurt: 'injure', evacuated: 'evacuate', evacuating: 'evacuate',
  displaced: 'displace', displacing: 'displace', arrested: 'arrest', arresting: 'arrest', detained: 'detain',
  detaining: 'detain', rescued: 'rescue', rescuing: 'rescue',
};

/** Common irregular past forms, which end a counted phrase ("newsrooms brought up"). */
export const IRREGULAR_PAST = new Set(['brought', 'made', 'took', 'gave', 'went', 'came', 'found', 'thought', 'told', 'became', 'began', 'kept', 'held', 'stood', 'heard', 'meant', 'knew', 'grew', 'drew', 'threw', 'wrote', 'chose', 'spent', 'built', 'sought', 'fought', 'caught', 'taught', 'bought']);

/** Verbs that attribute a claim to a source ("officials said", "according to"), as a regular-expression alternation. */
export const ATTRIBUTION_VERBS = 'said|says|say|told|claimed|claims|estimated|estimates|estimate|reported|reports|accusing|accused|accuses|alleged|alleges|warned|believes|believe|announced|according';

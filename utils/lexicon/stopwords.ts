// Function-word lists: each says which words carry no topic for one task, and why it differs from the others.

/** Common English function words, left out of the sentence index: they carry no topic and would only slow retrieval down. */
export const INDEX_STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both ' +
    'but by can could did do does doing down during each few for from further had has have having he her here hers herself ' +
    'him himself his how i if in into is it its itself just me more most my myself no nor not of off on once only or other ' +
    'our ours ourselves out over own same she should so some such than that the their theirs them themselves then there ' +
    'these they this those through to too under until up very was we were what when where which while who whom why will ' +
    'with would you your yours yourself yourselves said says say told also would could may might must shall one two ' +
    'mr mrs ms its it’s s t don didn doesn isn wasn weren won wouldn couldn shouldn can’t'
  ).split(' '),
);

/** Words that end a counted noun phrase: function words, auxiliaries, relatives. */
export const PHRASE_STOP = new Set([
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

/**
 * Words that end the noun phrase the matcher reads after a figure when the extractor named nothing counted: a
 * shorter list than PHRASE_STOP because it only needs to stop at the next clause or preposition.
 */
export const COUNTED_PHRASE_BREAKS = new Set([
  'of', 'on', 'in', 'at', 'near', 'to', 'from', 'and', 'or', 'that', 'who', 'which', 'with', 'the', 'a', 'have', 'has',
  'had', 'were', 'was', 'are', 'is', 'since', 'by', 'for',
  // "2.5 million more": more of what the sentence already counts, not a thing called "more".
  'more', 'less', 'fewer',
]);

/** Words that end the subject phrase read backwards from a figure ("officials in Kyiv said"): prepositions, conjunctions, auxiliaries. */
export const SUBJECT_BREAKS = new Set(['on', 'in', 'at', 'and', 'but', 'that', 'which', 'who', 'when', 'after', 'before', 'as', 'while', 'with', 'to', 'of', 'for', 'by', 'from', 'than', 'if', 'because', 'also', 'has', 'have', 'had', 'was', 'were', 'is', 'are']);

/** Words that open a clause: a verb before them belongs to another clause. */
export const CLAUSE_OPENERS = new Set(['as', 'while', 'when', 'whereas', 'although', 'though', 'because', 'but', 'if', 'unless', 'where', 'which', 'who']);

/** The commonest short words of each language the reader may meet; counted to tell English from the rest. */
export const LANGUAGE_STOPWORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'is', 'that', 'for', 'with', 'was', 'on', 'it', 'he', 'said', 'are', 'have', 'this', 'by', 'from', 'be', 'which', 'but', 'not'],
  fr: ['le', 'la', 'les', 'des', 'est', 'et', 'un', 'une', 'du', 'que', 'dans', 'pour', 'qui', 'pas', 'sur', 'au', 'il', 'par', 'ce', 'avec', 'ont', 'sont'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'den', 'von', 'zu', 'sich', 'auf', 'ein', 'eine', 'für', 'auch', 'es', 'dem', 'wird', 'im', 'sie', 'werden'],
  es: ['el', 'los', 'las', 'del', 'que', 'y', 'en', 'por', 'con', 'para', 'una', 'es', 'se', 'como', 'más', 'pero', 'sus', 'fue', 'este'],
  pt: ['o', 'os', 'da', 'do', 'das', 'dos', 'que', 'não', 'em', 'um', 'uma', 'para', 'com', 'é', 'ao', 'se', 'na', 'no', 'mais', 'foi'],
  cs: ['a', 'je', 'se', 'na', 'že', 'v', 'to', 's', 'z', 'do', 'jako', 'ale', 'by', 'jsou', 'byl', 'pro', 'k', 'o', 'také', 'už', 'jsem'],
  it: ['il', 'di', 'che', 'e', 'la', 'per', 'non', 'una', 'sono', 'della', 'con', 'gli', 'del', 'più', 'anche'],
};

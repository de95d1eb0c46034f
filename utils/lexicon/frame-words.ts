// Words that place a figure: its status (expected or actual), its comparison basis, its role, and who is only a source.

/**
 * Words that make a figure near them a forecast, an expectation or a target rather than an outcome
 * ("analysts had expected $7.71 billion", "expectations for 8.19 million", "forecasted bringing in 2.5 million").
 */
export const EXPECTED_WORDS = /\b(?:expect(?:s|ed|ing|ation|ations)?|forecast(?:s|ed|ing)?|estimates? (?:of|for)|predict(?:s|ed|ing|ion|ions)?|project(?:s|ed|ing|ion|ions)|consensus|guidance|anticipat(?:e|es|ed|ing)|look(?:ed|ing)? for|target(?:s|ed|ing)?|outlook|polled|economists|analysts)\b/i;

/** "weaker-than-expected 199,000", "better than forecast": the figure is the outcome, compared with a forecast. */
export const THAN_EXPECTED = /\bthan[- ](?:expected|forecast|estimated|anticipated|predicted)\b/gi;

/** Words that make a figure hypothetical or planned ("could kill tens of thousands", "a plan that envisions 175,000"). */
export const HYPOTHETICAL_WORDS = /\b(?:could|would|might|may|envisions?|envisaged?|plans? to|planned|proposed|threaten(?:s|ed)? to|if)\b/i;

/** A comparison over a year: the figure is a change on the same period a year before. */
export const YEAR_BASIS = /\b(?:annual(?:ly|ized|ised)?|year[- ](?:on|over)[- ]year|yoy|12[- ]months?|twelve[- ]months?|(?:from|than|on|over|to|versus|vs\.?|compared (?:with|to)|relative to) (?:a|the|one) year (?:earlier|ago|before|prior)|(?:over|in|during) the (?:past|last) (?:year|12 months)|same (?:period|quarter|month) (?:a|last|of the previous|the previous) year|(?:a|the) year (?:earlier|ago|before)|annual basis)\b/i;

/** A comparison over a month: the figure is a change on the month before. */
export const MONTH_BASIS = /\b(?:month[- ](?:on|over|to)[- ]month|mom|monthly|(?:in|over|during) the month|(?:from|than|on) (?:a|the) month (?:earlier|before|prior)|(?:from|since) the previous month|seasonally adjusted monthly)\b/i;

/** A comparison over a quarter: the figure is a change on the quarter before. */
export const QUARTER_BASIS = /\b(?:quarter[- ](?:on|over|to)[- ]quarter|sequential(?:ly)?|(?:from|than) the previous quarter)\b/i;

/** Right before a figure: it is the earlier value a change started from ("fell to 3.9% from 4.2%", "up from the 7.5% rate"). */
export const BASELINE_BEFORE = /\bfrom\s+(?:(?:a|an|the|its|their)\s+)?(?:(?:record|revised|previous|prior|earlier)\s+)?$/i;

/** Right after a figure: it is an earlier value ("$28 billion a year ago", "4 million the same period a year ago"). */
export const EARLIER_AFTER = /^\s*(?:in\s+)?(?:a year (?:ago|earlier|before)|the same (?:period|quarter|month) (?:a year (?:ago|earlier)|last year|the previous year)|the (?:previous|prior|year-earlier|year-ago) (?:year|quarter|month|period))\b/i;

/**
 * Names that are a figure's source, never its holder: wire agencies, data vendors and "the Street". They say who
 * reported or expected a figure, not whose figure it is.
 */
export const SOURCE_NAMES = new Set([
  'reuters', 'ap', 'afp', 'bloomberg', 'dow jones', 'factset', 'refinitiv', 'refinitiv data', 'streetaccount', 'wall street',
  'wall street journal', 'the wall street journal', 'cnbc', 'bbc', 'fox business', 'marketwatch', 'associated press',
  'getty images', 'images', 'getty', 'photo', 'file photo', 'new york times', 'the new york times', 'yahoo finance', 'lseg',
  'zacks', 'visible alpha', 'morningstar', 'moody', 'fitch', 'idc', 'counterpoint', 'canalys', 'gartner', 'nasdaq',
  'nyse', 'dow', 's&p', 'advertisement',
  // Statistics offices report a country's figures; they do not hold them.
  'bureau', 'statistics', 'labor statistics', 'bureau of labor statistics', 'bls', 'labor department', 'labour department',
  'department', 'department of labor', 'commerce department', 'census bureau', 'office for national statistics', 'ons',
  'eurostat', 'statistics office', 'statistical office', 'agency', 'ministry', 'office', 'data', 'cpi',
]);

/** Sentence openers that point back to the previous sentence's subject ("They are up 8.6%"). */
export const BACK_POINTERS = /^\s*(?:they|it|this|that|these|those|the figure|the rate|the index|the number)\b/i;

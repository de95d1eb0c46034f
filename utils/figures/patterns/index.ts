// The extraction registry: every pattern in the order it runs. Earlier patterns take their spans first.
import { andAHalf } from './and-a-half';
import { clockTimes } from './clock-times';
import { compoundDurations } from './compound-durations';
import { counts } from './counts';
import { dates } from './dates';
import { durationPhrases } from './duration-phrases';
import { durations } from './durations';
import { fractions } from './fractions';
import { frequency } from './frequency';
import { magnitude } from './magnitude';
import { measures, poundWeights } from './measures';
import { money } from './money';
import { numberFigures } from './number-figures';
import { percent } from './percent';
import { ranges } from './ranges';
import { ratios } from './ratios';
import type { JoinPattern, NumberPattern, SentencePattern } from './types';
import { widgetCounts } from './widget-counts';

/**
 * What a number is, asked in this order; the first pattern that answers decides. Order matters where two could
 * claim one number: a magnitude before a count, "pounds" of fish before pounds sterling, a unit before a bare count.
 */
export const NUMBER_PATTERNS: readonly NumberPattern[] = [magnitude, widgetCounts, percent, poundWeights, money, durations, measures, counts];

/** Joins a number to the one before it. */
export const JOIN_PATTERNS: readonly JoinPattern[] = [ranges];

/**
 * The passes over a sentence, in order: times of day first (so "15:35" is not two counts), then dates, the
 * number-free phrases, the numbers, and last the steps that relabel or join what the others found.
 */
export const SENTENCE_PATTERNS: readonly SentencePattern[] = [
  clockTimes,
  dates,
  ratios,
  durationPhrases,
  andAHalf,
  fractions,
  numberFigures(NUMBER_PATTERNS, ranges),
  frequency,
  compoundDurations,
];

/** Every pattern, for listing and for the examples test. */
export const EXTRACTION_PATTERNS = [...SENTENCE_PATTERNS, ...NUMBER_PATTERNS, ...JOIN_PATTERNS];

// Builds a Figure from its essentials, with every descriptive field empty: for stand-in extractors and tests.
import type { Figure } from './types';

export type FigureEssentials = Pick<Figure, 'start' | 'end' | 'text' | 'sentence' | 'kind' | 'value'> & Partial<Figure>;

/** The descriptive fields every figure has, empty. Lists are fresh copies wherever a figure is made from these. */
export const EMPTY_FIGURE_FIELDS = {
  qualifier: null,
  unit: null,
  currency: null,
  counted: null,
  countedKey: null,
  countedModifiers: [],
  verb: null,
  entities: [],
  place: null,
  attribution: null,
  date: null,
  alternate: null,
} as const satisfies Partial<Figure>;

/** A Figure with no qualifier, unit, counted thing, event, entities, place, attribution, date or alternate. */
export function makeFigure(essentials: FigureEssentials): Figure {
  return { ...EMPTY_FIGURE_FIELDS, countedModifiers: [], entities: [], ...essentials };
}

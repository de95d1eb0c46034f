// Builds a Figure from its essentials, with every descriptive field empty: for stand-in extractors and tests.
import type { Figure } from './types';

export type FigureEssentials = Pick<Figure, 'start' | 'end' | 'text' | 'sentence' | 'kind' | 'value'> & Partial<Figure>;

/** A Figure with no qualifier, unit, counted thing, event, entities, place, attribution, date or alternate. */
export function makeFigure(essentials: FigureEssentials): Figure {
  return {
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
    ...essentials,
  };
}

// Helpers every pattern shares to turn a match into a draft figure: the qualifier's span and a scaled value.
import type { FigureKind, FigureValue } from '../../analysis/types';
import type { Draft, QualifierFound } from './types';

/** A value multiplied by a unit factor (rounded to 1/1000), keeping its vagueness. */
export function scaleValue(v: FigureValue, factor: number, vague: boolean): FigureValue {
  const r = (x: number): number => Math.round(x * factor * 1000) / 1000;
  return { low: r(v.low), high: v.high === null ? null : r(v.high), point: r(v.point), vague: vague || v.vague };
}

/** A draft spanning the qualifier before it ("more than 100,000"), with no date and no alternate. */
export function finish(
  s: string,
  q: QualifierFound,
  start: number,
  end: number,
  kind: FigureKind,
  value: FigureValue,
  unit: string | null,
  currency: string | null,
  countable: boolean,
): Draft {
  return {
    start: q ? q.start : start,
    end,
    kind,
    value,
    qualifier: q?.norm ?? null,
    unit,
    currency,
    date: null,
    alternate: null,
    countable,
  };
}

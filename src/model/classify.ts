import { ckmeans, equalIntervalBreaks, quantile } from 'simple-statistics';

import type { Classification } from './vocabulary';

export type ClassMethod = Classification;
const DEFAULT_CLASS_COUNT = 5;

/**
 * Class bounds `[min, b1, …, b(n-1), max]` for n classes: class i holds `breaks[i] <= v < breaks[i+1]`, the last
 * class also holds `max`. The lower bounds `breaks[0 … n-1]` are strictly ascending (they become MapLibre `step`
 * stops); `max` may equal the last of them when the top class is the single maximum value (ckmeans or quantile
 * ties), and all-equal input gives `[v, v]`. No data at all gives `[]`.
 *
 * Pass the values of ALL years of an indicator, so the classes (and legend) stay put while the year changes.
 * Null, NaN and infinities are dropped. With fewer distinct values than `classCount`, fewer classes come back,
 * never duplicate breaks.
 */
export function computeBreaks(
  values: readonly (number | null | undefined)[],
  method: ClassMethod,
  classCount: number = DEFAULT_CLASS_COUNT,
): number[] {
  if (!Number.isInteger(classCount) || classCount < 1) {
    throw new RangeError(`classCount must be a positive integer, got ${classCount}`);
  }
  const sorted = values
    .filter((v): v is number => typeof v === 'number' && Number.isFinite(v))
    .sort((a, b) => a - b);
  const distinctCount = new Set(sorted).size;
  if (distinctCount === 0) return [];
  const max = sorted[sorted.length - 1];
  if (distinctCount === 1) return [max, max];

  const classes = Math.min(classCount, distinctCount);
  const lowerBounds = strictlyAscending(breaksBy(method, sorted, classes).slice(0, -1));
  return [...lowerBounds, max];
}

function breaksBy(method: ClassMethod, sorted: number[], classes: number): number[] {
  switch (method) {
    case 'quantile':
      return quantile(sorted, Array.from({ length: classes + 1 }, (_, i) => i / classes));
    case 'ckmeans': {
      // Each cluster starts a class; the maximum closes the last one.
      const clusters = ckmeans(sorted, classes).filter((cluster) => cluster.length > 0);
      return [...clusters.map((cluster) => cluster[0]), sorted[sorted.length - 1]];
    }
    case 'equal':
      return equalIntervalBreaks(sorted, classes);
  }
}

/** Drops repeated lower bounds (ties in quantiles, equal values split between clusters): one class each. */
function strictlyAscending(breaks: readonly number[]): number[] {
  const result: number[] = [];
  for (const b of breaks) {
    if (result.length === 0 || b > result[result.length - 1]) result.push(b);
  }
  return result;
}

/** How many classes `breaks` describes (0 for no data). */
export function classCountOf(breaks: readonly number[]): number {
  return Math.max(0, breaks.length - 1);
}

/**
 * The class of `value`, or null when there is no value or no classes. Values outside `[min, max]`
 * fall into the nearest end class, exactly as MapLibre's `step` expression places them.
 */
export function classIndex(value: number | null | undefined, breaks: readonly number[]): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const count = classCountOf(breaks);
  if (count === 0) return null;
  let index = 0;
  // Inner thresholds are breaks[1 … count-1]; a value equal to a threshold belongs to the upper class.
  for (let i = 1; i < count; i++) {
    if (value >= breaks[i]) index = i;
  }
  return index;
}

/** `[lo, hi]` of each class, for legends: a class of one value is `[v, v]`. */
export function classBounds(breaks: readonly number[]): [number, number][] {
  return breaks.slice(1).map((hi, i): [number, number] => [breaks[i], hi]);
}

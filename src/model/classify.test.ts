import { describe, expect, it } from 'vitest';
import { CLASSIFICATIONS as CLASS_METHODS } from './vocabulary';
import { classBounds, classCountOf, classIndex, computeBreaks } from './classify';

/** Breaks are floats from interpolation; compare them to hand-computed values at 1e-9. */
function expectBreaks(actual: number[], expected: number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((b, i) => expect(b).toBeCloseTo(expected[i], 9));
}

describe('computeBreaks on hand-checked inputs', () => {
  it('quantile: numpy type 7 quantiles of 1…10 in 5 classes', () => {
    // index = 9p: 0, 1.8, 3.6, 5.4, 7.2, 9 → 1, 2.8, 4.6, 6.4, 8.2, 10
    const values = [10, 3, 1, 7, 5, 2, 9, 4, 8, 6];
    expectBreaks(computeBreaks(values, 'quantile', 5), [1, 2.8, 4.6, 6.4, 8.2, 10]);
  });

  it('ckmeans: three obvious clusters start three classes', () => {
    const values = [31, 1, 12, 2, 30, 3, 10, 11];
    expect(computeBreaks(values, 'ckmeans', 3)).toEqual([1, 10, 30, 31]);
  });

  it('equal: five intervals of width 2 over 0…10', () => {
    expect(computeBreaks([0, 10, 3, 7, 5], 'equal', 5)).toEqual([0, 2, 4, 6, 8, 10]);
  });

  it('defaults to 5 classes', () => {
    expect(classCountOf(computeBreaks([0, 10, 3, 7, 5], 'equal'))).toBe(5);
  });
});

describe('computeBreaks on awkward inputs', () => {
  it('gives fewer classes, never duplicate lower bounds, when values have fewer distinct values than classes', () => {
    // ckmeans: {1,1} {2,2} {3}: the top class is the single maximum.
    expect(computeBreaks([1, 1, 2, 2, 3], 'ckmeans', 5)).toEqual([1, 2, 3, 3]);
    // quantile: index 4p for p = 0, 1/3, 2/3, 1 → 1, 1 + 1/3, 2, 3
    expectBreaks(computeBreaks([1, 1, 2, 2, 3], 'quantile', 5), [1, 4 / 3, 2, 3]);
    expectBreaks(computeBreaks([1, 1, 2, 2, 3], 'equal', 5), [1, 5 / 3, 7 / 3, 3]);
    for (const method of CLASS_METHODS) {
      const breaks = computeBreaks([5, 5, 5, 5, 5, 5, 5, 9], method, 5);
      const lowerBounds = breaks.slice(0, -1);
      expect(new Set(lowerBounds).size, method).toBe(lowerBounds.length);
      expect(classCountOf(breaks), method).toBeLessThanOrEqual(2);
      expect(breaks[breaks.length - 1], method).toBe(9);
    }
  });

  it('merges quantile ties into one class', () => {
    // Quantiles of [1,1,1,1,1,1,1,1,2,3] at 0, .25, .5, .75, 1 are 1, 1, 1, 1, 3: one class from 1, then the top.
    const breaks = computeBreaks([1, 1, 1, 1, 1, 1, 1, 1, 2, 3], 'quantile', 4);
    expectBreaks(breaks, [1, 3]);
  });

  it('gives one class [v, v] when all values are equal', () => {
    for (const method of CLASS_METHODS) expect(computeBreaks([4, 4, 4], method, 5), method).toEqual([4, 4]);
  });

  it('gives no classes for empty input or input without any finite number', () => {
    for (const method of CLASS_METHODS) {
      expect(computeBreaks([], method), method).toEqual([]);
      expect(computeBreaks([null, Number.NaN, undefined, Number.POSITIVE_INFINITY], method), method).toEqual([]);
    }
  });

  it('ignores null and NaN among real values', () => {
    expect(computeBreaks([0, null, 10, Number.NaN, 3, 7, undefined, 5], 'equal', 5)).toEqual([0, 2, 4, 6, 8, 10]);
  });

  it('rejects a class count that is not a positive integer', () => {
    expect(() => computeBreaks([1, 2, 3], 'equal', 0)).toThrow(RangeError);
    expect(() => computeBreaks([1, 2, 3], 'equal', 2.5)).toThrow(RangeError);
  });
});

describe('breaks fixed across years', () => {
  // GDP-like figures for four units over three years: each year alone would give different classes.
  const byYear: Record<number, number[]> = {
    2021: [1200, 2500, 4100, 8000],
    2022: [1300, 2700, 4300, 8600],
    2023: [1450, 2900, 4550.6, 9100],
  };
  const allYears = Object.values(byYear).flat();

  it('computed once from all years, every year is classed against the same bounds', () => {
    for (const method of CLASS_METHODS) {
      const breaks = computeBreaks(allYears, method, 4);
      expect(breaks[0], method).toBe(1200);
      expect(breaks[breaks.length - 1], method).toBe(9100);
      // The same unit can change class as it grows, because the classes themselves do not move.
      const smallest = Object.values(byYear).map((values) => classIndex(values[0], breaks));
      expect(smallest, method).toEqual([0, 0, 0]);
      const largest = Object.values(byYear).map((values) => classIndex(values[3], breaks));
      expect(largest, method).toEqual([3, 3, 3]);
    }
  });

  it('differ from the breaks of a single year (so using all years matters)', () => {
    const single = computeBreaks(byYear[2021], 'equal', 4);
    const all = computeBreaks(allYears, 'equal', 4);
    expect(single).not.toEqual(all);
    // 2023's largest value lies above 2021's range: classed only thanks to the all-years bounds.
    expect(single[single.length - 1]).toBeLessThan(byYear[2023][3]);
  });
});

describe('classIndex', () => {
  const breaks = [0, 2, 4, 6, 8, 10];

  it('puts a value equal to a bound in the upper class, like MapLibre step', () => {
    expect([0, 1.99, 2, 3, 4, 7.5, 8, 10].map((v) => classIndex(v, breaks))).toEqual([0, 0, 1, 1, 2, 3, 4, 4]);
  });

  it('clamps values outside the range to the end classes', () => {
    expect(classIndex(-5, breaks)).toBe(0);
    expect(classIndex(50, breaks)).toBe(4);
  });

  it('returns null without a value or without classes', () => {
    expect(classIndex(null, breaks)).toBeNull();
    expect(classIndex(Number.NaN, breaks)).toBeNull();
    expect(classIndex(3, [])).toBeNull();
  });

  it('classes a single-valued top class and an all-equal class', () => {
    expect(classIndex(3, [1, 2, 3, 3])).toBe(2);
    expect(classIndex(2.5, [1, 2, 3, 3])).toBe(1);
    expect(classIndex(4, [4, 4])).toBe(0);
  });
});

describe('classBounds', () => {
  it('pairs neighbouring breaks', () => {
    expect(classBounds([0, 2, 4])).toEqual([
      [0, 2],
      [2, 4],
    ]);
    expect(classBounds([4, 4])).toEqual([[4, 4]]);
    expect(classBounds([])).toEqual([]);
  });
});

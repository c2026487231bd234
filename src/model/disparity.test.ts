import { describe, expect, it } from 'vitest';
import { createIndicatorModel } from './derived';
import type { IndicatorDataset, IndicatorRow, UnitInfo } from './dataset';
import { disparity, enoughUnits, gapSeries, groupOf } from './disparity';

const close = (actual: number | null | undefined, expected: number) => expect(actual).toBeCloseTo(expected, 5);

describe('disparity measures, hand-computed', () => {
  // 1, 2 in group A; 3, 4 in group B; no weights. μ = 2.5, x/μ = 0.4, 0.8, 1.2, 1.6.
  const fourUnits = [
    { id: 'a1', value: 1, group: 'A' },
    { id: 'a2', value: 2, group: 'A' },
    { id: 'b1', value: 3, group: 'B' },
    { id: 'b2', value: 4, group: 'B' },
  ];

  it('CV = √1.25 / 2.5, max/min = 4, unweighted', () => {
    const result = disparity(fourUnits);
    expect(result.count).toBe(4);
    expect(result.weighted).toBe(false);
    close(result.cv, Math.sqrt(1.25) / 2.5); // 0.4472136
    close(result.maxMin, 4);
  });

  it('Theil = ¼ Σ (x/μ) ln(x/μ) = 0.106440, between 0.3 ln 0.6 + 0.7 ln 1.4 = 0.082283, within 0.024157', () => {
    const theil = disparity(fourUnits).theil!;
    close(theil.total, 0.10644);
    close(theil.between, 0.3 * Math.log(0.6) + 0.7 * Math.log(1.4));
    // A: μ 1.5 → ½[(2/3)ln(2/3) + (4/3)ln(4/3)] = 0.056633; B: μ 3.5 → 0.010239; weighted by S_A 0.3, S_B 0.7.
    close(theil.groups.get('A')!.theil, 0.056633);
    close(theil.groups.get('B')!.theil, 0.010239);
    close(theil.within, 0.3 * 0.056633 + 0.7 * 0.010239);
    close(theil.between + theil.within, theil.total);
  });

  it('population-weighted: x 1 and 3 over 3 and 1 people: μ 1.5, CV 0.57735, Theil ½ ln(⅔) + ½ ln 2, all between', () => {
    const result = disparity([
      { id: 'a', value: 1, weight: 3, group: 'A' },
      { id: 'b', value: 3, weight: 1, group: 'B' },
    ]);
    expect(result.weighted).toBe(true);
    close(result.cv, Math.sqrt(0.75) / 1.5);
    close(result.theil!.total, 0.5 * Math.log(2 / 3) + 0.5 * Math.log(2));
    close(result.theil!.between, result.theil!.total);
    close(result.theil!.within, 0);
  });

  it('weights only when every unit has one: one missing population makes the whole set unweighted', () => {
    const result = disparity([
      { id: 'a', value: 1, weight: 3, group: 'A' },
      { id: 'b', value: 3, group: 'B' },
    ]);
    expect(result.weighted).toBe(false);
    close(result.cv, 0.5); // μ 2, sd 1
  });

  it('between + within = total on uneven weights and three groups', () => {
    const inputs = [
      { id: '1', value: 52000, weight: 120, group: 'X' },
      { id: '2', value: 81000, weight: 45, group: 'X' },
      { id: '3', value: 37000, weight: 300, group: 'Y' },
      { id: '4', value: 104000, weight: 20, group: 'Y' },
      { id: '5', value: 66000, weight: 75, group: 'Z' },
    ];
    const theil = disparity(inputs).theil!;
    close(theil.between + theil.within, theil.total);
    expect(theil.between).toBeGreaterThan(0);
  });

  it('equal values: no gap at all', () => {
    const result = disparity(fourUnits.map((u) => ({ ...u, value: 7 })));
    close(result.cv, 0);
    close(result.maxMin, 1);
    close(result.theil!.total, 0);
  });

  it('a value of zero or below: no max/min and no Theil (the logarithm needs x > 0)', () => {
    const result = disparity([...fourUnits, { id: 'z', value: 0, group: 'B' }]);
    expect(result.maxMin).toBeNull();
    expect(result.theil).toBeNull();
    expect(result.cv).not.toBeNull();
  });
});

describe('enough units', () => {
  it('needs at least 5 units and at least half of the level', () => {
    expect(enoughUnits(4, 4)).toBe(false);
    expect(enoughUnits(5, 10)).toBe(true);
    expect(enoughUnits(5, 11)).toBe(false);
    expect(enoughUnits(38, 53)).toBe(true);
  });
});

describe('groups', () => {
  it("Chongqing's districts and Chongqing itself against Sichuan's units, zones by where they lie", () => {
    expect(groupOf('500112')).toBe('500000');
    expect(groupOf('500000')).toBe('500000');
    expect(groupOf('510700')).toBe('510000');
    expect(groupOf('tianfu')).toBe('510000');
    expect(groupOf('420100')).toBe('other');
  });
});

describe('gapSeries over the model', () => {
  const ids = ['500101', '500102', '500103', '510100', '510300', '510400'];
  const units: UnitInfo[] = ids.map((id) => ({ id, level: id.startsWith('50') ? 'county' : 'prefecture', parent: `${id.slice(0, 2)}0000`, circle: 'full' }));
  const row = (unit: string, indicator: IndicatorRow['indicator'], year: number, value: number, period?: string): IndicatorRow => ({
    unit, indicator, year, value, source: 's', grade: 'A', ...(period ? { period } : {}),
  });
  const rows: IndicatorRow[] = [
    // 2021: all six with GDP and population; 2022: four of six (too few: < 5); 2023: five with GDP, one without population.
    ...ids.flatMap((id, i) => [row(id, 'gdp', 2021, 100 * (i + 1)), row(id, 'population', 2021, 10)]),
    ...ids.slice(0, 4).flatMap((id) => [row(id, 'gdp', 2022, 200), row(id, 'population', 2022, 10)]),
    ...ids.slice(0, 5).map((id) => row(id, 'gdp', 2023, 300)),
    ...ids.slice(0, 4).map((id) => row(id, 'population', 2023, 10)),
    row(ids[4], 'population', 2023, 20),
    // A part-year figure never counts.
    row(ids[5], 'gdp', 2022, 999, 'M1-M9'),
  ];
  const dataset: IndicatorDataset = { schema: 1, indicators: { gdp: { measure: '亿元' }, population: { measure: '万人' } }, sources: {}, rows };
  const model = createIndicatorModel(dataset, units);
  const series = gapSeries(model, 'gdp_per_capita', ids);

  it('one entry per year of the indicator, each saying how many units it covers', () => {
    expect(series.map((y) => [y.year, y.count, y.of])).toEqual([[2021, 6, 6], [2022, 4, 6], [2023, 5, 6]]);
  });

  it('a year with too few units has no value', () => {
    expect(series[1].disparity).toBeNull();
    expect(series[0].disparity).not.toBeNull();
  });

  it('population-weighted: 2021 per head 1e6…6e6 yuan over equal populations gives max/min 6', () => {
    const d = series[0].disparity!;
    expect(d.weighted).toBe(true);
    close(d.maxMin, 6);
    close(d.theil!.between + d.theil!.within, d.theil!.total);
  });

  it('2023 per head: equal GDP, one unit with twice the people: max/min 2', () => {
    close(series[2].disparity!.maxMin, 2);
  });
});

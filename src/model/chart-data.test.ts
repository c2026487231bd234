import { describe, expect, it } from 'vitest';
import { createIndicatorModel } from './derived';
import type { IndicatorDataset, IndicatorRow, UnitInfo } from './dataset';
import { indexedSeries, joinedRuns, ranking, unitSeries } from './chart-data';

const row = (unit: string, indicator: IndicatorRow['indicator'], year: number, value: number, period?: string): IndicatorRow => ({
  unit, indicator, year, value, source: 's', grade: 'A', ...(period ? { period } : {}),
});
const units: UnitInfo[] = [
  { id: 'circle', level: 'circle', parent: null, circle: 'full' },
  { id: '500000', level: 'province', parent: null, circle: 'partial' },
  { id: '510000', level: 'province', parent: null, circle: 'partial' },
  { id: '510100', level: 'prefecture', parent: '510000', circle: 'full' },
  { id: '510700', level: 'prefecture', parent: '510000', circle: 'full' },
  { id: '500112', level: 'county', parent: '500000', circle: 'full' },
];
const rows: IndicatorRow[] = [
  row('510100', 'gdp', 2019, 17000), row('510100', 'gdp', 2020, 17700), row('510100', 'gdp', 2022, 20800),
  row('510700', 'gdp', 2022, 3600), row('500112', 'gdp', 2022, 2100), row('circle', 'gdp', 2022, 77600),
  row('510000', 'gdp', 2022, 56700),
  row('510100', 'population', 2019, 1650), row('510100', 'population', 2022, 2120),
  // 2020: per head over the census count (no year-end population).
  row('510100', 'census_population', 2020, 20937757),
  row('500112', 'vehicles', 2023, 500000), row('500112', 'vehicles', 2024, 300000, 'M1-M9'),
];
const dataset: IndicatorDataset = { schema: 1, indicators: { gdp: { measure: '亿元' }, population: { measure: '万人' }, vehicles: { measure: '辆' } }, sources: {}, rows };
const model = createIndicatorModel(dataset, units);

describe('ranking', () => {
  it('largest first, units without a figure listed apart, references where the data has them', () => {
    const result = ranking(model, 'gdp', 2022, ['500112', '510700', '510100', '510300']);
    expect(result.bars.map((b) => b.id)).toEqual(['510100', '510700', '500112']);
    expect(result.noData).toEqual(['510300']);
    expect(result.references.map((r) => r.id)).toEqual(['circle', '510000']);
  });
});

describe('unit series', () => {
  it('a missing year is a gap: 2019-2020 joined, 2022 on its own', () => {
    const runs = joinedRuns(unitSeries(model, '510100', 'gdp').line);
    expect(runs.map((run) => run.map((p) => p.year))).toEqual([[2019, 2020], [2022]]);
  });

  it('per head over the census count is a point of its own, never on the year-end line', () => {
    const series = unitSeries(model, '510100', 'gdp_per_capita');
    expect(series.line.map((p) => p.year)).toEqual([2019, 2022]);
    expect(series.census.map((p) => p.year)).toEqual([2020]);
    expect(joinedRuns(series.line)).toHaveLength(2);
  });

  it('part-year figures are kept apart with their period', () => {
    const series = unitSeries(model, '500112', 'vehicles');
    expect(series.line.map((p) => p.year)).toEqual([2023]);
    expect(series.partYears.map((p) => [p.year, p.figure.period])).toEqual([[2024, 'M1-M9']]);
  });

  it('index: first year-end figure = 100; census and part-year points dropped', () => {
    const indexed = indexedSeries(unitSeries(model, '510100', 'gdp_per_capita'))!;
    expect(indexed.line[0].value).toBe(100);
    expect(indexed.line[1].value).toBeCloseTo((20800 / 2120 / (17000 / 1650)) * 100, 6);
    expect(indexed.census).toEqual([]);
    expect(indexedSeries(unitSeries(model, '510300', 'gdp'))).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import dataset from '../../public/data/indicators.json';
import units from '../../geo/units.json';
import { createIndicatorModel } from './derived';
import { circleKeyValues, computeMapColouring, niceFloor } from './map-colouring';
import { NO_DATA_COLOR, colorFor, radiusFor } from './palette';
import { classIndex } from './classify';
import type { IndicatorDataset, UnitInfo } from './dataset';

const model = createIndicatorModel(dataset as IndicatorDataset, units as UnitInfo[]);
const sichuanCities = (units as UnitInfo[]).filter((u) => u.level === 'prefecture').map((u) => u.id);

describe('computeMapColouring', () => {
  it('keeps class breaks fixed across years and counts every unit in a class or as no data', () => {
    const a = computeMapColouring(model, sichuanCities, 'gdp', 2020, 'quantile');
    const b = computeMapColouring(model, sichuanCities, 'gdp', 2023, 'quantile');
    expect(a.breaks).toEqual(b.breaks);
    for (const c of [a, b]) {
      const counted = c.classes.reduce((n, k) => n + k.count, 0) + c.noDataCount;
      expect(counted).toBe(sichuanCities.length);
    }
  });

  it('gives each unit the value of the year and the colour colorFor gives it', () => {
    // Chengdu's latest year holds the largest value of any Sichuan city in any year: it is in the top class.
    const latest = model.series('510100', 'gdp').at(-1)!.year;
    const c = computeMapColouring(model, sichuanCities, 'gdp', latest, 'ckmeans');
    const chengdu = c.values.get('510100');
    expect(chengdu).toBe(model.figure('510100', 'gdp', latest)?.value);
    const top = c.classes[c.classes.length - 1];
    expect(colorFor(chengdu ?? null, c.breaks, c.palette)).toBe(top.color);
  });

  it('draws totals as circles sized over the largest value of any year, ratios without circles', () => {
    const total = computeMapColouring(model, sichuanCities, 'gdp', 2020, 'quantile');
    expect(total.kind).toBe('total');
    expect(total.radii?.get('510100')).toBe(radiusFor(total.values.get('510100') ?? null, total.maxValue, 28));
    const largest = Math.max(...sichuanCities.flatMap((id) => model.series(id, 'gdp').map((f) => f.value)));
    expect(total.maxValue).toBe(largest);
    expect(radiusFor(largest, total.maxValue, 28)).toBe(28);
    const ratio = computeMapColouring(model, sichuanCities, 'gdp_growth', 2021, 'quantile');
    expect(ratio.kind).toBe('ratio');
    expect(ratio.radii).toBeNull();
  });

  it('hands the map, the 2D paint and the legend one colour per unit: its class colour, or no data', () => {
    const c = computeMapColouring(model, sichuanCities, 'gdp', 2022, 'quantile');
    let coloured = 0;
    for (const [id, value] of c.values) {
      const index = classIndex(value, c.breaks);
      expect(c.fills.get(id), id).toBe(index === null ? NO_DATA_COLOR : c.classes[index].color);
      if (index !== null) coloured++;
    }
    expect(coloured).toBe(sichuanCities.length - c.noDataCount);
    expect(coloured).toBeGreaterThan(0);
  });

  it('reports no data, not zero, for a year nobody has', () => {
    const c = computeMapColouring(model, sichuanCities, 'gdp', 1999, 'quantile');
    expect([...c.values.values()].every((v) => v === null)).toBe(true);
    expect(c.noDataCount).toBe(sichuanCities.length);
  });
});

describe('part years and the zones on the map', () => {
  const counties = (units as UnitInfo[]).filter((u) => u.level === 'county').map((u) => u.id);
  const zones = ['liangjiang', 'tianfu', 'chengdu-hitech'];

  it('never draws a part-year figure: Longquanyi Jan-Sep 2025 is listed with its period, with no value, circle or class', () => {
    const c = computeMapColouring(model, counties, 'vehicles', 2025, 'quantile', { zoneIds: zones });
    expect(c.values.get('510112')).toBeNull();
    expect(c.radii?.get('510112') ?? 0).toBe(0);
    expect(c.partYears.get('510112')).toMatchObject({ year: 2025, period: 'M1-M9', value: 628000 });
    expect(c.classes.reduce((n, k) => n + k.count, 0)).toBe(0);
  });

  it("draws the zones' vehicle output as circles on the units' scale, and fills no total under its circles", () => {
    const c = computeMapColouring(model, sichuanCities, 'vehicles', 2022, 'quantile', { zoneIds: zones });
    expect(c.filled).toBe(false);
    expect(c.radii?.get('liangjiang')).toBe(radiusFor(1194000, c.maxValue, 28));
    expect(c.radii?.get('tianfu')).toBeGreaterThan(0);
    // GDP is not published as the new areas' own circles.
    expect(computeMapColouring(model, sichuanCities, 'gdp', 2022, 'quantile', { zoneIds: zones }).radii?.has('tianfu')).toBe(false);
    // All China draws no circles: its totals are filled.
    const national = computeMapColouring(model, sichuanCities, 'gdp', 2022, 'quantile', { circles: false });
    expect([national.radii, national.filled]).toEqual([null, true]);
  });
});

describe('legend circle values', () => {
  it('rounds down to 1, 2 or 5 times a power of ten', () => {
    expect(niceFloor(23511.3)).toBe(20000);
    expect(niceFloor(5877)).toBe(5000);
    expect(niceFloor(1)).toBe(1);
    expect(niceFloor(0.37)).toBe(0.2);
    expect(niceFloor(0)).toBe(0);
    expect(circleKeyValues(23511.3)).toEqual([20000, 2000]);
    expect(circleKeyValues(0)).toEqual([]);
  });
});

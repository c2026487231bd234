import { describe, expect, it } from 'vitest';
import { createIndicatorModel } from './derived';
import type { IndicatorDataset, IndicatorRow } from './dataset';
import type { UnitProps } from './units';
import {
  bestYear,
  coverageOf,
  coverageUnits,
  figuresElsewhere,
  publishedAbove,
  isCovered,
  rankPeers,
  viewForIndicator,
  viewForLevel,
  yearsWithFigures,
  zoneIds,
} from './coverage';

const unit = (id: string, level: UnitProps['level'], parent: string | null, circle: UnitProps['circle'] = 'full', extra: Partial<UnitProps> = {}): UnitProps => ({
  id, name_zh: id, name_en: id, pinyin: id, level, parent, circle, area_km2: 1, ...extra,
});

// Chongqing with four districts (one outside the Circle), Sichuan with two cities of two counties each, one zone.
const UNITS = new Map(
  [
    unit('500000', 'province', null),
    unit('510000', 'province', null),
    unit('500101', 'county', '500000'),
    unit('500102', 'county', '500000'),
    unit('500103', 'county', '500000'),
    unit('500229', 'county', '500000', 'none'),
    unit('510100', 'prefecture', '510000'),
    unit('510300', 'prefecture', '510000'),
    unit('510104', 'county', '510100'),
    unit('510105', 'county', '510100'),
    unit('510302', 'county', '510300'),
    unit('510303', 'county', '510300'),
    unit('liangjiang', 'zone', '500000', 'full', { shape: 'containing-units', drawn_from: ['500101'] }),
    unit('liangjiang-core', 'zone', '500000', 'full', { shape: 'point' }),
  ].map((u) => [u.id, u]),
);

const row = (u: string, indicator: IndicatorRow['indicator'], year: number, value: number, extra: Partial<IndicatorRow> = {}): IndicatorRow => ({
  unit: u, indicator, year, value, source: 's', grade: 'C', ...extra,
});

function modelOf(rows: IndicatorRow[]) {
  const dataset: IndicatorDataset = {
    schema: 1,
    indicators: { gdp: { measure: '亿元' }, vehicles: { measure: '辆' }, nev: { measure: '辆' }, census_population: { measure: '人' } },
    sources: { s: { title: 't', publisher: 'p', date: '2024', url: 'https://example.org/', language: 'zh' } },
    rows,
  };
  return createIndicatorModel(dataset, [...UNITS.values()]);
}

// GDP: 2021 for 4 of the 5 Circle units of the default level, 2022 for 2 of them; census for every county.
const model = modelOf([
  ...['500101', '500102', '500103', '510100'].map((u) => row(u, 'gdp', 2021, 100)),
  ...['500101', '510300'].map((u) => row(u, 'gdp', 2022, 110)),
  ...['500101', '500102', '500103', '500229', '510104', '510105', '510302', '510303'].map((u) => row(u, 'census_population', 2020, 1000)),
  row('500000', 'vehicles', 2022, 2090000),
  row('500000', 'vehicles', 2024, 1734600, { period: 'M1-M9' }),
  row('liangjiang', 'vehicles', 2022, 1194000),
]);

describe('coverage', () => {
  it('counts the Circle units a level draws, zones and units outside the Circle apart', () => {
    expect(coverageUnits(UNITS, 'units')).toEqual(['500101', '500102', '500103', '510100', '510300']);
    expect(coverageUnits(UNITS, 'cities')).toEqual(['500000', '510100', '510300']);
    expect(coverageUnits(UNITS, 'districts')).toEqual(['500101', '500102', '500103', '510104', '510105', '510302', '510303']);
    expect(zoneIds(UNITS)).toEqual(['liangjiang']);
  });

  it('a view is covered when at least three quarters of its units have a figure', () => {
    const ids = coverageUnits(UNITS, 'units');
    expect(coverageOf(model, ids, 'gdp', 2021)).toEqual({ withData: 4, of: 5 });
    expect(isCovered(coverageOf(model, ids, 'gdp', 2021))).toBe(true);
    expect(isCovered(coverageOf(model, ids, 'gdp', 2022))).toBe(false);
    expect(isCovered({ withData: 3, of: 4 })).toBe(true);
    expect(isCovered({ withData: 2, of: 4 })).toBe(false);
    expect(isCovered({ withData: 0, of: 0 })).toBe(false);
  });

  it('steps only through years with a figure at the level; part years are not years with figures', () => {
    expect(yearsWithFigures(model, coverageUnits(UNITS, 'cities'), 'vehicles')).toEqual([2022]);
    expect(yearsWithFigures(model, coverageUnits(UNITS, 'units'), 'vehicles')).toEqual([]);
    expect(yearsWithFigures(model, coverageUnits(UNITS, 'units'), 'gdp')).toEqual([2021, 2022]);
  });

  it('best year: most figures, then nearest the preferred year, then the later', () => {
    const ids = coverageUnits(UNITS, 'units');
    expect(bestYear(model, ids, 'gdp', 2022)).toBe(2021);
    const tied = modelOf([row('500101', 'gdp', 2019, 1), row('500101', 'gdp', 2021, 1), row('500101', 'gdp', 2023, 1)]);
    expect(bestYear(tied, ids, 'gdp', 2022)).toBe(2023);
    expect(bestYear(tied, ids, 'gdp', 2020)).toBe(2021);
    expect(bestYear(tied, ids, 'vehicles', 2020)).toBeUndefined();
  });

  it('picking an indicator keeps a covered year, else moves to the best-covered year', () => {
    expect(viewForIndicator(model, UNITS, 'units', 'gdp', 2021)).toEqual({ level: 'units', indicator: 'gdp', year: 2021 });
    expect(viewForIndicator(model, UNITS, 'units', 'gdp', 2022)).toEqual({ level: 'units', indicator: 'gdp', year: 2021 });
  });

  it('picking an indicator the level leaves mostly grey opens the level that has it', () => {
    expect(viewForIndicator(model, UNITS, 'units', 'census_population', 2021)).toEqual({ level: 'districts', indicator: 'census_population', year: 2020 });
  });

  it("picking a car industry indicator keeps the level, at the year its units and zones have figures", () => {
    expect(viewForIndicator(model, UNITS, 'units', 'vehicles', 2021)).toEqual({ level: 'units', indicator: 'vehicles', year: 2022 });
    expect(viewForIndicator(model, UNITS, 'cities', 'vehicles', 2022)).toEqual({ level: 'cities', indicator: 'vehicles', year: 2022 });
  });

  it('names where a figure a unit lacks is published: the units it lies in, the zones drawn from it', () => {
    const published = (id: string) => publishedAbove(model, UNITS, UNITS.get(id)!, 'vehicles', 2022).map((p) => [p.unit.id, p.figure.value]);
    expect(published('500101')).toEqual([['500000', 2090000], ['liangjiang', 1194000]]);
    expect(published('510104')).toEqual([]);
  });

  it('switching level keeps the indicator where it is covered there, else opens the fallback', () => {
    expect(viewForLevel(model, UNITS, 'units', 'gdp', 2022, 'census_population')).toEqual({ level: 'units', indicator: 'gdp', year: 2021 });
    expect(viewForLevel(model, UNITS, 'districts', 'gdp', 2021, 'census_population')).toEqual({
      level: 'districts', indicator: 'census_population', year: 2020,
    });
  });

  it('says where else figures exist: units and zones the level does not draw', () => {
    expect(figuresElsewhere(model, UNITS, 'units', 'vehicles', 2022).map((u) => u.id)).toEqual(['500000', 'liangjiang']);
    expect(figuresElsewhere(model, UNITS, 'cities', 'vehicles', 2022).map((u) => u.id)).toEqual(['liangjiang']);
  });
});

describe('model: periods, census, rank', () => {
  it('keeps part-year figures out of full-year figures, years and ranks, and lists them apart', () => {
    expect(model.figure('500000', 'vehicles', 2024)).toBeNull();
    expect(model.years('vehicles')).toEqual([2022]);
    expect(model.partYears('500000', 'vehicles')).toMatchObject([{ year: 2024, period: 'M1-M9', value: 1734600 }]);
    expect(model.ranks('vehicles', 2024, ['500000', 'liangjiang']).has('500000')).toBe(false);
  });

  it('never makes a share or a growth rate of a part-year figure and a full year', () => {
    const mixed = modelOf([
      row('500000', 'vehicles', 2023, 2_000_000),
      row('500000', 'nev', 2023, 500_000),
      row('500000', 'vehicles', 2024, 1_700_000, { period: 'M1-M9' }),
      row('500000', 'nev', 2024, 600_000),
      row('500000', 'gdp', 2023, 30_000),
      row('500000', 'gdp', 2024, 24_000, { period: 'M1-M9' }),
    ]);
    expect(mixed.figure('500000', 'nev_share', 2023)?.value).toBe(25);
    // NEV over Jan-Sep vehicles would read 35%: no share where either side is a part year.
    expect(mixed.figure('500000', 'nev_share', 2024)).toBeNull();
    // Jan-Sep GDP against last full year would read -20%: no growth.
    expect(mixed.figure('500000', 'gdp_growth', 2024)).toBeNull();
  });

  it('ranks the given peers only, those without a figure left out, equal values sharing a place', () => {
    const peers = ['500101', '500102', '500103', '510100', '510300'];
    expect([...model.ranks('gdp', 2021, peers)]).toEqual([
      ['500101', { rank: 1, of: 4 }],
      ['500102', { rank: 1, of: 4 }],
      ['500103', { rank: 1, of: 4 }],
      ['510100', { rank: 1, of: 4 }],
    ]);
    const spread = modelOf([row('500101', 'gdp', 2021, 5), row('500102', 'gdp', 2021, 9), row('500103', 'gdp', 2021, 5), row('510100', 'gdp', 2021, 1)]);
    expect(Object.fromEntries(spread.ranks('gdp', 2021, peers))).toEqual({
      '500102': { rank: 1, of: 4 },
      '500101': { rank: 2, of: 4 },
      '500103': { rank: 2, of: 4 },
      '510100': { rank: 4, of: 4 },
    });
    expect(model.ranks('vehicles', 2022, ['liangjiang']).get('liangjiang')).toEqual({ rank: 1, of: 1 });
  });

  it('counts again once rows arrive', () => {
    const grown = modelOf([row('500101', 'gdp', 2021, 5)]);
    const peers = ['500101', '500102'];
    expect(grown.ranks('gdp', 2021, peers).get('500101')).toEqual({ rank: 1, of: 1 });
    grown.addRows([row('500102', 'gdp', 2021, 9)]);
    expect(grown.ranks('gdp', 2021, peers).get('500101')).toEqual({ rank: 2, of: 2 });
  });

  it('takes rows added after the start into figures and years', () => {
    const grown = modelOf([row('500101', 'gdp', 2021, 1)]);
    expect(grown.years('census_population')).toEqual([]);
    grown.addRows([row('110101', 'census_population', 2020, 709829)]);
    expect(grown.figure('110101', 'census_population', 2020)?.value).toBe(709829);
    expect(grown.years('census_population')).toEqual([2020]);
  });
});

describe('rank peers', () => {
  it('ranks zones among zones, units among the Circle units of the level that shows them', () => {
    expect(rankPeers(UNITS, 'units', UNITS.get('liangjiang')!)).toEqual({ ids: ['liangjiang'], scope: 'zones' });
    expect(rankPeers(UNITS, 'units', UNITS.get('500101')!)).toEqual({ ids: coverageUnits(UNITS, 'units'), scope: 'units' });
    expect(rankPeers(UNITS, 'units', UNITS.get('510104')!)?.scope).toBe('districts');
    expect(rankPeers(UNITS, 'cities', UNITS.get('500000')!)?.ids).toEqual(['500000', '510100', '510300']);
    expect(rankPeers(UNITS, 'units', UNITS.get('500229')!)).toBeNull();
  });

  it("Chongqing's first district is first among the level's units, not among all", () => {
    const peers = rankPeers(UNITS, 'units', UNITS.get('500101')!)!;
    expect(model.ranks('gdp', 2021, peers.ids).get('500101')).toEqual({ rank: 1, of: 4 });
  });
});

describe('bounds through ratios', () => {
  it('a share over a floor is at most, a floor over an exact figure at least, two bounds only about', () => {
    const bounded = modelOf([
      row('500000', 'nev', 2024, 953200),
      row('500000', 'vehicles', 2024, 2540000, { bound: 'min' }),
      row('500000', 'nev', 2023, 500000, { bound: 'min' }),
      row('500000', 'vehicles', 2023, 2320000),
      row('500000', 'nev', 2025, 1296000, { bound: 'approx' }),
      row('500000', 'vehicles', 2025, 2788000, { bound: 'min' }),
    ]);
    expect(bounded.figure('500000', 'nev_share', 2024)?.bound).toBe('max');
    expect(bounded.figure('500000', 'nev_share', 2023)?.bound).toBe('min');
    expect(bounded.figure('500000', 'nev_share', 2025)?.bound).toBe('approx');
  });
});

describe('zones alone', () => {
  it('an indicator only zones have opens at the zones best year, over the shown level', () => {
    const zonesOnly = modelOf([row('liangjiang', 'gdp', 2019, 3391), row('liangjiang', 'gdp', 2022, 4550.6), row('500101', 'gdp', 2022, 1, { period: 'M1-M6' })]);
    expect(viewForIndicator(zonesOnly, UNITS, 'units', 'gdp', 2021)).toEqual({ level: 'units', indicator: 'gdp', year: 2022 });
  });
});

describe('a level that covers it', () => {
  it('picking an indicator this level never covers opens the level that does', () => {
    const cities = modelOf(['500000', '510100', '510300'].map((u) => row(u, 'population', 2022, 100)));
    expect(viewForIndicator(cities, UNITS, 'units', 'population', 2022)).toEqual({ level: 'cities', indicator: 'population', year: 2022 });
    // Where no level covers it, the shown level keeps its best year.
    const thin = modelOf([row('510100', 'population', 2021, 100)]);
    expect(viewForIndicator(thin, UNITS, 'units', 'population', 2022)).toEqual({ level: 'units', indicator: 'population', year: 2021 });
  });
});

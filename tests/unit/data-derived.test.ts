import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CENSUS_POPULATION_NOTE, LAND_AREA_NOTE, PARTIAL_CIRCLE_NOTE, createIndicatorModel, provinceOf } from '../../src/model/derived';
import type { IndicatorDataset } from '../../src/model/dataset';
import { TEST_UNITS } from '../fixtures/data/units';

const committed = JSON.parse(readFileSync(resolve(__dirname, '../../public/data/indicators.json'), 'utf8')) as IndicatorDataset;
const model = createIndicatorModel(committed, TEST_UNITS);

describe('derived figures from the committed data (hand-computed)', () => {
  it("Liangjiang's 2022 share of Chongqing = 4550.6 / 29129.03 = 15.62%", () => {
    const share = model.figure('liangjiang', 'gdp_share_parent', 2022);
    expect(share?.value).toBeCloseTo(15.622, 3);
    expect(share?.measure).toBe('%');
    expect(share?.derived).toBe(true);
    expect(share?.sources).toEqual([
      { id: 'ichongqing-2023-03-10', grade: 'B' },
      { id: 'cq-bulletin-2022', grade: 'A' },
    ]);
  });

  it("Tianfu's 2022 share of Sichuan = 4532.4 / 56749.8 = 7.99% (the article says 7.8%)", () => {
    expect(model.figure('tianfu', 'gdp_share_parent', 2022)?.value).toBeCloseTo(7.9866, 3);
  });

  it("Chongqing's 2022 GDP per capita = 29129.03e8 / 3213.34e4 = 90,650 yuan", () => {
    const perCapita = model.figure('500000', 'gdp_per_capita', 2022);
    expect(perCapita?.value).toBeCloseTo(90650.3, 0);
    expect(perCapita?.measure).toBe('元/人');
  });

  it("Chongqing's 2022 nominal growth = 29129.03 / 27894.02 - 1 = 4.43%", () => {
    const growth = model.figure('500000', 'gdp_growth', 2022);
    expect(growth?.value).toBeCloseTo(4.4275, 3);
    expect(growth?.sources.map((source) => source.id)).toEqual(['cq-bulletin-2022', 'cq-tjj-2022-02-09']);
  });

  it("Liangjiang's 'NEV share' 2022 = 216,000 / 1,194,000 = 18.09%, keeping the note that the source says 2020", () => {
    expect(model.figure('liangjiang', 'nev_share', 2020)).toBeNull();
    const share = model.figure('liangjiang', 'nev_share', 2022);
    expect(share?.value).toBeCloseTo(18.0905, 3);
    expect(share?.notes.some((note) => note.en.includes('source states 2020') && note.zh.includes('来源称为2020年'))).toBe(true);
    // The NEV and the vehicle rows each bring their own note; the shared caveat is not merged away.
    expect(share?.notes).toHaveLength(2);
    // Both inputs cite the same source and grade: listed once.
    expect(share?.sources).toEqual([{ id: 'ichongqing-2023-03-10', grade: 'B' }]);
  });

  it("Chengdu's 2022 share of the Circle = 20818 / 77587.99 = 26.83%", () => {
    expect(model.figure('510100', 'gdp_share_circle', 2022)?.value).toBeCloseTo(26.831, 2);
  });

  it('notes that a partly included unit is compared whole with the Circle', () => {
    expect(model.figure('500000', 'gdp_share_circle', 2022)?.notes).toContainEqual({
      en: 'The unit lies only partly in the Circle; its whole GDP is compared.',
      zh: '该单位仅部分位于经济圈内，比较的是其全部GDP。',
    });
    expect(model.figure('500000', 'gdp_share_circle', 2022)?.notes).toContain(PARTIAL_CIRCLE_NOTE);
  });

  it('ranks Chengdu first among Circle prefectures in 2022', () => {
    const circlePrefectures = TEST_UNITS.filter((unit) => unit.level === 'prefecture' && unit.circle !== 'none').map((unit) => unit.id);
    const ranks = model.ranks('gdp', 2022, circlePrefectures);
    const rank = ranks.get('510100');
    expect(rank?.rank).toBe(1);
    // Circle prefectures with a 2022 figure: the 15 Circle cities (Panzhihua, Guangyuan, Bazhong are outside).
    expect(rank?.of).toBe(15);
    expect(ranks.get('510300')?.rank).toBeGreaterThan(1);
  });
});

describe('missing stays missing', () => {
  it('a derived figure is null when any input is missing', () => {
    expect(model.figure('500000', 'gdp_per_capita', 2025)).toBeNull(); // no 2025 population (and no census that year)
    expect(model.figure('500000', 'gdp_growth', 2019)).toBeNull(); // no 2018 GDP
    expect(model.figure('500104', 'gdp_share_parent', 2019)).toBeNull(); // no 2019 figure for Dadukou
  });

  it("Chongqing's 2020 GDP per capita is over the census count, saying so, with the census's source", () => {
    const gdp = model.figure('500000', 'gdp', 2020)!;
    const census = model.figure('500000', 'census_population', 2020)!;
    const perCapita = model.figure('500000', 'gdp_per_capita', 2020)!;
    expect(perCapita.value).toBeCloseTo((gdp.value * 1e8) / census.value, 6);
    expect(perCapita.notes).toContainEqual(CENSUS_POPULATION_NOTE);
    expect(perCapita.sources).toContainEqual({ id: 'census-2020-leiii', grade: 'C' });
  });

  it('shares that make no sense are null, not zero', () => {
    expect(model.figure('500000', 'gdp_share_parent', 2022)).toBeNull();
    expect(model.figure('circle', 'gdp_share_circle', 2022)).toBeNull();
    expect(model.figure('500242', 'gdp_share_circle', 2022)).toBeNull(); // Youyang is outside the Circle
  });

  it('ranks nothing for a unit without a figure', () => {
    expect(model.ranks('gdp', 2019, ['500104', '500101']).has('500104')).toBe(false);
  });
});

describe('model queries', () => {
  it("gives every unit with a drawn area that area, in 2024 only, from the boundary source (grade C) with its caveat", () => {
    const areaModel = createIndicatorModel(committed, [{ id: '500112', level: 'county', parent: '500000', circle: 'full', area_km2: 1452.3 }]);
    const area = areaModel.figure('500112', 'land_area', 2024);
    expect(area).toMatchObject({ value: 1452.3, measure: 'km²', year: 2024, sources: [{ id: 'tianditu-boundaries-2024', grade: 'C' }], derived: true });
    expect(area?.notes).toEqual([LAND_AREA_NOTE]);
    expect(area?.notes[0].en).toMatch(/official land areas differ/);
    expect(area?.notes[0].zh).toMatch(/官方公布的土地面积略有出入/);
    expect(areaModel.source('tianditu-boundaries-2024')?.url).toMatch(/^https:\/\//);
    expect(areaModel.figure('500112', 'land_area', 2023)).toBeNull();
    expect(areaModel.years('land_area')).toEqual([2024]);
    // A national unit arriving later (all China's level) gets its area too; a point marker (area 0) gets none.
    expect(areaModel.figure('110101', 'land_area', 2024)).toBeNull();
    areaModel.addUnits([
      { id: '110101', level: 'national', parent: null, circle: 'none', area_km2: 41.8 },
      { id: 'tianfu-core', level: 'zone', parent: null, circle: 'full', area_km2: 0 },
    ]);
    expect(areaModel.figure('110101', 'land_area', 2024)?.value).toBe(41.8);
    expect(areaModel.figure('tianfu-core', 'land_area', 2024)).toBeNull();
  });

  it('lists raw then derived indicators with their measures', () => {
    expect(model.indicatorIds()).toEqual([
      'gdp', 'population', 'vehicles', 'nev', 'auto_output_value',
      'census_population', 'census_urban_share', 'census_share_65', 'census_pop_change',
      'gdp_per_capita', 'gdp_growth', 'gdp_share_parent', 'gdp_share_circle', 'nev_share', 'land_area',
    ]);
    expect(model.measure('vehicles')).toBe('辆');
    expect(model.measure('gdp_growth')).toBe('%');
  });

  it('returns raw figures with their own source, grade and note', () => {
    expect(model.figure('500000', 'gdp', 2021)).toEqual({
      value: 27894.02, measure: '亿元', year: 2021, sources: [{ id: 'cq-tjj-2022-02-09', grade: 'A' }], notes: [], derived: false,
    });
    expect(model.source('cq-tjj-2022-02-09')?.url).toMatch(/^http/);
  });

  it('series skips missing years and keeps order', () => {
    expect(model.series('500000', 'gdp').map((figure) => figure.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    // 2020 over the census count (no year-end population of 2020 is loaded).
    expect(model.series('500000', 'gdp_per_capita').map((figure) => figure.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
  });

  it('years of a derived indicator are only years where some unit has it', () => {
    expect(model.years('nev_share')).toEqual([2022, 2023, 2024, 2025]);
    // Chongqing 2024: 953,200 / 2,540,000 = 37.53%.
    expect(model.figure('500000', 'nev_share', 2024)?.value).toBeCloseTo(37.528, 2);
    expect(model.years('gdp')).toContain(2017);
    expect(model.years('gdp_growth')).not.toContain(2017);
  });
});

describe('a small synthetic dataset', () => {
  const tiny: IndicatorDataset = {
    schema: 1,
    indicators: { gdp: { measure: '亿元' }, population: { measure: '万人' } },
    sources: { s: { title: 't', publisher: 'p', date: '2024', url: 'https://example.org', language: 'en' } },
    rows: [
      { unit: '510300', indicator: 'gdp', year: 2023, value: 1000, source: 's', grade: 'C' },
      { unit: '510300', indicator: 'gdp', year: 2022, value: 900, source: 's', grade: 'C', note: 'rough', note_zh: '粗略' },
      { unit: '510300', indicator: 'population', year: 2023, value: 250, source: 's', grade: 'D', note: 'rough', note_zh: '粗略' },
      { unit: '510300', indicator: 'population', year: 2022, value: 250, source: 's', grade: 'D', note: 'old', note_zh: '旧数' },
      { unit: '510303', indicator: 'gdp', year: 2023, value: 100, source: 's', grade: 'C' },
      { unit: '510000', indicator: 'gdp', year: 2023, value: 50000, source: 's', grade: 'A' },
    ],
  };
  const small = createIndicatorModel(tiny, TEST_UNITS);

  it('per capita = 1000e8 / 250e4 = 40,000 yuan, carrying both grades and the note', () => {
    const figure = small.figure('510300', 'gdp_per_capita', 2023);
    expect(figure?.value).toBe(40000);
    expect(figure?.sources).toEqual([{ id: 's', grade: 'C' }, { id: 's', grade: 'D' }]);
    expect(figure?.notes).toEqual([{ en: 'rough', zh: '粗略' }]);
  });

  it('a derived figure merges the notes of its inputs in both languages, the same note listed once', () => {
    // 2022: GDP and population carry different notes; growth 2023 reads GDP 2023 (no note) and GDP 2022 ('rough').
    expect(small.figure('510300', 'gdp_per_capita', 2022)?.notes).toEqual([
      { en: 'rough', zh: '粗略' },
      { en: 'old', zh: '旧数' },
    ]);
    expect(small.figure('510300', 'gdp_growth', 2023)?.notes).toEqual([{ en: 'rough', zh: '粗略' }]);
  });

  it('a row note gets both languages; one without note_zh (not written by the build) keeps its English in both', () => {
    expect(small.figure('510300', 'population', 2023)?.notes).toEqual([{ en: 'rough', zh: '粗略' }]);
    const legacy = createIndicatorModel(
      { ...tiny, rows: [{ unit: '510300', indicator: 'gdp', year: 2023, value: 1, source: 's', grade: 'C', note: 'English only' }] },
      TEST_UNITS,
    );
    expect(legacy.figure('510300', 'gdp', 2023)?.notes).toEqual([{ en: 'English only', zh: 'English only' }]);
  });

  it('a Sichuan county is measured against Sichuan: 100 / 50000 = 0.2%', () => {
    expect(small.figure('510303', 'gdp_share_parent', 2023)?.value).toBeCloseTo(0.2, 10);
  });

  it('only lists raw indicators present in the file', () => {
    expect(small.indicatorIds().slice(0, 2)).toEqual(['gdp', 'population']);
    expect(small.indicatorIds()).not.toContain('vehicles');
  });

  it('refuses an unknown schema', () => {
    expect(() => createIndicatorModel({ ...tiny, schema: 2 as unknown as 1 }, TEST_UNITS)).toThrow(/schema 2/);
  });
});

describe('provinceOf', () => {
  it('maps zones, districts, prefectures and counties to their province, and top levels to null', () => {
    expect(provinceOf('liangjiang')).toBe('500000');
    expect(provinceOf('tianfu')).toBe('510000');
    expect(provinceOf('chengdu-hitech')).toBe('510000');
    expect(provinceOf('500112')).toBe('500000');
    expect(provinceOf('510100')).toBe('510000');
    expect(provinceOf('510303')).toBe('510000');
    expect(provinceOf('510000')).toBeNull();
    expect(provinceOf('circle')).toBeNull();
    expect(provinceOf('420100')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import type { IndicatorDataset, UnitInfo } from '../model/dataset';
import { createIndicatorModel } from '../model/derived';
import { computeMapColouring } from '../model/map-colouring';
import { exportCamera, figureSources, imageTitle, shortPublisher, sourceLine } from './export-png';
import type { LngLatBounds } from './mercator';

const units: UnitInfo[] = ['510100', '510300', '510400', '510500'].map((id) => ({ id, level: 'prefecture', parent: '510000', circle: 'full' }));
const dataset: IndicatorDataset = {
  schema: 1,
  indicators: { gdp: { measure: '亿元' } },
  sources: {
    s1: { title: 'a', publisher: '成都日报锦观新闻 (repost at lujuba.top)', date: '2023', url: 'https://a', language: 'zh' },
    s2: { title: 'b', publisher: '成都日报锦观新闻', date: '2023', url: 'https://b', language: 'zh' },
    s3: { title: 'c', publisher: 'maigoo.com', date: '2023', url: 'https://c', language: 'zh' },
    s4: { title: 'd', publisher: '四川省统计局', date: '2021', url: 'https://d', language: 'zh' },
  },
  rows: [
    { unit: '510100', indicator: 'gdp', year: 2022, value: 20817.5, source: 's1', grade: 'B' },
    { unit: '510300', indicator: 'gdp', year: 2022, value: 1792.9, source: 's2', grade: 'B' },
    { unit: '510400', indicator: 'gdp', year: 2022, value: 1220.5, source: 's3', grade: 'C' },
    // Another year: not shown, so neither its publisher nor its grade is credited.
    { unit: '510500', indicator: 'gdp', year: 2021, value: 2406.1, source: 's4', grade: 'A' },
  ],
};
const model = createIndicatorModel(dataset, units);
const colouring = computeMapColouring(model, units.map((u) => u.id), 'gdp', 2022, 'quantile');

describe('PNG title', () => {
  it('names indicator, year and level in the language shown', () => {
    expect(imageTitle('gdp', 2022, 'units', 'zh')).toBe('地区生产总值 · 2022 · 区县与地市');
    expect(imageTitle('gdp', 2022, 'units', 'en')).toBe('GDP · 2022 · Districts & cities');
    expect(imageTitle('gdp_per_capita', 2020, 'cities', 'en')).toBe('GDP per capita · 2020 · Cities');
  });
});

describe('PNG source line', () => {
  it('drops where a copy was read from the publisher', () => {
    expect(shortPublisher('川观新闻 (repost at gatv.com.cn)')).toBe('川观新闻');
    expect(shortPublisher('重庆市开州区统计局（开州日报）')).toBe('重庆市开州区统计局');
    expect(shortPublisher('maigoo.com')).toBe('maigoo.com');
  });

  it('credits the distinct publishers of the figures shown, most figures first, with their grades', () => {
    expect(figureSources(model, colouring)).toEqual({ publishers: ['成都日报锦观新闻', 'maigoo.com'], grades: ['B', 'C'] });
  });

  it('reads as data · grades · atlas in both languages (the boundaries have a credit line of their own)', () => {
    const sources = figureSources(model, colouring);
    expect(sourceLine(sources, 'zh', 2)).toBe('数据：成都日报锦观新闻、maigoo.com · 可信度 B–C · 成渝经济圈数据地图');
    expect(sourceLine(sources, 'en', 2)).toBe('Data: 成都日报锦观新闻, maigoo.com · grades B–C · Chengyu Atlas');
  });

  it('counts the publishers it leaves out to fit', () => {
    const sources = { publishers: ['A', 'B', 'C', 'D'], grades: ['A' as const] };
    expect(sourceLine(sources, 'zh', 2)).toMatch(/^数据：A、B 等 4 家 · 可信度 A · /);
    expect(sourceLine(sources, 'en', 2)).toMatch(/^Data: A, B and 2 more · grade A · /);
  });

  it('leaves the data part out when no figure is shown', () => {
    const empty = computeMapColouring(model, units.map((u) => u.id), 'gdp', 2019, 'quantile');
    expect(sourceLine(figureSources(model, empty), 'en', 0)).toBe('Chengyu Atlas');
  });

  it('credits the figures the legend gives in words too (totals, part years)', () => {
    const empty = computeMapColouring(model, units.map((u) => u.id), 'gdp', 2019, 'quantile');
    const named = { value: 1, measure: '亿元', year: 2019, sources: [{ id: Object.keys(dataset.sources)[0], grade: 'A' as const }], notes: [], derived: false };
    const sources = figureSources(model, empty, [named]);
    expect(sources.grades).toEqual(['A']);
    expect(sources.publishers).toHaveLength(1);
  });
});

describe('PNG camera', () => {
  const bounds: LngLatBounds = [102, 28, 110, 32.5];
  const frame = { width: 1228, height: 872 };

  it('fits the Circle to the picture when the view has the default framing', () => {
    const camera = exportCamera(null, bounds, { width: 1280, height: 700 }, frame);
    expect(camera.lng).toBeCloseTo(106);
    expect(camera.pitch).toBe(0);
    expect(camera.zoom).toBeGreaterThan(5);
  });

  it('keeps everything the screen showed: zooms out by the size ratio, drops the pitch', () => {
    const camera = { zoom: 8, lat: 30.66, lng: 104.07, bearing: 15, pitch: 40 };
    expect(exportCamera(camera, bounds, frame, frame)).toEqual({ ...camera, pitch: 0 });
    const twiceAsWide = exportCamera(camera, bounds, { width: 2 * frame.width, height: frame.height }, frame);
    expect(twiceAsWide.zoom).toBeCloseTo(7);
    expect(twiceAsWide.bearing).toBe(15);
  });
});

import { describe, expect, it } from 'vitest';
import { bestCoveredYear, buildCatalog } from './catalog';
import { defaultYear } from './view-state';
import type { UnitProps } from '../model/units';

const unit = (id: string, level: UnitProps['level'], extra: Partial<UnitProps> = {}): [string, UnitProps] => [
  id,
  { id, name_zh: id, name_en: id, pinyin: id, level, parent: null, circle: 'full', area_km2: 1, ...extra },
];

describe('catalog', () => {
  it('opens the best-covered year, the later one on a tie', () => {
    expect(bestCoveredYear(new Map([[2022, 40], [2023, 24], [2024, 14]]))).toBe(2022);
    expect(bestCoveredYear(new Map([[2021, 40], [2022, 40]]))).toBe(2022);
    expect(bestCoveredYear(new Map())).toBeUndefined();
  });

  it('lists selectable units only: not context, the outline or zone markers', () => {
    const units = new Map([
      unit('500112', 'county'),
      unit('520000', 'context'),
      unit('circle', 'circle'),
      unit('tianfu', 'zone', { shape: 'containing-units' }),
      unit('tianfu-core', 'zone', { shape: 'point' }),
    ]);
    const catalog = buildCatalog(units, { gdp: new Map([[2022, 1]]) }, 'gdp');
    expect(catalog.unitIds).toEqual(['500112', 'tianfu']);
    expect(catalog.indicators.gdp).toEqual({ years: [2022], defaultYear: 2022 });
  });

  it('a link without a year opens the year best covered at its level', () => {
    const units = new Map([unit('500112', 'county')]);
    const catalog = buildCatalog(units, { gdp: new Map([[2021, 5], [2022, 9]]) }, 'gdp', (_, level) => (level === 'districts' ? 2021 : undefined));
    expect(defaultYear(catalog, 'gdp', 'districts')).toBe(2021);
    expect(defaultYear(catalog, 'gdp', 'units')).toBe(2022);
    expect(defaultYear(catalog, 'gdp')).toBe(2022);
  });
});

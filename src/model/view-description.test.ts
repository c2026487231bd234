import { describe, expect, it } from 'vitest';
import dataset from '../../public/data/indicators.json';
import unitList from '../../geo/units.json';
import { createIndicatorModel } from './derived';
import { computeMapColouring, type MapColouring } from './map-colouring';
import { describeView } from './view-description';
import { unitsOfLevel } from './level-units';
import type { IndicatorDataset, UnitInfo } from './dataset';
import type { UnitProps } from './units';

const units = new Map((unitList as UnitProps[]).map((u) => [u.id, u]));
const model = createIndicatorModel(dataset as IndicatorDataset, unitList as UnitInfo[]);

function unit(id: string, name_zh: string, name_en: string): UnitProps {
  return { id, name_zh, name_en, pinyin: '', level: 'prefecture', parent: null, circle: 'full', area_km2: 1 };
}
const toyUnits = new Map([unit('a', '甲市', 'Alpha'), unit('b', '乙市', 'Beta'), unit('c', '丙市', 'Gamma'), unit('d', '丁市', 'Delta')].map((u) => [u.id, u]));

/** Only the fields the description reads. */
function toyColouring(values: [string, number | null][]): MapColouring {
  return {
    indicator: 'gdp',
    year: 2022,
    values: new Map(values),
    noDataCount: values.filter(([, v]) => v === null).length,
    filled: true,
  } as MapColouring;
}

describe('describeView', () => {
  it('names the indicator, year, level, highest, lowest and the units without data, in both languages', () => {
    const colouring = toyColouring([['a', 20818], ['b', 1200.5], ['c', null], ['d', 300]]);
    expect(describeView(colouring, toyUnits, 'units', '亿元', 'zh')).toBe(
      '地图：2022 年地区生产总值，按区县与地市着色；最高：甲市 20,818 亿元；最低：丁市 300 亿元；无数据 1 个。',
    );
    expect(describeView(colouring, toyUnits, 'cities', '亿元', 'en')).toBe(
      'Map: GDP in 2022 by city; highest Alpha 2,081.8 billion yuan; lowest Delta 30 billion yuan; 1 unit with no data.',
    );
  });

  it('names every unit tied for an extreme', () => {
    const colouring = toyColouring([['a', 5], ['b', 5], ['c', 1], ['d', 1]]);
    expect(describeView(colouring, toyUnits, 'units', 'percent', 'en')).toMatch(/highest Alpha, Beta 5.*lowest Gamma, Delta 1/);
    expect(describeView(colouring, toyUnits, 'units', 'percent', 'zh')).toMatch(/最高：甲市、乙市 5.*最低：丙市、丁市 1/);
  });

  it('says only how many have no data when no unit has a figure', () => {
    const colouring = toyColouring([['a', null], ['b', null]]);
    expect(describeView(colouring, toyUnits, 'districts', '亿元', 'en')).toBe('Map: GDP in 2022 by county; 2 units with no data.');
    expect(describeView(colouring, toyUnits, 'districts', '亿元', 'zh')).toBe('地图：2022 年地区生产总值，按全部区县着色；无数据 2 个。');
  });

  it('describes the real data: Chengdu has the highest GDP of the Circle units in 2022', () => {
    const ids = unitsOfLevel(units, 'units').filter((u) => u.level !== 'zone').map((u) => u.id);
    const colouring = computeMapColouring(model, ids, 'gdp', 2022, 'quantile');
    const text = describeView(colouring, units, 'units', '亿元', 'zh');
    expect(text).toMatch(/^地图：2022 年地区生产总值，按区县与地市画圆（面积与数值成正比）；最高：成都市 20,8\d\d(\.\d)? 亿元；最低：\S+ [\d,.]+ 亿元；无数据 \d+ 个。$/);
    expect(text).toContain(`无数据 ${colouring.noDataCount} 个`);
  });
});

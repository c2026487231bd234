import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { censusChinaRows, NATIONAL_CENSUS_INDICATORS, type CensusChinaFile } from './census-china';
import { checkCensusChina } from './check-format';
import { createIndicatorModel } from '../model/derived';

const FILE: CensusChinaFile = {
  schema: 1,
  year: 2020,
  source: 'census-2020-leiii',
  grade: 'C',
  sources: {},
  notes: {
    census_population: { en: 'Count.', zh: '普查数。' },
    census_urban_share: { en: 'Urban.', zh: '城镇。' },
    census_share_65: { en: 'Aged.', zh: '老年。' },
  },
  unitNotes: { '513402': { en: 'Was 513425.', zh: '原513425。' } },
  values: { census_population: { '110101': 708829, '513402': 390531 }, census_urban_share: { '110101': 100 }, census_share_65: {} },
};

describe('censusChinaRows', () => {
  it('gives one full-year row per unit and indicator, with the source, grade and the indicator\'s note', () => {
    const rows = censusChinaRows(FILE);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual({
      unit: '110101', indicator: 'census_population', year: 2020, value: 708829, source: 'census-2020-leiii', grade: 'C', note: 'Count.', note_zh: '普查数。',
    });
    expect(rows.every((row) => row.period === undefined)).toBe(true);
  });

  it('adds a unit\'s own note after the indicator\'s, in both languages', () => {
    const row = censusChinaRows(FILE).find((r) => r.unit === '513402')!;
    expect(row.note).toBe('Count. Was 513425.');
    expect(row.note_zh).toBe('普查数。原513425。');
  });

  it('the model shows the rows once added, labelled with their notes, and ranks them among national peers', () => {
    const model = createIndicatorModel({ schema: 1, indicators: { census_population: { measure: '人' } }, sources: {}, rows: [] }, []);
    expect(model.figure('110101', 'census_population', 2020)).toBeNull();
    model.addRows(censusChinaRows(FILE));
    const figure = model.figure('110101', 'census_population', 2020)!;
    expect(figure.value).toBe(708829);
    expect(figure.measure).toBe('人');
    expect(figure.notes).toEqual([{ en: 'Count.', zh: '普查数。' }]);
    expect(model.ranks('census_population', 2020, ['110101', '513402']).get('513402')).toEqual({ rank: 2, of: 2 });
  });

  it('the shipped file passes its check and covers every national indicator', () => {
    const shipped = JSON.parse(readFileSync(new URL('../../public/data/census-china.json', import.meta.url), 'utf8')) as unknown;
    const file = checkCensusChina('census-china.json', shipped);
    for (const indicator of NATIONAL_CENSUS_INDICATORS) expect(Object.keys(file.values[indicator]).length).toBeGreaterThan(0);
    expect(censusChinaRows(file).every((row) => row.note && row.note_zh)).toBe(true);
  });
});

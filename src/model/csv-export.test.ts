import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, csvFileName, figuresCsv, toCsv } from './csv-export';
import { createIndicatorModel } from './derived';
import type { IndicatorDataset } from './dataset';
import type { UnitProps } from './units';

function unit(id: string, name_zh: string, name_en: string, parent: string): UnitProps {
  return { id, name_zh, name_en, pinyin: '', level: 'county', parent, circle: 'full', area_km2: 1 };
}

const UNITS = [unit('500112', '渝北区', 'Yubei', '500000'), unit('500105', '江北区', 'Jiangbei, "old"', '500000')];

const DATASET: IndicatorDataset = {
  schema: 1,
  indicators: { gdp: { measure: '亿元' }, population: { measure: '万人' } },
  sources: {
    maigoo: { title: '[重庆各区县GDP排行 2020-2022]', publisher: 'maigoo.com', date: '2023', url: 'https://www.maigoo.com/news/661116.html', language: 'zh' },
    bulletin: { title: '=HYPERLINK("x")', publisher: 'bureau', date: '2023', url: 'https://example.org/b', language: 'zh' },
  },
  rows: [
    { unit: '500112', indicator: 'gdp', year: 2022, value: 2297.11, source: 'maigoo', grade: 'C', note: 'Aggregator table, "district" GDP.', note_zh: '聚合网站的"区县"GDP表。' },
    { unit: '500112', indicator: 'population', year: 2022, value: 219.6, source: 'bulletin', grade: 'A' },
    { unit: '500105', indicator: 'gdp', year: 2023, period: 'M1-M6', value: 700, source: 'bulletin', grade: 'A' },
    { unit: '500105', indicator: 'gdp', year: 2023, period: 'M1-M9', value: 1100, source: 'bulletin', grade: 'A' },
    { unit: '500112', indicator: 'gdp', year: 2022, period: 'M1-M9', value: 1700, source: 'bulletin', grade: 'A' },
  ],
};
const model = createIndicatorModel(DATASET, UNITS);

/** Splits RFC 4180 text back into cells, so tests read what a spreadsheet would. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted && char === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (quoted || (char !== ',' && char !== '\r')) {
      cell += char;
    } else {
      row.push(cell);
      cell = '';
      if (char === '\r') {
        rows.push(row);
        row = [];
        i++; // the \n of CRLF
      }
    }
  }
  return rows;
}

describe('csvCell', () => {
  it('quotes cells with commas, quotes or line breaks and doubles inner quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx'].map(csvCell)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx"]);
    expect(csvCell('=A1,B1')).toBe(`"'=A1,B1"`);
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes numbers as numbers, negative ones included, without floating-point noise', () => {
    expect(csvCell(-2.5)).toBe('-2.5');
    expect(csvCell(0.1 + 0.2)).toBe('0.3');
    expect(csvCell(2297.11)).toBe('2297.11');
    expect(csvCell(null)).toBe('');
  });
});

describe('toCsv', () => {
  it('ends every record with CRLF', () => {
    expect(toCsv([['a', 1], ['b', null]])).toBe('a,1\r\nb,\r\n');
  });
});

describe('figuresCsv', () => {
  const text = figuresCsv(UNITS, model, 'gdp', 2022, 'en');
  const rows = parseCsv(text.slice(CSV_BOM.length));

  it("writes a year's part-year figure, the longest, with its period where the year has no full-year figure", () => {
    const part = parseCsv(figuresCsv(UNITS, model, 'gdp', 2023, 'en').slice(CSV_BOM.length));
    expect(part[2].slice(0, 7)).toEqual(['500105', '江北区', 'Jiangbei, "old"', 'gdp', '2023', 'M1-M9', '1100']);
    // Yubei's full year wins over its Jan-Sep figure.
    expect(rows[1].slice(5, 7)).toEqual(['year', '2297.11']);
  });

  it('starts with the BOM and the header', () => {
    expect(text.startsWith('\uFEFFunit_id,name_zh,name_en,indicator,year,period,value,bound,measure,grade,source_title,source_url,note\r\n')).toBe(true);
  });

  it('writes a figure with its measure, grade, source and note', () => {
    expect(rows[1]).toEqual([
      '500112',
      '渝北区',
      'Yubei',
      'gdp',
      '2022',
      'year',
      '2297.11',
      '',
      '亿元',
      'C',
      '[重庆各区县GDP排行 2020-2022]',
      'https://www.maigoo.com/news/661116.html',
      'Aggregator table, "district" GDP.',
    ]);
  });

  it("writes the note in the reader's language", () => {
    const zh = parseCsv(figuresCsv(UNITS, model, 'gdp', 2022, 'zh').slice(CSV_BOM.length));
    expect(zh[0]).toEqual(rows[0]);
    expect(zh[1]).toEqual([...rows[1].slice(0, 12), '聚合网站的"区县"GDP表。']);
  });

  it('keeps a unit without a figure, with an empty value, and round-trips quoted names', () => {
    expect(rows[2]).toEqual(['500105', '江北区', 'Jiangbei, "old"', 'gdp', '2022', 'year', '', '', '亿元', '', '', '', '']);
    expect(rows).toHaveLength(3);
  });

  it('lists every source of a derived figure and guards their titles', () => {
    const perCapita = parseCsv(figuresCsv(UNITS.slice(0, 1), model, 'gdp_per_capita', 2022, 'en').slice(CSV_BOM.length))[1];
    expect(Number(perCapita[6])).toBeCloseTo(104604.3, 0); // 2297.11e8 / 219.6e4
    expect(perCapita.slice(8, 12)).toEqual([
      '元/人',
      'C; A',
      `[重庆各区县GDP排行 2020-2022]; =HYPERLINK("x")`,
      'https://www.maigoo.com/news/661116.html; https://example.org/b',
    ]);
  });
});

describe('figuresCsv: bounds', () => {
  it('writes a floor as bound min beside its value', () => {
    const floors = createIndicatorModel(
      { ...DATASET, indicators: { vehicles: { measure: '辆' } }, rows: [{ unit: '500112', indicator: 'vehicles', year: 2024, value: 2540000, bound: 'min', source: 'bulletin', grade: 'D' }] },
      UNITS,
    );
    const row = parseCsv(figuresCsv(UNITS.slice(0, 1), floors, 'vehicles', 2024, 'en').slice(CSV_BOM.length))[1];
    expect(row.slice(4, 9)).toEqual(['2024', 'year', '2540000', 'min', '辆']);
  });
});

describe('csvFileName', () => {
  it('names indicator, year and level', () => {
    expect(csvFileName('gdp', 2023, 'units')).toBe('chengyu-atlas_gdp_2023_units.csv');
  });
});

import { describe, expect, it } from 'vitest';
import { aggregateDifferences, CITY_COLUMNS, COUNTY_COLUMNS, readCensusTables } from './read';

const COUNTY_HEADER = COUNTY_COLUMNS.join(',');
const CITY_HEADER = CITY_COLUMNS.join(',');
const COUNTY_PATH = 'geo/data/census/census2020-county.csv';
const CITY_PATH = 'geo/data/census/census-city-2010-2020.csv';

const GOOD_COUNTY = [
  COUNTY_HEADER,
  'NA,全国,全国,全国,300,200,100,90,20,70,10',
  '990000,某省,某省,某省,300,200,100,90,20,70,10',
  '990100,某省,某市,某市,300,200,100,90,20,70,10',
  '990101,某省,某市,甲区,100,100,0,30,15,75,10',
  '990102,某省,某市,乙县,150,60,90,45,25,65,10',
  '990171,某省,某市,某开发区,50,40,10,15,20,70,10',
];
const GOOD_CITY = [CITY_HEADER, '990100,某市,某省,300,200,250,150.5,10,8'];

function read(county: readonly string[], city: readonly string[] = GOOD_CITY) {
  return readCensusTables({ path: COUNTY_PATH, text: county.join('\r\n') }, { path: CITY_PATH, text: city.join('\n') });
}

/** The messages of a county file whose only data row is `row`. */
function countyMessages(row: string): string[] {
  return read([COUNTY_HEADER, row]).messages;
}

describe('readCensusTables', () => {
  it('reads both files, keeping coded rows and leaving out rows marked NA', () => {
    const { messages, tables } = read(GOOD_COUNTY);
    expect(messages).toEqual([]);
    expect([...tables!.county.keys()]).toEqual(['990000', '990100', '990101', '990102', '990171']);
    expect(tables!.county.get('990102')).toMatchObject({ population: 150, urban: 60, rural: 90, share_65_plus: 10, line: 6 });
    expect(tables!.city.get('990100')).toMatchObject({ population_2020: 300, population_2010: 250, urban_2010: 150.5 });
  });

  it('names file and row for a wrong header', () => {
    expect(read(['unit,population', '990101,1']).messages).toEqual([
      `${COUNTY_PATH} row 1: header must be "${COUNTY_HEADER}", found "unit,population"`,
    ]);
  });

  it('refuses a code that is neither 6 digits nor NA', () => {
    expect(countyMessages('99010,某省,某市,甲区,100,100,0,30,15,75,10')).toEqual([
      `${COUNTY_PATH} row 2: unit "99010" is not a 6-digit code (or "NA" for a row without one)`,
    ]);
  });

  it('refuses negative, fractional and missing counts', () => {
    expect(countyMessages('990101,某省,某市,甲区,-100,100,0,30,15,75,10')).toContain(
      `${COUNTY_PATH} row 2: population "-100" is not a non-negative integer`,
    );
    expect(countyMessages('990101,某省,某市,甲区,100,99.5,0.5,30,15,75,10')).toContain(
      `${COUNTY_PATH} row 2: urban "99.5" is not a non-negative integer`,
    );
    expect(countyMessages('990101,某省,某市,甲区,,,,30,15,75,10')).toEqual([`${COUNTY_PATH} row 2: population "" is not a non-negative integer`]);
  });

  it('refuses urban + rural that is not the population', () => {
    expect(countyMessages('990101,某省,某市,甲区,100,90,0,30,15,75,10')).toEqual([
      `${COUNTY_PATH} row 2: urban 90 + rural 0 = 90, not the population 100`,
    ]);
  });

  it('refuses a share above 100 and age shares that do not sum to about 100', () => {
    expect(countyMessages('990101,某省,某市,甲区,100,100,0,30,15,75,101')).toContain(
      `${COUNTY_PATH} row 2: share_65_plus "101" is not a percentage from 0 to 100`,
    );
    expect(countyMessages('990101,某省,某市,甲区,100,100,0,30,15,75,11')).toEqual([
      `${COUNTY_PATH} row 2: age shares sum to 101, not 100 (within 0.1)`,
    ]);
    // Each share rounded to 0.01 by the source: a sum 0.01 off is no error.
    expect(countyMessages('990101,某省,某市,甲区,100,100,0,30,15.01,75,10')).toEqual([]);
  });

  it('refuses a code given twice, naming the first row', () => {
    const row = '990101,某省,某市,甲区,100,100,0,30,15,75,10';
    expect(read([COUNTY_HEADER, row, row]).messages).toEqual([`${COUNTY_PATH} row 3: duplicate unit "990101" (first on row 2)`]);
  });

  it('reports a row with the wrong number of fields and a broken quote', () => {
    expect(countyMessages('990101,某省,某市,甲区,100')).toEqual([`${COUNTY_PATH} row 2: expected 11 fields, found 5`]);
    expect(read([COUNTY_HEADER, '990101,"某省,某市']).messages).toEqual([`${COUNTY_PATH} row 2: quoted field is never closed`]);
  });

  it('checks the city file: 2020 counts whole, 2010 figures non-negative numbers, urban within population', () => {
    expect(read(GOOD_COUNTY, [CITY_HEADER, '990100,某市,某省,300.5,200,250,150,10,8']).messages).toEqual([
      `${CITY_PATH} row 2: population_2020 "300.5" is not a non-negative integer`,
    ]);
    expect(read(GOOD_COUNTY, [CITY_HEADER, '990100,某市,某省,300,200,-250,150,10,8']).messages).toEqual([
      `${CITY_PATH} row 2: population_2010 "-250" is not a non-negative number`,
    ]);
    expect(read(GOOD_COUNTY, [CITY_HEADER, '990100,某市,某省,300,400,250,150,10,8']).messages).toEqual([
      `${CITY_PATH} row 2: urban_2020 400 is more than population_2020 300`,
    ]);
    // Fields the source left empty are not given, not wrong.
    const { tables } = read(GOOD_COUNTY, [CITY_HEADER, '990100,某市,某省,300,,,,,']);
    expect(tables!.city.get('990100')).toMatchObject({ population_2020: 300, urban_2020: null, population_2010: null });
  });

  it('returns no tables when any row fails', () => {
    expect(read([...GOOD_COUNTY, '990103,某省,某市,丙区,1,2,3,4,5,6,7']).tables).toBeNull();
  });
});

describe('aggregateDifferences', () => {
  it('finds none where each aggregate is the sum of its county-level units and coded zones', () => {
    const { tables } = read(GOOD_COUNTY);
    expect(aggregateDifferences(tables!.county, ['990000', '990100'])).toEqual([]);
  });

  it('reports an aggregate that is not the sum of its rows', () => {
    const { tables } = read([...GOOD_COUNTY.slice(0, 3), '990100,某省,某市,某市,310,210,100,90,20,70,10', ...GOOD_COUNTY.slice(4)]);
    expect(aggregateDifferences(tables!.county, ['990000', '990100'])).toEqual([{ code: '990100', aggregate: 310, sum: 300, parts: 3 }]);
  });
});

/** The census against the repository's own files: the rename table, the gaps, and who gets which figure. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildData, CENSUS_CITY_CSV, CENSUS_COUNTY_CSV, readNationalIds, readRepoFile, readUnitsJson, REPO_ROOT } from '../indicators/files';
import { CENSUS_YEAR, type IndicatorDataset } from '../../../src/model/dataset';
import { readCensusTables, aggregateDifferences } from './read';
import { CENSUS_GAPS, CENSUS_RENAMES, censusGapOf } from './renames';
import { countyValues, populationChange, round2, withCensusRows } from './rows';

const tables = readCensusTables(readRepoFile(CENSUS_COUNTY_CSV), readRepoFile(CENSUS_CITY_CSV)).tables!;
const nationalIds = readNationalIds();
const national = new Set(nationalIds);
const units = readUnitsJson();
const built = buildData();

function rowsOf(dataset: IndicatorDataset, unit: string): Set<string> {
  return new Set(dataset.rows.filter((row) => row.unit === unit && row.year === CENSUS_YEAR && row.indicator.startsWith('census_')).map((row) => row.indicator));
}

describe('the census files in the repository', () => {
  it('read without a problem', () => {
    expect(readCensusTables(readRepoFile(CENSUS_COUNTY_CSV), readRepoFile(CENSUS_CITY_CSV)).messages).toEqual([]);
  });

  it('give each aggregate the atlas uses (Chongqing, Sichuan, its prefectures) as the sum of its rows', () => {
    const aggregates = units.filter((unit) => unit.level === 'province' || unit.level === 'prefecture').map((unit) => unit.id);
    expect(aggregates.length).toBeGreaterThan(0);
    expect(aggregateDifferences(tables.county, aggregates)).toEqual([]);
  });
});

describe('CENSUS_RENAMES', () => {
  it.each(CENSUS_RENAMES)('$name_zh: old code $old in the census, new code $new on the map, and only there', (rename) => {
    expect(tables.county.has(rename.old)).toBe(true);
    expect(national.has(rename.new)).toBe(true);
    // A real code change: the census does not know the new code, the map does not draw the old one.
    expect(tables.county.has(rename.new)).toBe(false);
    expect(national.has(rename.old)).toBe(false);
    expect(censusGapOf(rename.new)).toBeUndefined();
    expect(rename.reason.length).toBeGreaterThan(10);
  });

  it('maps each code once', () => {
    expect(new Set(CENSUS_RENAMES.map((rename) => rename.old)).size).toBe(CENSUS_RENAMES.length);
    expect(new Set(CENSUS_RENAMES.map((rename) => rename.new)).size).toBe(CENSUS_RENAMES.length);
  });
});

describe('CENSUS_GAPS', () => {
  const gapsSection = readFileSync(resolve(REPO_ROOT, 'geo/data/GAPS.md'), 'utf8').split('## 2020 census')[1] ?? '';

  it.each(CENSUS_GAPS)('$name: drawn on the national map, not a Circle unit, and listed in GAPS.md', (gap) => {
    const covered = nationalIds.filter((id) => censusGapOf(id) === gap);
    expect(covered.length).toBeGreaterThan(0);
    if (gap.ids) expect(covered.sort()).toEqual([...gap.ids].sort());
    for (const id of covered) expect(units.some((unit) => unit.id === id)).toBe(false);
    expect(gapsSection).toContain(gap.name);
  });
});

describe('who gets a census figure', () => {
  const { dataset, censusChina } = built.data!;

  it('the build has no problem', () => {
    expect(built.messages).toEqual([]);
  });

  it('every county-level unit of geo/units.json has the count, urbanisation and share aged 65+', () => {
    const counties = units.filter((unit) => unit.level === 'county');
    expect(counties.length).toBeGreaterThan(0);
    for (const county of counties) {
      expect([...rowsOf(dataset, county.id)].filter((id) => id.startsWith('census_')).sort(), county.id).toEqual([
        'census_population',
        'census_share_65',
        'census_urban_share',
      ]);
    }
  });

  it('every prefecture and province has all four, the 2010-2020 change included', () => {
    const parents = units.filter((unit) => unit.level === 'prefecture' || unit.level === 'province');
    expect(parents.length).toBeGreaterThan(0);
    for (const parent of parents) {
      expect([...rowsOf(dataset, parent.id)].filter((id) => id.startsWith('census_')).sort(), parent.id).toEqual([
        'census_pop_change',
        'census_population',
        'census_share_65',
        'census_urban_share',
      ]);
    }
  });

  it('no zone, context province or the Circle gets a census row', () => {
    const others = units.filter((unit) => !['province', 'prefecture', 'county'].includes(unit.level));
    for (const unit of others) expect(rowsOf(dataset, unit.id).size, unit.id).toBe(0);
  });

  it('all China: every unit but the listed gaps has a count, in indicators.json or census-china.json, never both', () => {
    const inDataset = new Set(dataset.rows.filter((row) => row.indicator === 'census_population').map((row) => row.unit));
    const inFile = new Set(Object.keys(censusChina.values.census_population));
    const gaps = nationalIds.filter((id) => censusGapOf(id));
    const withFigure = nationalIds.filter((id) => inDataset.has(id) || inFile.has(id));
    expect(withFigure.length).toBe(nationalIds.length - gaps.length);
    for (const id of inFile) expect(inDataset.has(id), id).toBe(false);
    for (const id of inFile) expect(national.has(id), id).toBe(true);
  });

  it('a renamed unit carries its old code\'s figures and a note naming it', () => {
    for (const rename of CENSUS_RENAMES) {
      const record = tables.county.get(rename.old)!;
      expect(censusChina.values.census_population[rename.new]).toBe(record.population);
      expect(censusChina.unitNotes[rename.new]?.en).toContain(rename.old);
    }
  });

  it('a unit whose area changed under the same code gets no figure', () => {
    for (const gap of CENSUS_GAPS) for (const id of gap.ids ?? []) expect(censusChina.values.census_population[id]).toBeUndefined();
  });
});

describe('figures from a row', () => {
  it('urbanisation is urban over population, to 2 decimals; the count and share aged 65+ as given', () => {
    const record = { ...tables.county.values().next().value!, population: 3, urban: 2, share_65_plus: 12.34 };
    expect(countyValues(record)).toEqual({ census_population: 3, census_urban_share: 66.67, census_share_65: 12.34 });
    expect(countyValues({ ...record, urban: null, share_65_plus: null })).toEqual({ census_population: 3 });
  });

  it('the 2010-2020 change is (2020 / 2010 - 1) x 100, to 2 decimals, and missing without both', () => {
    expect(populationChange(110, 100)).toBe(10);
    expect(populationChange(2, 3)).toBe(-33.33);
    expect(populationChange(110, null)).toBeNull();
    expect(populationChange(null, 100)).toBeNull();
    expect(round2(1.005 * 1000)).toBe(1005);
  });

  it('merging declares the census indicators with their measures and keeps rows sorted by unit and indicator', () => {
    const merged = withCensusRows({ schema: 1, indicators: {}, sources: {}, rows: [{ unit: 'b', indicator: 'gdp', year: 2020, value: 1, source: 's', grade: 'A' }] }, [
      { unit: 'c', indicator: 'census_population', year: 2020, value: 1, source: 's', grade: 'C' },
      { unit: 'a', indicator: 'census_share_65', year: 2020, value: 1, source: 's', grade: 'C' },
    ]);
    expect(merged.rows.map((row) => row.unit)).toEqual(['a', 'b', 'c']);
    expect(merged.indicators).toEqual({
      census_population: { measure: '人' },
      census_urban_share: { measure: '%' },
      census_share_65: { measure: '%' },
      census_pop_change: { measure: '%' },
    });
  });
});

/**
 * Census figures for the atlas: IndicatorRows for the Circle's own units (merged into indicators.json) and the
 * compact values of every other unit of all China (data/census-china.json). Pure.
 */
import {
  CENSUS_INDICATOR_MEASURES,
  CENSUS_YEAR,
  type CensusIndicatorId,
  type FigureNote,
  type Grade,
  type IndicatorDataset,
  type IndicatorRow,
  type SourceRecord,
  type UnitInfo,
} from '../../../src/model/dataset';
import { CENSUS_CHINA_SCHEMA, type CensusChinaFile, type NationalCensusIndicator } from '../../../src/data/census-china';
import type { CensusTables, CityCensusRecord, CountyCensusRecord } from './read';
import { censusCodeOf, censusGapOf, CENSUS_RENAMES } from './renames';

/** The source row of geo/data/sources.csv every census figure cites. */
export const CENSUS_SOURCE_ID = 'census-2020-leiii';
/** A compilation published on GitHub, not the statistics bureau's own page. */
export const CENSUS_GRADE: Grade = 'C';

const CENSUS_DAY_EN = 'Census count on census day, 1 Nov 2020 (seventh national census, as compiled in leiii/census): not a year-end figure.';
const CENSUS_DAY_ZH = '人口普查数，普查标准时点为2020年11月1日（第七次全国人口普查，据leiii/census整理）：不是年末数。';

export const CENSUS_NOTES: Readonly<Record<CensusIndicatorId, FigureNote>> = {
  census_population: {
    en: `${CENSUS_DAY_EN} Residents of development zones the census lists on their own are in their city's figure, not in a county's.`,
    zh: `${CENSUS_DAY_ZH}普查单列的开发区的人口计入所在城市，不计入区县。`,
  },
  census_urban_share: {
    en: `${CENSUS_DAY_EN} Urbanisation = urban residents ÷ all residents, computed by this atlas.`,
    zh: `${CENSUS_DAY_ZH}城镇化率 = 城镇人口 ÷ 常住人口，由本地图计算。`,
  },
  census_share_65: {
    en: `${CENSUS_DAY_EN} Share of residents aged 65 and over, as published.`,
    zh: `${CENSUS_DAY_ZH}65岁及以上人口占比，按公布数。`,
  },
  census_pop_change: {
    en: 'Change between the 2010 and 2020 censuses (census day 1 Nov 2020), with 2010 on 2020 boundaries (as compiled in leiii/census).',
    zh: '2010年与2020年两次人口普查之间的变化（普查标准时点2020年11月1日），2010年数按2020年行政区划调整（据leiii/census）。',
  },
};

/** Sichuan is in no row of the city file: its 2010 figure is the sum of its prefectures'; say so. */
export const PROVINCE_SUM_NOTE: FigureNote = {
  en: 'The province\'s 2010 figure is the sum of its prefectures\' 2010 figures (2020 boundaries); their 2020 figures sum to the province\'s.',
  zh: '全省2010年数为各市（州）2010年数之和（按2020年区划）；各市（州）2020年数之和等于全省数。',
};

/** The city file gives a municipality as one row, coded as its 市辖区 (e.g. 500100): say where the figure comes from. */
export const MUNICIPALITY_ROW_NOTE: FigureNote = {
  en: 'From the city file\'s row for the whole municipality (coded as its urban districts, {code}), whose 2020 figure equals the municipality\'s.',
  zh: '取自城市表中代表全市的一行（代码为其市辖区 {code}），其2020年数与全市数相同。',
};

/** Urbanisation and changes to 2 decimals: the shares the source gives are to 0.01 too. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The census figures of one county-file row: count, urbanisation (where urban is given), share aged 65+. */
export function countyValues(record: CountyCensusRecord): Partial<Record<NationalCensusIndicator, number>> {
  const values: Partial<Record<NationalCensusIndicator, number>> = { census_population: record.population };
  if (record.urban !== null && record.population > 0) values.census_urban_share = round2((record.urban / record.population) * 100);
  if (record.share_65_plus !== null) values.census_share_65 = record.share_65_plus;
  return values;
}

/** (2020 ÷ 2010 − 1) × 100, or null without both figures. */
export function populationChange(population2020: number | null, population2010: number | null): number | null {
  if (population2020 === null || population2010 === null || population2010 === 0) return null;
  return round2((population2020 / population2010 - 1) * 100);
}

function joinNotes(notes: readonly FigureNote[]): FigureNote {
  return { en: notes.map((note) => note.en).join(' '), zh: notes.map((note) => note.zh).join('') };
}

function row(unit: string, indicator: CensusIndicatorId, value: number, notes: readonly FigureNote[]): IndicatorRow {
  const note = joinNotes(notes);
  return { unit, indicator, year: CENSUS_YEAR, value, source: CENSUS_SOURCE_ID, grade: CENSUS_GRADE, note: note.en, note_zh: note.zh };
}

interface PopulationChangeResult {
  value: number | null;
  notes: FigureNote[];
  problem?: string;
}

/**
 * A province's or prefecture's 2010-2020 change from the city file: a prefecture's own row; a municipality's row
 * coded as its urban districts where its 2020 figure is the whole municipality's; else, for a province, its
 * prefectures' rows, only when their 2020 figures sum to the province's.
 */
function unitPopulationChange(unit: UnitInfo, own: CountyCensusRecord, cities: ReadonlyMap<string, CityCensusRecord>): PopulationChangeResult {
  const base = [CENSUS_NOTES.census_pop_change];
  if (unit.level === 'prefecture') {
    const city = cities.get(unit.id);
    if (!city) return { value: null, notes: base, problem: `no row for prefecture ${unit.id} in the city file` };
    return { value: populationChange(city.population_2020, city.population_2010), notes: base };
  }
  const municipality = cities.get(`${unit.id.slice(0, 2)}0100`);
  if (municipality && municipality.population_2020 === own.population) {
    const note = {
      en: MUNICIPALITY_ROW_NOTE.en.replace('{code}', municipality.code),
      zh: MUNICIPALITY_ROW_NOTE.zh.replace('{code}', municipality.code),
    };
    return { value: populationChange(municipality.population_2020, municipality.population_2010), notes: [...base, note] };
  }
  const prefectures = [...cities.values()].filter((city) => city.code.startsWith(unit.id.slice(0, 2)));
  const sum2020 = prefectures.reduce((total, city) => total + (city.population_2020 ?? NaN), 0);
  const sum2010 = prefectures.reduce((total, city) => total + (city.population_2010 ?? NaN), 0);
  if (prefectures.length === 0 || sum2020 !== own.population || Number.isNaN(sum2010)) {
    return {
      value: null,
      notes: base,
      problem: `province ${unit.id}: the city file's ${prefectures.length} rows sum to ${sum2020} in 2020, not the county file's ${own.population}`,
    };
  }
  return { value: populationChange(sum2020, sum2010), notes: [...base, PROVINCE_SUM_NOTE] };
}

/** Levels of geo/units.json that get census rows: provinces, prefectures and counties (not zones, not the Circle). */
const CENSUS_LEVELS: ReadonlySet<UnitInfo['level']> = new Set(['province', 'prefecture', 'county']);

export interface CircleCensusResult {
  rows: IndicatorRow[];
  /** Why a unit lacks a figure it must have; the build fails on any. */
  problems: string[];
}

/**
 * Census rows for the Circle's own units: the county file's row of each (the aggregate row for provinces and
 * prefectures), and the 2010-2020 change for provinces and prefectures.
 */
export function circleCensusRows(tables: CensusTables, units: readonly Pick<UnitInfo, 'id' | 'level'>[]): CircleCensusResult {
  const rows: IndicatorRow[] = [];
  const problems: string[] = [];
  for (const unit of units) {
    if (!CENSUS_LEVELS.has(unit.level)) continue;
    const record = tables.county.get(unit.id);
    if (!record) {
      problems.push(`census: no row for ${unit.level} ${unit.id} in the county file`);
      continue;
    }
    const values = countyValues(record);
    for (const indicator of ['census_population', 'census_urban_share', 'census_share_65'] as const) {
      const value = values[indicator];
      if (value === undefined) problems.push(`census: ${unit.id} has no ${indicator} (row ${record.line} of the county file)`);
      else rows.push(row(unit.id, indicator, value, [CENSUS_NOTES[indicator]]));
    }
    if (unit.level === 'county') continue;
    const change = unitPopulationChange(unit as UnitInfo, record, tables.city);
    if (change.problem) problems.push(`census: ${change.problem}`);
    else if (change.value === null) problems.push(`census: ${unit.id} has no 2010 and 2020 figures in the city file`);
    else rows.push(row(unit.id, 'census_pop_change', change.value, change.notes));
  }
  return { rows, problems };
}

/** The dataset with the census rows merged in, the census indicators declared and rows in the dataset's order. */
export function withCensusRows(dataset: IndicatorDataset, rows: readonly IndicatorRow[]): IndicatorDataset {
  const indicators = { ...dataset.indicators };
  for (const [id, measure] of Object.entries(CENSUS_INDICATOR_MEASURES)) indicators[id] = { measure };
  const merged = [...dataset.rows, ...rows].sort(
    (a, b) => (a.unit !== b.unit ? (a.unit < b.unit ? -1 : 1) : a.indicator !== b.indicator ? (a.indicator < b.indicator ? -1 : 1) : 0),
  );
  return { ...dataset, indicators, rows: merged };
}

export interface NationalCensusResult {
  file: CensusChinaFile;
  /** National units that have neither a census row nor a listed gap; the build fails on any. */
  problems: string[];
}

/**
 * Census values for every unit of the national map that indicators.json does not already give them to: by its
 * own code, or its old one where only the code changed; none for a listed gap.
 */
export function nationalCensusFile(
  tables: CensusTables,
  nationalIds: readonly string[],
  circleIds: ReadonlySet<string>,
  source: SourceRecord,
): NationalCensusResult {
  const values: CensusChinaFile['values'] = { census_population: {}, census_urban_share: {}, census_share_65: {} };
  const unitNotes: CensusChinaFile['unitNotes'] = {};
  const problems: string[] = [];
  for (const id of [...nationalIds].sort()) {
    if (circleIds.has(id) || censusGapOf(id)) continue;
    const code = censusCodeOf(id);
    const record = tables.county.get(code);
    if (!record) {
      problems.push(`census: national unit ${id} has no row in the county file and is not listed in CENSUS_GAPS`);
      continue;
    }
    for (const [indicator, value] of Object.entries(countyValues(record)) as [NationalCensusIndicator, number][]) {
      values[indicator][id] = value;
    }
    const rename = CENSUS_RENAMES.find((entry) => entry.new === id);
    if (rename) {
      unitNotes[id] = {
        en: `Counted in the census as ${record.county} (${code}); the code changed since, the area did not.`,
        zh: `普查时为${record.county}（${code}）；此后代码变更，行政区域未变。`,
      };
    }
  }
  const notes = {
    census_population: CENSUS_NOTES.census_population,
    census_urban_share: CENSUS_NOTES.census_urban_share,
    census_share_65: CENSUS_NOTES.census_share_65,
  };
  return {
    file: { schema: CENSUS_CHINA_SCHEMA, year: CENSUS_YEAR, source: CENSUS_SOURCE_ID, grade: CENSUS_GRADE, sources: { [CENSUS_SOURCE_ID]: source }, notes, unitNotes, values },
    problems,
  };
}

/** Compact JSON (no indentation: the app fetches it, people read the CSVs), keys in build order, trailing newline. */
export function renderCensusChinaJson(file: CensusChinaFile): string {
  return `${JSON.stringify(file)}\n`;
}

/** Where the indicator build reads and writes, relative to the repository root. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IndicatorDataset, UnitInfo } from '../../../src/model/dataset';
import type { CensusChinaFile } from '../../../src/data/census-china';
import { aggregateDifferences, readCensusTables } from '../census/read';
import { CENSUS_SOURCE_ID, circleCensusRows, nationalCensusFile, withCensusRows } from '../census/rows';
import { validateIndicatorData, type CsvFile } from './validate';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The files of figures: GDP and population; vehicles, NEV and auto output value. Read as one table. */
export const INDICATOR_CSVS = ['geo/data/indicators.csv', 'geo/data/vehicles.csv'] as const;
export const SOURCES_CSV = 'geo/data/sources.csv';
export const UNITS_JSON = 'geo/units.json';
export const INDICATORS_JSON = 'public/data/indicators.json';
export const SOURCES_HTML = 'public/sources.html';
/** The 2020 census (leiii/census, copied into the repository: the build never reads outside it). */
export const CENSUS_COUNTY_CSV = 'geo/data/census/census2020-county.csv';
export const CENSUS_CITY_CSV = 'geo/data/census/census-city-2010-2020.csv';
export const CENSUS_CHINA_JSON = 'public/data/census-china.json';
/** All China's county-level units (written by npm run geo): the ids census-china.json covers. */
export const CHINA_TOPO_JSON = 'public/data/china.topo.json';

/** A day as the person running the build sees it, `YYYY-MM-DD` (a Date's own ISO form is UTC, a day off at night in China). */
export function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function readRepoFile(path: string): CsvFile {
  return { path, text: readFileSync(resolve(REPO_ROOT, path), 'utf8') };
}

/** A record of geo/units.json, as far as the indicator build needs it. */
export interface UnitsJsonRecord extends UnitInfo {
  name_zh: string;
  name_en: string;
}

export function readUnitsJson(): UnitsJsonRecord[] {
  return JSON.parse(readRepoFile(UNITS_JSON).text) as UnitsJsonRecord[];
}

/** The ids of all China's county-level units, as data/china.topo.json has them. */
export function readNationalIds(): string[] {
  const topology = JSON.parse(readRepoFile(CHINA_TOPO_JSON).text) as { objects: { counties: { geometries: { properties: { id: string } }[] } } };
  return topology.objects.counties.geometries.map((geometry) => geometry.properties.id);
}

export interface BuiltData {
  units: UnitsJsonRecord[];
  /** indicators.json: the CSVs' rows and the census rows of the Circle's own units. */
  dataset: IndicatorDataset;
  /** census-china.json: the census figures of every other unit of all China. */
  censusChina: CensusChinaFile;
  /** Worth printing, not failing on: census aggregates that differ from the sum of their parts. */
  notices: string[];
}

/** Everything `npm run data` writes, from the repository's files; every problem when any row fails. */
export function buildData(today: string = localIsoDate(new Date())): { messages: string[]; data: BuiltData | null } {
  const units = readUnitsJson();
  const { messages, dataset } = validateIndicatorData({
    indicators: INDICATOR_CSVS.map(readRepoFile),
    sources: readRepoFile(SOURCES_CSV),
    units,
    today,
  });
  const census = readCensusTables(readRepoFile(CENSUS_COUNTY_CSV), readRepoFile(CENSUS_CITY_CSV));
  messages.push(...census.messages);
  if (!dataset || !census.tables) return { messages, data: null };
  const source = dataset.sources[CENSUS_SOURCE_ID];
  if (!source) return { messages: [`${SOURCES_CSV}: no source "${CENSUS_SOURCE_ID}", which every census figure cites`], data: null };
  const circle = circleCensusRows(census.tables, units);
  const merged = withCensusRows(dataset, circle.rows);
  const circleIds = new Set(circle.rows.map((row) => row.unit));
  const national = nationalCensusFile(census.tables, readNationalIds(), circleIds, source);
  const problems = [...circle.problems, ...national.problems];
  if (problems.length > 0) return { messages: problems, data: null };
  const aggregates = units.filter((unit) => unit.level === 'province' || unit.level === 'prefecture').map((unit) => unit.id);
  const notices = aggregateDifferences(census.tables.county, aggregates).map(
    (difference) =>
      `${CENSUS_COUNTY_CSV}: ${difference.code} ${difference.aggregate} differs from the sum of its ${difference.parts} rows (${difference.sum}); the aggregate row is used`,
  );
  return { messages: [], data: { units, dataset: merged, censusChina: national.file, notices } };
}

/**
 * The units and the validated data set from the repository's files, or, when any row fails, every problem
 * printed to stderr and the process ended with status 1: what every script over the data does first.
 */
export function loadValidDataOrExit(): BuiltData {
  const { messages, data } = buildData();
  if (!data) {
    for (const message of messages) console.error(message);
    console.error(`${messages.length} problem(s); nothing written.`);
    process.exit(1);
  }
  return data;
}

/**
 * Reading and validating the 2020 census tables of geo/data/census/ (from leiii/census). Pure: takes the file
 * texts, returns every problem found plus the records when there are none. Messages read
 * `<file> row <line>: <problem>`, the line 1-based as an editor shows it.
 */
import type { CsvRecord } from '../indicators/csv';
import { readCheckedTable, type CsvFile } from '../indicators/validate';

export const COUNTY_COLUMNS = [
  'unit', 'province', 'city', 'county', 'population', 'urban', 'rural', 'households', 'share_0_14', 'share_15_64', 'share_65_plus',
] as const;
export const CITY_COLUMNS = [
  'unit', 'city', 'province', 'population_2020', 'urban_2020', 'population_2010', 'urban_2010', 'share_65_plus_2020', 'share_65_plus_2010',
] as const;

/**
 * The three age shares are each rounded to 0.01 by the source, so their sum may miss 100 by a few hundredths;
 * 0.1 still catches a share typed into the wrong column or a dropped digit.
 */
export const SHARE_SUM_TOLERANCE = 0.1;

/**
 * The code the source gives rows that are no county-level unit of the code tables: the national total and
 * development zones without a code of their own. Read as such and left out, never joined to a map unit.
 */
export const NO_CODE = 'NA';

/** One row of census2020-county.csv: a county-level unit, or an aggregate (province, city, 市辖区, 县). */
export interface CountyCensusRecord {
  code: string;
  line: number;
  province: string;
  city: string;
  county: string;
  population: number;
  urban: number | null;
  rural: number | null;
  households: number | null;
  share_0_14: number | null;
  share_15_64: number | null;
  share_65_plus: number | null;
}

/** One row of census-city-2010-2020.csv: a prefecture-level city or a municipality, 2010 on 2020 boundaries. */
export interface CityCensusRecord {
  code: string;
  line: number;
  city: string;
  province: string;
  population_2020: number | null;
  urban_2020: number | null;
  population_2010: number | null;
  urban_2010: number | null;
  share_65_plus_2020: number | null;
  share_65_plus_2010: number | null;
}

export interface CensusTables {
  /** Rows with a code, by code. */
  county: Map<string, CountyCensusRecord>;
  city: Map<string, CityCensusRecord>;
}

export interface CensusReadResult {
  messages: string[];
  /** Present only when there are no messages. */
  tables: CensusTables | null;
}

const CODE = /^\d{6}$/;
const COUNT = /^\d+$/;
const PERCENT = /^\d+(\.\d+)?$/;

function readTable(file: CsvFile, columns: readonly string[], messages: string[]): CsvRecord[] {
  const records = readCheckedTable(file, columns, messages);
  if (records === null) return [];
  return records.filter((record) => {
    if (record.fields.length === columns.length) return true;
    messages.push(`${file.path} row ${record.line}: expected ${columns.length} fields, found ${record.fields.length}`);
    return false;
  });
}

/** Reads one field as a count (persons, households): a non-negative integer, or null where the source left it empty. */
function count(at: string, column: string, text: string, messages: string[], required = false): number | null {
  if (text === '' && !required) return null;
  if (!COUNT.test(text)) {
    messages.push(`${at} ${column} "${text}" is not a non-negative integer`);
    return null;
  }
  return Number(text);
}

const DECIMAL = /^\d+(\.\d+)?$/;

/**
 * Reads a 2010 figure on 2020 boundaries: the compiler apportioned areas that changed hands, so a few carry a
 * fraction of a person (三门峡 urban 2010 982680.29); non-negative, or null where left empty.
 */
function estimate(at: string, column: string, text: string, messages: string[]): number | null {
  if (text === '') return null;
  if (!DECIMAL.test(text)) {
    messages.push(`${at} ${column} "${text}" is not a non-negative number`);
    return null;
  }
  return Number(text);
}

/** Reads one field as a percentage from 0 to 100, or null where the source left it empty. */
function percent(at: string, column: string, text: string, messages: string[]): number | null {
  if (text === '') return null;
  const value = Number(text);
  if (!PERCENT.test(text) || value > 100) {
    messages.push(`${at} ${column} "${text}" is not a percentage from 0 to 100`);
    return null;
  }
  return value;
}

/** Reports a code that is neither 6 digits nor the source's mark for a row without one; true when it is a code. */
function readCode(at: string, code: string, messages: string[]): boolean {
  if (code === NO_CODE) return false;
  if (CODE.test(code)) return true;
  messages.push(`${at} unit "${code}" is not a 6-digit code (or "${NO_CODE}" for a row without one)`);
  return false;
}

function checkDuplicate(at: string, code: string, firstLine: Map<string, number>, line: number, messages: string[]): boolean {
  const earlier = firstLine.get(code);
  if (earlier !== undefined) {
    messages.push(`${at} duplicate unit "${code}" (first on row ${earlier})`);
    return false;
  }
  firstLine.set(code, line);
  return true;
}

function readCountyFile(file: CsvFile, messages: string[]): Map<string, CountyCensusRecord> {
  const records = new Map<string, CountyCensusRecord>();
  const firstLine = new Map<string, number>();
  for (const { line, fields } of readTable(file, COUNTY_COLUMNS, messages)) {
    const [code, province, city, county, ...numbers] = fields.map((field) => field.trim()) as [string, string, string, string, ...string[]];
    const at = `${file.path} row ${line}:`;
    const before = messages.length;
    const isUnit = readCode(at, code, messages);
    const population = count(at, 'population', numbers[0]!, messages, true);
    const urban = count(at, 'urban', numbers[1]!, messages);
    const rural = count(at, 'rural', numbers[2]!, messages);
    const households = count(at, 'households', numbers[3]!, messages);
    const shares = [
      percent(at, 'share_0_14', numbers[4]!, messages),
      percent(at, 'share_15_64', numbers[5]!, messages),
      percent(at, 'share_65_plus', numbers[6]!, messages),
    ] as const;
    if (population !== null && urban !== null && rural !== null && urban + rural !== population) {
      messages.push(`${at} urban ${urban} + rural ${rural} = ${urban + rural}, not the population ${population}`);
    }
    if (shares.every((share) => share !== null)) {
      const sum = shares.reduce((a, b) => a! + b!, 0)!;
      if (Math.abs(sum - 100) > SHARE_SUM_TOLERANCE) {
        messages.push(`${at} age shares sum to ${Math.round(sum * 100) / 100}, not 100 (within ${SHARE_SUM_TOLERANCE})`);
      }
    }
    if (!isUnit || messages.length > before || !checkDuplicate(at, code, firstLine, line, messages)) continue;
    records.set(code, {
      code,
      line,
      province,
      city,
      county,
      population: population!,
      urban,
      rural,
      households,
      share_0_14: shares[0],
      share_15_64: shares[1],
      share_65_plus: shares[2],
    });
  }
  return records;
}

function readCityFile(file: CsvFile, messages: string[]): Map<string, CityCensusRecord> {
  const records = new Map<string, CityCensusRecord>();
  const firstLine = new Map<string, number>();
  for (const { line, fields } of readTable(file, CITY_COLUMNS, messages)) {
    const [code, city, province, ...numbers] = fields.map((field) => field.trim()) as [string, string, string, ...string[]];
    const at = `${file.path} row ${line}:`;
    const before = messages.length;
    const isUnit = readCode(at, code, messages);
    const record: CityCensusRecord = {
      code,
      line,
      city,
      province,
      population_2020: count(at, 'population_2020', numbers[0]!, messages),
      urban_2020: count(at, 'urban_2020', numbers[1]!, messages),
      population_2010: estimate(at, 'population_2010', numbers[2]!, messages),
      urban_2010: estimate(at, 'urban_2010', numbers[3]!, messages),
      share_65_plus_2020: percent(at, 'share_65_plus_2020', numbers[4]!, messages),
      share_65_plus_2010: percent(at, 'share_65_plus_2010', numbers[5]!, messages),
    };
    for (const year of [2020, 2010] as const) {
      const population = record[`population_${year}`];
      const urban = record[`urban_${year}`];
      if (population !== null && urban !== null && urban > population) {
        messages.push(`${at} urban_${year} ${urban} is more than population_${year} ${population}`);
      }
    }
    if (!isUnit || messages.length > before || !checkDuplicate(at, code, firstLine, line, messages)) continue;
    records.set(code, record);
  }
  return records;
}

/** Reads and checks both census tables; returns them only when neither has a problem. */
export function readCensusTables(countyFile: CsvFile, cityFile: CsvFile): CensusReadResult {
  const messages: string[] = [];
  const county = readCountyFile(countyFile, messages);
  const city = readCityFile(cityFile, messages);
  return { messages, tables: messages.length > 0 ? null : { county, city } };
}

/** An aggregate row whose population is not the sum of the rows under it. */
export interface AggregateDifference {
  code: string;
  aggregate: number;
  sum: number;
  parts: number;
}

/**
 * The rows an aggregate (province `xx0000` or city `xxxx00`) stands for: every row with a code under it that is
 * not itself an aggregate (county-level units and development zones with a code of their own).
 */
export function partsOf(county: ReadonlyMap<string, CountyCensusRecord>, code: string): CountyCensusRecord[] {
  const prefix = code.endsWith('0000') ? code.slice(0, 2) : code.slice(0, 4);
  return [...county.values()].filter((record) => record.code !== code && record.code.startsWith(prefix) && !record.code.endsWith('00'));
}

/** Each of `codes` whose population differs from the sum of its parts, with both figures. */
export function aggregateDifferences(county: ReadonlyMap<string, CountyCensusRecord>, codes: readonly string[]): AggregateDifference[] {
  const differences: AggregateDifference[] = [];
  for (const code of codes) {
    const record = county.get(code);
    if (!record) continue;
    const parts = partsOf(county, code);
    const sum = parts.reduce((total, part) => total + part.population, 0);
    if (sum !== record.population) differences.push({ code, aggregate: record.population, sum, parts: parts.length });
  }
  return differences;
}

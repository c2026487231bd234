/** Where the indicator build reads and writes, relative to the repository root. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IndicatorDataset, UnitInfo } from '../../../src/model/dataset';
import { validateIndicatorData, type CsvFile } from './validate';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The files of figures: GDP and population; vehicles, NEV and auto output value. Read as one table. */
export const INDICATOR_CSVS = ['geo/data/indicators.csv', 'geo/data/vehicles.csv'] as const;
export const SOURCES_CSV = 'geo/data/sources.csv';
export const UNITS_JSON = 'geo/units.json';
export const INDICATORS_JSON = 'public/data/indicators.json';
export const SOURCES_HTML = 'public/sources.html';

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

/**
 * The units and the validated data set from the repository's files, or, when any row fails, every problem
 * printed to stderr and the process ended with status 1: what every script over the data does first.
 */
export function loadValidDataOrExit(today: string = localIsoDate(new Date())): { units: UnitsJsonRecord[]; dataset: IndicatorDataset } {
  const units = readUnitsJson();
  const { messages, dataset } = validateIndicatorData({
    indicators: INDICATOR_CSVS.map(readRepoFile),
    sources: readRepoFile(SOURCES_CSV),
    units,
    today,
  });
  if (!dataset) {
    for (const message of messages) console.error(message);
    console.error(`${messages.length} problem(s); nothing written.`);
    process.exit(1);
  }
  return { units, dataset };
}

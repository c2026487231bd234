/** Where the indicator build reads and writes, relative to the repository root. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UnitInfo } from '../../../src/model/dataset';
import type { CsvFile } from './validate';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export const INDICATORS_CSV = 'geo/data/indicators.csv';
export const SOURCES_CSV = 'geo/data/sources.csv';
export const UNITS_JSON = 'geo/units.json';
export const INDICATORS_JSON = 'public/data/indicators.json';
export const SOURCES_HTML = 'public/sources.html';

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

/**
 * The data files the app fetches (src/main.tsx's first step), checked as they arrive: the Circle's boundaries and
 * figures, and all China's counties with their census, which are optional.
 */
import type { GeometryCollection, Topology } from 'topojson-specification';
import { NATIONAL_OBJECT, nationalUnits } from '../data/boundaries';
import { checkCensusChina, checkIndicators, checkLines, checkPlants, checkTopology, DataFormatError, dataFormatMessage } from '../data/check-format';
import type { PlantsFile } from '../model/plants';
import type { CensusChinaFile } from '../data/census-china';
import type { IndicatorDataset } from '../model/dataset';
import type { BoundaryLines, UnitProps } from '../model/units';
import type { Lang } from '../model/vocabulary';
import type { MapMessage } from '../ui/App';

export const NATIONAL_FILE = 'data/china.topo.json';
const CENSUS_CHINA_FILE = 'data/census-china.json';
export const LINES_FILE = 'data/china-lines.json';
const BOUNDARIES_FILE = 'data/boundaries.topo.json';
const INDICATORS_FILE = 'data/indicators.json';
export const PLANTS_FILE = 'data/plants.json';

async function fetchJson(path: string): Promise<unknown> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // The browser's own words ("Unexpected token < in JSON") name neither the file nor the problem.
    throw new DataFormatError(path, { kind: 'not-json' });
  }
}

export interface NationalData {
  topology: Topology;
  units: GeometryCollection<UnitProps>;
  /** The boundary lines drawn over the units (South China Sea dashes among them): without them no map of all China. */
  lines: BoundaryLines;
  /** The 2020 census of the units indicators.json lacks, or why it could not be read: the map shows without it. */
  census: CensusChinaFile | Error;
}

/** What a promise gives, or the error it failed with: for optional files, whose failure must not stop the start. */
function settled<T>(promise: Promise<T>): Promise<T | Error> {
  return promise.catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
}

/**
 * All China's county-level units, its boundary lines and its census figures: fetched together, only for the `china`
 * level (about 7x the Circle's data). The census is optional: its failure leaves the boundaries (and their area) on the map.
 */
export async function fetchNational(): Promise<NationalData> {
  const census = settled(fetchJson(CENSUS_CHINA_FILE).then((json) => checkCensusChina(CENSUS_CHINA_FILE, json)));
  const [topology, lines] = await Promise.all([
    fetchJson(NATIONAL_FILE).then((json) => checkTopology(NATIONAL_FILE, json, [NATIONAL_OBJECT])),
    fetchJson(LINES_FILE).then((json) => checkLines(LINES_FILE, json)),
  ]);
  return { topology, units: nationalUnits(topology), lines, census: await census };
}

/** Why a file could not be used, in the reader's language where the app words it (a format problem). */
export function failureText(error: Error, lang: Lang): string {
  return error instanceof DataFormatError ? dataFormatMessage(error.file, error.problem, lang) : error.message;
}

/** The map's line for a census file that failed, or null when it loaded. */
export function censusFailure(national: NationalData, lang: Lang): MapMessage | null {
  return national.census instanceof Error ? { key: 'census_load_failed', vars: { message: failureText(national.census, lang) } } : null;
}

/** The level a link opens, read before the store exists: that level's data must be fetched with the rest. */
function linkedLevel(): string | null {
  return new URLSearchParams(location.search).get('level');
}

export interface StartData {
  topology: Topology;
  dataset: IndicatorDataset;
  /** All China's data where the link opens that level (or why it failed); null for any other link. */
  national: NationalData | Error | null;
  /** The vehicle assembly plants, or why they could not be read: the map starts without them. */
  plants: PlantsFile | Error;
}

/** The map's line for a plants file that failed, or null when it loaded. */
export function plantsFailure(plants: PlantsFile | Error, lang: Lang): MapMessage | null {
  return plants instanceof Error ? { key: 'plants_load_failed', vars: { file: PLANTS_FILE, message: failureText(plants, lang) } } : null;
}

/** The files the first view needs (preloaded by index.html), all China's too for a link to that level. */
export async function fetchStartData(): Promise<StartData> {
  // All China's data is optional: fetched alongside for a link to that level, but its failure leaves the Circle.
  const nationalAtStart = linkedLevel() === 'china' ? settled(fetchNational()) : null;
  // Optional too: fetched alongside, a failure leaves the map without plants and a line saying so.
  const plants = settled(fetchJson(PLANTS_FILE).then((json) => checkPlants(PLANTS_FILE, json)));
  const [topology, dataset] = await Promise.all([
    fetchJson(BOUNDARIES_FILE).then((json) => checkTopology(BOUNDARIES_FILE, json)),
    fetchJson(INDICATORS_FILE).then((json) => checkIndicators(INDICATORS_FILE, json)),
  ]);
  return { topology, dataset, national: await nationalAtStart, plants: await plants };
}

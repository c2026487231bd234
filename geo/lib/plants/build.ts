/**
 * geo/data/plants.csv → public/data/plants.json. The plants, each with its resolved position, the pages it cites
 * (from geo/data/sources.csv, which the indicator build validates) and toneless pinyin of its Chinese names for
 * search. Called by `npm run data` (geo/scripts/build-indicators.ts) and `npm run data:plants`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pinyinOf } from '../boundaries/names';
import { REPO_ROOT, SOURCES_CSV, UNITS_JSON, localIsoDate } from '../indicators/files';
import { SOURCE_COLUMNS, readCheckedTable, type CsvFile } from '../indicators/validate';
import { validatePlants, type PlantUnit } from './validate';
import type { PlantRecord as Plant, PlantSource, PlantsFile } from '../../../src/model/plants';

export const PLANTS_CSV = 'geo/data/plants.csv';
export const PLANTS_JSON = 'public/data/plants.json';

/** Toneless pinyin of the Han characters of a name ("一汽-大众" → "yi qi da zhong"); Latin letters and marks dropped. */
export function hanPinyin(text: string): string {
  return text
    .split(/[^\p{Script=Han}]+/u)
    .filter((part) => part !== '')
    .map(pinyinOf)
    .join(' ');
}

/** The rows of sources.csv by id, read as far as plants need them (the indicator build reports their problems). */
export function readSourceTable(file: CsvFile): Map<string, PlantSource> {
  const messages: string[] = [];
  const records = readCheckedTable(file, SOURCE_COLUMNS, messages) ?? [];
  const sources = new Map<string, PlantSource>();
  for (const { fields } of records) {
    const [id, title, publisher, date, url, language] = fields.map((field) => field.trim());
    if (id) sources.set(id, { title: title ?? '', publisher: publisher ?? '', date: date ?? '', url: url ?? '', language: language ?? '' });
  }
  return sources;
}

export function renderPlantsJson(plants: readonly Plant[], sources: ReadonlyMap<string, PlantSource>): string {
  const cited = new Set(
    plants.flatMap((plant) => [
      ...plant.sources.map((source) => source.id),
      ...(plant.capacity ? [plant.capacity.source] : []),
      ...(plant.output ? [plant.output.source] : []),
    ]),
  );
  const file: PlantsFile = {
    schema: 1,
    plants: [...plants]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((plant) => ({
        ...plant,
        pinyin: { company: hanPinyin(plant.company.zh), brands: plant.brands.zh.map(hanPinyin) },
      })),
    sources: Object.fromEntries([...cited].sort().map((id) => [id, sources.get(id)!])),
  };
  return `${JSON.stringify(file, null, 1)}\n`;
}

function readRepo(path: string): CsvFile {
  return { path, text: readFileSync(resolve(REPO_ROOT, path), 'utf8') };
}

/** plants.json's text from the repository's files, or every problem. */
export function buildPlants(today: string = localIsoDate(new Date())): { messages: string[]; json: string | null; count: number } {
  const units = JSON.parse(readRepo(UNITS_JSON).text) as PlantUnit[];
  const sources = readSourceTable(readRepo(SOURCES_CSV));
  const { messages, plants } = validatePlants({
    plants: readRepo(PLANTS_CSV),
    units,
    sourceIds: new Set(sources.keys()),
    thisYear: Number(today.slice(0, 4)),
  });
  if (!plants) return { messages, json: null, count: 0 };
  return { messages: [], json: renderPlantsJson(plants, sources), count: plants.length };
}

/**
 * Checks that a fetched data file is in a format this build can read, before anything draws it: a file from a
 * newer (or broken) build must say so, not leave a blank map or fail somewhere deep in the model. Pure.
 */
import type { Topology } from 'topojson-specification';
import {
  BASES,
  BOUNDS,
  CENSUS_INDICATOR_MEASURES,
  GRADES,
  RAW_INDICATOR_MEASURES,
  type IndicatorDataset,
} from '../model/dataset';
import { CENSUS_CHINA_SCHEMA, NATIONAL_CENSUS_INDICATORS, type CensusChinaFile } from './census-china';
import { BOUNDARY_OBJECTS, type BoundaryLines } from '../model/units';
import { PLACEMENTS, PRODUCTS, type PlantsFile } from '../model/plants';
import { t, type Lang } from '../i18n/strings';

/** The one `schema` version of indicators.json this build reads. */
const INDICATORS_SCHEMA = 1;

export type FormatProblem =
  | { kind: 'not-json' }
  | { kind: 'not-object' }
  | { kind: 'missing'; field: string }
  | { kind: 'schema'; found: string; expected?: number }
  | { kind: 'not-topology'; found: string };

export class DataFormatError extends Error {
  constructor(
    readonly file: string,
    readonly problem: FormatProblem,
  ) {
    super(dataFormatMessage(file, problem, 'en'));
    this.name = 'DataFormatError';
  }
}

export function dataFormatMessage(file: string, problem: FormatProblem, lang: Lang): string {
  switch (problem.kind) {
    case 'not-json':
      return t(lang, 'data_not_json', { file });
    case 'not-object':
      return t(lang, 'data_not_object', { file });
    case 'missing':
      return t(lang, 'data_missing', { file, field: problem.field });
    case 'schema':
      return t(lang, 'data_schema', { file, found: problem.found, expected: problem.expected ?? INDICATORS_SCHEMA });
    case 'not-topology':
      return t(lang, 'data_not_topology', { file, found: problem.found });
  }
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value from the file as the message shows it: JSON, cut short (the file may hold anything). */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function requireObject(file: string, json: unknown): Json {
  if (!isObject(json)) throw new DataFormatError(file, { kind: 'not-object' });
  return json;
}

/** `data/indicators.json`: the schema version this build knows, and the parts every version 1 file has. */
export function checkIndicators(file: string, json: unknown): IndicatorDataset {
  const data = requireObject(file, json);
  if (!Object.hasOwn(data, 'schema')) throw new DataFormatError(file, { kind: 'missing', field: 'schema' });
  if (data.schema !== INDICATORS_SCHEMA) throw new DataFormatError(file, { kind: 'schema', found: shown(data.schema) });
  for (const field of ['indicators', 'sources'] as const) {
    if (!isObject(data[field])) throw new DataFormatError(file, { kind: 'missing', field });
  }
  if (!Array.isArray(data.rows)) throw new DataFormatError(file, { kind: 'missing', field: 'rows' });
  const sources = data.sources as Json;
  for (const [id, source] of Object.entries(sources)) {
    if (!isObject(source) || SOURCE_FIELDS.some((field) => typeof source[field] !== 'string')) {
      throw new DataFormatError(file, { kind: 'missing', field: `sources.${id}` });
    }
  }
  data.rows.forEach((row: unknown, index) => {
    const bad = badRowField(row, sources);
    if (bad !== null) throw new DataFormatError(file, { kind: 'missing', field: `rows[${index}]${bad ? `.${bad}` : ''}` });
  });
  return data as unknown as IndicatorDataset;
}

const SOURCE_FIELDS = ['title', 'publisher', 'date', 'url', 'language'] as const;
const ROW_INDICATORS: readonly string[] = [...Object.keys(RAW_INDICATOR_MEASURES), ...Object.keys(CENSUS_INDICATOR_MEASURES)];
/** Years a figure of this atlas can have: a year far outside would stretch every time axis to nonsense. */
const YEAR_RANGE = [1949, 2100] as const;
const PERIOD = /^M1-M([1-9]|1[01])$/;
/** Indicators that are changes, not amounts: the only ones that may be negative. */
const SIGNED: readonly string[] = ['census_pop_change'];

/**
 * The first field of a row that the build would not have written ('' for a row that is no object), or null: the
 * model and the panels then never meet a figure that is not a number, a year of 1000000000 or an unknown indicator.
 */
function badRowField(row: unknown, sources: Json): string | null {
  if (!isObject(row)) return '';
  if (typeof row.unit !== 'string' || row.unit === '') return 'unit';
  if (typeof row.indicator !== 'string' || !ROW_INDICATORS.includes(row.indicator)) return 'indicator';
  if (!Number.isInteger(row.year) || (row.year as number) < YEAR_RANGE[0] || (row.year as number) > YEAR_RANGE[1]) return 'year';
  if (typeof row.value !== 'number' || !Number.isFinite(row.value) || (row.value < 0 && !SIGNED.includes(row.indicator))) return 'value';
  if (typeof row.source !== 'string' || !Object.hasOwn(sources, row.source)) return 'source';
  if (!(GRADES as readonly unknown[]).includes(row.grade)) return 'grade';
  for (const field of ['note', 'note_zh'] as const) if (row[field] !== undefined && typeof row[field] !== 'string') return field;
  if (row.period !== undefined && (typeof row.period !== 'string' || !PERIOD.test(row.period))) return 'period';
  if (row.bound !== undefined && !(BOUNDS as readonly unknown[]).includes(row.bound)) return 'bound';
  if (row.basis !== undefined && !(BASES as readonly unknown[]).includes(row.basis)) return 'basis';
  return null;
}

function isPair(value: unknown, nonZero: boolean): boolean {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    value.every((n) => typeof n === 'number' && Number.isFinite(n) && (!nonZero || n !== 0))
  );
}

/**
 * A TopoJSON Topology with arcs and each of `objects` as a collection: every object the map draws from
 * `data/boundaries.topo.json` (the default), or the national `counties` of `data/china.topo.json`.
 */
export function checkTopology(file: string, json: unknown, objectNames: readonly string[] = BOUNDARY_OBJECTS): Topology {
  const data = requireObject(file, json);
  if (!Object.hasOwn(data, 'type')) throw new DataFormatError(file, { kind: 'missing', field: 'type' });
  if (data.type !== 'Topology') throw new DataFormatError(file, { kind: 'not-topology', found: shown(data.type) });
  if (!Array.isArray(data.arcs) || data.arcs.length === 0) throw new DataFormatError(file, { kind: 'missing', field: 'arcs' });
  // A quantised topology with a zero or missing scale decodes every point to one spot: an empty map without a word.
  if (data.transform !== undefined) {
    const transform = data.transform;
    if (!isObject(transform) || !isPair(transform.scale, true)) throw new DataFormatError(file, { kind: 'missing', field: 'transform.scale' });
    if (!isPair(transform.translate, false)) throw new DataFormatError(file, { kind: 'missing', field: 'transform.translate' });
  }
  const objects = data.objects;
  if (!isObject(objects)) throw new DataFormatError(file, { kind: 'missing', field: 'objects' });
  for (const name of objectNames) {
    const object = objects[name];
    if (!isObject(object) || object.type !== 'GeometryCollection' || !Array.isArray(object.geometries))
      throw new DataFormatError(file, { kind: 'missing', field: `objects.${name}` });
    object.geometries.forEach((geometry: unknown, index) => {
      const properties = isObject(geometry) ? geometry.properties : undefined;
      if (!isObject(properties) || typeof properties.id !== 'string' || properties.id === '') {
        throw new DataFormatError(file, { kind: 'missing', field: `objects.${name}.geometries[${index}].properties.id` });
      }
    });
  }
  return data as unknown as Topology;
}

const isPosition = (p: unknown) => Array.isArray(p) && p.length === 2 && p.every((n) => typeof n === 'number' && Number.isFinite(n));

/** `data/china-lines.json`: a FeatureCollection of MultiLineStrings, each with an id, its `sea` flag and lines of positions. */
export function checkLines(file: string, json: unknown): BoundaryLines {
  const data = requireObject(file, json);
  if (data.type !== 'FeatureCollection' || !Array.isArray(data.features)) throw new DataFormatError(file, { kind: 'missing', field: 'features' });
  data.features.forEach((feature: unknown, index) => {
    const field = (name: string) => new DataFormatError(file, { kind: 'missing', field: `features[${index}]${name}` });
    if (!isObject(feature) || !isObject(feature.properties)) throw field('.properties');
    if (typeof feature.properties.id !== 'string' || typeof feature.properties.sea !== 'boolean') throw field('.properties.id');
    const geometry = feature.geometry;
    if (!isObject(geometry) || geometry.type !== 'MultiLineString' || !Array.isArray(geometry.coordinates)) throw field('.geometry');
    if (!geometry.coordinates.every((line) => Array.isArray(line) && line.length >= 2 && line.every(isPosition))) throw field('.geometry.coordinates');
  });
  return data as unknown as BoundaryLines;
}

function isNote(value: unknown): boolean {
  return isObject(value) && typeof value.en === 'string' && typeof value.zh === 'string';
}

/**
 * `data/census-china.json`: the schema this build knows, the source and grade every figure cites, a note in both
 * languages per indicator, and every value a number (the file is expanded into the model's rows as it is).
 */
export function checkCensusChina(file: string, json: unknown): CensusChinaFile {
  const data = requireObject(file, json);
  if (!Object.hasOwn(data, 'schema')) throw new DataFormatError(file, { kind: 'missing', field: 'schema' });
  if (data.schema !== CENSUS_CHINA_SCHEMA) {
    throw new DataFormatError(file, { kind: 'schema', found: shown(data.schema), expected: CENSUS_CHINA_SCHEMA });
  }
  if (typeof data.year !== 'number') throw new DataFormatError(file, { kind: 'missing', field: 'year' });
  if (typeof data.source !== 'string') throw new DataFormatError(file, { kind: 'missing', field: 'source' });
  if (!(GRADES as readonly unknown[]).includes(data.grade)) throw new DataFormatError(file, { kind: 'missing', field: 'grade' });
  for (const field of ['sources', 'notes', 'unitNotes', 'values'] as const) {
    if (!isObject(data[field])) throw new DataFormatError(file, { kind: 'missing', field });
  }
  const notes = data.notes as Json;
  const values = data.values as Json;
  for (const indicator of NATIONAL_CENSUS_INDICATORS) {
    if (!isNote(notes[indicator])) throw new DataFormatError(file, { kind: 'missing', field: `notes.${indicator}` });
    const byUnit = values[indicator];
    if (!isObject(byUnit)) throw new DataFormatError(file, { kind: 'missing', field: `values.${indicator}` });
    for (const [unit, value] of Object.entries(byUnit)) {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new DataFormatError(file, { kind: 'missing', field: `values.${indicator}.${unit}` });
      }
    }
  }
  for (const [unit, note] of Object.entries(data.unitNotes as Json)) {
    if (!isNote(note)) throw new DataFormatError(file, { kind: 'missing', field: `unitNotes.${unit}` });
  }
  return data as unknown as CensusChinaFile;
}

const isText = (value: unknown): value is string => typeof value === 'string';
const isBilingual = (value: unknown): boolean => isObject(value) && isText(value.zh) && isText(value.en);
const isGrade = (value: unknown): boolean => (GRADES as readonly unknown[]).includes(value);

/** The first field of a plant that the build would not have written ('' for a plant that is no object), or null. */
function badPlantField(plant: unknown, sources: Json): string | null {
  if (!isObject(plant)) return '';
  const cites = (id: unknown) => isText(id) && Object.hasOwn(sources, id);
  if (!isText(plant.id) || plant.id === '') return 'id';
  if (!isBilingual(plant.company)) return 'company';
  const brands = plant.brands;
  if (!isObject(brands) || !Array.isArray(brands.zh) || !Array.isArray(brands.en) || ![...brands.zh, ...brands.en].every(isText)) return 'brands';
  if (!isText(plant.unit)) return 'unit';
  if (plant.park !== null && !isBilingual(plant.park)) return 'park';
  if (!isPair(plant.position, false)) return 'position';
  if (!(PLACEMENTS as readonly unknown[]).includes(plant.placed)) return 'placed';
  if (!Array.isArray(plant.products) || plant.products.length === 0 || !plant.products.every((p) => (PRODUCTS as readonly unknown[]).includes(p))) return 'products';
  if (plant.opened !== null && !Number.isInteger(plant.opened)) return 'opened';
  for (const field of ['capacity', 'output'] as const) {
    const figure = plant[field];
    if (figure === null) continue;
    if (!isObject(figure) || typeof figure.value !== 'number' || !(figure.value > 0) || !Number.isInteger(figure.year) || !cites(figure.source) || !isGrade(figure.grade)) return field;
    if (field === 'capacity' && figure.kind !== 'design' && figure.kind !== 'planned') return field;
  }
  if (!Array.isArray(plant.sources) || !plant.sources.every((s) => isObject(s) && cites(s.id) && isGrade(s.grade))) return 'sources';
  if (plant.note !== null && !isBilingual(plant.note)) return 'note';
  const pinyin = plant.pinyin;
  if (!isObject(pinyin) || !isText(pinyin.company) || !Array.isArray(pinyin.brands) || !pinyin.brands.every(isText)) return 'pinyin';
  return null;
}

/** `data/plants.json`: schema 1, every plant as the build writes it, every source it cites present. */
export function checkPlants(file: string, json: unknown): PlantsFile {
  const data = requireObject(file, json);
  if (!Object.hasOwn(data, 'schema')) throw new DataFormatError(file, { kind: 'missing', field: 'schema' });
  if (data.schema !== 1) throw new DataFormatError(file, { kind: 'schema', found: shown(data.schema), expected: 1 });
  if (!isObject(data.sources)) throw new DataFormatError(file, { kind: 'missing', field: 'sources' });
  for (const [id, source] of Object.entries(data.sources)) {
    if (!isObject(source) || !isText(source.title) || !isText(source.url) || !isText(source.publisher) || !isText(source.date)) {
      throw new DataFormatError(file, { kind: 'missing', field: `sources.${id}` });
    }
  }
  if (!Array.isArray(data.plants)) throw new DataFormatError(file, { kind: 'missing', field: 'plants' });
  data.plants.forEach((plant: unknown, index) => {
    const bad = badPlantField(plant, data.sources as Json);
    if (bad !== null) throw new DataFormatError(file, { kind: 'missing', field: `plants[${index}]${bad ? `.${bad}` : ''}` });
  });
  return data as unknown as PlantsFile;
}

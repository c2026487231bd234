/**
 * Validation of geo/data/plants.csv, the vehicle assembly plants of the Circle. Pure: takes the file text, the
 * known units and the sources of geo/data/sources.csv, returns every problem found plus the plants when there are
 * none. Messages read `<file> row <line>: <problem>`, as for the indicator files.
 */
import { GRADES, type Grade } from '../../../src/model/dataset';
import {
  CAPACITY_KINDS,
  PLACEMENTS,
  PRODUCTS,
  type CapacityKind,
  type Placement,
  type PlantRecord as Plant,
  type Product,
} from '../../../src/model/plants';
import { readCheckedTable, type CsvFile } from '../indicators/validate';

export const PLANT_COLUMNS = [
  'id', 'company_zh', 'company_en', 'brands_zh', 'brands_en', 'unit', 'park_zh', 'park_en', 'lng', 'lat', 'placed',
  'products', 'opened', 'capacity', 'capacity_year', 'capacity_kind', 'capacity_source', 'capacity_grade',
  'output', 'output_year', 'output_source', 'output_grade', 'source', 'grade', 'note', 'note_zh',
] as const;

/** Oldest year a plant of the Circle can have opened or a figure can be for; the newest is the year of the build. */
export const MIN_PLANT_YEAR = 1950;

/**
 * A generous box around Sichuan and Chongqing (lng 97.3-110.2, lat 26.0-34.3, rounded outwards): a point outside it
 * is a typo (swapped or mistyped coordinates). Whether it lies in its own unit is not checked.
 */
export const PLANT_BOX = { west: 97, east: 111, south: 26, north: 34.5 } as const;

export interface PlantUnit {
  id: string;
  level: string;
  circle: string;
  label?: [number, number] | undefined;
}

export interface PlantValidationInput {
  plants: CsvFile;
  units: readonly PlantUnit[];
  /** The source ids of geo/data/sources.csv. */
  sourceIds: ReadonlySet<string>;
  /** The year of the build: no plant opens and no figure is for a later year. */
  thisYear: number;
}

export interface PlantValidationResult {
  messages: string[];
  plants: Plant[] | null;
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const INTEGER = /^[1-9]\d*$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** The placement a unit of this level takes when the plant has no coordinates of its own. */
const PLACEMENT_OF_LEVEL: Readonly<Record<string, Placement>> = { county: 'district', zone: 'zone', prefecture: 'city' };

function list(field: string): string[] {
  return field === '' ? [] : field.split(';').map((item) => item.trim());
}

export function validatePlants(input: PlantValidationInput): PlantValidationResult {
  const { plants: file, units, sourceIds, thisYear } = input;
  const messages: string[] = [];
  const records = readCheckedTable(file, PLANT_COLUMNS, messages);
  if (records === null) return { messages, plants: null };
  if (records.length === 0) messages.push(`${file.path} row 2: no plants after the header`);
  const unitById = new Map(units.map((unit) => [unit.id, unit]));
  const firstLine = new Map<string, number>();
  const plants: Plant[] = [];

  for (const { line, fields } of records) {
    const at = `${file.path} row ${line}:`;
    if (fields.length !== PLANT_COLUMNS.length) {
      messages.push(`${at} expected ${PLANT_COLUMNS.length} fields, found ${fields.length}`);
      continue;
    }
    if (fields.some((field) => /[\r\n]/.test(field))) {
      messages.push(`${at} a quoted field runs over lines (is a closing quote missing?); no field of this file spans lines`);
      continue;
    }
    const row = Object.fromEntries(PLANT_COLUMNS.map((column, i) => [column, fields[i]!.trim()])) as Record<
      (typeof PLANT_COLUMNS)[number],
      string
    >;
    const before = messages.length;
    const problem = (text: string) => messages.push(`${at} ${text}`);

    if (!SLUG.test(row.id)) problem(`plant id "${row.id}" must be lower-case letters and digits joined by hyphens`);
    else if (firstLine.has(row.id)) problem(`duplicate plant id "${row.id}" (first on row ${firstLine.get(row.id)})`);
    else firstLine.set(row.id, line);
    if (row.company_zh === '') problem('company_zh is empty');
    if (row.company_en === '') problem('company_en is empty');

    const brandsZh = list(row.brands_zh);
    const brandsEn = list(row.brands_en);
    if (brandsZh.length === 0 || brandsEn.length === 0) problem('brands_zh and brands_en must both name at least one brand');
    else if (brandsZh.length !== brandsEn.length) {
      problem(`brands_zh names ${brandsZh.length} brand(s) and brands_en ${brandsEn.length}; give each brand in both`);
    }
    if ([...brandsZh, ...brandsEn].some((brand) => brand === '')) problem('an empty brand between ";"');

    const unit = unitById.get(row.unit);
    if (!unit) problem(`unknown unit "${row.unit}" (not an id of geo/units.json)`);
    else if (unit.circle === 'none') problem(`unit "${row.unit}" is outside the Circle`);
    else if (!(unit.level in PLACEMENT_OF_LEVEL)) {
      problem(`unit "${row.unit}" is a ${unit.level}; a plant sits in a county-level unit, a zone or a prefecture`);
    }

    if ((row.park_zh === '') !== (row.park_en === '')) problem('park_zh and park_en must both be filled or both empty');

    const placed = row.placed as Placement;
    let own: [number, number] | null = null;
    if (!(PLACEMENTS as readonly string[]).includes(row.placed)) {
      problem(`placed "${row.placed}" is not one of ${PLACEMENTS.join(', ')}`);
    } else if (placed === 'park') {
      if (row.park_zh === '') problem('placed "park" needs the park named in park_zh and park_en');
      if (row.lng === '' || row.lat === '') problem('placed "park" needs lng and lat');
      else if (!DECIMAL.test(row.lng) || !DECIMAL.test(row.lat)) problem(`lng "${row.lng}" / lat "${row.lat}" are not decimal degrees`);
      else {
        const lng = Number(row.lng);
        const lat = Number(row.lat);
        const box = PLANT_BOX;
        if (lng < box.west || lng > box.east || lat < box.south || lat > box.north) {
          problem(
            `lng ${row.lng}, lat ${row.lat} lie outside Sichuan and Chongqing (lng ${box.west}-${box.east}, lat ${box.south}-${box.north}); swapped or mistyped?`,
          );
        } else own = [lng, lat];
      }
    } else {
      if (row.lng !== '' || row.lat !== '') problem(`lng and lat are only for placed "park"; placed "${placed}" takes its unit's label point`);
      if (unit && unit.level in PLACEMENT_OF_LEVEL && PLACEMENT_OF_LEVEL[unit.level] !== placed) {
        problem(`placed "${placed}" does not fit unit "${row.unit}", a ${unit.level} (placed "${PLACEMENT_OF_LEVEL[unit.level]}")`);
      }
      if (unit && !unit.label) problem(`unit "${row.unit}" has no label point in geo/units.json to place the plant at`);
    }

    const products = list(row.products);
    if (products.length === 0) problem(`products is empty; give one or more of ${PRODUCTS.join(', ')}`);
    for (const product of products) {
      if (!(PRODUCTS as readonly string[]).includes(product)) problem(`product "${product}" is not one of ${PRODUCTS.join(', ')}`);
    }
    if (new Set(products).size !== products.length) problem('a product is listed twice');

    const year = (column: string, text: string): number | null => {
      if (!/^\d{4}$/.test(text) || Number(text) < MIN_PLANT_YEAR || Number(text) > thisYear) {
        problem(`${column} "${text}" is not a year from ${MIN_PLANT_YEAR} to ${thisYear}`);
        return null;
      }
      return Number(text);
    };
    const opened = row.opened === '' ? null : year('opened', row.opened);

    const known = (column: string, id: string) => {
      if (!sourceIds.has(id)) problem(`${column} "${id}" is not an id of geo/data/sources.csv`);
    };
    const grade = (column: string, text: string) => {
      if (!(GRADES as readonly string[]).includes(text)) problem(`${column} "${text}" is not one of ${GRADES.join(', ')}`);
    };

    /** A figure (capacity or output) and the columns that go with it: all filled, or all empty. */
    const figure = (name: 'capacity' | 'output', extra: readonly string[]) => {
      const value = row[name];
      const columns = [`${name}_year`, ...extra, `${name}_source`, `${name}_grade`] as const;
      const values = columns.map((column) => row[column as keyof typeof row]);
      if (value === '') {
        const stray = columns.filter((_, i) => values[i] !== '');
        if (stray.length > 0) problem(`${stray.join(', ')} filled without ${name}`);
        return null;
      }
      if (!INTEGER.test(value)) {
        problem(`${name} "${value}" is not a positive whole number of vehicles a year`);
      }
      const missing = columns.filter((_, i) => values[i] === '');
      if (missing.length > 0) {
        problem(`${name} needs ${missing.join(', ')}`);
        return null;
      }
      const figureYear = year(`${name}_year`, row[`${name}_year`]);
      known(`${name}_source`, row[`${name}_source`]);
      grade(`${name}_grade`, row[`${name}_grade`]);
      return { value: Number(value), year: figureYear ?? 0 };
    };
    if (row.capacity_kind !== '' && !(CAPACITY_KINDS as readonly string[]).includes(row.capacity_kind)) {
      problem(`capacity_kind "${row.capacity_kind}" is not one of ${CAPACITY_KINDS.join(', ')}`);
    }
    const capacity = figure('capacity', ['capacity_kind']);
    const output = figure('output', []);

    const sources = list(row.source);
    const grades = list(row.grade);
    if (sources.length === 0) problem('source is empty; every plant cites at least one page');
    if (sources.length !== grades.length) {
      problem(`source names ${sources.length} page(s) and grade ${grades.length}; give one grade per source, in the same order`);
    }
    sources.forEach((id) => known('source', id));
    grades.forEach((text) => grade('grade', text));
    if (new Set(sources).size !== sources.length) problem('a source is listed twice');

    if ((row.note === '') !== (row.note_zh === '')) problem('note and note_zh must both be filled or both empty');

    if (messages.length > before || !unit) continue;
    plants.push({
      id: row.id,
      company: { zh: row.company_zh, en: row.company_en },
      brands: { zh: brandsZh, en: brandsEn },
      unit: row.unit,
      park: row.park_zh === '' ? null : { zh: row.park_zh, en: row.park_en },
      position: own ?? unit.label!,
      placed,
      products: products as Product[],
      opened,
      capacity: capacity && {
        ...capacity,
        kind: row.capacity_kind as CapacityKind,
        source: row.capacity_source,
        grade: row.capacity_grade as Grade,
      },
      output: output && { ...output, source: row.output_source, grade: row.output_grade as Grade },
      sources: sources.map((id, i) => ({ id, grade: grades[i] as Grade })),
      note: row.note === '' ? null : { en: row.note, zh: row.note_zh },
    });
  }
  return { messages, plants: messages.length === 0 ? plants : null };
}

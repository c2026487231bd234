/**
 * The figures of the data download as tables: one column list per file, read both by the CSV writer and by the
 * Table Schema of datapackage.json, so a column cannot be written without being described. Pure.
 */
import { BOUNDS, BASES, GRADES, type IndicatorDataset, type IndicatorId, type IndicatorRow, type SourceRecord } from '../../../src/model/dataset';
import { CSV_BOM, toCsv, type CsvCell } from '../../../src/model/csv-export';
import { indicatorLabel } from '../../../src/model/indicator-labels';
import type { UnitProps } from '../../../src/model/units';

/** Table Schema v1 field types used here. */
type FieldType = 'string' | 'integer' | 'number';

export interface Column<T> {
  name: string;
  type: FieldType;
  description: string;
  required?: boolean;
  enum?: readonly string[];
  pattern?: string;
  format?: 'uri';
  value(record: T): CsvCell;
}

/** One published figure with what the CSV says about it: its unit, its source, its indicator's measure. */
export interface FigureRecord {
  row: IndicatorRow;
  unit: UnitProps;
  source: SourceRecord;
  measure: string;
}

/** The levels a figure's unit can have in the file: all China's county-level units are written as `county`. */
export const FIGURE_LEVELS = ['province', 'prefecture', 'county', 'zone', 'circle'] as const;

/** `year` for a full year, `M1-Mn` for January to month n. */
export const FULL_YEAR = 'year';
const PERIOD_PATTERN = '(year|M1-M([1-9]|1[0-2]))';

export const FIGURE_COLUMNS: readonly Column<FigureRecord>[] = [
  {
    name: 'unit_id',
    type: 'string',
    required: true,
    description: 'The unit: a 6-digit administrative division code (adcode, 2023), a zone slug (liangjiang, tianfu, chengdu-hitech), or circle (the Economic Circle as a whole).',
    value: (r) => r.row.unit,
  },
  { name: 'name_zh', type: 'string', required: true, description: "The unit's name in Chinese.", value: (r) => r.unit.name_zh },
  { name: 'name_en', type: 'string', required: true, description: "The unit's name in English.", value: (r) => r.unit.name_en },
  {
    name: 'level',
    type: 'string',
    required: true,
    enum: FIGURE_LEVELS,
    description: 'province (or municipality), prefecture, county (county-level unit, in the Circle or elsewhere in China), zone (a development zone, drawn approximately), circle.',
    value: (r) => (r.unit.level === 'national' ? 'county' : r.unit.level),
  },
  { name: 'indicator', type: 'string', required: true, description: 'The indicator id (see measure).', value: (r) => r.row.indicator },
  { name: 'indicator_zh', type: 'string', required: true, description: "The indicator's name in Chinese.", value: (r) => indicatorLabel(r.row.indicator, 'zh') },
  { name: 'indicator_en', type: 'string', required: true, description: "The indicator's name in English.", value: (r) => indicatorLabel(r.row.indicator, 'en') },
  { name: 'year', type: 'integer', required: true, description: 'The year the figure is for (census figures: census day, 1 Nov 2020).', value: (r) => r.row.year },
  {
    name: 'period',
    type: 'string',
    required: true,
    pattern: PERIOD_PATTERN,
    description: 'year: the full year; M1-Mn: January to month n of the year (M1-M6 the first half), never comparable with full years.',
    value: (r) => r.row.period ?? FULL_YEAR,
  },
  { name: 'value', type: 'number', required: true, description: 'The figure, in the unit of measure given in measure.', value: (r) => r.row.value },
  {
    name: 'bound',
    type: 'string',
    enum: BOUNDS,
    description: 'Empty for a point value; min: the source gives a floor (at least); max: a ceiling (at most); approx: a round figure (about).',
    value: (r) => r.row.bound ?? null,
  },
  {
    name: 'basis',
    type: 'string',
    enum: BASES,
    description: "Empty for a first release on the year's own basis; ec5: GDP on the basis revised after the fifth economic census (2023); pre7: year-end population released before the seventh census revised the series.",
    value: (r) => r.row.basis ?? null,
  },
  {
    name: 'measure',
    type: 'string',
    required: true,
    description: 'Unit of measure of value: 亿元 (100 million yuan), 万人 (10,000 persons), 人 (persons), 辆 (vehicles), % (percent).',
    value: (r) => r.measure,
  },
  { name: 'source_id', type: 'string', required: true, description: 'The source, an id of sources.csv.', value: (r) => r.row.source },
  { name: 'source_title', type: 'string', required: true, description: "The source's title (in square brackets: a description, where the page's own title was not recorded).", value: (r) => r.source.title },
  { name: 'source_publisher', type: 'string', required: true, description: 'Who published the source.', value: (r) => r.source.publisher },
  {
    name: 'source_date',
    type: 'string',
    required: true,
    pattern: '[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?',
    description: "The source's date: YYYY-MM-DD, or YYYY-MM or YYYY where the day is not known.",
    value: (r) => r.source.date,
  },
  { name: 'source_url', type: 'string', format: 'uri', required: true, description: "The source's address.", value: (r) => r.source.url },
  {
    name: 'grade',
    type: 'string',
    required: true,
    enum: GRADES,
    description: 'Trust grade of the source cited: A official bulletin or government site; B mainstream press citing the statistics bureau; C aggregator, repost or mirror; D low authority.',
    value: (r) => r.row.grade,
  },
  { name: 'note_en', type: 'string', description: 'What a reader must know about the figure, in English.', value: (r) => r.row.note ?? null },
  { name: 'note_zh', type: 'string', description: 'The same note in Chinese.', value: (r) => r.row.note_zh ?? null },
];

export interface SourceRow extends SourceRecord {
  id: string;
}

export const SOURCE_COLUMNS: readonly Column<SourceRow>[] = [
  { name: 'id', type: 'string', required: true, description: 'The source id that source_id in figures.csv refers to.', value: (s) => s.id },
  { name: 'title', type: 'string', required: true, description: "The source's title.", value: (s) => s.title },
  { name: 'publisher', type: 'string', required: true, description: 'Who published it.', value: (s) => s.publisher },
  { name: 'date', type: 'string', required: true, description: 'YYYY-MM-DD, or YYYY-MM or YYYY.', value: (s) => s.date },
  { name: 'url', type: 'string', format: 'uri', required: true, description: 'Its address.', value: (s) => s.url },
  { name: 'language', type: 'string', required: true, description: 'Language of the source text (BCP 47 tag).', value: (s) => s.language },
];

/** A CSV file of `records`, one column per entry of `columns`: UTF-8 with a byte order mark (Excel), CRLF. */
export function tableCsv<T>(columns: readonly Column<T>[], records: readonly T[]): string {
  return CSV_BOM + toCsv([columns.map((column) => column.name), ...records.map((record) => columns.map((column) => column.value(record)))]);
}

/**
 * Every published figure with its unit and source, in the data set's order: the rows of indicators.json (typed in
 * from sources, and the census figures of the Circle's units) then `extraRows` (the census figures of the rest of
 * China). A figure whose unit or source is unknown is an error: the download must not lose a row quietly.
 */
export function figureRecords(
  dataset: IndicatorDataset,
  extraRows: readonly IndicatorRow[],
  units: ReadonlyMap<string, UnitProps>,
): FigureRecord[] {
  return [...dataset.rows, ...extraRows].map((row) => {
    const unit = units.get(row.unit);
    const source = dataset.sources[row.source];
    const measure = dataset.indicators[row.indicator]?.measure;
    if (!unit) throw new Error(`data package: unit ${row.unit} of a ${row.indicator} ${row.year} figure is in no boundary file`);
    if (!source) throw new Error(`data package: source ${row.source} of ${row.unit} ${row.indicator} ${row.year} is unknown`);
    if (!measure) throw new Error(`data package: indicator ${row.indicator} has no measure`);
    return { row, unit, source, measure };
  });
}

/** The indicators the figures have, in the data set's order. */
export function figureIndicators(dataset: IndicatorDataset): IndicatorId[] {
  return Object.keys(dataset.indicators) as IndicatorId[];
}

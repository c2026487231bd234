/**
 * The data table as a CSV file: UTF-8 with a byte order mark (so Excel reads the Chinese names), RFC 4180
 * quoting, CRLF line ends. Pure: the UI only wraps the text in a Blob.
 */
import type { IndicatorId, IndicatorModel } from './dataset';
import type { UnitProps } from './units';
import { figureOrPartYear } from './part-year';
import type { Lang, Level } from './vocabulary';

export const CSV_BOM = '\uFEFF';

const CSV_HEADER = [
  'unit_id',
  'name_zh',
  'name_en',
  'indicator',
  'year',
  'period',
  'value',
  'bound',
  'measure',
  'grade',
  'source_title',
  'source_url',
  'note',
] as const;

/** Numbers are written as numbers; text is neutralised against formula injection. null is an empty cell. */
export type CsvCell = string | number | null;

/**
 * Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV injection"); tab and CR
 * are on OWASP's list too. Only text cells are guarded: a number such as -2.5 is data, not a formula.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Several sources or notes behind one figure share a cell. */
const JOIN = '; ';

export function csvCell(cell: CsvCell): string {
  if (cell === null) return '';
  // 12 significant digits drop floating-point noise of derived figures (15.600000000000001).
  const text = typeof cell === 'number' ? String(Number(cell.toPrecision(12))) : FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}

/**
 * One row per unit for one indicator and year, as the table shows it; a unit without a figure keeps its row with an
 * empty value. `period` is `year` for a full year; where the year has only part-year figures, the row holds the one
 * covering the most months and its period (`M1-M9`: January to September). `bound` is `min` (at least) or `approx`
 * (about) where the source gives a floor or a round figure.
 * Notes are written in the reader's language (`lang`), as the panels show them.
 */
export function figuresCsv(units: readonly UnitProps[], model: IndicatorModel, indicator: IndicatorId, year: number, lang: Lang): string {
  const rows = units.map((unit): CsvCell[] => {
    const figure = figureOrPartYear(model, unit.id, indicator, year);
    const sources = figure?.sources ?? [];
    const records = sources.map((source) => model.source(source.id));
    return [
      unit.id,
      unit.name_zh,
      unit.name_en,
      indicator,
      year,
      figure?.period ?? 'year',
      figure?.value ?? null,
      figure?.bound ?? null,
      model.measure(indicator),
      [...new Set(sources.map((source) => source.grade))].join(JOIN),
      records.map((record, i) => record?.title ?? sources[i].id).join(JOIN),
      records.map((record) => record?.url ?? '').join(JOIN),
      figure?.notes.map((note) => note[lang]).join(JOIN) ?? '',
    ];
  });
  return CSV_BOM + toCsv([CSV_HEADER, ...rows]);
}

export function csvFileName(indicator: string, year: number, level: Level): string {
  return `chengyu-atlas_${indicator}_${year}_${level}.csv`;
}

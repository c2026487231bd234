/**
 * Validation of the hand-edited indicator CSVs. Pure: takes the file texts and the known
 * map units, returns every problem found (not just the first) plus the dataset when there
 * are none. Messages read `<file> row <line>: <problem>`, the line being 1-based as an editor shows it.
 */
import {
  GRADES,
  RAW_INDICATOR_MEASURES,
  type Grade,
  type IndicatorDataset,
  type IndicatorRow,
  type RawIndicatorId,
  type SourceRecord,
  type UnitInfo,
  BASES,
  BOUNDS,
  type Basis,
  type Bound,
} from '../../../src/model/dataset';
import { CsvSyntaxError, parseCsv, type CsvRecord } from './csv';
import { YEARLY_CHANGE_LIMITS, isPlausible, isPlausibleChange, plausibleRange } from './plausible';

export const INDICATOR_COLUMNS = [
  'unit', 'indicator', 'year', 'period', 'value', 'bound', 'basis', 'measure', 'source', 'grade', 'note', 'note_zh', 'break',
] as const;
export const SOURCE_COLUMNS = ['id', 'title', 'publisher', 'date', 'url', 'language'] as const;

/** Oldest and newest years the atlas accepts; anything outside is a typo. */
export const MIN_YEAR = 1978;
export const MAX_YEAR = 2030;

/**
 * A parent (province, municipality, prefecture) may not be smaller than the sum of its
 * administrative parts by more than this fraction of its own value. Sub-units are accounted
 * separately and their sums run slightly above the parent's total in Chinese statistics, so a
 * little slack is allowed; 2% still catches a misplaced decimal point or a wrong unit (万 vs 亿).
 */
export const PARENT_SUM_TOLERANCE = 0.02;

export type KnownUnit = Pick<UnitInfo, 'id' | 'level' | 'parent'>;

export interface CsvFile {
  /** Path as shown in messages, e.g. `geo/data/indicators.csv`. */
  path: string;
  text: string;
}

export interface ValidationInput {
  /** Every file of figures (geo/data/indicators.csv, geo/data/vehicles.csv): one table, checked as one. */
  indicators: readonly CsvFile[];
  sources: CsvFile;
  units: readonly KnownUnit[];
  /**
   * The day of the build (a Date, read in UTC, or `YYYY-MM-DD`): no figure may be for a period not yet over, no
   * source dated later. Passed in so validation stays pure; files.ts gives the local date, tests a fixed one.
   */
  today: Date | string;
}

export interface ValidationResult {
  messages: string[];
  /** Present only when there are no messages. */
  dataset: IndicatorDataset | null;
}

/** Levels whose units add up to their parent; zones overlap districts and the Circle spans both provinces. */
const ADDITIVE_LEVELS: ReadonlySet<KnownUnit['level']> = new Set(['province', 'prefecture', 'county']);

const DECIMAL = /^-?\d+(\.\d+)?$/;
/** `year` for a full year; `M1-Mn` for January to month n (Chinese statistics accumulate from January). */
const PERIOD = /^(year|M1-M([1-9]|1[01]))$/;
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const ADDRESS = /^https?:\/\/\S+$/;
/**
 * Languages a source of these figures is plausibly written in (BCP 47 primary tags), each optionally with a script
 * and a region subtag in their registered case (zh-Hant, en-GB, zh-Hant-TW). A longer list is a typo magnet.
 */
export const SOURCE_LANGUAGES = ['zh', 'en', 'fr', 'ja', 'de', 'ko', 'ru', 'es', 'it', 'pt'] as const;
const LANGUAGE_TAG = new RegExp(`^(${SOURCE_LANGUAGES.join('|')})(-[A-Z][a-z]{3})?(-([A-Z]{2}|\\d{3}))?$`);

interface Today {
  iso: string;
  year: number;
  month: number;
}

function readToday(today: Date | string): Today {
  const iso = typeof today === 'string' ? today : today.toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || !isCalendarDate(iso)) throw new Error(`today "${iso}" is not a YYYY-MM-DD date`);
  return { iso, year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)) };
}

/** Whether a YYYY, YYYY-MM or YYYY-MM-DD text names a real month and day (2022-02-30 does not). */
function isCalendarDate(text: string): boolean {
  const [year, month, day] = text.split('-').map(Number) as [number, number?, number?];
  if (month === undefined) return true;
  if (month < 1 || month > 12) return false;
  if (day === undefined) return true;
  // Day 0 of the next month is the last day of this one.
  return day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether the first day a date text can mean comes after today: `2026` is not after 2026-05-01, `2026-06` is. */
function isAfter(date: string, today: Today): boolean {
  return date > today.iso.slice(0, date.length);
}

function isRawIndicator(id: string): id is RawIndicatorId {
  return Object.prototype.hasOwnProperty.call(RAW_INDICATOR_MEASURES, id);
}

function isBound(text: string): text is Bound | '' {
  return text === '' || (BOUNDS as readonly string[]).includes(text);
}

function isBasis(text: string): text is Basis | '' {
  return text === '' || (BASES as readonly string[]).includes(text);
}

function isGrade(text: string): text is Grade {
  return (GRADES as readonly string[]).includes(text);
}

/** `emptyProblem` is reported when the header is right and no record follows: an empty table is never intended. */
/**
 * The records of a CSV file in UTF-8 with exactly the expected header, or null with the problem reported (wrong
 * encoding, broken quoting, another header): what every table the build reads is checked for first.
 */
export function readCheckedTable(file: CsvFile, columns: readonly string[], messages: string[]): CsvRecord[] | null {
  const encoding = encodingProblem(file.text);
  if (encoding !== null) {
    messages.push(`${file.path} row ${encoding.line}: the file is not UTF-8 text (${encoding.problem}); save it as UTF-8`);
    return null;
  }
  let table;
  try {
    table = parseCsv(file.text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      messages.push(`${file.path} row ${error.line}: ${error.problem}`);
      return null;
    }
    throw error;
  }
  if (table.header.join(',') !== columns.join(',')) {
    messages.push(`${file.path} row 1: header must be "${columns.join(',')}", found "${table.header.join(',')}"`);
    return null;
  }
  return table.records;
}

function readTable(file: CsvFile, columns: readonly string[], emptyProblem: string, messages: string[]): CsvRecord[] {
  const records = readCheckedTable(file, columns, messages);
  if (records === null) return [];
  if (records.length === 0) messages.push(`${file.path} row 2: ${emptyProblem}`);
  // Valid CSV, but no field of these files is written over lines: one that is has swallowed the rows after it.
  return records.filter((record) => {
    const lineBreaks = record.fields.reduce((count, field) => count + (field.match(/\r?\n/g)?.length ?? 0), 0);
    if (lineBreaks === 0) return true;
    messages.push(
      `${file.path} row ${record.line}: a quoted field runs on from this row to row ${record.line + lineBreaks} (is a closing quote missing?); ` +
        'no field of these files spans lines',
    );
    return false;
  });
}

/**
 * Files are read as UTF-8; one saved in another encoding shows as NULs (UTF-16: every ASCII character has a zero
 * byte) or U+FFFD (bytes that are not UTF-8, e.g. GBK), and would otherwise be reported as a quoting error.
 */
function encodingProblem(text: string): { line: number; problem: string } | null {
  if (text.includes('\u0000')) return { line: 1, problem: 'it looks like UTF-16' };
  const replaced = text.indexOf('\uFFFD');
  if (replaced === -1) return null;
  return { line: text.slice(0, replaced).split('\n').length, problem: 'this row holds bytes that are not UTF-8: saved as GBK?' };
}

/** Reports a record with the wrong number of fields; true when it can be read. */
function hasAllFields(file: CsvFile, record: CsvRecord, columns: readonly string[], messages: string[]): boolean {
  if (record.fields.length === columns.length) return true;
  messages.push(`${file.path} row ${record.line}: expected ${columns.length} fields, found ${record.fields.length}`);
  return false;
}

function readSources(file: CsvFile, today: Today, messages: string[]): Map<string, SourceRecord> {
  const sources = new Map<string, SourceRecord>();
  const firstLine = new Map<string, number>();
  for (const record of readTable(file, SOURCE_COLUMNS, 'no sources after the header', messages)) {
    if (!hasAllFields(file, record, SOURCE_COLUMNS, messages)) continue;
    const { line, fields } = record;
    const [id, title, publisher, date, url, language] = fields.map((field) => field.trim()) as [
      string, string, string, string, string, string,
    ];
    const at = `${file.path} row ${line}:`;
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) {
      messages.push(`${at} source id "${id}" must be lower-case letters, digits and hyphens`);
      continue;
    }
    const earlier = firstLine.get(id);
    if (earlier !== undefined) {
      messages.push(`${at} duplicate source id "${id}" (first on row ${earlier})`);
      continue;
    }
    firstLine.set(id, line);
    if (title === '') messages.push(`${at} source "${id}" has no title`);
    if (publisher === '') messages.push(`${at} source "${id}" has no publisher`);
    if (!DATE.test(date)) messages.push(`${at} source "${id}" date "${date}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
    else if (!isCalendarDate(date)) messages.push(`${at} source "${id}" date "${date}" is not a calendar date`);
    else if (isAfter(date, today)) messages.push(`${at} source "${id}" date "${date}" is after today (${today.iso})`);
    if (url === '') messages.push(`${at} source "${id}" has no address (url)`);
    else if (!ADDRESS.test(url)) messages.push(`${at} source "${id}" address "${url}" is not an http(s) URL`);
    if (language === '') messages.push(`${at} source "${id}" has no language`);
    else if (!LANGUAGE_TAG.test(language)) {
      messages.push(
        `${at} source "${id}" language "${language}" is not ${SOURCE_LANGUAGES.slice(0, -1).join(', ')} or ${SOURCE_LANGUAGES.at(-1)}, ` +
          'optionally with a script and a region (zh-Hant, en-GB)',
      );
    }
    sources.set(id, { title, publisher, date, url, language });
  }
  return sources;
}

interface LocatedRow {
  file: CsvFile;
  line: number;
  row: IndicatorRow;
  /** The value as typed, for messages (a huge number reads as typed, not as 1e+30). */
  valueText: string;
  /** Why a jump into this row is real; empty when none is claimed. */
  breakReason: string;
}

/** Where a unit + indicator + year + period was first seen, across all files. */
type FirstSeen = Map<string, { path: string; line: number }>;

function readIndicatorRows(
  file: CsvFile,
  unitIds: ReadonlySet<string>,
  sources: ReadonlyMap<string, SourceRecord>,
  firstSeen: FirstSeen,
  today: Today,
  messages: string[],
): LocatedRow[] {
  const rows: LocatedRow[] = [];
  for (const record of readTable(
    file,
    INDICATOR_COLUMNS,
    // A header-only file once made the app show "Year NaN".
    'no rows after the header; every file of figures must hold at least one',
    messages,
  )) {
    if (!hasAllFields(file, record, INDICATOR_COLUMNS, messages)) continue;
    const { line, fields } = record;
    const [unit, indicator, yearText, period, valueText, bound, basis, measure, source, grade, note, noteZh, breakReason] = fields.map(
      (field) => field.trim(),
    ) as [string, string, string, string, string, string, string, string, string, string, string, string, string];
    const at = `${file.path} row ${line}:`;
    const problemsBefore = messages.length;
    if (!unitIds.has(unit)) messages.push(`${at} unknown unit id "${unit}"`);
    if (!isRawIndicator(indicator)) {
      messages.push(`${at} unknown indicator "${indicator}"`);
    } else if (measure !== RAW_INDICATOR_MEASURES[indicator]) {
      messages.push(`${at} measure "${measure}" is wrong for indicator "${indicator}" (expected "${RAW_INDICATOR_MEASURES[indicator]}")`);
    }
    const year = Number(yearText);
    const yearIsValid = /^\d{4}$/.test(yearText) && year >= MIN_YEAR && year <= MAX_YEAR;
    if (!yearIsValid) messages.push(`${at} year "${yearText}" is not an integer from ${MIN_YEAR} to ${MAX_YEAR}`);
    if (!PERIOD.test(period)) messages.push(`${at} period "${period}" is not "year" or "M1-Mn" (January to month n, n from 1 to 11)`);
    else if (yearIsValid) {
      // A period is over once its last month is: a full year from the next January, M1-Mn from month n + 1.
      const lastMonth = period === 'year' ? 12 : Number(period.slice(4));
      if (year > today.year || (year === today.year && lastMonth >= today.month)) {
        const what = period === 'year' ? `year ${year}` : `${period} ${year} (January to month ${lastMonth})`;
        messages.push(`${at} ${what} has not ended (today is ${today.iso})`);
      }
    }
    if (!isBound(bound)) messages.push(`${at} bound "${bound}" is not empty, "min" (at least), "max" (at most) or "approx" (about)`);
    if (!isBasis(basis)) messages.push(`${at} basis "${basis}" is not empty, "ec5" (revised after the fifth economic census) or "pre7" (population before the seventh census)`);
    const value = Number(valueText);
    if (!DECIMAL.test(valueText) || !Number.isFinite(value)) messages.push(`${at} value "${valueText}" is not a number`);
    else if (value < 0) messages.push(`${at} value ${valueText} is negative`);
    if (!sources.has(source)) messages.push(`${at} unknown source id "${source}"`);
    if (!isGrade(grade)) messages.push(`${at} grade "${grade}" is not one of ${GRADES.join(', ')}`);
    // The app shows a figure's note in the reader's language: a note is written in both or in neither.
    if (note !== '' && noteZh === '') messages.push(`${at} note has no Chinese translation (note_zh is empty)`);
    if (note === '' && noteZh !== '') messages.push(`${at} note_zh has no English note (note is empty)`);

    const key = `${unit}|${indicator}|${yearText}|${period}`;
    const earlier = firstSeen.get(key);
    if (earlier !== undefined) {
      const where = earlier.path === file.path ? `row ${earlier.line}` : `${earlier.path} row ${earlier.line}`;
      messages.push(`${at} duplicate of ${where} (same unit, indicator, year and period: ${unit} ${indicator} ${yearText} ${period})`);
    } else {
      firstSeen.set(key, { path: file.path, line });
    }
    if (messages.length > problemsBefore || !isRawIndicator(indicator) || !isGrade(grade) || !isBound(bound) || !isBasis(basis)) continue;
    const row: IndicatorRow = { unit, indicator, year, value, source, grade };
    if (period !== 'year') row.period = period;
    if (bound !== '') row.bound = bound;
    if (basis !== '') row.basis = basis;
    if (note !== '') {
      row.note = note;
      row.note_zh = noteZh;
    }
    rows.push({ file, line, row, valueText, breakReason });
  }
  return rows;
}

function checkParentSums(rows: readonly LocatedRow[], units: readonly KnownUnit[], messages: string[]): void {
  const childrenOf = new Map<string, string[]>();
  for (const unit of units) {
    if (unit.parent === null || !ADDITIVE_LEVELS.has(unit.level)) continue;
    const siblings = childrenOf.get(unit.parent) ?? [];
    siblings.push(unit.id);
    childrenOf.set(unit.parent, siblings);
  }
  // Part-year figures and bounds are not totals of a year: only full-year point values are summed.
  const summable = rows.filter((located) => isFullYearPoint(located.row));
  const byKey = new Map<string, LocatedRow>();
  for (const located of summable) byKey.set(`${located.row.unit}|${located.row.indicator}|${located.row.year}`, located);

  for (const { file, line, row: parent } of summable) {
    const children = childrenOf.get(parent.unit);
    if (!children) continue;
    let sum = 0;
    let present = 0;
    for (const child of children) {
      const childRow = byKey.get(`${child}|${parent.indicator}|${parent.year}`);
      if (childRow) {
        sum += childRow.row.value;
        present++;
      }
    }
    if (present > 0 && sum > parent.value * (1 + PARENT_SUM_TOLERANCE)) {
      messages.push(
        `${file.path} row ${line}: ${parent.indicator} of ${parent.unit} in ${parent.year} (${parent.value}) is smaller than ` +
          `the sum of ${present} of its ${children.length} parts (${round2(sum)}) by more than ${PARENT_SUM_TOLERANCE * 100}%`,
      );
    }
  }
}

/** Where a row is, seen from a message about a row of `from`: the file is named only when it differs. */
function rowReference(located: LocatedRow, from: CsvFile): string {
  return located.file.path === from.path ? `row ${located.line}` : `${located.file.path} row ${located.line}`;
}

function isFullYearPoint(row: IndicatorRow): boolean {
  return row.period === undefined && row.bound === undefined;
}

/** Values outside the plausible range of their indicator and level; returns the rows reported. */
function checkRanges(rows: readonly LocatedRow[], levelOf: ReadonlyMap<string, KnownUnit['level']>, messages: string[]): Set<LocatedRow> {
  const implausible = new Set<LocatedRow>();
  for (const located of rows) {
    const { row } = located;
    const level = levelOf.get(row.unit);
    const range = level === undefined ? undefined : plausibleRange(row.indicator as RawIndicatorId, level);
    if (range === undefined || isPlausible(row.value, range)) continue;
    const measure = RAW_INDICATOR_MEASURES[row.indicator as RawIndicatorId];
    messages.push(
      `${located.file.path} row ${located.line}: ${row.indicator} ${located.valueText} ${measure} is implausible for a ${level} ` +
        `(expected ${range.min} to ${range.max} ${measure}: a slip of 万, 亿 or millions?)`,
    );
    implausible.add(located);
  }
  return implausible;
}

/**
 * A unit larger than one containing it, beyond the slack the parent sums allow (sub-units keep their own accounts):
 * any level, zones too (which the parent-sum check leaves out). Compared with the nearest ancestor that has a figure
 * for the same indicator, year and period, point values only. Reported on the child's row: a single wrong figure is
 * likelier in the smaller unit's row, typed from a lesser source.
 */
function checkChildrenWithinParents(rows: readonly LocatedRow[], units: readonly KnownUnit[], messages: string[]): void {
  const parentOf = new Map(units.map((unit) => [unit.id, unit.parent]));
  const points = rows.filter((located) => located.row.bound === undefined);
  const key = (unit: string, row: IndicatorRow) => `${unit}|${row.indicator}|${row.year}|${row.period ?? 'year'}`;
  const byKey = new Map(points.map((located) => [key(located.row.unit, located.row), located]));
  for (const child of points) {
    const seen = new Set<string>([child.row.unit]);
    let ancestor = parentOf.get(child.row.unit) ?? null;
    let parent: LocatedRow | undefined;
    // `seen` guards against a cycle in the unit list, which would otherwise loop for ever.
    while (ancestor !== null && !seen.has(ancestor) && (parent = byKey.get(key(ancestor, child.row))) === undefined) {
      seen.add(ancestor);
      ancestor = parentOf.get(ancestor) ?? null;
    }
    if (parent === undefined || child.row.value <= parent.row.value * (1 + PARENT_SUM_TOLERANCE)) continue;
    const period = child.row.period === undefined ? '' : ` ${child.row.period}`;
    messages.push(
      `${child.file.path} row ${child.line}: ${child.row.indicator} of ${child.row.unit} in ${child.row.year}${period} (${child.valueText}) ` +
        `is larger than that of ${parent.row.unit}, which contains it (${parent.valueText}, ${rowReference(parent, child.file)})`,
    );
  }
}

/**
 * Each full-year point value against the unit's previous one of the same indicator (part years and bounds are not
 * compared; values already reported as implausible are left out, so the row after one is not blamed). A row's
 * `break` lets its jump pass; a break that lets nothing pass is reported, so none outlives its reason.
 */
function checkYearOverYear(rows: readonly LocatedRow[], implausible: ReadonlySet<LocatedRow>, messages: string[]): void {
  const found = new Map<LocatedRow, string>();
  const series = new Map<string, LocatedRow[]>();
  for (const located of rows) {
    if (!isFullYearPoint(located.row)) {
      if (located.breakReason !== '') {
        found.set(located, `break "${located.breakReason}" is on a part year or a bound, which the year-over-year check does not compare`);
      }
      continue;
    }
    if (implausible.has(located)) continue;
    const key = `${located.row.unit}|${located.row.indicator}`;
    series.set(key, [...(series.get(key) ?? []), located]);
  }
  for (const list of series.values()) {
    list.sort((a, b) => a.row.year - b.row.year);
    list.forEach((later, i) => {
      const earlier = list[i - 1];
      const { row, breakReason } = later;
      if (earlier === undefined) {
        if (breakReason !== '') found.set(later, `break "${breakReason}" overrides nothing: there is no earlier full-year figure of ${row.unit} ${row.indicator}`);
        return;
      }
      const limit = YEARLY_CHANGE_LIMITS[row.indicator as RawIndicatorId];
      const years = row.year - earlier.row.year;
      const ratio = row.value / earlier.row.value;
      const limits = `×${limit.fall} to ×${limit.rise} a year`;
      const from = `${earlier.row.year} (${rowReference(earlier, later.file)})`;
      if (isPlausibleChange(ratio, years, limit)) {
        if (breakReason !== '') found.set(later, `break "${breakReason}" overrides nothing: the change from ${from} is within ${limits}`);
      } else if (breakReason === '') {
        found.set(
          later,
          `${row.indicator} of ${row.unit} changed from ${earlier.valueText} in ${from} ` +
            `to ${later.valueText} in ${row.year}, ×${Number(ratio.toPrecision(3))} in ${years} year${years === 1 ? '' : 's'}, outside ${limits}; ` +
            'if the change is real, give the reason in break',
        );
      }
    });
  }
  // In the order of the files, as an editor walks them.
  for (const located of rows) {
    const message = found.get(located);
    if (message !== undefined) messages.push(`${located.file.path} row ${located.line}: ${message}`);
  }
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function compareRows(a: IndicatorRow, b: IndicatorRow): number {
  if (a.unit !== b.unit) return a.unit < b.unit ? -1 : 1;
  if (a.indicator !== b.indicator) return a.indicator < b.indicator ? -1 : 1;
  if (a.year !== b.year) return a.year - b.year;
  // Within a year, part-year figures by period, the full year last.
  return periodOrder(a.period) - periodOrder(b.period);
}

function periodOrder(period: string | undefined): number {
  return period === undefined ? 12 : Number(period.slice(period.indexOf('-') + 2));
}

/** Validates both CSVs against each other and the known units; builds the dataset when all is well. */
export function validateIndicatorData(input: ValidationInput): ValidationResult {
  const messages: string[] = [];
  const today = readToday(input.today);
  const sources = readSources(input.sources, today, messages);
  const unitIds = new Set(input.units.map((unit) => unit.id));
  const firstSeen: FirstSeen = new Map();
  const rows = input.indicators.flatMap((file) => readIndicatorRows(file, unitIds, sources, firstSeen, today, messages));
  const implausible = checkRanges(rows, new Map(input.units.map((unit) => [unit.id, unit.level])), messages);
  checkChildrenWithinParents(rows, input.units, messages);
  checkParentSums(rows, input.units, messages);
  checkYearOverYear(rows, implausible, messages);
  if (messages.length > 0) return { messages, dataset: null };

  const sortedSourceIds = [...sources.keys()].sort();
  const dataset: IndicatorDataset = {
    schema: 1,
    indicators: Object.fromEntries(
      Object.entries(RAW_INDICATOR_MEASURES).map(([id, measure]) => [id, { measure }]),
    ),
    sources: Object.fromEntries(sortedSourceIds.map((id) => [id, sources.get(id) as SourceRecord])),
    rows: rows.map((located) => located.row).sort(compareRows),
  };
  return { messages, dataset };
}

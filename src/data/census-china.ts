/**
 * `data/census-china.json`: the 2020 census figures of all China's county-level units that indicators.json does
 * not hold (the Circle's own units are there), in a compact form written by `npm run data` (geo/lib/census) and
 * expanded here into the model's rows when the national level is first shown. Pure.
 */
import type { CensusIndicatorId, FigureNote, Grade, IndicatorRow, SourceRecord } from '../model/dataset';

/** The one `schema` version of census-china.json this build reads. */
export const CENSUS_CHINA_SCHEMA = 1;

/** The census indicators a county-level unit has; the 2010-2020 change is given for cities and provinces only. */
export type NationalCensusIndicator = Exclude<CensusIndicatorId, 'census_pop_change'>;
export const NATIONAL_CENSUS_INDICATORS: readonly NationalCensusIndicator[] = ['census_population', 'census_urban_share', 'census_share_65'];

export interface CensusChinaFile {
  schema: 1;
  /** The census year (census day 2020-11-01). */
  year: number;
  /** The source every figure cites, and its record (the same as in indicators.json's sources). */
  source: string;
  grade: Grade;
  sources: Record<string, SourceRecord>;
  /** What a reader must know about each indicator's figures, in both languages. */
  notes: Record<NationalCensusIndicator, FigureNote>;
  /** A unit's own note, added to its figures' (e.g. counted under an older code). */
  unitNotes: Record<string, FigureNote>;
  /** Indicator → unit id → value. */
  values: Record<NationalCensusIndicator, Record<string, number>>;
}

/** The file's figures as the model's rows: one per unit and indicator, with the indicator's note and the unit's. */
export function censusChinaRows(file: CensusChinaFile): IndicatorRow[] {
  const rows: IndicatorRow[] = [];
  for (const indicator of NATIONAL_CENSUS_INDICATORS) {
    const note = file.notes[indicator];
    for (const [unit, value] of Object.entries(file.values[indicator])) {
      const unitNote = file.unitNotes[unit];
      rows.push({
        unit,
        indicator,
        year: file.year,
        value,
        source: file.source,
        grade: file.grade,
        note: unitNote ? `${note.en} ${unitNote.en}` : note.en,
        note_zh: unitNote ? `${note.zh}${unitNote.zh}` : note.zh,
      });
    }
  }
  return rows;
}

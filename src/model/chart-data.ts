/**
 * What the charts draw, read off the indicator model: a level's ranking and each unit's line over the years. Pure.
 *
 * Lines join full-year, year-end figures of consecutive years only: a missing year is a gap, never interpolated.
 * Figures that rest on the census count (per head of 2020 over census day) and part-year figures (Jan-Sep) are
 * points of their own, never joined to the year-end line.
 */
import type { Figure, IndicatorId, IndicatorModel } from './dataset';
import { CENSUS_POPULATION_NOTE, CHONGQING, SICHUAN } from './derived';

export const CIRCLE = 'circle';

export interface RankedBar {
  readonly id: string;
  readonly figure: Figure;
}

export interface Ranking {
  /** Largest first; equal values keep the order of `ids`. */
  readonly bars: readonly RankedBar[];
  /** Units without a full-year figure, in the order of `ids`. */
  readonly noData: readonly string[];
  /** The Circle's and each province's figure where the data has one: reference lines. */
  readonly references: readonly RankedBar[];
}

export const REFERENCE_UNITS: readonly string[] = [CIRCLE, CHONGQING, SICHUAN];

export function ranking(model: IndicatorModel, indicator: IndicatorId, year: number, ids: readonly string[]): Ranking {
  const bars: RankedBar[] = [];
  const noData: string[] = [];
  for (const id of ids) {
    const figure = model.figure(id, indicator, year);
    if (figure) bars.push({ id, figure });
    else noData.push(id);
  }
  bars.sort((a, b) => b.figure.value - a.figure.value);
  const references = REFERENCE_UNITS.flatMap((id) => {
    const figure = model.figure(id, indicator, year);
    return figure ? [{ id, figure }] : [];
  });
  return { bars, noData, references };
}

export interface SeriesPoint {
  readonly year: number;
  readonly value: number;
  readonly figure: Figure;
}

export interface UnitSeries {
  readonly id: string;
  /** Full-year figures over year-end population or none, oldest first: the line. */
  readonly line: readonly SeriesPoint[];
  /** Full-year figures over the census count: points, not joined to the line. */
  readonly census: readonly SeriesPoint[];
  /** Part-year figures (each with its period): points, not joined, never indexed. */
  readonly partYears: readonly SeriesPoint[];
}

function restsOnCensus(figure: Figure): boolean {
  return figure.notes.some((note) => note.en === CENSUS_POPULATION_NOTE.en);
}

const point = (figure: Figure): SeriesPoint => ({ year: figure.year, value: figure.value, figure });

export function unitSeries(model: IndicatorModel, id: string, indicator: IndicatorId): UnitSeries {
  const full = model.series(id, indicator);
  return {
    id,
    line: full.filter((figure) => !restsOnCensus(figure)).map(point),
    census: full.filter(restsOnCensus).map(point),
    partYears: model.partYears(id, indicator).map(point),
  };
}

/** Runs of consecutive years: each is drawn as one line, and a missing year starts the next. */
export function joinedRuns<T extends { readonly year: number }>(points: readonly T[]): T[][] {
  const runs: T[][] = [];
  for (const p of points) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1].year === p.year - 1) run.push(p);
    else runs.push([p]);
  }
  return runs;
}

/**
 * The series as an index, its first year-end figure = 100. Census and part-year points are dropped: set against a
 * year-end base they would compare different things. Null when the base is not positive.
 */
export function indexedSeries(series: UnitSeries): UnitSeries | null {
  const base = series.line[0]?.value;
  if (base === undefined || base <= 0) return null;
  const line = series.line.map((p) => ({ ...p, value: (p.value / base) * 100 }));
  return { id: series.id, line, census: [], partYears: [] };
}

/** Every value a set of series draws: the chart's scale. */
export function seriesValues(series: readonly UnitSeries[]): number[] {
  return series.flatMap((s) => [...s.line, ...s.census, ...s.partYears].map((p) => p.value));
}

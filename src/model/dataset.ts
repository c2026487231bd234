/**
 * Types of the indicator data contract (`public/data/indicators.json`, see ARCHITECTURE.md)
 * and of the queryable model built from it. Shared by the build (geo/) and the app.
 */

/** Raw indicators: typed into geo/data/indicators.csv. */
export type RawIndicatorId = 'gdp' | 'population' | 'vehicles' | 'nev' | 'auto_output_value';
/**
 * The 2020 census (census day 2020-11-01), written by the build from geo/data/census/ for every unit: its own
 * series, never mixed into year-end population. `census_pop_change` is 2010-2020 on 2020 boundaries (cities).
 */
export type CensusIndicatorId = 'census_population' | 'census_urban_share' | 'census_share_65' | 'census_pop_change';
/** Indicators read from rows of indicators.json: typed in, or written by the census build. */
export type RowIndicatorId = RawIndicatorId | CensusIndicatorId;
/** Derived indicators: computed in src/model/derived.ts, never typed in. */
export type DerivedIndicatorId = 'gdp_per_capita' | 'gdp_growth' | 'gdp_share_parent' | 'gdp_share_circle' | 'nev_share';
/** Read off the boundary data itself (every unit, national ones too), not from indicators.csv. */
export type BoundaryIndicatorId = 'land_area';
export type IndicatorId = RowIndicatorId | DerivedIndicatorId | BoundaryIndicatorId;

/** A: official bulletin or government site; B: mainstream press citing the statistics bureau; C: aggregator or mirror; D: low authority. */
export type Grade = 'A' | 'B' | 'C' | 'D';
export const GRADES: readonly Grade[] = ['A', 'B', 'C', 'D'];

export const RAW_INDICATOR_MEASURES: Readonly<Record<RawIndicatorId, string>> = {
  gdp: '亿元',
  population: '万人',
  vehicles: '辆',
  nev: '辆',
  auto_output_value: '亿元',
};

export const CENSUS_INDICATOR_MEASURES: Readonly<Record<CensusIndicatorId, string>> = {
  census_population: '人',
  census_urban_share: '%',
  census_share_65: '%',
  census_pop_change: '%',
};

/** The census's year: its figures are counts on census day, 2020-11-01. */
export const CENSUS_YEAR = 2020;

export const DERIVED_INDICATOR_MEASURES: Readonly<Record<DerivedIndicatorId, string>> = {
  gdp_per_capita: '元/人',
  gdp_growth: '%',
  gdp_share_parent: '%',
  gdp_share_circle: '%',
  nev_share: '%',
};

export const BOUNDARY_INDICATOR_MEASURES: Readonly<Record<BoundaryIndicatorId, string>> = {
  land_area: 'km²',
};

/** The boundary data's source in indicators.json's sources (geo/data/sources.csv), and the year it describes. */
export const BOUNDARY_SOURCE_ID = 'tianditu-boundaries-2024';
export const BOUNDARY_YEAR = 2024;

export interface SourceRecord {
  title: string;
  publisher: string;
  /** ISO date (YYYY-MM-DD, or YYYY-MM / YYYY when the day is unknown). */
  date: string;
  url: string;
  /** BCP 47 language tag of the source text, e.g. `zh` or `en`. */
  language: string;
}

/**
 * `min`: the source gives a floor ("突破254万辆", "more than"); `max`: a ceiling ("less than", or a share over a
 * floor); `approx`: a round figure ("近6.3万亿").
 */
export type Bound = 'min' | 'max' | 'approx';
export const BOUNDS: readonly Bound[] = ['min', 'max', 'approx'];
/**
 * `ec5`: GDP on the basis revised after the fifth economic census (2023), not comparable with earlier first
 * releases; `pre7`: year-end population released before the seventh census (2020) revised the series.
 */
export type Basis = 'ec5' | 'pre7';
export const BASES: readonly Basis[] = ['ec5', 'pre7'];

export interface IndicatorRow {
  unit: string;
  indicator: RowIndicatorId;
  year: number;
  /** Absent for a full year; `M1-Mn` for January to month n (e.g. `M1-M9`, Jan-Sep). Never compared with full years. */
  period?: string;
  value: number;
  /** Absent for a point value. */
  bound?: Bound;
  /** Absent for the basis of the year's first release. */
  basis?: Basis;
  source: string;
  grade: Grade;
  /** What a reader must know about the figure, in English; present exactly when `note_zh` is. */
  note?: string;
  /** The same note in Simplified Chinese. */
  note_zh?: string;
}

/** The JSON written by geo/scripts/build-indicators.ts. */
export interface IndicatorDataset {
  schema: 1;
  indicators: Record<string, { measure: string }>;
  sources: Record<string, SourceRecord>;
  rows: IndicatorRow[];
}

/** What the model needs to know about a map unit (a subset of geo/units.json records). */
export interface UnitInfo {
  id: string;
  level: 'context' | 'province' | 'prefecture' | 'county' | 'zone' | 'circle' | 'national';
  parent: string | null;
  circle: 'full' | 'partial' | 'none';
  /** Area of the unit's boundary as drawn, km²; 0 for point markers. */
  area_km2?: number;
}

/** A note on a figure in both languages of the atlas; the UI shows the reader's (`note[lang]`). */
export interface FigureNote {
  en: string;
  zh: string;
}

export interface FigureSource {
  id: string;
  grade: Grade;
}

/** One figure as the UI shows it: a value with everything needed to judge it. */
export interface Figure {
  value: number;
  measure: string;
  year: number;
  /** Every source behind the figure; a derived figure lists the sources of all its inputs. */
  sources: FigureSource[];
  /** Every note behind the figure; a derived figure lists the notes of all its inputs (and its own), each once. */
  notes: FigureNote[];
  derived: boolean;
  /** Absent for a full year; `M1-Mn` for January to month n. */
  period?: string;
  /** `min`: at least this much; `approx`: about this much. A derived figure carries its inputs' bound. */
  bound?: Bound;
  /** `ec5`: on the basis revised after the fifth economic census. */
  basis?: Basis;
}

export interface Rank {
  /** 1 = largest value. */
  rank: number;
  /** How many of the peers have a value that year. */
  of: number;
}

export interface IndicatorModel {
  figure(unit: string, indicator: IndicatorId, year: number): Figure | null;
  /** Figures of one unit, oldest year first; years without a figure are left out. */
  series(unit: string, indicator: IndicatorId): Figure[];
  /** Years in which at least one unit has the indicator, ascending. */
  years(indicator: IndicatorId): number[];
  indicatorIds(): IndicatorId[];
  measure(indicator: IndicatorId): string;
  source(id: string): SourceRecord | undefined;
  /**
   * Where `unit` stands among `peers` (unit ids, e.g. the units the map shows at the current level; `unit` need
   * not be one of them), by full-year figures: null when it has none.
   */
  /**
   * Where each of `peers` (unit ids, e.g. the Circle's units the map shows at the current level) stands by its
   * full-year figure, largest first; peers without one are left out. Counted once for all of them.
   */
  ranks(indicator: IndicatorId, year: number, peers: readonly string[]): ReadonlyMap<string, Rank>;
  /** Part-year figures of one unit (each labelled with its period), oldest first; never mixed into `figure`. */
  partYears(unit: string, indicator: IndicatorId): Figure[];
  /** Units that arrived after the model was built (all China's counties, loaded with that level). */
  addUnits(units: readonly UnitInfo[]): void;
  /** Rows that arrived after the model was built (all China's census figures, loaded with that level). */
  addRows(rows: readonly IndicatorRow[]): void;
}

/**
 * What a figure can plausibly be: the ranges of each indicator per level of unit, and how much a unit's figure can
 * change from one year to the next. Both catch slips of scale that every other check lets through (万 for 亿,
 * millions for 万, a shifted decimal point). Pure data and pure functions; validate.ts reports what they find.
 */
import type { RawIndicatorId, UnitInfo } from '../../../src/model/dataset';

export type UnitLevel = UnitInfo['level'];
export const UNIT_LEVELS: readonly UnitLevel[] = ['national', 'province', 'context', 'prefecture', 'county', 'zone', 'circle'];

export interface PlausibleRange {
  indicator: RawIndicatorId;
  levels: readonly UnitLevel[];
  min: number;
  max: number;
  /** The real extremes the bounds come from. */
  why: string;
}

/**
 * Plausible values, in each indicator's measure, for any period (a first quarter is about a quarter of a year, so
 * lower bounds sit well below the smallest annual figure); upper bounds leave room for growth to 2030. A slip of 万
 * for 亿 (×10,000) falls outside for every unit, one of millions for 万 (×100) for most; a ×10 slip usually passes
 * (the year-over-year and parent checks catch those). Every indicator × level appears exactly once (a test checks).
 */
export const PLAUSIBLE_RANGES: readonly PlausibleRange[] = [
  { indicator: 'gdp', levels: ['county'], min: 5, max: 6_000, why: 'smallest drawn counties (Baoxing, Chengkou) about 50 a year; largest, Yubei, 2,297 (2022)' },
  { indicator: 'gdp', levels: ['national'], min: 0.5, max: 15_000, why: "China's counties: a few 亿元 in Tibet to about 8,000 (Shenzhen's Nanshan)" },
  { indicator: 'gdp', levels: ['prefecture'], min: 50, max: 60_000, why: "Ya'an 724 (2019) to Chengdu 24,764 (2025)" },
  { indicator: 'gdp', levels: ['province', 'context'], min: 1_000, max: 200_000, why: 'Tibet about 2,400 (2023, a context province); Sichuan 67,665 (2025)' },
  { indicator: 'gdp', levels: ['zone'], min: 10, max: 20_000, why: 'sub-zones of a few hundred; Liangjiang 4,551 (2022)' },
  { indicator: 'gdp', levels: ['circle'], min: 30_000, max: 200_000, why: 'the Circle 63,000 (2019) to 87,000 (2024)' },
  { indicator: 'population', levels: ['county', 'national'], min: 0.5, max: 1_000, why: 'Baoxing about 5万, Chengkou 19.8 (2021); Shuangliu 272 (2021); Pudong, the largest in China, about 580' },
  { indicator: 'population', levels: ['prefecture'], min: 20, max: 5_000, why: "Ya'an 143 (2021) to Chengdu 2,140 (2023)" },
  { indicator: 'population', levels: ['province', 'context'], min: 200, max: 15_000, why: 'Tibet about 365 (a context province) to Sichuan 8,375 (2019)' },
  { indicator: 'population', levels: ['zone'], min: 0.5, max: 1_000, why: 'zones hold up to a few hundred 万 (Liangjiang about 350, 2025)' },
  { indicator: 'population', levels: ['circle'], min: 5_000, max: 15_000, why: 'the Circle 9,600 (2019) to 9,875 (2022)' },
  // A single plant can make a whole province's output in one district, so the vehicle ranges do not depend on level.
  { indicator: 'vehicles', levels: UNIT_LEVELS, min: 1_000, max: 10_000_000, why: "a plant's output, in thousands at least; Chongqing's peak about 3.2 million (2016)" },
  { indicator: 'nev', levels: UNIT_LEVELS, min: 100, max: 10_000_000, why: 'Chengdu 23,000 (2019) to Chongqing 1,296,000 (2025)' },
  { indicator: 'auto_output_value', levels: UNIT_LEVELS, min: 1, max: 30_000, why: "Longquanyi 287 (Jan-Apr 2025) to Liangjiang 2,123 (2022); all of Chongqing's car industry about 5,000" },
];

export function plausibleRange(indicator: RawIndicatorId, level: UnitLevel): PlausibleRange | undefined {
  return PLAUSIBLE_RANGES.find((range) => range.indicator === indicator && range.levels.includes(level));
}

export function isPlausible(value: number, range: PlausibleRange): boolean {
  return value >= range.min && value <= range.max;
}

export interface YearlyChangeLimit {
  /** Largest plausible ratio of a year's figure to the year before's. */
  rise: number;
  /** Smallest plausible ratio. */
  fall: number;
  why: string;
}

/**
 * How far a unit's full-year figure may move from one year to the next; over a gap of n years the limits compound
 * (rise^n, fall^n). Every limit is inside ×10, so a shifted decimal point shows. A change of basis (`ec5`) is
 * compared like any other: the restatement moved GDP by a few percent, far inside the limits, so it explains no jump
 * that breaks them. A real break (a census revision, a boundary change) is named in the row's `break` column.
 */
export const YEARLY_CHANGE_LIMITS: Readonly<Record<RawIndicatorId, YearlyChangeLimit>> = {
  gdp: { rise: 1.35, fall: 0.75, why: 'nominal growth peaked near +26% a year (Chongqing 2011); falls beyond -25% take a disaster' },
  population: { rise: 1.1, fall: 0.9, why: "year-end residents move a few percent a year (Chengdu's fastest about +4%); census revisions are breaks" },
  vehicles: { rise: 2, fall: 0.5, why: 'output swings with plants and markets (Chongqing -17% in 2018, +52% 2019-2022)' },
  nev: { rise: 4, fall: 0.4, why: 'new-energy output grew +140% (Chongqing 2022) and faster in the early years' },
  auto_output_value: { rise: 2, fall: 0.5, why: 'follows vehicle output' },
};

/** Whether `ratio` (later / earlier figure) over `years` years stays inside the limit. */
export function isPlausibleChange(ratio: number, years: number, limit: YearlyChangeLimit): boolean {
  return ratio <= limit.rise ** years && ratio >= limit.fall ** years;
}

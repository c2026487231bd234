import type { IndicatorId, IndicatorModel } from './dataset';
import { computeBreaks, classIndex, classBounds, type ClassMethod } from './classify';
import { RATIO_PALETTE, TOTALS_UNDERLAY_PALETTE, classColors, colorFor, radiusFor, type Palette } from './palette';

/** Totals are drawn as proportional circles over lightly shaded units; everything else is a ratio (choropleth). */
const TOTAL_INDICATORS = new Set<IndicatorId>(['gdp', 'population', 'census_population', 'vehicles', 'nev', 'auto_output_value']);

export function isTotal(indicator: IndicatorId): boolean {
  return TOTAL_INDICATORS.has(indicator);
}

/** Largest circle radius, px: the largest value of any year gets it, so sizes hold still as years change. */
export const MAX_CIRCLE_RADIUS_PX = 28;

export interface LegendClass {
  color: string;
  /** Inclusive lower bound and upper bound of the class. */
  lo: number;
  hi: number;
  /** Units of the level in this class in the shown year. */
  count: number;
}

/** What the map and legend show for one indicator and year at one level: computed state, no rendering. */
export interface MapColouring {
  indicator: IndicatorId;
  year: number;
  kind: 'ratio' | 'total';
  palette: Palette;
  /** Class breaks from ALL years of the indicator, so the legend holds still while time moves. */
  breaks: number[];
  values: Map<string, number | null>;
  /** Each unit's fill (`colorFor`): what the map, the 2D paint and the legend show. */
  fills: Map<string, string>;
  /** Proportional circles, for totals: radius px ∝ √value, over the largest value of any year; null for ratios. */
  radii: Map<string, number> | null;
  maxValue: number;
  classes: LegendClass[];
  noDataCount: number;
}

export function computeMapColouring(
  model: IndicatorModel,
  unitIds: readonly string[],
  indicator: IndicatorId,
  year: number,
  method: ClassMethod,
): MapColouring {
  const allYears: number[] = [];
  for (const id of unitIds) for (const f of model.series(id, indicator)) allYears.push(f.value);
  const breaks = computeBreaks(allYears, method);
  const kind = isTotal(indicator) ? 'total' : 'ratio';
  const palette = kind === 'total' ? TOTALS_UNDERLAY_PALETTE : RATIO_PALETTE;
  const values = new Map<string, number | null>();
  for (const id of unitIds) values.set(id, model.figure(id, indicator, year)?.value ?? null);

  const bounds = classBounds(breaks);
  const colors = bounds.length ? classColors(palette, bounds.length) : [];
  const classes: LegendClass[] = bounds.map(([lo, hi], i) => ({ color: colors[i], lo, hi, count: 0 }));
  let noDataCount = 0;
  for (const value of values.values()) {
    const index = classIndex(value, breaks);
    if (index === null) noDataCount++;
    else classes[index].count++;
  }
  const maxValue = allYears.length ? Math.max(...allYears) : 0;
  const fills = new Map([...values].map(([id, value]) => [id, colorFor(value, breaks, palette)]));
  const radii =
    kind === 'total' && maxValue > 0
      ? new Map([...values].map(([id, value]) => [id, radiusFor(value, maxValue, MAX_CIRCLE_RADIUS_PX)]))
      : null;
  return {
    indicator,
    year,
    kind,
    palette,
    breaks,
    values,
    fills,
    radii,
    maxValue,
    classes,
    noDataCount,
  };
}

/** The largest 1, 2 or 5 × 10^k not above `x`: legend circles labelled with round numbers. */
export function niceFloor(x: number): number {
  if (!(x > 0)) return 0;
  const power = 10 ** Math.floor(Math.log10(x));
  return [5, 2, 1].map((m) => m * power).find((v) => v <= x) ?? power;
}

/** Values of the sample circles in the legend: a round large one and a round small one. */
export function circleKeyValues(maxValue: number): number[] {
  const large = niceFloor(maxValue);
  const small = niceFloor(large / 5);
  return small > 0 && small < large ? [large, small] : large > 0 ? [large] : [];
}

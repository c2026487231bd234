import type { Figure, IndicatorId, IndicatorModel } from './dataset';
import { computeBreaks, classIndex, classBounds, type ClassMethod } from './classify';
import { RATIO_PALETTE, TOTALS_UNDERLAY_PALETTE, classColors, colorFor, radiusFor, type Palette } from './palette';
import { partYearFigure } from './part-year';
import { plantsShown } from './plants';

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
  /** Each unit's class colour (`colorFor`). */
  fills: Map<string, string>;
  /**
   * Whether the map fills the units with `fills` (and the legend shows the classes). A total drawn as circles is
   * not filled too: its units keep their membership colour, and the legend says so.
   */
  filled: boolean;
  /**
   * Proportional circles, for totals at a level that draws them: radius px ∝ √value, over the largest value of any
   * year; the zones' too where the indicator is published for them. Null for ratios, and at all China.
   */
  radii: Map<string, number> | null;
  maxValue: number;
  classes: LegendClass[];
  noDataCount: number;
  /**
   * Units (and zones) with no full-year figure for the year but a part-year one: the longest, listed with its period
   * and never drawn (a part of a year set beside full years would read as a fall).
   */
  partYears: Map<string, Figure>;
}

/** What a level draws besides its units' fills. */
export interface ColouringScope {
  /** The zones over the level: totals of an indicator published for them (the car industry's) get circles. */
  zoneIds?: readonly string[];
  /** Whether the level draws proportional circles at all (all China has no label points: its totals are filled). */
  circles?: boolean;
}

/** Totals published for the new areas, drawn as circles at the zones as well as at units. */
export function zonesDrawnAsSymbols(indicator: IndicatorId): boolean {
  return plantsShown(indicator);
}

export function computeMapColouring(
  model: IndicatorModel,
  unitIds: readonly string[],
  indicator: IndicatorId,
  year: number,
  method: ClassMethod,
  { zoneIds = [], circles = true }: ColouringScope = {},
): MapColouring {
  const allYears: number[] = [];
  for (const id of unitIds) for (const f of model.series(id, indicator)) allYears.push(f.value);
  const breaks = computeBreaks(allYears, method);
  const symbolZones = isTotal(indicator) && circles && zonesDrawnAsSymbols(indicator) ? zoneIds : [];
  // The circles' scale covers the zones drawn with them, so one size means one figure on the map.
  const scaled = [...allYears];
  for (const id of symbolZones) for (const f of model.series(id, indicator)) scaled.push(f.value);
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
  const maxValue = scaled.length ? Math.max(...scaled) : 0;
  const fills = new Map([...values].map(([id, value]) => [id, colorFor(value, breaks, palette)]));
  const drawsCircles = kind === 'total' && circles;
  const circleValues = new Map([...values, ...symbolZones.map((id) => [id, model.figure(id, indicator, year)?.value ?? null] as const)]);
  const radii =
    drawsCircles && maxValue > 0
      ? new Map([...circleValues].map(([id, value]) => [id, radiusFor(value, maxValue, MAX_CIRCLE_RADIUS_PX)]))
      : null;
  const partYears = new Map<string, Figure>();
  for (const id of [...unitIds, ...zoneIds]) {
    if (model.figure(id, indicator, year)) continue;
    const part = partYearFigure(model, id, indicator, year);
    if (part) partYears.set(id, part);
  }
  return {
    indicator,
    year,
    kind,
    palette,
    breaks,
    values,
    fills,
    filled: !drawsCircles,
    radii,
    maxValue,
    classes,
    noDataCount,
    partYears,
  };
}

/** Whether the map draws at least one circle: the legend's circle key stands for circles on the map, not for none. */
export function drawsAnyCircle(colouring: MapColouring): boolean {
  return colouring.radii !== null && [...colouring.radii.values()].some((r) => r > 0);
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

/**
 * The one source of truth for data colours: the map's look (src/look/layers.ts) and the legends read them from here.
 * `colorFor` and `radiusFor` decide per value; the maps are handed their results (feature-state for MapLibre, whose
 * expressions are src/map/expressions.ts) and only display them, so they cannot disagree.
 */
import { classCountOf, classIndex } from './classify';

export interface Palette {
  id: string;
  /** Light to dark; every step darker than the one before (checked in palette.test.ts). */
  colors: readonly string[];
}

/** The feature-state keys the map sets per unit (a `colorFor` colour, a `radiusFor` radius) and the style reads. */
export const FEATURE_STATE_FILL_KEY = 'fill';
export const FEATURE_STATE_RADIUS_KEY = 'radius';

/**
 * Ratios (per capita, shares, growth) as shaded fills: viridis at 9 even stops, light to dark. Of the ColorBrewer
 * and viridis ramps checked, it keeps neighbouring steps furthest apart under simulated protanopia, deuteranopia
 * and tritanopia, and none of its steps turns grey (so none passes for "no data"); YlGnBu's teal step did.
 */
export const RATIO_PALETTE: Palette = {
  id: 'viridis',
  colors: ['#fde725', '#addc30', '#5ec962', '#28ae80', '#21918c', '#2c728e', '#3b528b', '#472d7b', '#440154'],
};

/**
 * A quiet underlay beneath proportional circles for totals (GDP, vehicles): the five lightest steps of ColorBrewer
 * Blues, so the dark orange circles (`CIRCLE_FILL`) stay the figure and the fill the ground.
 */
export const TOTALS_UNDERLAY_PALETTE: Palette = {
  id: 'blues-light',
  colors: ['#f7fbff', '#deebf7', '#c6dbef', '#9ecae1', '#6baed6'],
};

/**
 * No data: a neutral mid-light grey, darker than every lowest class, so it never reads as "lowest"; the test keeps it
 * at least 10 CIELAB units from every palette colour, in normal and simulated colour-blind vision. MapLibre cannot
 * switch `fill-pattern` on feature-state, so the fill is flat grey on every map, legend and picture; the legends name
 * the bin ("no data") so it is recognisable without relying on colour.
 */
export const NO_DATA_COLOR = '#bdbdbd';

/** Proportional circles for totals: orange against the blue underlay, a pairing colour-blind viewers tell apart. */
export const CIRCLE_FILL = '#d95f0e';
export const CIRCLE_FILL_OPACITY = 0.75;
export const CIRCLE_STROKE = '#ffffff';

/**
 * `classCount` colours spread evenly over the palette, always from its lightest to its darkest step
 * (a single class takes the middle step, so it does not look like "lowest").
 */
export function classColors(palette: Palette, classCount: number): string[] {
  const steps = palette.colors.length;
  if (classCount > steps) {
    throw new RangeError(`palette ${palette.id} has ${steps} colours, ${classCount} classes asked`);
  }
  if (classCount === 1) return [palette.colors[Math.floor((steps - 1) / 2)]];
  return Array.from({ length: classCount }, (_, i) => palette.colors[Math.round((i * (steps - 1)) / (classCount - 1))]);
}

/** The fill for one value; null, NaN or no classes give `NO_DATA_COLOR`. */
export function colorFor(value: number | null, breaks: readonly number[], palette: Palette): string {
  const index = classIndex(value, breaks);
  if (index === null) return NO_DATA_COLOR;
  return classColors(palette, classCountOf(breaks))[index];
}

/**
 * Circle radius in px so that circle AREA is proportional to the value: `maxRadiusPx * sqrt(value / maxValue)`.
 * Null, negative or non-finite values draw nothing (radius 0); values above `maxValue` are capped, as
 * `interpolate` caps them in the map.
 */
export function radiusFor(value: number | null, maxValue: number, maxRadiusPx: number): number {
  if (value === null || !Number.isFinite(value) || value <= 0 || !(maxValue > 0)) return 0;
  return maxRadiusPx * Math.sqrt(Math.min(value, maxValue) / maxValue);
}

/**
 * The view a URL describes, and the run-time catalog it is checked against. Pure: no DOM, no data loading.
 * What a *valid* state is lives with the URL parameters in `url-codec.ts` (`isValidState`), so the one
 * parameter list decides parsing, validation and writing together.
 */

import type { Classification, Lang, Level } from '../model/vocabulary';

export { CLASSIFICATIONS, LANGS, LEVELS, LEVEL_INDICATOR, type Classification, type Lang, type Level } from '../model/vocabulary';

export const PANELS = ['table', 'compare', 'sources', 'charts'] as const;
export type Panel = (typeof PANELS)[number];

export const BASEMAPS = ['offline', 'osm'] as const;
export type Basemap = (typeof BASEMAPS)[number];

/** At most this many units side by side in the compare panel. */
export const MAX_COMPARE = 2;

/** The charts beside the map: the level's ranking, the selected units' lines over time, the gap between units. */
export const CHARTS = ['ranking', 'lines', 'gap'] as const;
export type ChartKind = (typeof CHARTS)[number];

/** At most this many lines over time (more would not tell apart by colour). */
export const MAX_LINES = 8;

export interface Camera {
  readonly zoom: number;
  readonly lat: number;
  readonly lng: number;
  /** Degrees in [-180, 180). */
  readonly bearing: number;
  /** Degrees, whole numbers in [0, CAMERA_LIMITS.maxPitch]. */
  readonly pitch: number;
}

export interface ViewState {
  /** null: the default framing of the whole Circle (fitted by the map), so it survives screen sizes. */
  readonly camera: Camera | null;
  readonly level: Level;
  readonly indicator: string;
  readonly year: number;
  readonly classification: Classification;
  /** A unit id: 6-digit adcode or zone slug. */
  readonly selected: string | null;
  /** Distinct unit ids, at most MAX_COMPARE. */
  readonly compare: readonly string[];
  readonly zones: boolean;
  readonly lang: Lang;
  readonly panel: Panel | null;
  /** Which chart the charts panel shows. */
  readonly chart: ChartKind;
  /** Distinct unit ids drawn as lines over time, at most MAX_LINES. */
  readonly lines: readonly string[];
  /** Lines as an index, each unit's first year-end figure = 100. */
  readonly chartIndex: boolean;
  readonly embed: boolean;
  readonly basemap: Basemap;
}

export interface IndicatorYears {
  /** Years that have data; at least one. Any order. */
  readonly years: readonly number[];
  /** Shown when a link names no year; one of `years`. Absent: the latest year. */
  readonly defaultYear?: number;
  /**
   * The year a link naming no year (or a mangled one) opens at a level: the one best covered there, so a fallback
   * never lands on a year the level leaves grey. Asked only when needed (it counts figures); undefined, or a year
   * not in `years`: `defaultYear`.
   */
  readonly defaultYearAt?: (level: Level) => number | undefined;
}

/**
 * What the loaded data offers, given by the app at run time so the codec stays data-independent.
 * Preconditions: `defaultIndicator` is a key of `indicators`, and every indicator has at least one year.
 * The defaults of the other fields are not here on purpose: what an absent parameter means is frozen per
 * URL format version in `url-codec.ts`, since a default that could change at run time would silently
 * change what old links show.
 */
export interface Catalog {
  /** Every unit a link may select or compare: 6-digit adcodes and zone slugs. */
  readonly unitIds: readonly string[];
  /**
   * Ids of units not loaded yet that a link may still name (all China's adcodes, until its file has arrived): taken
   * as written, and checked once the units are in (`Store.addUnits`). Absent: `unitIds` is all there is.
   */
  readonly awaitsUnit?: (id: string) => boolean;
  /** Every plant a link may select, as `sel` names it (`plant:faw-vw-chengdu`); absent: none (plants.json not loaded). */
  readonly plantIds?: readonly string[];
  readonly indicators: Readonly<Record<string, IndicatorYears>>;
  readonly defaultIndicator: string;
}

/** Own keys only: ids such as `constructor` or `__proto__` must not resolve to Object.prototype members. */
export function indicatorYears(catalog: Catalog, indicator: string): IndicatorYears | undefined {
  return Object.hasOwn(catalog.indicators, indicator) ? catalog.indicators[indicator] : undefined;
}

export function defaultYear(catalog: Catalog, indicator: string, level?: Level): number {
  const info = indicatorYears(catalog, indicator);
  if (!info) return Number.NaN; // only for a catalog that breaks its preconditions; isValidState then fails
  const atLevel = level !== undefined ? info.defaultYearAt?.(level) : undefined;
  if (atLevel !== undefined && info.years.includes(atLevel)) return atLevel;
  return info.defaultYear !== undefined && info.years.includes(info.defaultYear)
    ? info.defaultYear
    : Math.max(...info.years);
}

/** The available year closest to `year`; on a tie the later one, since newer figures are the likelier intent. */
export function nearestYear(years: readonly number[], year: number): number | undefined {
  let best: number | undefined;
  for (const candidate of years) {
    if (best === undefined) {
      best = candidate;
      continue;
    }
    const gap = Math.abs(candidate - year) - Math.abs(best - year);
    if (gap < 0 || (gap === 0 && candidate > best)) best = candidate;
  }
  return best;
}

/**
 * MapLibre's hard limits (Mercator latitude, zoom, pitch). The map clamps further to its own bounds;
 * the codec only rejects what no map could show.
 */
const CAMERA_LIMITS = { minZoom: 0, maxZoom: 24, maxLat: 85.051129, maxPitch: 85 } as const;

/** Decimals kept in the URL (MapLibre's hash: zoom 2, bearing 1, pitch whole; lat/lng 5 ≈ 1 m). */
const CAMERA_DECIMALS = { zoom: 2, lat: 5, lng: 5, bearing: 1, pitch: 0 } as const;

const CAMERA_FIELDS = ['zoom', 'lat', 'lng', 'bearing', 'pitch'] as const;

function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  const rounded = Math.round(value * scale) / scale;
  return rounded === 0 ? 0 : rounded; // no -0: it would not deep-equal 0 after a round trip
}

/** Into [-180, 180), rounded; wrapping comes first so 179.999999 cannot round up to 180. */
function wrapDegrees(value: number, decimals: number): number {
  const rounded = roundTo((((value + 180) % 360) + 360) % 360 - 180, decimals);
  return rounded >= 180 ? rounded - 360 : rounded;
}

/**
 * The camera as a link stores it: rounded to URL precision, longitude and bearing wrapped (both are
 * periodic, so wrapping shows the same view). Ranges are not checked here; see `isValidCamera`.
 * The store should pass map cameras through this so state and URL agree exactly.
 */
export function quantizeCamera(camera: Camera): Camera {
  return {
    zoom: roundTo(camera.zoom, CAMERA_DECIMALS.zoom),
    lat: roundTo(camera.lat, CAMERA_DECIMALS.lat),
    lng: wrapDegrees(camera.lng, CAMERA_DECIMALS.lng),
    bearing: wrapDegrees(camera.bearing, CAMERA_DECIMALS.bearing),
    pitch: roundTo(camera.pitch, CAMERA_DECIMALS.pitch),
  };
}

/** Finite, and inside what MapLibre can show (lng and bearing are periodic, so any finite value is fine). */
export function cameraInRange(camera: Camera): boolean {
  return (
    CAMERA_FIELDS.every((field) => Number.isFinite(camera[field])) &&
    camera.zoom >= CAMERA_LIMITS.minZoom &&
    camera.zoom <= CAMERA_LIMITS.maxZoom &&
    Math.abs(camera.lat) <= CAMERA_LIMITS.maxLat &&
    camera.pitch >= 0 &&
    camera.pitch <= CAMERA_LIMITS.maxPitch
  );
}

export function sameCamera(a: Camera | null, b: Camera | null): boolean {
  if (a === null || b === null) return a === b;
  return CAMERA_FIELDS.every((field) => a[field] === b[field]);
}

/** Quantized (so it survives the URL unchanged) and in range. */
export function isValidCamera(camera: Camera): boolean {
  const quantized = quantizeCamera(camera);
  return CAMERA_FIELDS.every((field) => Object.is(quantized[field], camera[field])) && cameraInRange(camera);
}

/**
 * While the charts are open, the selected unit is among the lines: a unit picked on the map, in the ranking, search
 * or the table joins them (the oldest leaves past MAX_LINES). `isUnit` tells units from plants.
 */
export function linesFollowSelection(next: ViewState, isUnit: (id: string) => boolean): ViewState {
  const id = next.selected;
  if (next.panel !== 'charts' || id === null || !isUnit(id) || next.lines.includes(id)) return next;
  return { ...next, lines: [...next.lines, id].slice(-MAX_LINES) };
}

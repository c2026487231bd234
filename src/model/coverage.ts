/**
 * How well a view is covered by figures, and the view to open instead of a mostly grey one. Pure: the picker,
 * the level switch, Play, the URL's fallbacks and the coverage notice all ask this one module.
 */
import type { Figure, IndicatorId, IndicatorModel } from './dataset';
import { LEVEL_INDICATOR, LEVELS, type Level } from './vocabulary';
import { drawsUnit, isZoneArea } from './level-units';
import type { UnitProps } from './units';
import { zonesDrawnAsSymbols } from './map-colouring';

/**
 * A view where at least this share of its units has a figure is covered; below it, the app offers a better year
 * or level and the map says where figures exist (more than a quarter grey is a map of gaps, not of figures).
 */
const COVERED_SHARE = 0.75;

export interface Coverage {
  /** Units of `of` with a full-year figure. */
  withData: number;
  of: number;
}

/**
 * The units a level's coverage and ranks are counted over: the Circle's units the level draws (all China's at the
 * national level, where the map is the country); zones are counted apart (`zoneIds`).
 */
export function coverageUnits(units: ReadonlyMap<string, UnitProps>, level: Level): readonly string[] {
  // Asked on every render of the picker, the notice and the unit panel: counted once per level until units arrive.
  let known = coverageCache.get(units);
  if (!known || known.size !== units.size) {
    known = { size: units.size, byLevel: new Map() };
    coverageCache.set(units, known);
  }
  let ids = known.byLevel.get(level);
  if (!ids) {
    ids = [];
    for (const unit of units.values()) {
      if (isZoneArea(unit) || !drawsUnit(level, unit)) continue;
      if (level === 'china' || unit.circle !== 'none') ids.push(unit.id);
    }
    ids.sort();
    known.byLevel.set(level, ids);
  }
  return ids;
}

const coverageCache = new WeakMap<ReadonlyMap<string, UnitProps>, { size: number; byLevel: Map<Level, string[]> }>();

/** The zones drawn as areas, which rank among themselves. */
export function zoneIds(units: ReadonlyMap<string, UnitProps>): string[] {
  return [...units.values()].filter(isZoneArea).map((unit) => unit.id).sort();
}

export function coverageOf(model: IndicatorModel, ids: readonly string[], indicator: IndicatorId, year: number): Coverage {
  let withData = 0;
  for (const id of ids) if (model.figure(id, indicator, year)) withData++;
  return { withData, of: ids.length };
}

export function isCovered(coverage: Coverage): boolean {
  return coverage.of > 0 && coverage.withData >= coverage.of * COVERED_SHARE;
}

/** Years of the indicator with at least one figure among `ids`, ascending: what the slider and Play step through. */
export function yearsWithFigures(model: IndicatorModel, ids: readonly string[], indicator: IndicatorId): number[] {
  return model.years(indicator).filter((year) => coverageOf(model, ids, indicator, year).withData > 0);
}

/**
 * The year of the indicator best covered among `ids`: the most figures; on a tie the one nearest `preferred`,
 * then the later. Undefined when no year has a figure.
 */
export function bestYear(model: IndicatorModel, ids: readonly string[], indicator: IndicatorId, preferred: number): number | undefined {
  let best: { year: number; count: number } | undefined;
  for (const year of model.years(indicator)) {
    const count = coverageOf(model, ids, indicator, year).withData;
    if (count === 0) continue;
    if (!best || count > best.count || (count === best.count && closer(year, best.year, preferred))) best = { year, count };
  }
  return best?.year;
}

function closer(candidate: number, current: number, preferred: number): boolean {
  const [a, b] = [Math.abs(candidate - preferred), Math.abs(current - preferred)];
  return a < b || (a === b && candidate > current);
}

export interface ViewChoice {
  level: Level;
  indicator: IndicatorId;
  year: number;
}

/**
 * The view to open when the user picks an indicator at a level: the shown year if it is covered there, else the
 * level's best-covered year if that is covered; else the level covering it best where one covers it (population is
 * published for cities, not districts); else the level and year with the most figures. The car industry's
 * indicators keep the level: they are drawn at every one. The indicator is what the user asked for and is kept.
 */
export function viewForIndicator(
  model: IndicatorModel,
  units: ReadonlyMap<string, UnitProps>,
  level: Level,
  indicator: IndicatorId,
  year: number,
): ViewChoice {
  const here = coverageUnits(units, level);
  if (isCovered(coverageOf(model, here, indicator, year))) return { level, indicator, year };
  if (zonesDrawnAsSymbols(indicator)) {
    // Drawn at every level (circles at the units and zones with a figure, the plants, the provinces' totals in the
    // legend): the level stays, at the year with the most figures among its units and zones.
    const drawn = [...here, ...zoneIds(units)];
    return { level, indicator, year: coverageOf(model, drawn, indicator, year).withData > 0 ? year : (bestYear(model, drawn, indicator, year) ?? year) };
  }
  const options = LEVELS.flatMap((candidate) => {
    const ids = candidate === level ? here : coverageUnits(units, candidate);
    const best = bestYear(model, ids, indicator, year);
    if (best === undefined) return [];
    const coverage = coverageOf(model, ids, indicator, best);
    return [{ level: candidate, year: best, covered: isCovered(coverage), share: coverage.withData / coverage.of }];
  });
  const own = options.find((option) => option.level === level);
  if (own?.covered) return { level, indicator, year: own.year };
  const covered = options.filter((option) => option.covered);
  const pick = (list: typeof options) => list.reduce((a, b) => (b.share > a.share ? b : a));
  if (covered.length) {
    const best = pick(covered);
    return { level: best.level, indicator, year: best.year };
  }
  if (own) return { level, indicator, year: own.year };
  if (options.length) {
    const best = pick(options);
    return { level: best.level, indicator, year: best.year };
  }
  // Figures for zones alone (the seed's auto output value): their best year, drawn over the level.
  return { level, indicator, year: bestYear(model, zoneIds(units), indicator, year) ?? year };
}

/**
 * The indicator and year to show when the user switches level: the shown indicator where it is covered there in
 * some year (the shown year if covered), else `fallback` (the level's own indicator, which covers every unit).
 */
export function viewForLevel(
  model: IndicatorModel,
  units: ReadonlyMap<string, UnitProps>,
  level: Level,
  indicator: IndicatorId,
  year: number,
  fallback: IndicatorId,
): ViewChoice {
  const ids = coverageUnits(units, level);
  if (isCovered(coverageOf(model, ids, indicator, year))) return { level, indicator, year };
  const best = bestYear(model, ids, indicator, year);
  if (best !== undefined && isCovered(coverageOf(model, ids, indicator, best))) return { level, indicator, year: best };
  const fallbackYear = bestYear(model, ids, fallback, year) ?? model.years(fallback)[0] ?? year;
  return { level, indicator: fallback, year: fallbackYear };
}

/** The indicator a level falls back to where the shown one would leave it mostly grey. */
const FALLBACK_INDICATOR: IndicatorId = 'gdp';

/**
 * The view (a patch of the URL state) a switch to `level` opens, from the `shown` indicator and year: the shown indicator where figures cover it there (the shown year, or the
 * best-covered one); otherwise the level's own indicator (all counties and all China: figures every unit has),
 * never a mostly grey map.
 */
export function levelPatch(
  model: IndicatorModel,
  units: ReadonlyMap<string, UnitProps>,
  shown: { readonly indicator: string; readonly year: number },
  level: Level,
): ViewChoice {
  const own = LEVEL_INDICATOR[level] as IndicatorId | undefined;
  const fallback = own && model.years(own).length > 0 ? own : FALLBACK_INDICATOR;
  const choice = viewForLevel(model, units, level, shown.indicator as IndicatorId, shown.year, fallback);
  return { level, indicator: choice.indicator, year: choice.year };
}

/** Units with a figure for the indicator and year that the level does not draw: where else figures exist. */
export function figuresElsewhere(
  model: IndicatorModel,
  units: ReadonlyMap<string, UnitProps>,
  level: Level,
  indicator: IndicatorId,
  year: number,
): UnitProps[] {
  const drawn = new Set(coverageUnits(units, level));
  return [...units.values()].filter(
    (unit) =>
      !drawn.has(unit.id) &&
      unit.level !== 'context' &&
      unit.level !== 'national' &&
      unit.shape !== 'point' &&
      model.figure(unit.id, indicator, year) !== null,
  );
}

export interface RankPeers {
  ids: readonly string[];
  /** What the rank is counted among, as the panel says it. */
  scope: Level | 'zones';
}

/**
 * Whom a unit ranks among: zones among zones; a unit the level draws among the level's units counted for coverage;
 * a unit shown at another level (found by search) among that level's. Null for a unit outside the Circle at a
 * level of the Circle: it has no place in the Circle's ranking.
 */
export function rankPeers(units: ReadonlyMap<string, UnitProps>, level: Level, unit: UnitProps): RankPeers | null {
  if (isZoneArea(unit)) return { ids: zoneIds(units), scope: 'zones' };
  const shownAt = drawsUnit(level, unit) ? level : LEVELS.find((other) => drawsUnit(other, unit));
  if (!shownAt || (shownAt !== 'china' && unit.circle === 'none')) return null;
  return { ids: coverageUnits(units, shownAt), scope: shownAt };
}

export interface PublishedFigure {
  unit: UnitProps;
  /** The figure of the year asked, else the unit's latest full-year one. */
  figure: Figure;
}

/**
 * Where a figure a unit lacks is published instead: the units it lies in (its city, its province or municipality)
 * and the zones drawn from it or from its parts, each with its figure of `year`, else its latest. Vehicle output is
 * published for the municipality and the new areas, not for their districts.
 */
export function publishedAbove(
  model: IndicatorModel,
  units: ReadonlyMap<string, UnitProps>,
  unit: UnitProps,
  indicator: IndicatorId,
  year: number,
): PublishedFigure[] {
  const around: UnitProps[] = [];
  for (let parent = unit.parent ? units.get(unit.parent) : undefined; parent; parent = parent.parent ? units.get(parent.parent) : undefined) {
    around.push(parent);
  }
  const inUnit = (id: string) => id === unit.id || units.get(id)?.parent === unit.id;
  for (const zone of units.values()) {
    if (isZoneArea(zone) && zone.id !== unit.id && zone.drawn_from?.some(inUnit)) around.push(zone);
  }
  return around.flatMap((candidate) => {
    const figure = model.figure(candidate.id, indicator, year) ?? model.series(candidate.id, indicator).at(-1);
    return figure ? [{ unit: candidate, figure }] : [];
  });
}

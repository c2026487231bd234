/**
 * Which units a level shows, as plain predicates for panels (tables, pickers) that must list exactly what the
 * map draws. Mirrors LEVEL_MEMBERS in src/map/style.ts; level-units.test.ts evaluates the style's own filters
 * against this, so the two cannot drift apart silently.
 */
import { LEVELS, type Level } from '../state/view-state';
import type { UnitProps } from './units';

const CHONGQING = '500000';

const LEVEL_MEMBERS: Readonly<Record<Level, (unit: UnitProps) => boolean>> = {
  // The planning outline's own units: Sichuan's prefectures and Chongqing's districts and counties.
  units: (unit) => unit.level === 'prefecture' || (unit.level === 'county' && unit.parent === CHONGQING),
  // Chongqing as one city beside Sichuan's prefectures.
  cities: (unit) => (unit.level === 'province' && unit.id === CHONGQING) || unit.level === 'prefecture',
  // Every county-level unit drawn, with Sichuan's prefectures outside the Circle kept whole.
  districts: (unit) => unit.level === 'county' || (unit.level === 'prefecture' && unit.circle === 'none'),
  // All China's county-level units: the Circle's counties are the same units (same adcodes) as the national ones.
  china: (unit) => unit.level === 'national' || unit.level === 'county',
};

/** Whether the map draws `unit` at `level` (zones aside). */
export function drawsUnit(level: Level, unit: UnitProps): boolean {
  return LEVEL_MEMBERS[level](unit);
}

/** Zones drawn as areas; their markers (points) are parts of a zone, not units of their own. */
export function isZoneArea(unit: UnitProps): boolean {
  return unit.level === 'zone' && unit.shape !== 'point';
}

/** The units the map draws at `level`, in adcode order, followed by the zones. */
export function unitsOfLevel(units: ReadonlyMap<string, UnitProps>, level: Level): UnitProps[] {
  const all = [...units.values()];
  const byId = (a: UnitProps, b: UnitProps) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return [...all.filter(LEVEL_MEMBERS[level]).sort(byId), ...all.filter(isZoneArea).sort(byId)];
}

/**
 * The level to show `unit` at: the current one if it draws the unit, else the first that does (a county found
 * by search while the map shows cities switches to all counties). Zones are drawn at every level.
 */
export function levelShowing(unit: UnitProps, current: Level): Level {
  if (isZoneArea(unit) || drawsUnit(current, unit)) return current;
  return LEVELS.find((level) => drawsUnit(level, unit)) ?? current;
}

/**
 * Which units each level shows: the one definition read by the map's style (its layer filters, src/map/style.ts),
 * the 2D map, and the panels (tables, pickers) that must list exactly what the map draws. level-units.test.ts runs
 * the style's filters against `unitsOfLevel`.
 */
import { LEVELS, type Level } from './vocabulary';
import { LEVEL_OF_OBJECT, UNIT_OBJECTS, type UnitObject, type UnitProps } from './units';

const CHONGQING = '500000';

/** Some features of a unit object: those whose property equals a value. */
export interface MemberCondition {
  readonly property: 'id' | 'parent' | 'circle';
  readonly equals: string;
}

export interface LevelMembers {
  /** Per unit object of the Circle's boundaries: all its units (true), those meeting a condition, none (absent). */
  readonly objects: Readonly<Partial<Record<UnitObject, true | MemberCondition>>>;
  /**
   * All China's county-level units, drawn from the national data; the Circle's own counties are the same units (same
   * adcodes) and are drawn there, not from the Circle's layers.
   */
  readonly national: boolean;
}

export const LEVEL_MEMBERS: Readonly<Record<Level, LevelMembers>> = {
  // The planning outline's own units: Sichuan's prefectures and Chongqing's districts and counties.
  units: { objects: { prefectures: true, counties: { property: 'parent', equals: CHONGQING } }, national: false },
  // Chongqing as one city beside Sichuan's prefectures.
  cities: { objects: { provinces: { property: 'id', equals: CHONGQING }, prefectures: true }, national: false },
  // Every county-level unit drawn, with Sichuan's prefectures outside the Circle kept whole.
  districts: { objects: { prefectures: { property: 'circle', equals: 'none' }, counties: true }, national: false },
  china: { objects: {}, national: true },
};

/** Whether a level draws proportional circles: on its units' label points, which all China's units have none of. */
export function levelDrawsCircles(level: Level): boolean {
  return !LEVEL_MEMBERS[level].national;
}

/** Whether the Circle's layer for `object` draws `unit` (a unit of that object) at `level`. */
export function objectDraws(object: UnitObject, level: Level, unit: UnitProps): boolean {
  const members = LEVEL_MEMBERS[level].objects[object];
  return members === true || (members !== undefined && unit[members.property] === members.equals);
}

/** Whether the map draws `unit` at `level` (zones aside). */
export function drawsUnit(level: Level, unit: UnitProps): boolean {
  if (LEVEL_MEMBERS[level].national && (unit.level === 'national' || unit.level === 'county')) return true;
  const object = UNIT_OBJECTS.find((o) => LEVEL_OF_OBJECT[o] === unit.level);
  return object !== undefined && objectDraws(object, level, unit);
}

/** Zones drawn as areas; their markers (points) are parts of a zone, not units of their own. */
export function isZoneArea(unit: UnitProps): boolean {
  return unit.level === 'zone' && unit.shape !== 'point';
}

/** The units the map draws at `level`, in adcode order, followed by the zones. */
export function unitsOfLevel(units: ReadonlyMap<string, UnitProps>, level: Level): UnitProps[] {
  const all = [...units.values()];
  const byId = (a: UnitProps, b: UnitProps) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return [...all.filter((unit) => drawsUnit(level, unit)).sort(byId), ...all.filter(isZoneArea).sort(byId)];
}

/**
 * The level to show `unit` at: the current one if it draws the unit, else the first that does (a county found
 * by search while the map shows cities switches to all counties). Zones are drawn at every level.
 */
export function levelShowing(unit: UnitProps, current: Level): Level {
  if (isZoneArea(unit) || drawsUnit(current, unit)) return current;
  return LEVELS.find((level) => drawsUnit(level, unit)) ?? current;
}

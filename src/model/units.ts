/** Unit records shared by the boundary build (geo/) and the app: the properties of every feature in
 *  public/data/boundaries.topo.json and every record in geo/units.json. */

/** `national`: a county-level unit of all China (public/data/china.topo.json), outside the Circle's own layers. */
export type UnitLevel = 'context' | 'province' | 'prefecture' | 'county' | 'zone' | 'circle' | 'national';

/** Membership of the Chengdu-Chongqing Economic Circle per the 2021 planning outline. */
export type Membership = 'full' | 'partial' | 'none';

/** How an approximate zone shape (or marker) was drawn. */
export type ZoneShape = 'union-of-units' | 'containing-units' | 'schematic-circles' | 'point';

/** A boundary line of all China (data/china-lines.json, geo/lib/national/lines.ts); no unit. */
export interface BoundaryLineProps {
  /** `line-` and the feature's index in the source file. */
  id: string;
  /** The South China Sea dashes (九段线), which the exported picture's inset shows when its frame does not reach them. */
  sea: boolean;
}
export type BoundaryLines = import('geojson').FeatureCollection<import('geojson').MultiLineString, BoundaryLineProps>;

export interface UnitProps {
  /** 6-digit adcode, zone slug, zone marker slug, or `circle`. */
  id: string;
  name_zh: string;
  name_en: string;
  /** Toneless, lower case, syllables separated by single spaces, e.g. `yu bei qu`. */
  pinyin: string;
  level: UnitLevel;
  parent: string | null;
  circle: Membership;
  /** Area of the shipped geometry (turf), km², 1 decimal; 0 for point markers. */
  area_km2: number;
  /** Zones and zone markers: the drawing is an approximation, never an official boundary. */
  approx?: true;
  official_area_km2?: number;
  shape?: ZoneShape;
  shape_zh?: string;
  shape_en?: string;
  /** Where the map puts the unit's name and proportional circle: a point inside the shape [lng, lat], chosen at build
   *  time (turf pointOnFeature) for the objects in LABELLED_OBJECTS. */
  label?: [number, number];
  /** National units: the province-level division they lie in (data/china.topo.json), e.g. 福建省 / Fujian. */
  province_zh?: string;
  province_en?: string;
  /** Ids of the units whose union draws the shape (zones drawn from administrative units). */
  drawn_from?: string[];
  note_zh?: string;
  note_en?: string;
}

/** The TopoJSON object names of public/data/boundaries.topo.json, in drawing order. */
export const BOUNDARY_OBJECTS = [
  'context',
  'provinces',
  'prefectures',
  'counties',
  'circle',
  'zones',
  'zone_markers',
] as const;
export type BoundaryObject = (typeof BOUNDARY_OBJECTS)[number];

/** The objects whose features are the clickable, colourable units of some level, and the level each holds. */
export const UNIT_OBJECTS = ['provinces', 'prefectures', 'counties'] as const satisfies readonly BoundaryObject[];
export type UnitObject = (typeof UNIT_OBJECTS)[number];
export const LEVEL_OF_OBJECT: Record<UnitObject, UnitLevel> = { provinces: 'province', prefectures: 'prefecture', counties: 'county' };

/** The objects whose units carry a `label` point. */
export const LABELLED_OBJECTS = [...UNIT_OBJECTS, 'zones'] as const;
export type LabelledObject = (typeof LABELLED_OBJECTS)[number];

/**
 * The larger place a unit lies in, by name, to tell apart units of the same name (there are four 鼓楼区): its parent
 * in the atlas, or for a national unit its province-level division. Null where there is none (provinces, zones).
 */
export function placeOf(unit: UnitProps, units: ReadonlyMap<string, UnitProps>, lang: 'zh' | 'en'): string | null {
  const parent = unit.parent ? units.get(unit.parent) : undefined;
  if (parent) return lang === 'zh' ? parent.name_zh : parent.name_en;
  return (lang === 'zh' ? unit.province_zh : unit.province_en) ?? null;
}

import type {
  StyleSpecification,
  LayerSpecification,
  FilterSpecification,
  ExpressionSpecification,
  GeoJSONSourceSpecification,
  RasterSourceSpecification,
  RasterLayerSpecification,
  VectorSourceSpecification,
} from 'maplibre-gl';
import type { Boundaries } from '../data/boundaries';
import { LABELLED_OBJECTS, LEVEL_OF_OBJECT, UNIT_OBJECTS, type BoundaryLines, type UnitLevel, type UnitObject, type UnitProps } from '../model/units';
import type { Level } from '../state/view-state';
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import { LAYERS, type Features, type LookLayer, type Paint } from '../look/layers';
import { drawsUnit, LEVEL_MEMBERS } from '../model/level-units';
import { byProperty, byState, sqrtRadius, STATE_RADIUS, unitFill, zoomed, type PaintValue } from './expressions';
import type { PlantPoint } from '../look/plants';

/**
 * The MapLibre style: the look's layers (src/look/layers.ts) translated, one MapLibre layer per entry, over the
 * sources below. Nothing of the look is written here; only how MapLibre is told it.
 */

/**
 * The Circle's levels come from two GeoJSON sources: every polygon (context, units, the Circle's outline, zones) and
 * every point (label points, zone markers). Layers pick their features by `level`. MapLibre tiles each source on its
 * own in its one worker and draws a frame as each source's tiles arrive; with a source per object, eleven of them,
 * it loaded about half a second later here (README, Benchmark).
 */
export const SHAPES_SOURCE = 'shapes';
export const POINTS_SOURCE = 'points';
/** The vehicle assembly plants (src/look/plants.ts): a source of their own, set once. */
export const PLANTS_SOURCE = 'plants';

/** The plants as GeoJSON points, drawn where plantPoints puts them. */
export function plantCollection(plants: readonly PlantPoint[]): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: plants.map((p) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: p.lngLat }, properties: { ...p.properties } })),
  };
}

/**
 * Sources MapLibre reads as pre-built vector tiles (geo/lib/national/tiles.ts) rather than tiling GeoJSON in its
 * worker: all China's 2,891 units. One source layer, `counties`; features carry `id`, `name_zh`, `name_en`.
 */
/**
 * `bounds` is the set's data box, where the build wrote a tile for every position (empty ones included): MapLibre
 * asks for nothing outside it, so a host that answers a missing file with its index page is never asked.
 * style.test.ts checks these boxes against the data.
 */
export const TILED_SOURCES = {
  china: { minzoom: 3, maxzoom: 7, bounds: [73.498962, 3.832541, 135.087387, 53.558498] },
} as const satisfies Record<string, { minzoom: number; maxzoom: number; bounds: readonly [number, number, number, number] }>;
export const TILE_SOURCE_LAYER = 'counties';
export const NATIONAL_SOURCE = 'china';
/** All China's boundary lines (data/china-lines.json, 9 KB): GeoJSON, given once the level's data has arrived. */
export const NATIONAL_LINES_SOURCE = 'china-lines';
export const NO_LINES: BoundaryLines = { type: 'FeatureCollection', features: [] };

/** Whether a layer draws all China's features (units or lines): shown at the level that draws them. */
const isNational = (features: Features | undefined) => features?.of === 'national' || features?.of === 'national-lines';

export function nationalVisibility(level: Level): 'visible' | 'none' {
  return LEVEL_MEMBERS[level].national ? 'visible' : 'none';
}

/** A tile address MapLibre's worker can fetch: absolute, with the `{z}/{x}/{y}` template left unencoded. */
export function tileUrl(source: keyof typeof TILED_SOURCES, baseUri: string): string {
  return `${new URL(`tiles/${source}/`, baseUri).href}{z}/{x}/{y}.pbf`;
}

function tiled(source: keyof typeof TILED_SOURCES, baseUri: string): VectorSourceSpecification {
  const { minzoom, maxzoom, bounds } = TILED_SOURCES[source];
  return {
    type: 'vector',
    tiles: [tileUrl(source, baseUri)],
    minzoom,
    maxzoom,
    bounds: [...bounds],
    promoteId: { [TILE_SOURCE_LAYER]: 'id' },
    attribution: '',
  };
}


const NEVER: FilterSpecification = ['==', ['get', 'id'], '__never__'];

function isLevel(level: UnitLevel): ExpressionSpecification {
  return ['==', ['get', 'level'], level];
}

/** The features of one unit object that `level` draws, in either source (a label point carries its unit's level). */
export function levelFilter(object: UnitObject, level: Level, extra?: FilterSpecification): FilterSpecification {
  const members = LEVEL_MEMBERS[level].objects[object];
  if (!members) return NEVER;
  const parts: FilterSpecification[] = [isLevel(LEVEL_OF_OBJECT[object])];
  if (members !== true) parts.push(['==', ['get', members.property], members.equals]);
  if (extra) parts.push(extra);
  return parts.length === 1 ? parts[0] : (['all', ...parts] as FilterSpecification);
}

/** Zone markers (points standing for a zone's parts) share the points source with the units' label points. */
const IS_ZONE_MARKER: ExpressionSpecification = ['==', ['get', 'shape'], 'point'];

export const HATCH_IMAGE = 'hatch';

/**
 * The optional online basemap's tile address, fixed at build time (VITE_BASEMAP_TILES). Raster tiles: a vector
 * basemap would bring glyphs and fonts of its own that clash with our local labels. (`?.`: the build itself runs this
 * module without Vite's env, to draw the first view, src/first-view/.)
 */
export const BASEMAP_TILES: string = import.meta.env?.VITE_BASEMAP_TILES || 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const BASEMAP_SOURCE = 'basemap';

/** Our own constant, never text from a data file or the build variable: MapLibre renders attributions as HTML. */
const OSM_ATTRIBUTION = '<a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">© OpenStreetMap contributors</a>';

export const BASEMAP_SOURCE_SPEC: RasterSourceSpecification = {
  type: 'raster',
  tiles: [BASEMAP_TILES],
  tileSize: 256,
  maxzoom: 19,
  attribution: OSM_ATTRIBUTION,
};

export const BASEMAP_LAYER: RasterLayerSpecification = { id: BASEMAP_SOURCE, type: 'raster', source: BASEMAP_SOURCE };

function geojson(data: GeoJSONSourceSpecification['data']): GeoJSONSourceSpecification {
  // promoteId: string adcodes become feature ids, so feature-state can address them.
  return { type: 'geojson', data, promoteId: 'id', attribution: '' };
}

/** Each unit's label point (UnitProps.label, chosen at build time) as a point feature: where its circle and name go. */
function labelPointsOf(collection: FeatureCollection<Geometry, UnitProps>): FeatureCollection<Point, UnitProps> {
  return {
    type: 'FeatureCollection',
    features: collection.features.flatMap((f) =>
      f.properties.label ? [{ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: f.properties.label }, properties: f.properties }] : [],
    ),
  };
}

/**
 * The shapes source's features: the context, both provinces (their outline is drawn at every level), the Circle's
 * outline, the zones and the units `level` draws; every unit for `level` null. The style starts with one level's:
 * at the default level MapLibre's worker then tiles a third fewer vertices before its first frame (Sichuan's
 * counties wait). AtlasMap gives it all of them when another level is first shown.
 */
export function shapeFeatures(boundaries: Boundaries, level: Level | null): Feature<Geometry, UnitProps>[] {
  const units = UNIT_OBJECTS.flatMap((o) => boundaries[o].features).filter((f) => level === null || f.properties.level === 'province' || drawsUnit(level, f.properties));
  // Drawing order: features of one layer are drawn in source order, and the unit layers pick by level.
  return [...boundaries.context.features, ...units, ...boundaries.circle.features, ...boundaries.zones.features];
}

export function buildStyle(
  boundaries: Boundaries,
  level: Level,
  zonesVisible: boolean,
  baseUri: string,
  plants: readonly PlantPoint[] = [],
  plantsVisible = false,
  nationalLines: BoundaryLines | null = null,
): StyleSpecification {
  // Circles sit on points of their own: on the polygons MapLibre would put one on every tile's piece of a unit.
  const sources: StyleSpecification['sources'] = {
    [SHAPES_SOURCE]: geojson({ type: 'FeatureCollection', features: shapeFeatures(boundaries, level) }),
    [POINTS_SOURCE]: geojson({
      type: 'FeatureCollection',
      features: [...LABELLED_OBJECTS.flatMap((o) => labelPointsOf(boundaries[o]).features), ...boundaries.zone_markers.features],
    }),
  };
  sources[PLANTS_SOURCE] = geojson(plantCollection(plants));
  // Tiles are fetched only while a layer of the source is visible: other levels cost nothing.
  sources[NATIONAL_SOURCE] = tiled('china', baseUri);
  sources[NATIONAL_LINES_SOURCE] = geojson(nationalLines ?? NO_LINES);

  const layers = LAYERS.map((layer) => styleLayer(layer, level, zonesVisible, plantsVisible));
  // No symbol layers, so no `glyphs` and no `sprite`: names are drawn over the map by labels.ts, and the style makes
  // no request.
  return { version: 8, sources, layers };
}

/** Where a layer's features come from, and which of them it draws at `level`. */
function featureSource(features: Features, level: Level): { source: string; 'source-layer'?: string; filter?: FilterSpecification } {
  switch (features.of) {
    case 'level':
      return { source: SHAPES_SOURCE, filter: features.notShape ? ['all', isLevel(features.level), ['!=', ['get', 'shape'], features.notShape]] : isLevel(features.level) };
    case 'members':
      return { source: SHAPES_SOURCE, filter: levelFilter(features.object, level, features.circle ? ['==', ['get', 'circle'], features.circle] : undefined) };
    case 'national':
      return { source: NATIONAL_SOURCE, 'source-layer': TILE_SOURCE_LAYER };
    case 'national-lines':
      return { source: NATIONAL_LINES_SOURCE };
    case 'zone-markers':
      return { source: POINTS_SOURCE, filter: IS_ZONE_MARKER };
    case 'member-points':
      return { source: POINTS_SOURCE, filter: levelFilter(features.object, level) };
    case 'zone-points':
      return { source: POINTS_SOURCE, filter: ['all', isLevel('zone'), ['!', IS_ZONE_MARKER]] };
    case 'plants':
      return { source: PLANTS_SOURCE };
  }
}

/** Opacities are written only where they are not MapLibre's default, 1. */
const opacity = (name: string, value: number | undefined): Record<string, PaintValue> => (value === undefined || value === 1 ? {} : { [name]: value });

function stylePaint(paint: Paint): Record<string, PaintValue | boolean> {
  switch (paint.type) {
    case 'background':
      return { 'background-color': paint.colour };
    case 'fill':
      return typeof paint.colour === 'string'
        ? { 'fill-color': paint.colour, ...opacity('fill-opacity', paint.opacity) }
        : // Unit fills: seams between neighbours come from antialiasing; borders are a line layer of their own.
          { 'fill-color': unitFill(paint.colour), 'fill-antialias': false, ...opacity('fill-opacity', paint.opacity) };
    case 'hatch':
      return { 'fill-pattern': HATCH_IMAGE, ...opacity('fill-opacity', paint.opacity) };
    case 'line': {
      const width = typeof paint.width === 'object' && 'normal' in paint.width ? byState(paint.width) : zoomed(paint.width);
      const dash = paint.dash && ('property' in paint.dash ? byProperty(paint.dash) : [...paint.dash]);
      return {
        'line-color': paint.colour,
        'line-width': width,
        ...(paint.opacity ? { 'line-opacity': byState(paint.opacity) } : {}),
        ...(dash ? { 'line-dasharray': dash } : {}),
      };
    }
    case 'circle':
      return {
        'circle-radius': paint.radius === 'state' ? STATE_RADIUS : typeof paint.radius === 'number' ? paint.radius : sqrtRadius(paint.radius),
        'circle-color': typeof paint.colour === 'string' ? paint.colour : byProperty(paint.colour),
        ...opacity('circle-opacity', paint.opacity),
        'circle-stroke-color': paint.selected ? byState({ normal: paint.strokeColour, selected: paint.selected.strokeColour }) : paint.strokeColour,
        'circle-stroke-width': paint.selected ? byState({ normal: paint.strokeWidth, selected: paint.selected.strokeWidth }) : paint.strokeWidth,
      };
  }
}

const LAYER_TYPE: Record<Paint['type'], LayerSpecification['type']> = { background: 'background', fill: 'fill', hatch: 'fill', line: 'line', circle: 'circle' };

/** One entry of the look's table as a MapLibre layer at `level`. */
function styleLayer({ id, features, zones, plants, paint }: LookLayer, level: Level, zonesVisible: boolean, plantsVisible: boolean): LayerSpecification {
  const from = features ? featureSource(features, level) : {};
  const shown = (on: boolean) => (on ? 'visible' : 'none');
  const visibility = zones ? shown(zonesVisible) : plants ? shown(plantsVisible) : isNational(features) ? nationalVisibility(level) : null;
  return { id, type: LAYER_TYPE[paint.type], ...from, ...(visibility ? { layout: { visibility } } : {}), paint: stylePaint(paint) } as LayerSpecification;
}

/** The layers shown or hidden with the zones. */
export const ZONE_LAYERS = LAYERS.filter((layer) => layer.zones).map((layer) => layer.id);
/** The layers shown or hidden with the plants. */
export const PLANT_LAYERS = LAYERS.filter((layer) => layer.plants).map((layer) => layer.id);
/** The layers of the plants' own symbols (the others shown with them are the zones' circles). */
export const PLANT_SYMBOL_LAYERS = LAYERS.filter((layer) => layer.features?.of === 'plants').map((layer) => layer.id);

/** What a level changes in the style: the filters of the layers that draw its members, the national layers' visibility. */
export function levelChanges(level: Level): { filters: [string, FilterSpecification][]; visibility: [string, 'visible' | 'none'][] } {
  const filters: [string, FilterSpecification][] = [];
  const visibility: [string, 'visible' | 'none'][] = [];
  for (const { id, features } of LAYERS) {
    if (features?.of === 'members' || features?.of === 'member-points') filters.push([id, featureSource(features, level).filter!]);
    else if (isNational(features)) visibility.push([id, nationalVisibility(level)]);
  }
  return { filters, visibility };
}

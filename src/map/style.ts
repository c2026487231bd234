import type {
  StyleSpecification,
  LayerSpecification,
  FilterSpecification,
  ExpressionSpecification,
  GeoJSONSourceSpecification,
  RasterSourceSpecification,
  RasterLayerSpecification,
  LineLayerSpecification,
  VectorSourceSpecification,
} from 'maplibre-gl';
import type { Boundaries } from '../data/boundaries';
import { LEVEL_OF_OBJECT, UNIT_OBJECTS, type UnitLevel, type UnitObject, type UnitProps } from '../model/units';
import type { Lang, Level } from '../state/view-state';
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import { drawsUnit } from '../model/level-units';
import { type StyleExpression, CIRCLE_FILL, CIRCLE_FILL_OPACITY, CIRCLE_STROKE, STATE_RADIUS_EXPRESSION, stateFillExpression } from '../model/palette';


/**
 * The Circle's levels come from two GeoJSON sources: every polygon (context, units, the Circle's outline, zones) and
 * every point (label points, zone markers). Layers pick their features by `level`. MapLibre tiles each source on its
 * own in its one worker and draws a frame as each source's tiles arrive; with a source per object, eleven of them,
 * it loaded about half a second later here (README, Benchmark).
 */
export const SHAPES_SOURCE = 'shapes';
export const POINTS_SOURCE = 'points';

/**
 * Which features of each unit object make up a level. `true` = all of them, absent = none.
 * - units: the planning outline's own units (Chongqing's districts, Sichuan's cities)
 * - cities: Chongqing as one, Sichuan's cities
 * - districts: county-level units of the Circle, the non-Circle Sichuan cities as whole cities
 */
const LEVEL_MEMBERS: Record<Level, Partial<Record<UnitObject, FilterSpecification | true>>> = {
  units: { prefectures: true, counties: ['==', ['get', 'parent'], '500000'] },
  cities: { provinces: ['==', ['get', 'id'], '500000'], prefectures: true },
  districts: { prefectures: ['==', ['get', 'circle'], 'none'], counties: true },
  // Drawn by the national source instead (NATIONAL_LAYERS).
  china: {},
};

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
export const NATIONAL_LAYERS = ['china-fill', 'china-line', 'china-highlight'] as const;

export function nationalVisibility(level: Level): 'visible' | 'none' {
  return level === 'china' ? 'visible' : 'none';
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
  const members = LEVEL_MEMBERS[level][object];
  if (!members) return NEVER;
  const parts: FilterSpecification[] = [isLevel(LEVEL_OF_OBJECT[object])];
  if (members !== true) parts.push(members);
  if (extra) parts.push(extra);
  return parts.length === 1 ? parts[0] : (['all', ...parts] as FilterSpecification);
}

/** Zone markers (points standing for a zone's parts) share the points source with the units' label points. */
const IS_ZONE_MARKER: ExpressionSpecification = ['==', ['get', 'shape'], 'point'];

/** Camera limits and framing shared by AtlasMap and the 2D map, so both show the same picture for the same state. */
export const ZOOM_LIMITS = { minZoom: 3, maxZoom: 12 } as const;
/** Around the default view (the Circle, or all China). */
export const DEFAULT_PADDING = 24;
/** Around a unit framed after a search. */
export const FOCUS = { padding: 80, maxZoom: 9 } as const;

export const COLORS = {
  background: '#f3f1ec',
  context: '#e2dfd8',
  contextLine: '#b9b4aa',
  unitLine: '#ffffff',
  provinceLine: '#5d5a55',
  circleLine: '#b2182b',
  hover: '#1a1a1a',
  selected: '#000000',
  label: '#2b2b2b',
  labelHalo: '#ffffff',
  zone: '#6a3d9a',
  membershipFull: '#a6cee3',
  membershipPartial: '#cfe3ee',
  outside: '#e9e6df',
} as const;

/** Fill colour when no indicator is shown: membership of the Circle. */
const MEMBERSHIP_FILL: ExpressionSpecification = [
  'match',
  ['get', 'circle'],
  'full',
  COLORS.membershipFull,
  'partial',
  COLORS.membershipPartial,
  COLORS.outside,
];

/** Unit fills: the indicator colour the map sets as feature-state, membership where it sets none. */
export const UNIT_FILL = stateFillExpression(MEMBERSHIP_FILL as StyleExpression) as ExpressionSpecification;

export const HATCH_IMAGE = 'hatch';

/** Hover and selection outlines: one colour, wider and opaque when selected (the 2D paint draws the same). */
const HIGHLIGHT_PAINT: LineLayerSpecification['paint'] = {
  'line-color': COLORS.hover,
  'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 3, 2],
  'line-opacity': ['case', ['boolean', ['feature-state', 'selected'], false], 1, ['boolean', ['feature-state', 'hover'], false], 0.85, 0],
};

/**
 * The optional online basemap's tile address, fixed at build time (VITE_BASEMAP_TILES). Raster tiles: a vector
 * basemap would bring glyphs and fonts of its own that clash with our local labels. (`?.`: the build itself runs this
 * module without Vite's env, to draw the first view, src/first-view/.)
 */
export const BASEMAP_TILES: string = import.meta.env?.VITE_BASEMAP_TILES || 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const BASEMAP_SOURCE = 'basemap';
/** Unit fills over the online basemap: see-through, so its streets and places show. */
export const BASEMAP_FILL_OPACITY = 0.7;

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

/** After a zone's name wherever it is shown: its shape is drawn by hand, not official. */
export const APPROX_SUFFIX: Record<Lang, string> = { zh: '（示意）', en: ' (approx.)' };

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
): StyleSpecification {
  // Circles sit on points of their own: on the polygons MapLibre would put one on every tile's piece of a unit.
  const sources: StyleSpecification['sources'] = {
    [SHAPES_SOURCE]: geojson({ type: 'FeatureCollection', features: shapeFeatures(boundaries, level) }),
    [POINTS_SOURCE]: geojson({
      type: 'FeatureCollection',
      features: [...UNIT_OBJECTS.flatMap((o) => labelPointsOf(boundaries[o]).features), ...boundaries.zone_markers.features],
    }),
  };
  // Tiles are fetched only while a layer of the source is visible: other levels cost nothing.
  sources[NATIONAL_SOURCE] = tiled('china', baseUri);

  const zoneVisibility = zonesVisible ? 'visible' : 'none';
  const layers: LayerSpecification[] = [
    { id: 'background', type: 'background', paint: { 'background-color': COLORS.background } },
    { id: 'context-fill', type: 'fill', source: SHAPES_SOURCE, filter: isLevel('context'), paint: { 'fill-color': COLORS.context } },
    {
      id: 'context-line',
      type: 'line',
      source: SHAPES_SOURCE,
      filter: isLevel('context'),
      paint: { 'line-color': COLORS.contextLine, 'line-width': 0.8 },
    },
  ];
  for (const s of UNIT_OBJECTS) {
    layers.push(
      {
        id: `${s}-fill`,
        type: 'fill',
        source: SHAPES_SOURCE,
        filter: levelFilter(s, level),
        // Seams between neighbours come from antialiasing; borders are a line layer of their own.
        paint: { 'fill-color': UNIT_FILL, 'fill-antialias': false },
      },
      {
        id: `${s}-partial`,
        type: 'fill',
        source: SHAPES_SOURCE,
        filter: levelFilter(s, level, ['==', ['get', 'circle'], 'partial']),
        paint: { 'fill-pattern': HATCH_IMAGE, 'fill-opacity': 0.55 },
      },
      {
        id: `${s}-line`,
        type: 'line',
        source: SHAPES_SOURCE,
        filter: levelFilter(s, level),
        paint: { 'line-color': COLORS.unitLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.5, 9, 1.5] },
      },
    );
  }
  const national = { source: NATIONAL_SOURCE, 'source-layer': TILE_SOURCE_LAYER, layout: { visibility: nationalVisibility(level) } };
  layers.push(
    { id: 'china-fill', type: 'fill', ...national, paint: { 'fill-color': UNIT_FILL, 'fill-antialias': false } },
    {
      id: 'china-line',
      type: 'line',
      ...national,
      paint: { 'line-color': COLORS.unitLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.2, 8, 1] },
    },
    { id: 'china-highlight', type: 'line', ...national, paint: HIGHLIGHT_PAINT },
  );
  layers.push(
    {
      id: 'provinces-outline',
      type: 'line',
      source: SHAPES_SOURCE,
      filter: isLevel('province'),
      paint: { 'line-color': COLORS.provinceLine, 'line-width': 1.6 },
    },
    {
      id: 'circle-line',
      type: 'line',
      source: SHAPES_SOURCE,
      filter: isLevel('circle'),
      paint: { 'line-color': COLORS.circleLine, 'line-width': 2, 'line-dasharray': [3, 1.5] },
    },
  );
  for (const s of UNIT_OBJECTS) {
    layers.push({
      id: `${s}-highlight`,
      type: 'line',
      source: SHAPES_SOURCE,
      filter: levelFilter(s, level),
      paint: HIGHLIGHT_PAINT,
    });
  }
  layers.push(
    {
      id: 'zones-fill',
      type: 'fill',
      source: SHAPES_SOURCE,
      filter: ['all', isLevel('zone'), ['!=', ['get', 'shape'], 'containing-units']],
      layout: { visibility: zoneVisibility },
      paint: { 'fill-color': COLORS.zone, 'fill-opacity': 0.22 },
    },
    {
      id: 'zones-line',
      type: 'line',
      source: SHAPES_SOURCE,
      filter: isLevel('zone'),
      layout: { visibility: zoneVisibility },
      paint: {
        'line-color': COLORS.zone,
        'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 3.5, 2],
        // Dotted for "units that contain parts of the zone", dashed for approximate outlines.
        'line-dasharray': ['match', ['get', 'shape'], 'containing-units', ['literal', [0.5, 1.5]], ['literal', [2, 1]]],
      },
    },
    {
      id: 'zone-markers',
      type: 'circle',
      source: POINTS_SOURCE,
      filter: IS_ZONE_MARKER,
      layout: { visibility: zoneVisibility },
      paint: {
        'circle-radius': 4,
        'circle-color': COLORS.zone,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    },
  );
  for (const s of UNIT_OBJECTS) {
    // Proportional circles for totals; radius 0 (only the stroke shows) unless a total sets one.
    layers.push({
      id: `${s}-circles`,
      type: 'circle',
      source: POINTS_SOURCE,
      filter: levelFilter(s, level),
      paint: {
        'circle-radius': STATE_RADIUS_EXPRESSION as ExpressionSpecification,
        'circle-color': CIRCLE_FILL,
        'circle-opacity': CIRCLE_FILL_OPACITY,
        'circle-stroke-color': CIRCLE_STROKE,
        'circle-stroke-width': 1,
      },
    });
  }
  // No symbol layers, so no `glyphs` and no `sprite`: names are drawn over the map by labels.ts, and the style makes
  // no request.
  return { version: 8, sources, layers };
}

/**
 * The map's look that is not a layer (layers.ts has those): colours, camera limits and framing. Read by every
 * painter (MapLibre's style, the 2D map, the SVG first view, the PNG export) and by the panels, so both maps show the
 * same picture for the same state.
 */

export const COLORS = {
  background: '#f3f1ec',
  context: '#e2dfd8',
  contextLine: '#b9b4aa',
  unitLine: '#ffffff',
  provinceLine: '#5d5a55',
  boundaryLine: '#7b3f61',
  circleLine: '#b2182b',
  hover: '#1a1a1a',
  selected: '#000000',
  label: '#2b2b2b',
  labelHalo: '#ffffff',
  zone: '#6a3d9a',
  zoneMarkerStroke: '#ffffff',
  membershipFull: '#a6cee3',
  membershipPartial: '#cfe3ee',
  outside: '#e9e6df',
  plantStroke: '#ffffff',
} as const;

/**
 * The plants' symbols by what they make (model/plants.ts's products): apart from the choropleth palettes' blues,
 * greens and oranges and the zones' purple; dark enough to read over any class.
 */
export const PRODUCT_COLOURS = {
  passenger_ice: '#3b3b3b',
  passenger_nev: '#1b9e77',
  commercial: '#c51b7d',
  mini: '#e6ab02',
} as const satisfies Record<'passenger_ice' | 'passenger_nev' | 'commercial' | 'mini', string>;

/** Camera limits shared by AtlasMap and the 2D map. */
export const ZOOM_LIMITS = { minZoom: 3, maxZoom: 12 } as const;
/** Around the default view (the Circle, or all China). */
export const DEFAULT_PADDING = 24;
/** Around a unit framed after a search. */
export const FOCUS = { padding: 80, maxZoom: 9 } as const;

/**
 * The South China Sea inset (南海诸岛) of an exported all-China picture, as maps of the whole country carry it: the
 * area it shows (the dashes, Hainan and the coast), and how far south the picture's main map reaches when it opens
 * at the default framing (Hainan's southern tip is at 18.2°N), the islands and dashes beyond it left to the inset.
 */
export const SOUTH_CHINA_SEA_INSET = { bounds: [106.5, 2.6, 123, 23.6], mainSouth: 17.8 } as const;

/** Unit fills over the online basemap (MapLibre only): see-through, so its streets and places show. */
export const BASEMAP_FILL_OPACITY = 0.7;

/** After a zone's name wherever it is shown: its shape is drawn by hand, not official. */

/**
 * The charts beside the map (src/ui/charts.tsx and the charts drawn with it). Written into the SVG as attributes, so
 * a saved chart (SVG or PNG) looks as it does on screen.
 */
export const CHART_COLOURS = {
  text: '#2b2b2b',
  muted: '#6b665e',
  grid: '#e3dfd6',
  axis: '#8d877c',
  bar: '#9db7cf',
  barSelected: '#1f5f99',
  highlight: COLORS.hover,
  /** Reference lines: the Circle as its outline on the map, the two provinces apart from it and from each other. */
  reference: { circle: COLORS.circleLine, '500000': '#d95f02', '510000': '#1b9e77' } as Readonly<Record<string, string>>,
  /** One per line over time, told apart in order (the compare panel's two first). */
  series: ['#1f78b4', '#e66101', '#1b9e77', '#7570b3', '#a6761d', '#e7298a', '#525252', '#66a61e'],
  /** The gap chart: the Theil index's two parts, and the other measures' line. */
  between: '#5e3c99',
  within: '#b2abd2',
  measure: '#1f78b4',
  background: '#ffffff',
} as const;

export const CHART_WIDTHS = {
  line: 2.2,
  reference: 1.6,
  grid: 1,
  axis: 1,
  /** The outline of a highlighted bar or a pointed-at line's extra width. */
  highlight: 2,
  marker: 3,
  /** Census and part-year points: hollow, so they read as apart from the line. */
  markerApart: 3.5,
  markerStroke: 1.5,
  /** A white edge around text over lines (a bar's value over a reference line). */
  textHalo: 3,
} as const;

export const CHART_DASHES = {
  reference: '5 3',
  currentYear: '3 3',
} as const;

export const CHART_TEXT = {
  family: 'system-ui, "Noto Sans CJK SC", "PingFang SC", sans-serif',
  size: 11,
  titleSize: 14,
} as const;

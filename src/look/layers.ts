/**
 * The map's layers, bottom to top: what each draws and with which paint. The one description of the picture:
 * src/map/style.ts translates it into MapLibre's style, src/paint2d/render.ts's drawView paints it with Canvas 2D or
 * SVG (the 2D map, the first view, the PNG export), and both legends (legend.ts) read their keys from it.
 * look.test.ts checks every painter against it.
 */
import { CIRCLE_FILL, CIRCLE_FILL_OPACITY, CIRCLE_STROKE } from '../model/palette';
import { UNIT_OBJECTS, type Membership, type UnitLevel, type UnitObject, type ZoneShape } from '../model/units';
import { COLORS, PRODUCT_COLOURS } from './theme';
import type { Zoomed } from './zoom';

/** A value for each feature-state the maps set: the selected unit's wins over the hovered one's. */
export interface ByState<T> {
  readonly normal: T;
  readonly hover?: T;
  readonly selected?: T;
}

/** A value by one of the feature's properties (UnitProps). */
export interface ByProperty<T> {
  readonly property: 'circle' | 'shape' | 'product';
  readonly cases: Readonly<Record<string, T>>;
  readonly otherwise: T;
}

/** Which features a layer draws. */
export type Features =
  /** Every feature of one unit level, whatever level the map shows (`notShape`: but those of that zone shape). */
  | { readonly of: 'level'; readonly level: UnitLevel; readonly notShape?: ZoneShape }
  /** The units of one unit object that the map's level draws (level-units.ts), or only those of a membership. */
  | { readonly of: 'members'; readonly object: UnitObject; readonly circle?: Membership }
  /** All China's county-level units, at the level that draws them. */
  | { readonly of: 'national' }
  /** All China's boundary lines (the South China Sea dashes among them), with its units. */
  | { readonly of: 'national-lines' }
  /** The points standing for a zone's parts. */
  | { readonly of: 'zone-markers' }
  /** The label points of the units `members` draws: where their proportional circles go. */
  | { readonly of: 'member-points'; readonly object: UnitObject }
  /** The label points of the zones drawn as areas: where their circles go. */
  | { readonly of: 'zone-points' }
  /** The vehicle assembly plants (src/look/plants.ts spreads those that share a point). */
  | { readonly of: 'plants' };

/**
 * A radius whose disc's area is proportional to a property (`pxPerSqrt` × √value), or `otherwise` px for a feature
 * without it.
 */
export interface SqrtRadius {
  readonly property: 'capacity';
  readonly pxPerSqrt: number;
  readonly otherwise: number;
}

/**
 * A unit's fill: the colour the map gives it as feature-state (an indicator's class, model/map-colouring.ts), or where
 * none is set (no indicator shown) its membership of the Circle.
 */
export interface UnitFill {
  readonly state: 'fill';
  readonly otherwise: ByProperty<string>;
}

/** Dash and gap lengths in multiples of the line's width, as MapLibre's line-dasharray. */
export type Dash = readonly number[];

export type Paint =
  | { readonly type: 'background'; readonly colour: string }
  | { readonly type: 'fill'; readonly colour: string | UnitFill; readonly opacity?: number }
  /** The "partly in the Circle" stripes (hatch.ts) over a fill. */
  | { readonly type: 'hatch'; readonly opacity: number }
  | {
      readonly type: 'line';
      readonly colour: string;
      /** CSS px. */
      readonly width: Zoomed | ByState<number>;
      readonly dash?: Dash | ByProperty<Dash>;
      readonly opacity?: ByState<number>;
    }
  /**
   * A disc and a ring outside it; `radius` px, or the radius the map gives the unit as feature-state ('state': a
   * total's proportional circle, 0 where none, so only the ring shows), or by a property's square root; the colour
   * fixed or by a property.
   */
  | {
      readonly type: 'circle';
      readonly radius: number | 'state' | SqrtRadius;
      readonly colour: string | ByProperty<string>;
      readonly opacity: number;
      readonly strokeColour: string;
      readonly strokeWidth: number;
      /** The selected feature's ring, where it differs (a plant's `sel`). */
      readonly selected?: { readonly strokeColour: string; readonly strokeWidth: number };
    };

export interface LookLayer {
  /** MapLibre's layer id. */
  readonly id: string;
  /** Absent: the whole frame (background). */
  readonly features?: Features;
  /** Shown only while the zones are (the zones toggle). */
  readonly zones?: true;
  /** Shown only while the indicator is one of the car industry's (model/plants.ts, plantsShown): the plants, the zones' circles. */
  readonly plants?: true;
  readonly paint: Paint;
}

export const UNIT_FILL: UnitFill = {
  state: 'fill',
  otherwise: { property: 'circle', cases: { full: COLORS.membershipFull, partial: COLORS.membershipPartial }, otherwise: COLORS.outside },
};

/** Hover and selection outlines: one colour, wider and opaque when selected. */
const HIGHLIGHT: Paint = { type: 'line', colour: COLORS.hover, width: { normal: 2, selected: 3 }, opacity: { normal: 0, hover: 0.85, selected: 1 } };

/** A total's proportional circle (radius by feature-state: 0 where none, so only the ring shows). */
const TOTAL_CIRCLE: Paint = { type: 'circle', radius: 'state', colour: CIRCLE_FILL, opacity: CIRCLE_FILL_OPACITY, strokeColour: CIRCLE_STROKE, strokeWidth: 1 };

const members = (object: UnitObject): Features => ({ of: 'members', object });
const level = (of: UnitLevel): Features => ({ of: 'level', level: of });
const NATIONAL: Features = { of: 'national' };

export const LAYERS: readonly LookLayer[] = [
  { id: 'background', paint: { type: 'background', colour: COLORS.background } },
  { id: 'context-fill', features: level('context'), paint: { type: 'fill', colour: COLORS.context } },
  { id: 'context-line', features: level('context'), paint: { type: 'line', colour: COLORS.contextLine, width: 0.8 } },
  ...UNIT_OBJECTS.flatMap((object): LookLayer[] => [
    { id: `${object}-fill`, features: members(object), paint: { type: 'fill', colour: UNIT_FILL } },
    { id: `${object}-partial`, features: { of: 'members', object, circle: 'partial' }, paint: { type: 'hatch', opacity: 0.55 } },
    // Unit borders widen with zoom.
    { id: `${object}-line`, features: members(object), paint: { type: 'line', colour: COLORS.unitLine, width: { zoom: [[5, 0.5], [9, 1.5]] } } },
  ]),
  { id: 'china-fill', features: NATIONAL, paint: { type: 'fill', colour: UNIT_FILL } },
  // All China's borders are finer and start thinner.
  { id: 'china-line', features: NATIONAL, paint: { type: 'line', colour: COLORS.unitLine, width: { zoom: [[4, 0.2], [8, 1]] } } },
  // The source's boundary lines: a map of all China published in China shows them (the South China Sea dashes).
  { id: 'china-boundary-lines', features: { of: 'national-lines' }, paint: { type: 'line', colour: COLORS.boundaryLine, width: { zoom: [[3, 1.2], [8, 2.4]] } } },
  { id: 'china-highlight', features: NATIONAL, paint: HIGHLIGHT },
  { id: 'provinces-outline', features: level('province'), paint: { type: 'line', colour: COLORS.provinceLine, width: 1.6 } },
  { id: 'circle-line', features: level('circle'), paint: { type: 'line', colour: COLORS.circleLine, width: 2, dash: [3, 1.5] } },
  ...UNIT_OBJECTS.map((object): LookLayer => ({ id: `${object}-highlight`, features: members(object), paint: HIGHLIGHT })),
  {
    id: 'zones-fill',
    features: { of: 'level', level: 'zone', notShape: 'containing-units' },
    zones: true,
    paint: { type: 'fill', colour: COLORS.zone, opacity: 0.22 },
  },
  {
    id: 'zones-line',
    features: level('zone'),
    zones: true,
    paint: {
      type: 'line',
      colour: COLORS.zone,
      width: { normal: 2, selected: 3.5 },
      // Dotted for "units that contain parts of the zone", dashed for approximate outlines.
      dash: { property: 'shape', cases: { 'containing-units': [0.5, 1.5] }, otherwise: [2, 1] },
    },
  },
  {
    id: 'zone-markers',
    features: { of: 'zone-markers' },
    zones: true,
    paint: { type: 'circle', radius: 4, colour: COLORS.zone, opacity: 1, strokeColour: COLORS.zoneMarkerStroke, strokeWidth: 1.5 },
  },
  // Proportional circles for totals.
  ...UNIT_OBJECTS.map((object): LookLayer => ({ id: `${object}-circles`, features: { of: 'member-points', object }, paint: TOTAL_CIRCLE })),
  // The zones' totals, for the figures published for the new areas (the car industry's): the units' circles.
  {
    id: 'zones-circles',
    features: { of: 'zone-points' },
    plants: true,
    paint: TOTAL_CIRCLE,
  },
  // Vehicle assembly plants: coloured by what they make, area by yearly capacity (700,000 vehicles: 12.5 px).
  {
    id: 'plants',
    features: { of: 'plants' },
    plants: true,
    paint: {
      type: 'circle',
      radius: { property: 'capacity', pxPerSqrt: 0.015, otherwise: 4 },
      colour: { property: 'product', cases: PRODUCT_COLOURS, otherwise: PRODUCT_COLOURS.passenger_ice },
      opacity: 0.95,
      strokeColour: COLORS.plantStroke,
      strokeWidth: 1,
      selected: { strokeColour: COLORS.selected, strokeWidth: 2.5 },
    },
  },
];

/** A radius for a feature with these properties. */
export function radiusValue(radius: SqrtRadius, properties: Partial<Record<SqrtRadius['property'], number>>): number {
  const value = properties[radius.property];
  return value === undefined ? radius.otherwise : radius.pxPerSqrt * Math.sqrt(value);
}

/** The layer `id` with its paint, of the type the caller expects (legends read their keys this way). */
export function layerPaint<T extends Paint['type']>(id: string, type: T): Extract<Paint, { type: T }> {
  const paint = LAYERS.find((layer) => layer.id === id)?.paint;
  if (paint?.type !== type) throw new Error(`look: no ${type} layer ${id}`);
  return paint as Extract<Paint, { type: T }>;
}

/** The value for a feature in the given state. */
export function stateValue<T>(value: ByState<T>, state: { selected: boolean; hover: boolean }): T {
  return (state.selected ? value.selected : undefined) ?? (state.hover ? value.hover : undefined) ?? value.normal;
}

/** The value for a feature with these properties. */
export function propertyValue<T>(value: ByProperty<T>, properties: Partial<Record<ByProperty<T>['property'], string>>): T {
  const key = properties[value.property];
  return key !== undefined && Object.hasOwn(value.cases, key) ? value.cases[key] : value.otherwise;
}

/**
 * The map drawn with Canvas 2D: the look's layers (src/look/layers.ts), which MapLibre's style is made from too, with
 * the same camera. It is the first frame while MapLibre loads and the whole map where WebGL2 is missing. Names are
 * drawn over either map by labels.ts.
 */
import type { GeometryCollection, Topology } from 'topojson-specification';
import { hatchImage } from '../look/hatch';
import { LAYERS, propertyValue, radiusValue, stateValue, type Features, type LookLayer } from '../look/layers';
import type { PlantPoint, PlantPointProps } from '../look/plants';
import { plantSelection } from '../model/plants';
import { atZoom } from '../look/zoom';
import { LEVEL_MEMBERS, objectDraws, unitsOfLevel } from '../model/level-units';
import type { MapColouring } from '../model/map-colouring';
import { NO_DATA_COLOR } from '../model/palette';
import { LABELLED_OBJECTS, UNIT_OBJECTS, type BoundaryLineProps, type BoundaryLines, type BoundaryObject, type LabelledObject, type UnitLevel, type UnitObject, type UnitProps } from '../model/units';
import type { Camera, Level } from '../state/view-state';
import { applyTransform, latFromMercatorY, lngFromMercatorX, mercatorX, mercatorY, screenTransform, type LngLatBounds, type ScreenTransform, type Viewport } from './mercator';
import { mercatorShape, pathData, type MercatorShape } from './shapes';
import { mercatorArcs, mercatorPointsOf, mercatorShapesOf } from './topology-shapes';

export interface MercatorPoint {
  properties: UnitProps;
  x: number;
  y: number;
}

/** The boundaries prepared once for drawing and hit-testing. */
export interface Scene {
  context: MercatorShape<UnitProps>[];
  units: Record<UnitObject, MercatorShape<UnitProps>[]>;
  circle: MercatorShape<UnitProps>[];
  zones: MercatorShape<UnitProps>[];
  zoneMarkers: MercatorPoint[];
  /** The vehicle assembly plants, where look/plants.ts puts them; empty until `addPlants` has run. */
  plants: { properties: PlantPointProps; x: number; y: number }[];
  /** Where MapLibre puts each unit's (and zone's) label and proportional circle. */
  labelPoints: Record<LabelledObject, MercatorPoint[]>;
  /** The default framing (no camera in the link): the Circle outline's bounds, or all China's at that level. */
  defaultBounds(level: Level): LngLatBounds;
  /** All China's county-level units (the `china` level), empty until `addNational` has run. */
  national: MercatorShape<UnitProps>[];
  /** All China's boundary lines (open shapes), drawn with its units; empty until `addNational` has run. */
  nationalLines: MercatorShape<BoundaryLineProps>[];
  /** Ids drawn at each level (zones aside). */
  membersOf(level: Level): ReadonlySet<string>;
  /** The shapes of one unit object that a level draws (level-units.ts). */
  unitShapes(object: UnitObject, level: Level): MercatorShape<UnitProps>[];
  /** The unit shapes drawn at a level, in drawing order: the Circle's unit layers, then the national one. */
  layersAt(level: Level): MercatorShape<UnitProps>[][];
  /** The bounds of a unit or zone of any level (all China's once loaded), to frame it; null if there is none. */
  unitBounds(id: string): LngLatBounds | null;
  /** The properties of a unit or zone of any level (all China's once loaded); null if there is none. */
  unit(id: string): UnitProps | null;
}

/** Adds all China's county-level units and boundary lines once they are loaded: the `china` level draws them. */
export function addNational(scene: Scene, topology: Topology, units: GeometryCollection<UnitProps>, lines: BoundaryLines): void {
  scene.national = mercatorShapesOf(units, mercatorArcs(topology));
  scene.nationalLines = lines.features.map((f) => {
    const shape = mercatorShape(f.properties, f.geometry.coordinates.map((line) => [new Float64Array(line.flatMap(([lng, lat]) => [mercatorX(lng), mercatorY(lat)]))]));
    return { ...shape, open: true as const };
  });
  nationalBounds.set(scene, boundsOf(scene.national));
}

const nationalBounds = new WeakMap<Scene, LngLatBounds>();

/** Adds the plants (look/plants.ts's points): the `plants` layer draws them while the view shows plants. */
export function addPlants(scene: Scene, plants: readonly PlantPoint[]): void {
  scene.plants = plants.map((p) => ({ properties: p.properties, x: mercatorX(p.lngLat[0]), y: mercatorY(p.lngLat[1]) }));
}

/** The bounds in degrees of the shapes' outer rings. */
function boundsOf(shapes: MercatorShape<unknown>[]): LngLatBounds {
  const [minX, minY, maxX, maxY] = shapes.reduce(
    (b, { box }) => [Math.min(b[0], box[0]), Math.min(b[1], box[1]), Math.max(b[2], box[2]), Math.max(b[3], box[3])],
    [Infinity, Infinity, -Infinity, -Infinity],
  );
  return [lngFromMercatorX(minX), latFromMercatorY(maxY), lngFromMercatorX(maxX), latFromMercatorY(minY)];
}

/** Straight from boundaries.topo.json (topology-shapes.ts): nothing waits for GeoJSON before the first frame. */
export function prepareScene(topology: Topology): Scene {
  const arcs = mercatorArcs(topology);
  const object = (name: BoundaryObject) => topology.objects[name] as GeometryCollection<UnitProps>;
  const shapes = (name: BoundaryObject) => mercatorShapesOf(object(name), arcs);
  const units = Object.fromEntries(UNIT_OBJECTS.map((s) => [s, shapes(s)])) as Scene['units'];
  const zones = shapes('zones');
  const labelled: Record<LabelledObject, MercatorShape<UnitProps>[]> = { ...units, zones };
  const labelPoints = Object.fromEntries(
    LABELLED_OBJECTS.map((s) => [
      s,
      labelled[s].flatMap(({ properties }) => (properties.label ? [{ properties, x: mercatorX(properties.label[0]), y: mercatorY(properties.label[1]) }] : [])),
    ]),
  ) as Scene['labelPoints'];
  const unitProps = new Map(UNIT_OBJECTS.flatMap((s) => units[s].map((shape) => [shape.properties.id, shape.properties] as const)));
  const members = new Map<Level, ReadonlySet<string>>();
  let nationalMembers: { shapes: MercatorShape<UnitProps>[]; ids: ReadonlySet<string> } = { shapes: [], ids: new Set() };
  const circle = shapes('circle');
  const circleBounds = boundsOf(circle);
  const shapeOf = (id: string) => [...zones, ...UNIT_OBJECTS.flatMap((o) => units[o]), ...scene.national].find((s) => s.properties.id === id);
  const scene: Scene = {
    context: shapes('context'),
    units,
    circle,
    zones,
    zoneMarkers: mercatorPointsOf(topology, object('zone_markers')),
    plants: [],
    labelPoints,
    defaultBounds(level) {
      return (level === 'china' && nationalBounds.get(this)) || circleBounds;
    },
    national: [],
    nationalLines: [],
    unitShapes(object, level) {
      return units[object].filter((shape) => objectDraws(object, level, shape.properties));
    },
    layersAt(level) {
      return [...UNIT_OBJECTS.map((s) => this.unitShapes(s, level)), LEVEL_MEMBERS[level].national ? this.national : []];
    },
    unitBounds(id) {
      const shape = shapeOf(id);
      return shape ? boundsOf([shape]) : null;
    },
    unit(id) {
      return shapeOf(id)?.properties ?? null;
    },
    membersOf(level) {
      // The national units arrive later: that level's members are read off them, kept while they stay the same.
      if (level === 'china') {
        if (nationalMembers.shapes !== this.national) nationalMembers = { shapes: this.national, ids: new Set(this.national.map((s) => s.properties.id)) };
        return nationalMembers.ids;
      }
      let set = members.get(level);
      if (!set) members.set(level, (set = new Set(unitsOfLevel(unitProps, level).map((u) => u.id))));
      return set;
    },
  };
  return scene;
}

/** Everything one frame shows; the camera already resolved (no "default framing" null). */
export interface PaintView {
  camera: Camera;
  level: Level;
  zones: boolean;
  /** Whether the plants are shown (the indicator is the car industry's). */
  plants: boolean;
  selected: string | null;
  hovered: string | null;
  colouring: MapColouring | null;
}

let hatchTile: HTMLCanvasElement | null = null;

/** The hatch image MapLibre draws for "partly in the Circle", as a canvas to make patterns from (map and PNG legend). */
export function hatchCanvas(): HTMLCanvasElement {
  if (!hatchTile) {
    const image = hatchImage();
    hatchTile = document.createElement('canvas');
    hatchTile.width = image.width;
    hatchTile.height = image.height;
    // CPU-backed like the map canvas it is drawn into: a GPU tile would be read back on every frame.
    hatchTile.getContext('2d', { willReadFrequently: true })!.putImageData(new ImageData(new Uint8ClampedArray(image.data), image.width, image.height), 0, 0);
  }
  return hatchTile;
}

/**
 * MapLibre anchors fill patterns to world px at the integer tile zoom below the camera zoom (one image pixel = one
 * such world px), so between integer zooms the stripes grow with the map; the same mapping here keeps them in step.
 * The matrix from hatch-image px to the frame's px, in setTransform's argument order.
 */
export function hatchMatrix(t: ScreenTransform, zoom: number): [number, number, number, number, number, number] {
  const k = 1 / (512 * 2 ** Math.max(0, Math.floor(zoom)));
  return [t.a * k, t.b * k, t.c * k, t.d * k, t.e, t.f];
}

/**
 * What a frame is drawn with: Canvas 2D on screen (below), SVG markup for the first view in index.html
 * (svg-painter.ts). Shapes and points are in unit-world coordinates; widths, dashes and radii in CSS px.
 */
export interface Painter {
  /** A layer of the look begins (a recording painter groups calls by it). */
  layer?(id: string): void;
  background(colour: string): void;
  fill(shape: MercatorShape<UnitProps>, colour: string, opacity?: number): void;
  /** The "partly in the Circle" stripes over a shape's fill. */
  hatch(shape: MercatorShape<UnitProps>, opacity: number): void;
  /** `dash` in multiples of the width, as MapLibre's line-dasharray. */
  stroke(shapes: MercatorShape<unknown>[], colour: string, width: number, dash?: readonly number[], opacity?: number): void;
  /** A MapLibre circle: the fill inside `radius`, the stroke as a ring outside it, each with its own opacity. */
  circle(x: number, y: number, radius: number, strokeWidth: number, fill: string, fillOpacity: number, strokeColour: string): void;
}

/**
 * The 2D map's drawing context. A CPU canvas: where WebGL is software (SwiftShader, blocklisted drivers) an
 * accelerated 2D canvas rasterises every path through emulated GL, which cost seconds of GPU-process time per frame
 * (bench trace). Opaque (every frame covers it all), so the compositor can skip MapLibre's canvas under it from
 * MapLibre's load, when that canvas is shown, to the hand-over (before it, AtlasMap keeps the canvas hidden).
 */
export function frameContext(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  return canvas.getContext('2d', { willReadFrequently: true, alpha: false })!;
}

/** The canvas size in device px for a viewport of CSS px at `dpr`, as MapLibre sizes its own. */
export function frameSize(viewport: Viewport, dpr: number): { width: number; height: number } {
  return { width: Math.floor(viewport.width * dpr), height: Math.floor(viewport.height * dpr) };
}

/** Sizes the canvas for the viewport at `dpr` and draws one frame. */
export function paintFrame(canvas: HTMLCanvasElement, scene: Scene, view: PaintView, viewport: Viewport, dpr: number): void {
  const { width, height } = frameSize(viewport, dpr);
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const ctx = frameContext(canvas);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalAlpha = 1;
  // MapLibre's line defaults: miter joins up to 2× the width, butt caps.
  ctx.lineJoin = 'miter';
  ctx.miterLimit = 2;
  ctx.lineCap = 'butt';
  drawView(canvasPainter(ctx, screenTransform(view.camera, viewport, dpr), view.camera.zoom, dpr), scene, view);
}

function canvasPainter(ctx: CanvasRenderingContext2D, t: ScreenTransform, zoom: number, dpr: number): Painter {
  const paths = new Map<MercatorShape<unknown>, Path2D>();
  const path = (shape: MercatorShape<unknown>) => {
    let p = paths.get(shape);
    if (!p) paths.set(shape, (p = new Path2D(pathData(shape, t))));
    return p;
  };
  let hatch: CanvasPattern | null | undefined;
  return {
    background(colour) {
      ctx.fillStyle = colour;
      ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    },
    fill(shape, colour, opacity = 1) {
      ctx.fillStyle = colour;
      ctx.globalAlpha = opacity;
      ctx.fill(path(shape));
      ctx.globalAlpha = 1;
    },
    hatch(shape, opacity) {
      if (hatch === undefined) {
        hatch = ctx.createPattern(hatchCanvas(), 'repeat');
        hatch?.setTransform(new DOMMatrix(hatchMatrix(t, zoom)));
      }
      if (!hatch) return;
      ctx.fillStyle = hatch;
      ctx.globalAlpha = opacity;
      ctx.fill(path(shape));
      ctx.globalAlpha = 1;
    },
    stroke(shapes, colour, width, dash = [], opacity = 1) {
      ctx.strokeStyle = colour;
      ctx.globalAlpha = opacity;
      ctx.lineWidth = width * dpr;
      ctx.setLineDash(dash.map((d) => d * width * dpr));
      for (const s of shapes) ctx.stroke(path(s));
      ctx.setLineDash([]);
      ctx.globalAlpha = 1;
    },
    circle(x, y, radius, strokeWidth, fill, fillOpacity, strokeColour) {
      const [cx, cy] = applyTransform(t, x, y);
      const inner = radius * dpr;
      const outer = (radius + strokeWidth) * dpr;
      const ring = new Path2D();
      ring.arc(cx, cy, outer, 0, 2 * Math.PI);
      if (inner > 0) ring.arc(cx, cy, inner, 0, 2 * Math.PI, true);
      ctx.fillStyle = strokeColour;
      ctx.fill(ring);
      if (inner > 0) {
        ctx.globalAlpha = fillOpacity;
        ctx.fillStyle = fill;
        ctx.beginPath();
        ctx.arc(cx, cy, inner, 0, 2 * Math.PI);
        ctx.fill();
        ctx.globalAlpha = 1;
      }
    },
  };
}

/** One frame: the look's layers in order (src/look/layers.ts), whatever it is drawn with. */
export function drawView(painter: Painter, scene: Scene, view: PaintView): void {
  for (const layer of LAYERS) {
    if (layer.zones && !view.zones) continue;
    if (layer.plants && !view.plants) continue;
    painter.layer?.(layer.id);
    paintLayer(painter, layer, scene, view);
  }
}

/** The shapes a layer draws at `level`. */
function shapesOf(scene: Scene, features: Features, level: Level): MercatorShape<UnitProps>[] {
  switch (features.of) {
    case 'level': {
      const byLevel: Partial<Record<UnitLevel, MercatorShape<UnitProps>[]>> = {
        context: scene.context,
        province: scene.units.provinces,
        prefecture: scene.units.prefectures,
        county: scene.units.counties,
        circle: scene.circle,
        zone: scene.zones,
      };
      const shapes = byLevel[features.level] ?? [];
      return features.notShape ? shapes.filter((s) => s.properties.shape !== features.notShape) : shapes;
    }
    case 'members': {
      const shapes = scene.unitShapes(features.object, level);
      return features.circle ? shapes.filter((s) => s.properties.circle === features.circle) : shapes;
    }
    case 'national':
      return LEVEL_MEMBERS[level].national ? scene.national : [];
    default:
      return [];
  }
}

/** The points a circle layer draws at `level`. */
function pointsOf(scene: Scene, features: Features, level: Level): MercatorPoint[] {
  if (features.of === 'zone-markers') return scene.zoneMarkers;
  if (features.of === 'zone-points') return scene.labelPoints.zones.filter((p) => p.properties.shape !== 'point');
  if (features.of !== 'member-points') return [];
  const { object } = features;
  return scene.labelPoints[object].filter((p) => objectDraws(object, level, p.properties));
}

function paintLayer(painter: Painter, { features, paint }: LookLayer, scene: Scene, view: PaintView): void {
  if (paint.type === 'background') return painter.background(paint.colour);
  if (!features) return;
  const { colouring } = view;
  if (paint.type === 'circle') {
    const { radius, colour } = paint;
    if (features.of === 'plants') {
      for (const p of scene.plants) {
        const r = typeof radius === 'object' ? radiusValue(radius, p.properties) : typeof radius === 'number' ? radius : 0;
        const fill = typeof colour === 'string' ? colour : propertyValue(colour, p.properties);
        const ring = (view.selected === plantSelection(p.properties.id) && paint.selected) || paint;
        painter.circle(p.x, p.y, r, ring.strokeWidth, fill, paint.opacity, ring.strokeColour);
      }
      return;
    }
    // Like MapLibre's radius-0 circles, those without a total still show their stroke.
    const radiusOf = (id: string) => (radius === 'state' ? (colouring?.radii?.get(id) ?? 0) : typeof radius === 'number' ? radius : radius.otherwise);
    for (const p of pointsOf(scene, features, view.level)) {
      painter.circle(p.x, p.y, radiusOf(p.properties.id), paint.strokeWidth, typeof colour === 'string' ? colour : propertyValue(colour, p.properties), paint.opacity, paint.strokeColour);
    }
    return;
  }
  if (features.of === 'national-lines') {
    // No units: drawn whole, with no feature-state or property paint.
    if (paint.type !== 'line' || (typeof paint.width === 'object' && 'normal' in paint.width) || (paint.dash && 'property' in paint.dash)) {
      throw new Error('look: boundary lines are lines of one width and dash');
    }
    if (LEVEL_MEMBERS[view.level].national && scene.nationalLines.length) painter.stroke(scene.nationalLines, paint.colour, atZoom(paint.width, view.camera.zoom), paint.dash);
    return;
  }
  const shapes = shapesOf(scene, features, view.level);
  switch (paint.type) {
    case 'fill': {
      const { colour } = paint;
      // A unit's feature-state fill is the colouring's (no data where it has none); membership without one, and
      // under a total's circles.
      const fillOf =
        typeof colour === 'string'
          ? () => colour
          : (unit: UnitProps) => (colouring?.filled ? (colouring.fills.get(unit.id) ?? NO_DATA_COLOR) : propertyValue(colour.otherwise, unit));
      for (const shape of shapes) painter.fill(shape, fillOf(shape.properties), paint.opacity);
      return;
    }
    case 'hatch':
      for (const shape of shapes) painter.hatch(shape, paint.opacity);
      return;
    case 'line': {
      const { colour, width, dash = [], opacity } = paint;
      const byState = typeof width === 'object' && 'normal' in width;
      const byProperty = 'property' in dash;
      if (!byState && !byProperty && !opacity) {
        if (shapes.length) painter.stroke(shapes, colour, atZoom(width, view.camera.zoom), dash);
        return;
      }
      // Per feature: its state (selection, hover) or its properties choose the paint.
      for (const shape of shapes) {
        const state = { selected: shape.properties.id === view.selected, hover: shape.properties.id === view.hovered };
        const alpha = opacity ? stateValue(opacity, state) : 1;
        if (alpha === 0) continue;
        const w = byState ? stateValue(width, state) : atZoom(width, view.camera.zoom);
        painter.stroke([shape], colour, w, byProperty ? propertyValue(dash, shape.properties) : dash, alpha);
      }
    }
  }
}

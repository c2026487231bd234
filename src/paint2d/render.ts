/**
 * The map drawn with Canvas 2D: the same layers, colours, widths and camera as the MapLibre style (src/map/style.ts).
 * It is the first frame while MapLibre loads and the whole map where WebGL2 is missing. Names are drawn over either
 * map by labels.ts.
 */
import type { GeometryCollection, Topology } from 'topojson-specification';
import { COLORS } from '../look/theme';
import { hatchImage } from '../look/hatch';
import { unitsOfLevel } from '../model/level-units';
import type { MapColouring } from '../model/map-colouring';
import { CIRCLE_FILL, CIRCLE_FILL_OPACITY, CIRCLE_STROKE, NO_DATA_COLOR } from '../model/palette';
import { LABELLED_OBJECTS, UNIT_OBJECTS, type BoundaryObject, type LabelledObject, type UnitObject, type UnitProps } from '../model/units';
import type { Camera, Level } from '../state/view-state';
import { applyTransform, latFromMercatorY, lngFromMercatorX, mercatorX, mercatorY, screenTransform, type LngLatBounds, type ScreenTransform, type Viewport } from './mercator';
import { pathData, type MercatorShape } from './shapes';
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
  /** Where MapLibre puts each unit's (and zone's) label and proportional circle. */
  labelPoints: Record<LabelledObject, MercatorPoint[]>;
  /** The default framing (no camera in the link): the Circle outline's bounds, or all China's at that level. */
  defaultBounds(level: Level): LngLatBounds;
  /** All China's county-level units (the `china` level), empty until `addNational` has run. */
  national: MercatorShape<UnitProps>[];
  /** Ids drawn at each level (zones aside). */
  membersOf(level: Level): ReadonlySet<string>;
  /** The unit shapes drawn at a level, in drawing order: the Circle's unit layers, or the national one. */
  layersAt(level: Level): MercatorShape<UnitProps>[][];
  /** The bounds of a unit or zone of any level (all China's once loaded), to frame it; null if there is none. */
  unitBounds(id: string): LngLatBounds | null;
}

/** Adds all China's county-level units once they are loaded: the `china` level draws them. */
export function addNational(scene: Scene, topology: Topology, units: GeometryCollection<UnitProps>): void {
  scene.national = mercatorShapesOf(units, mercatorArcs(topology));
  nationalBounds.set(scene, boundsOf(scene.national));
}

const nationalBounds = new WeakMap<Scene, LngLatBounds>();

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
  return {
    context: shapes('context'),
    units,
    circle,
    zones,
    zoneMarkers: mercatorPointsOf(topology, object('zone_markers')),
    labelPoints,
    defaultBounds(level) {
      return (level === 'china' && nationalBounds.get(this)) || circleBounds;
    },
    national: [],
    layersAt(level) {
      if (level === 'china') return [this.national];
      const members = this.membersOf(level);
      return UNIT_OBJECTS.map((s) => units[s].filter((shape) => members.has(shape.properties.id)));
    },
    unitBounds(id) {
      const shape = [...zones, ...UNIT_OBJECTS.flatMap((o) => units[o]), ...this.national].find((s) => s.properties.id === id);
      return shape ? boundsOf([shape]) : null;
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
}

/** Everything one frame shows; the camera already resolved (no "default framing" null). */
export interface PaintView {
  camera: Camera;
  level: Level;
  zones: boolean;
  selected: string | null;
  hovered: string | null;
  colouring: MapColouring | null;
}

/** style.ts's `interpolate linear` over zoom between two stops, held flat beyond them. */
function interpolateZoom(zoom: number, [z0, v0]: [number, number], [z1, v1]: [number, number]): number {
  const t = Math.min(Math.max((zoom - z0) / (z1 - z0), 0), 1);
  return v0 + t * (v1 - v0);
}

/** style.ts: unit borders widen with zoom; the national level's finer ones start thinner. */
function unitLineWidth(level: Level, zoom: number): number {
  return level === 'china' ? interpolateZoom(zoom, [4, 0.2], [8, 1]) : interpolateZoom(zoom, [5, 0.5], [9, 1.5]);
}

function membershipColour(unit: UnitProps): string {
  return unit.circle === 'full' ? COLORS.membershipFull : unit.circle === 'partial' ? COLORS.membershipPartial : COLORS.outside;
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
  background(colour: string): void;
  fill(shape: MercatorShape<UnitProps>, colour: string, opacity?: number): void;
  /** The "partly in the Circle" stripes over a shape's fill. */
  hatch(shape: MercatorShape<UnitProps>, opacity: number): void;
  /** `dash` in multiples of the width, as MapLibre's line-dasharray. */
  stroke(shapes: MercatorShape<UnitProps>[], colour: string, width: number, dash?: readonly number[], opacity?: number): void;
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
  const paths = new Map<MercatorShape<UnitProps>, Path2D>();
  const path = (shape: MercatorShape<UnitProps>) => {
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

/** One frame's layers, in MapLibre's order with its colours and widths (style.ts), whatever it is drawn with. */
export function drawView(painter: Painter, scene: Scene, view: PaintView): void {
  painter.background(COLORS.background);
  for (const s of scene.context) painter.fill(s, COLORS.context);
  painter.stroke(scene.context, COLORS.contextLine, 0.8);

  const members = scene.membersOf(view.level);
  const layers = scene.layersAt(view.level);
  const colouring = view.colouring;
  const fillOf = (unit: UnitProps) => (colouring ? (colouring.fills.get(unit.id) ?? NO_DATA_COLOR) : membershipColour(unit));
  for (const shapes of layers) {
    for (const shape of shapes) painter.fill(shape, fillOf(shape.properties));
    for (const shape of shapes) if (shape.properties.circle === 'partial') painter.hatch(shape, 0.55);
    painter.stroke(shapes, COLORS.unitLine, unitLineWidth(view.level, view.camera.zoom));
  }
  painter.stroke(scene.units.provinces, COLORS.provinceLine, 1.6);
  painter.stroke(scene.circle, COLORS.circleLine, 2, [3, 1.5]);

  for (const shapes of layers) {
    for (const shape of shapes) {
      const id = shape.properties.id;
      // style.ts: one highlight colour, wider and opaque when selected
      if (id === view.selected) painter.stroke([shape], COLORS.hover, 3);
      else if (id === view.hovered) painter.stroke([shape], COLORS.hover, 2, [], 0.85);
    }
  }

  if (view.zones) {
    for (const s of scene.zones) if (s.properties.shape !== 'containing-units') painter.fill(s, COLORS.zone, 0.22);
    for (const s of scene.zones) {
      // Dotted for "units that contain parts of the zone", dashed for approximate outlines (style.ts).
      const dash = s.properties.shape === 'containing-units' ? [0.5, 1.5] : [2, 1];
      painter.stroke([s], COLORS.zone, s.properties.id === view.selected ? 3.5 : 2, dash);
    }
    for (const m of scene.zoneMarkers) painter.circle(m.x, m.y, 4, 1.5, COLORS.zone, 1, '#ffffff');
  }

  // Proportional circles for totals; like MapLibre's radius-0 circles, the others still show their 1 px stroke.
  // The national level has none (style.ts: its units have no label points).
  const radiusOf = (id: string) => colouring?.radii?.get(id) ?? 0;
  for (const source of view.level === 'china' ? [] : UNIT_OBJECTS) {
    for (const p of scene.labelPoints[source]) {
      if (!members.has(p.properties.id)) continue;
      painter.circle(p.x, p.y, radiusOf(p.properties.id), 1, CIRCLE_FILL, CIRCLE_FILL_OPACITY, CIRCLE_STROKE);
    }
  }
}

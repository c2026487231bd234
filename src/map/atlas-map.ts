import { Map as MapLibreMap, AttributionControl, GPUInitializationError, NavigationControl, clearPrewarmedResources, prewarm, setWorkerUrl } from 'maplibre-gl';
import type { ErrorEvent, GeoJSONSource, LngLatBoundsLike, MapLayerMouseEvent } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Boundaries } from '../data/boundaries';
import type { MapColouring } from '../model/map-colouring';
import type { AtlasView, Bounds, MapHandlers, MapView } from '../look/atlas-view';
import { quantizeCamera, type Basemap, type Camera, type Lang, type Level } from '../state/view-state';
import {
  buildStyle,
  levelChanges,
  HATCH_IMAGE,
  BASEMAP_LAYER,
  BASEMAP_SOURCE,
  BASEMAP_SOURCE_SPEC,
  NATIONAL_SOURCE,
  NATIONAL_LINES_SOURCE,
  NO_LINES,
  POINTS_SOURCE,
  SHAPES_SOURCE,
  TILE_SOURCE_LAYER,
  ZONE_LAYERS,
  PLANT_LAYERS,
  PLANT_SYMBOL_LAYERS,
  PLANTS_SOURCE,
  shapeFeatures,
} from './style';
import type { PlantPoint } from '../look/plants';
import { LAYERS } from '../look/layers';
import { pickAt, polygonContains, type MapHit, type MapPick } from '../look/pick';
import { plantSelection, selectedPlant } from '../model/plants';
import { UNIT_OBJECTS, type UnitProps } from '../model/units';
import { hatchImage } from '../look/hatch';
import { BASEMAP_FILL_OPACITY, FOCUS, ZOOM_LIMITS } from '../look/theme';
import { samePadding } from '../look/free-frame';
import { FEATURE_STATE_FILL_KEY, FEATURE_STATE_RADIUS_KEY } from '../model/palette';
import { t } from '../i18n/strings';

// MapLibre 6 is ESM-only: bundled by Vite it must be told where its worker is, or `load` never fires.
setWorkerUrl(workerUrl);
// MapLibre would start its worker only in the Map constructor. Started as this module runs, the worker's script loads
// and compiles while the panels render and the constructor runs (main.tsx imports both chunks together).
prewarm();

/**
 * The names over the map (src/paint2d/labels.ts's LabelOverlay), redrawn by this map once it is on screen: told the
 * view and camera, and where each unit's label point lands in the map's CSS px.
 */
export interface NamesOverlay {
  draw(view: { level: Level; lang: Lang; zones: boolean; zoom: number }, camera: Camera, project: (point: { properties: Pick<UnitProps, 'label'> }) => readonly [x: number, y: number]): void;
  /** The zone whose name is drawn at a CSS px of the map, if any. */
  zoneLabelAt(x: number, y: number): string | null;
}

/** The event that asks the map what it draws: it answers on its container (data-plants-shown, data-circles-shown). */
export const DRAWN_QUERY = 'atlas-drawn';

/** A pointer event's point on the map, in CSS px and in degrees. */
type PointerAt = Pick<MapLayerMouseEvent, 'point' | 'lngLat'>;

const boundsLike = (b: Bounds): LngLatBoundsLike => [b[0], b[1], b[2], b[3]];

/** Where a unit's feature-state lives: the shapes source, or the national tiles' source layer. */
interface FeatureTarget {
  source: string;
  sourceLayer?: string;
}

/**
 * MapLibre's drawing-buffer scale while it loads hidden under the 2D map (full resolution from its `load` on). Its
 * loading frames are never shown, yet software GL still drew each of them at full size, in one go once the canvas
 * showed: hidden at full size, MapLibre's first frame reached the screen 0.2 s later than not hidden at all (1.5 s
 * later at all China); at an eighth, 0.25 s sooner (0.1 s at all China; screencasts, 5-7 loads each).
 */
const HIDDEN_PIXEL_RATIO = 1 / 8;

/** How long the online basemap may take to show its first tile before the map gives up on it. */
const BASEMAP_TIMEOUT_MS = 4000;

/** The layers of totals' proportional circles. */
const CIRCLE_LAYERS = LAYERS.filter((layer) => layer.paint.type === 'circle' && layer.paint.radius === 'state').map((layer) => layer.id);
const UNIT_FILL_LAYERS = [...UNIT_OBJECTS.map((s) => `${s}-fill`), 'china-fill'];

/** A zone's drawn shape as flat [lng, lat, …] rings, for the zones a point lies in (look/pick.ts). */
interface ZoneArea {
  id: string;
  polygons: Float64Array[][];
}

function zoneAreas(boundaries: Boundaries): ZoneArea[] {
  return boundaries.zones.features.map((f) => {
    const g = f.geometry;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    return { id: f.properties.id, polygons: polygons.map((rings) => rings.map((ring) => Float64Array.from(ring.flat()))) };
  });
}

/**
 * The one object that owns MapLibre. The rest of the app hands it a MapView; it diffs that against what it
 * drew last and touches only what changed (filters, feature-state, layout), never re-uploading geometry.
 */
export class AtlasMap implements AtlasView {
  private readonly map: MapLibreMap;
  /** The Circle's own units and zones (not the national ones): what the shapes source holds and can colour. */
  private readonly kindOf = new Map<string, 'unit' | 'zone'>();
  private drawn: MapView;
  private hovered: string | null = null;
  /** Units given a fill at the level drawn, to clear when the level changes. */
  private drawnFills = new Set<string>();
  /** Set while the map moves on its own (a canvas resize, the default framing refitted): not a camera the user chose, so nothing is written to the URL. */
  private movingItself = false;
  private readonly ready: Promise<void>;
  /** Whether the shapes source holds every unit yet, or only the first level's (style.ts, shapeFeatures). */
  private allShapes = false;
  /** Set while the online basemap is on and none of its tiles has loaded yet. */
  private basemapTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly zoneAreas: ZoneArea[];
  /** The names over this map, once it draws them (drawLabels): a zone's name selects the zone. */
  private names: NamesOverlay | null = null;
  /** Replaced when the credit's language changes: MapLibre's control takes its text once. */
  private attribution: AttributionControl;

  constructor(
    private readonly container: HTMLElement,
    private readonly boundaries: Boundaries,
    view: MapView,
    private readonly handlers: MapHandlers,
    /** The 2D map covers this one until the hand-over: MapLibre's canvas can stay hidden while it loads. */
    covered = false,
    /** The vehicle assembly plants, where look/plants.ts puts them. */
    plants: readonly PlantPoint[] = [],
  ) {
    for (const s of [...UNIT_OBJECTS, 'zones'] as const) {
      for (const f of boundaries[s].features) {
        this.kindOf.set(f.properties.id, s === 'zones' ? 'zone' : 'unit');
      }
    }
    this.drawn = view;
    this.zoneAreas = zoneAreas(boundaries);
    this.map = new MapLibreMap({
      container,
      style: buildStyle(boundaries, view.level, view.zones, document.baseURI, plants, view.plants, view.nationalLines),
      bounds: view.camera ? undefined : boundsLike(view.defaultBounds),
      center: view.camera ? [view.camera.lng, view.camera.lat] : undefined,
      zoom: view.camera?.zoom,
      bearing: view.camera?.bearing ?? 0,
      pitch: view.camera?.pitch ?? 0,
      fitBoundsOptions: { padding: view.framePadding },
      attributionControl: false,
      fadeDuration: 0,
      pixelRatio: covered ? HIDDEN_PIXEL_RATIO : undefined,
      cooperativeGestures: view.cooperativeGestures,
      locale: {
        'CooperativeGesturesHandler.WindowsHelpText': t(view.lang, 'gesture_wheel_ctrl'),
        'CooperativeGesturesHandler.MacHelpText': t(view.lang, 'gesture_wheel_mac'),
        'CooperativeGesturesHandler.MobileHelpText': t(view.lang, 'gesture_two_fingers'),
      },
      ...ZOOM_LIMITS,
    });
    // Marked as MapLibre fires `load`, the moment `npm run bench` compares with the bare MapLibre page's.
    this.ready = new Promise((resolve) =>
      this.map.once('load', () => {
        performance.mark('atlas:map-ready');
        resolve();
      }),
    );
    if (covered) {
      // Every frame MapLibre draws while its tiles arrive (about 20 here) made Chromium composite the page again, and
      // each composite took about 95 ms of CPU in software GL, taken from MapLibre's worker: hidden and drawn small,
      // its load came 0.3 s sooner (A/B loads here, README "Benchmark"). Shown at load, under the 2D map that still
      // covers it until the next idle.
      const canvas = this.map.getCanvas();
      canvas.style.visibility = 'hidden';
      this.map.once('load', () => {
        canvas.style.visibility = '';
        // null (documented, not in the typings): follow devicePixelRatio again. It redraws, and fires moveend.
        this.movingItself = true;
        this.map.setPixelRatio(null as unknown as number);
        this.movingItself = false;
      });
    }
    this.map.addControl(new NavigationControl({ showCompass: true, visualizePitch: true }), 'top-right');
    this.attribution = new AttributionControl({ compact: true, customAttribution: view.attribution });
    this.map.addControl(this.attribution, 'bottom-right');
    this.map.setMissingStyleImageResolver((id) => {
      if (id === HATCH_IMAGE) this.map.addImage(HATCH_IMAGE, hatchImage());
    });
    this.map.on('mousemove', (e) => this.hover(e));
    this.map.on('mouseout', () => this.setHovered(null, null));
    this.map.on('click', (e) => {
      const { selected, alsoHere } = this.pickAt(e);
      this.handlers.onSelect(selected, alsoHere);
    });
    this.map.on('moveend', () => {
      if (!this.movingItself) this.handlers.onCamera(quantizeCamera(this.camera()));
    });
    this.map.on('sourcedata', (e) => {
      if (e.sourceId === BASEMAP_SOURCE && e.tile) this.stopBasemapTimer();
    });
    this.map.on('error', (e: ErrorEvent & { sourceId?: string }) => {
      // Once one tile has shown, the basemap works: a later stray tile error leaves it on.
      if (e.sourceId === BASEMAP_SOURCE) {
        if (this.basemapTimer !== undefined) this.basemapFailed();
      } else console.error(e.error); // what MapLibre does with errors nobody listens to
    });
    // A counter on the container lets tests and tools wait for "drawn" without reaching into MapLibre.
    let idle = 0;
    // A camera in motion (a fly-to, a drag's inertia) has its final frame still to draw: pending too, until that idle.
    this.map.on('movestart', () => {
      container.dataset.renderPending = 'true';
    });
    this.map.on('idle', () => {
      delete container.dataset.renderPending;
      container.dataset.idleCount = String(++idle);
    });
    // Tests and tools ask what is drawn with this event (the answer lands in data-plants-shown and
    // data-circles-shown), so the map does not query its rendered features at every idle (each hover ends in one).
    container.addEventListener(DRAWN_QUERY, () => {
      // How many plant symbols are drawn in the view.
      container.dataset.plantsShown = String(this.drawn.plants ? this.map.queryRenderedFeatures({ layers: PLANT_SYMBOL_LAYERS }).length : 0);
      // Which units' and zones' circles are drawn (radius above 0).
      const circles = this.drawn.colouring?.radii ? this.map.queryRenderedFeatures({ layers: this.circleLayers() }) : [];
      container.dataset.circlesShown = [...new Set(circles.filter((f) => Number(f.state[FEATURE_STATE_RADIUS_KEY]) > 0).map((f) => String(f.properties.id)))].sort().join(' ');
    });
    void this.ready.then(() => {
      this.applyBasemap(view.basemap);
      this.applyChoropleth(null, view.colouring, view.level);
      this.applySelection(null, view.selected, view.level);
      this.applyHighlight(null, this.drawn.highlighted, view.level);
      container.dataset.mapReady = 'true';
    });
  }

  /** The map, or null where the browser gives MapLibre no WebGL2 context (its constructor throws, and tidies up). */
  static create(...args: ConstructorParameters<typeof AtlasMap>): AtlasMap | null {
    try {
      return new AtlasMap(...args);
    } catch (error) {
      if (!(error instanceof GPUInitializationError)) throw error;
      console.warn(error.message);
      clearPrewarmedResources(); // the worker started for it
      return null;
    }
  }

  camera(): Camera {
    const c = this.map.getCenter();
    return { zoom: this.map.getZoom(), lat: c.lat, lng: c.lng, bearing: this.map.getBearing(), pitch: this.map.getPitch() };
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  update(view: MapView): void {
    const prev = this.drawn;
    this.drawn = view;
    if (!this.map.isStyleLoaded() && !this.map.loaded()) {
      // Not loaded yet: the load handler applies feature-state; layout and filters wait for the style.
      void this.ready.then(() => this.applyAll(prev, view));
      return;
    }
    this.applyAll(prev, view);
  }

  private applyAll(prev: MapView, view: MapView): void {
    const changed =
      prev.basemap !== view.basemap ||
      prev.level !== view.level ||
      prev.lang !== view.lang ||
      prev.zones !== view.zones ||
      prev.plants !== view.plants ||
      prev.nationalLines !== view.nationalLines ||
      prev.colouring !== view.colouring ||
      prev.selected !== view.selected ||
      prev.highlighted !== view.highlighted;
    const levelChanged = prev.level !== view.level;
    if (prev.basemap !== view.basemap) this.applyBasemap(view.basemap);
    if (levelChanged) this.applyLevel(view.level);
    if (prev.cooperativeGestures !== view.cooperativeGestures) {
      if (view.cooperativeGestures) this.map.cooperativeGestures.enable();
      else this.map.cooperativeGestures.disable();
    }
    if (prev.attribution !== view.attribution) {
      this.map.removeControl(this.attribution);
      this.attribution = new AttributionControl({ compact: true, customAttribution: view.attribution });
      this.map.addControl(this.attribution, 'bottom-right');
    }
    if (prev.nationalLines !== view.nationalLines) this.map.getSource<GeoJSONSource>(NATIONAL_LINES_SOURCE)!.setData(view.nationalLines ?? NO_LINES);
    if (prev.zones !== view.zones) {
      for (const id of ZONE_LAYERS) this.map.setLayoutProperty(id, 'visibility', view.zones ? 'visible' : 'none');
    }
    if (prev.plants !== view.plants) {
      for (const id of PLANT_LAYERS) this.map.setLayoutProperty(id, 'visibility', view.plants ? 'visible' : 'none');
    }
    // A new level may keep a unit in another source (a Chongqing district is a national unit too): write it anew.
    if (levelChanged || prev.colouring !== view.colouring) this.applyChoropleth(levelChanged ? null : prev.colouring, view.colouring, prev.level);
    if (levelChanged || prev.selected !== view.selected) this.applySelection(prev.selected, view.selected, prev.level);
    if (levelChanged || prev.highlighted !== view.highlighted) this.applyHighlight(prev.highlighted, view.highlighted, prev.level);
    if (view.camera && !within(view.camera, this.camera(), URL_PRECISION)) {
      this.map.jumpTo({ center: [view.camera.lng, view.camera.lat], zoom: view.camera.zoom, bearing: view.camera.bearing, pitch: view.camera.pitch });
    } else if (!view.camera && (prev.camera || prev.defaultBounds !== view.defaultBounds || (!samePadding(prev.framePadding, view.framePadding) && !this.map.isMoving()))) {
      // A camera in motion (a unit being framed after a search, a drag) ends with a camera of its own: not refitted.
      // The default framing, wherever the panels leave room: the view keeps no camera, so nothing reaches the URL and
      // the next panel to open or close refits it too. A camera the user or a link chose is never refitted.
      this.movingItself = true;
      this.map.fitBounds(boundsLike(view.defaultBounds), { padding: view.framePadding, animate: false });
      this.movingItself = false;
    }
    if (changed) {
      // Until the next idle, what the map shows lags the view: tests and tools wait on this instead of guessing how
      // long a frame takes. The repaint guarantees that idle even when the change turned out to touch nothing drawn.
      this.container.dataset.renderPending = 'true';
      this.map.triggerRepaint();
    }
  }

  /** Shows exactly `camera` (another map's, not rounded for the URL); false where it already did. */
  jumpTo(camera: Camera): boolean {
    if (within(camera, this.camera(), SAME_CAMERA)) return false;
    this.map.jumpTo({ center: [camera.lng, camera.lat], zoom: camera.zoom, bearing: camera.bearing, pitch: camera.pitch });
    return true;
  }

  /** From the hand-over on, the names follow this map: offered after each frame it renders (LabelOverlay skips those that move none). */
  drawLabels(labels: NamesOverlay): void {
    this.names = labels;
    const draw = () => {
      const { level, lang, zones } = this.drawn;
      labels.draw({ level, lang, zones, zoom: this.map.getZoom() }, this.camera(), (p) => {
        const { x, y } = this.map.project(p.properties.label!);
        return [x, y];
      });
    };
    this.map.on('render', draw);
    draw();
  }

  /** Frames a unit's bounds (after a search, say); the resulting camera reaches the URL through moveend. */
  focusBounds(bounds: Bounds): void {
    this.map.fitBounds(boundsLike(bounds), { padding: FOCUS.padding, maxZoom: FOCUS.maxZoom, duration: 600 });
  }

  destroy(): void {
    clearTimeout(this.basemapTimer);
    this.map.remove();
  }

  private applyLevel(level: Level): void {
    if (!this.allShapes) {
      // Re-tiled once, in the same reload as the filters below; MapLibre keeps drawing the old tiles meanwhile.
      this.map.getSource<GeoJSONSource>(SHAPES_SOURCE)!.setData({ type: 'FeatureCollection', features: shapeFeatures(this.boundaries, null) });
      this.allShapes = true;
    }
    const { filters, visibility } = levelChanges(level);
    for (const [id, value] of visibility) this.map.setLayoutProperty(id, 'visibility', value);
    for (const [id, filter] of filters) this.map.setFilter(id, filter);
  }

  /** The online basemap goes under the unit fills, which turn see-through; the context fill would hide it. */
  private applyBasemap(basemap: Basemap): void {
    const on = basemap === 'osm';
    if (on === (this.map.getSource(BASEMAP_SOURCE) !== undefined)) return;
    if (on) {
      this.map.addSource(BASEMAP_SOURCE, BASEMAP_SOURCE_SPEC);
      this.map.addLayer(BASEMAP_LAYER, `${UNIT_OBJECTS[0]}-fill`);
      this.basemapTimer = setTimeout(() => this.basemapFailed(), BASEMAP_TIMEOUT_MS);
      // Marked while the time limit runs, so tests can wait for its end instead of outwaiting it.
      this.container.dataset.basemapWaiting = 'true';
    } else {
      this.stopBasemapTimer();
      this.map.removeLayer(BASEMAP_LAYER.id);
      this.map.removeSource(BASEMAP_SOURCE);
    }
    this.map.setLayoutProperty('context-fill', 'visibility', on ? 'none' : 'visible');
    for (const s of UNIT_OBJECTS) this.map.setPaintProperty(`${s}-fill`, 'fill-opacity', on ? BASEMAP_FILL_OPACITY : 1);
  }

  private stopBasemapTimer(): void {
    clearTimeout(this.basemapTimer);
    this.basemapTimer = undefined;
    delete this.container.dataset.basemapWaiting;
  }

  /** Said once per attempt (many tiles fail together); the handler turns the basemap off through the view. */
  private basemapFailed(): void {
    this.stopBasemapTimer();
    this.handlers.onBasemapFailed();
  }

  /**
   * Feature-state is the only recolouring channel: the style's expressions never change, so MapLibre repaints
   * instead of re-tiling its sources, and only units whose colour or radius changed are written.
   */
  private applyChoropleth(prev: MapColouring | null, next: MapColouring | null, prevLevel: Level): void {
    const level = this.drawn.level;
    if (prevLevel !== level) {
      // Leaving a level: its colours go, so the units it shared with the new one cannot show stale ones.
      for (const id of this.drawnFills) this.setUnitState(id, prevLevel, { [FEATURE_STATE_FILL_KEY]: null });
    }
    // A total drawn as circles leaves the units their membership colour (no fill state).
    const fillOf = (c: MapColouring | null, id: string) => (c?.filled ? (c.fills.get(id) ?? null) : null);
    const ids = new Set([prev, next].flatMap((c) => [...(c?.fills.keys() ?? []), ...(c?.radii?.keys() ?? [])]));
    for (const id of ids) {
      const fill = fillOf(next, id);
      const radius = next?.radii?.get(id) ?? null;
      if (prev && fill === fillOf(prev, id) && radius === (prev.radii?.get(id) ?? null)) continue;
      this.setUnitState(id, level, { [FEATURE_STATE_FILL_KEY]: fill });
      // Circles sit on the units' and zones' label points (none at the national level).
      if (level !== 'china' && this.kindOf.has(id)) {
        this.map.setFeatureState({ source: POINTS_SOURCE, id }, { [FEATURE_STATE_RADIUS_KEY]: radius });
      }
    }
    this.drawnFills = new Set(next?.filled ? next.fills.keys() : []);
  }

  /** The feature a unit is drawn as at `level`: national tiles for all China (zones aside), else the shapes source. */
  private targetOf(id: string, level: Level): FeatureTarget | null {
    const kind = this.kindOf.get(id);
    if (level === 'china' && kind !== 'zone') return { source: NATIONAL_SOURCE, sourceLayer: TILE_SOURCE_LAYER };
    return kind ? { source: SHAPES_SOURCE } : null;
  }

  private setUnitState(id: string, level: Level, state: Record<string, unknown>): void {
    const target = this.targetOf(id, level);
    if (target) this.map.setFeatureState({ ...target, id }, state);
  }

  private applySelection(prev: string | null, next: string | null, prevLevel: Level): void {
    if (prev) this.setSelected(prev, prevLevel, false);
    if (next) this.setSelected(next, this.drawn.level, true);
  }

  /** Outlined as the hovered unit is; the unit under the pointer keeps its outline. */
  private applyHighlight(prev: string | null, next: string | null, prevLevel: Level): void {
    if (prev && prev !== this.hovered) this.setUnitState(prev, prevLevel, { hover: false });
    if (next && !selectedPlant(next)) this.setUnitState(next, this.drawn.level, { hover: true });
  }

  /** A unit's selection, or a plant's (the plants source knows it by its id without the `plant:` prefix). */
  private setSelected(id: string, level: Level, selected: boolean): void {
    const plant = selectedPlant(id);
    if (plant) this.map.setFeatureState({ source: PLANTS_SOURCE, id: plant }, { selected });
    else this.setUnitState(id, level, { selected });
  }

  /** The circle layers of totals that are shown (the zones' only with the plants). */
  private circleLayers(): string[] {
    return CIRCLE_LAYERS.filter((id) => this.map.getLayoutProperty(id, 'visibility') !== 'none');
  }

  /** What lies under a point of the map, topmost first, as the 2D map's hitsAt finds it. */
  private hitsAt({ point, lngLat }: PointerAt): MapHit[] {
    // What can be hit: the plants' symbols, the zones' circles and markers, the units' fills (their outlines and the
    // plants' other layers are drawn over these and select nothing of their own).
    const layers = [...PLANT_SYMBOL_LAYERS, 'zones-circles', 'zone-markers', ...UNIT_FILL_LAYERS].filter((id) => this.map.getLayoutProperty(id, 'visibility') !== 'none');
    const features = this.map.queryRenderedFeatures([point.x, point.y], { layers });
    const hits: MapHit[] = [];
    // A plant sits over everything: its symbol is small, and the unit under it is a click away.
    const plant = features.find((f) => PLANT_SYMBOL_LAYERS.includes(f.layer.id));
    if (plant) hits.push({ kind: 'plant', id: plantSelection(String(plant.properties.id)) });
    // A zone's circle (its vehicle figure, shown with the plants) stands for the zone, as its marker does.
    for (const f of features) if (f.layer.id === 'zones-circles') hits.push({ kind: 'zone-marker', id: String(f.properties.id) });
    if (this.drawn.zones) {
      for (const f of features) if (f.layer.id === 'zone-markers') hits.push({ kind: 'zone-marker', id: String(f.properties.parent) });
      const label = this.names?.zoneLabelAt(point.x, point.y);
      if (label) hits.push({ kind: 'zone-label', id: label });
      for (const zone of this.zoneAreas) {
        if (zone.polygons.some((p) => polygonContains(p, lngLat.lng, lngLat.lat))) hits.push({ kind: 'zone-area', id: zone.id });
      }
    }
    const unit = features.find((f) => UNIT_FILL_LAYERS.includes(f.layer.id));
    if (unit) hits.push({ kind: 'unit', id: String(unit.properties.id) });
    return hits;
  }

  private pickAt(e: PointerAt): MapPick {
    return pickAt(this.hitsAt(e));
  }

  private hover(e: PointerAt): void {
    this.setHovered(this.pickAt(e).selected, e.point);
  }

  private setHovered(id: string | null, point: { x: number; y: number } | null): void {
    if (id !== this.hovered) {
      for (const [unit, hover] of [[this.hovered, false], [id, true]] as const) {
        if (unit && unit !== this.drawn.highlighted) this.setUnitState(unit, this.drawn.level, { hover });
      }
      this.hovered = id;
      this.map.getCanvas().style.cursor = id ? 'pointer' : '';
    }
    this.handlers.onHover(id, point);
  }

}

/** Equal to well under a pixel at any zoom the map allows. */
const SAME_CAMERA: Camera = { zoom: 1e-6, lat: 1e-7, lng: 1e-7, bearing: 1e-4, pitch: 1e-4 };
/** Equal as far as a link can tell (the URL rounds the camera), so a URL echo never moves the map. */
const URL_PRECISION: Camera = { zoom: 0.01, lat: 1e-4, lng: 1e-4, bearing: 0.5, pitch: 0.5 };

/** Whether two cameras differ by less than `tolerance` in every field. */
function within(a: Camera, b: Camera, tolerance: Camera): boolean {
  return (Object.keys(tolerance) as (keyof Camera)[]).every((field) => Math.abs(a[field] - b[field]) < tolerance[field]);
}

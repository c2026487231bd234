/**
 * The Canvas 2D map as a live element (an `AtlasView`, as MapLibre's AtlasMap): draws the current view, and turns
 * pointer input into the same callbacks AtlasMap gives (select, hover, camera), so the store cannot tell which map
 * the user touched.
 */
import type { AtlasView, MapHandlers, MapView } from '../look/atlas-view';
import { quantizeCamera, sameCamera, type Camera } from '../state/view-state';
import {
  applyTransform,
  fitBoundsCamera,
  mercatorAt,
  movedCamera,
  movementBetween,
  screenTransform,
  zoomAround,
  type LngLatBounds,
  type Viewport,
} from './mercator';
import { layerPaint } from '../look/layers';
import { plantRadius } from '../look/plants';
import { plantSelection } from '../model/plants';
import { FOCUS, ZOOM_LIMITS } from '../look/theme';
import { frameContext, frameSize, paintFrame, type Scene } from './render';
import type { LabelOverlay } from './label-overlay';
import { shapeContains } from './shapes';
import { pickAt, type MapHit, type MapPick } from '../look/pick';
import { t, type StringKey } from '../i18n/strings';
import { Gestures, isStill, type GestureHandlers } from './gestures';

/** Zone markers are hit within their radius plus stroke. */
const MARKER = layerPaint('zone-markers', 'circle');
const MARKER_HIT_PX = (typeof MARKER.radius === 'number' ? MARKER.radius : 0) + MARKER.strokeWidth;
const PLANT_STROKE = layerPaint('plants', 'circle').strokeWidth;
/** How long the cooperative-gestures hint stays after the gesture it answers. */
const HINT_MS = 1500;
/** Under way of a gesture the map is painted again at most this often (in between it is moved as a picture). */
const GESTURE_PAINT_MS = 250;

export class CanvasMap implements AtlasView {
  readonly canvas: HTMLCanvasElement;
  private view: MapView;
  /** The camera on screen; null while the default framing applies. */
  private camera: Camera | null;
  /** The camera the movement of the gesture under way starts from (null: the default framing). */
  private base: Camera | null;
  /** Drags, wheel zooms and clicks on this map; they may have begun on the first view. */
  readonly gestures: Gestures;
  private hovered: string | null = null;
  /** The cameras the map's pixels and the names were drawn for: a gesture moves those pictures until they are drawn again. */
  private painted: Camera | null = null;
  private named: Camera | null = null;
  private frame = 0;
  private gesturePaint: ReturnType<typeof setTimeout> | undefined;
  /** The CSS size of the map the last frame was drawn for. */
  private drawnSize: Viewport = { width: 0, height: 0 };
  private readonly resizeObserver: ResizeObserver;
  /** Says how to move an embedded map (cooperative gestures), for a moment after a gesture left to the page. */
  private readonly hint: HTMLParagraphElement;
  private hintTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly container: HTMLElement,
    private readonly scene: Scene,
    view: MapView,
    private readonly handlers: MapHandlers,
    /** The names over the map, drawn with each frame while this map is on screen. */
    private readonly labels: LabelOverlay,
    /**
     * A canvas already showing this view without names (the first view, index.html): where it has this map's size,
     * its pixels are copied instead of painting the same frame again.
     */
    shown: HTMLCanvasElement | null = null,
    /**
     * The first view's gestures, taken over with what they hold: how far its picture was moved (from this view's
     * camera), a press still down, a click not yet answered.
     */
    carried: Gestures | null = null,
  ) {
    this.view = view;
    this.camera = view.camera;
    this.base = view.camera;
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'map2d';
    container.prepend(this.canvas);
    this.hint = document.createElement('p');
    this.hint.className = 'map2d-gesture-hint';
    this.hint.setAttribute('aria-hidden', 'true');
    this.canvas.after(this.hint);
    const moved = carried !== null && !isStill(carried.movement);
    if (moved) this.camera = movedCamera(this.currentCamera(), this.viewport(), carried.movement);
    const viewport = this.viewport();
    const size = frameSize(viewport, devicePixelRatio || 1);
    if (shown && !moved && shown.width === size.width && shown.height === size.height) {
      Object.assign(this.canvas, size);
      frameContext(this.canvas).drawImage(shown, 0, 0);
      this.drawnSize = viewport;
      this.painted = this.currentCamera();
    } else this.paint(this.currentCamera(), viewport);
    // Where the first view already shows the colours, the names come with this frame. Otherwise it is the first
    // coloured frame, and the names follow in the next (they cost ~15 ms of text, and that frame reached the screen
    // ~30-50 ms later with them in the bench's screencasts).
    if (shown || carried) this.drawNames(this.currentCamera(), viewport);
    else this.frame = requestAnimationFrame(() => setTimeout(() => this.drawNames(this.currentCamera(), this.viewport()), 0));
    const onGesture = this.gestureHandlers();
    this.gestures = carried ?? new Gestures(this.canvas, onGesture);
    // A click the first view held is answered here, where its point is on this map now.
    carried?.attach(this.canvas, onGesture);
    this.applyGestures();
    this.rebase();
    // A drag or wheel zoom that ended on the first view reaches the store now; one under way, when it ends.
    if (moved && !this.gestures.busy) this.handlers.onCamera(quantizeCamera(this.currentCamera()));
    // Observing reports the size the first frame was drawn at: redraw only when it changed (a second full paint
    // would land right where MapLibre starts).
    this.resizeObserver = new ResizeObserver(() => {
      const { width, height } = this.viewport();
      if (width !== this.drawnSize.width || height !== this.drawnSize.height) this.scheduleDraw();
    });
    this.resizeObserver.observe(container);
  }

  update(view: MapView): void {
    // A camera the store got from this map comes back rounded to URL precision: keep the unrounded one on screen.
    // Only a camera the view changed moves the map: other changes during a drag leave the drag where it is.
    const echo = view.camera && this.camera && sameCamera(view.camera, quantizeCamera(this.camera));
    const moved = !echo && !sameCamera(view.camera, this.view.camera);
    this.view = view;
    if (moved) {
      this.camera = view.camera;
      this.rebase();
    }
    this.applyGestures();
    this.scheduleDraw();
  }

  /** Cooperative: one finger scrolls the page (the browser pans it), two move the map. */
  private applyGestures(): void {
    this.canvas.style.touchAction = this.view.cooperativeGestures ? 'pan-x pan-y' : '';
    this.gestures.cooperative = this.view.cooperativeGestures;
  }

  private showHint(key: StringKey): void {
    this.hint.textContent = t(this.view.lang, key);
    this.hint.classList.add('shown');
    clearTimeout(this.hintTimer);
    this.hintTimer = setTimeout(() => this.hint.classList.remove('shown'), HINT_MS);
  }

  /** The camera on screen; null while the default framing applies. */
  ownCamera(): Camera | null {
    return this.camera;
  }

  /** The camera on screen, the default framing resolved. */
  currentCamera(): Camera {
    return this.camera ?? fitBoundsCamera(this.scene.defaultBounds(this.view.level), this.viewport(), this.view.framePadding, ZOOM_LIMITS);
  }

  /** Frames a unit's bounds as AtlasMap.focusBounds does (without the animation). */
  focusBounds(bounds: LngLatBounds): void {
    this.moveTo(fitBoundsCamera(bounds, this.viewport(), FOCUS.padding, { ...ZOOM_LIMITS, maxZoom: FOCUS.maxZoom }));
  }

  /** Zooms about the middle of the map (the +/- buttons). */
  zoomBy(delta: number): void {
    const viewport = this.viewport();
    this.moveTo(zoomAround(this.currentCamera(), viewport, delta, viewport.width / 2, viewport.height / 2, ZOOM_LIMITS));
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    clearTimeout(this.hintTimer);
    clearTimeout(this.gesturePaint);
    this.gestures.detach();
    this.labels.canvas.style.transform = '';
    this.resizeObserver.disconnect();
    this.canvas.remove();
    this.hint.remove();
  }

  /** What lies under a CSS px of the map, topmost first (src/look/pick.ts decides what that selects, as AtlasMap does). */
  hitsAt(x: number, y: number): MapHit[] {
    const camera = this.currentCamera();
    const viewport = this.viewport();
    const t = screenTransform(camera, viewport);
    const under = (p: { x: number; y: number }, radius: number) => {
      const [px, py] = applyTransform(t, p.x, p.y);
      return Math.hypot(px - x, py - y) <= radius;
    };
    const hits: MapHit[] = [];
    if (this.view.plants) {
      // The topmost (last drawn) symbol under the pointer, its ring included.
      const plant = this.scene.plants.findLast((p) => under(p, plantRadius(p.properties) + PLANT_STROKE));
      if (plant) hits.push({ kind: 'plant', id: plantSelection(plant.properties.id) });
      // A zone's circle (its vehicle figure) stands for the zone, as its marker does (as in MapLibre).
      const radii = this.view.colouring?.radii;
      const zone = radii && this.scene.labelPoints.zones.find((p) => (radii.get(p.properties.id) ?? 0) > 0 && under(p, radii.get(p.properties.id)!));
      if (zone) hits.push({ kind: 'zone-marker', id: zone.properties.id });
    }
    const [wx, wy] = mercatorAt(x, y, camera, viewport);
    if (this.view.zones) {
      for (const marker of this.scene.zoneMarkers) {
        if (under(marker, MARKER_HIT_PX)) hits.push({ kind: 'zone-marker', id: marker.properties.parent! });
      }
      const label = this.labels.zoneLabelAt(x, y);
      if (label) hits.push({ kind: 'zone-label', id: label });
      for (const zone of this.scene.zones) if (shapeContains(zone, wx, wy)) hits.push({ kind: 'zone-area', id: zone.properties.id });
    }
    for (const shapes of this.scene.layersAt(this.view.level)) {
      const hit = shapes.find((s) => shapeContains(s, wx, wy));
      if (hit) hits.push({ kind: 'unit', id: hit.properties.id });
    }
    return hits;
  }

  /** What a click at a CSS px of the map selects. */
  pickAt(x: number, y: number): MapPick {
    return pickAt(this.hitsAt(x, y));
  }

  private viewport(): Viewport {
    return { width: this.container.clientWidth, height: this.container.clientHeight };
  }

  private draw(): void {
    const camera = this.currentCamera();
    const viewport = this.viewport();
    this.paint(camera, viewport);
    this.drawNames(camera, viewport);
  }

  private paint(camera: Camera, viewport: Viewport): void {
    this.drawnSize = viewport;
    paintFrame(this.canvas, this.scene, { ...this.view, camera, hovered: this.hovered ?? this.view.highlighted }, viewport, devicePixelRatio || 1);
    this.painted = camera;
    this.canvas.style.transform = '';
  }

  private drawNames(camera: Camera, viewport: Viewport): void {
    const t = screenTransform(camera, viewport);
    const { level, lang, zones } = this.view;
    this.labels.draw({ level, lang, zones, zoom: camera.zoom }, camera, (p) => applyTransform(t, p.x, p.y));
    this.named = camera;
    this.labels.canvas.style.transform = '';
  }

  /**
   * Under way of a drag or wheel zoom, the map and its names are moved as pictures (a CSS transform: at once, at
   * any load) and painted again now and then and when it ends: a full paint per step left frame gaps of 0.3 s and
   * more while MapLibre loads on a busy machine.
   */
  private showMoved(): void {
    const camera = this.currentCamera();
    const viewport = this.viewport();
    for (const [element, drawnFor] of [[this.canvas, this.painted], [this.labels.canvas, this.named]] as const) {
      const m = drawnFor && movementBetween(drawnFor, camera, viewport);
      element.style.transform = m ? `translate(${m.x}px, ${m.y}px) scale(${m.scale})` : '';
    }
  }

  private scheduleDraw(): void {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.draw());
  }

  /** The gesture under way goes on from the camera on screen now. */
  private rebase(): void {
    this.base = this.camera;
    const { zoom } = this.currentCamera();
    this.gestures.rebase([ZOOM_LIMITS.minZoom - zoom, ZOOM_LIMITS.maxZoom - zoom]);
  }

  private moveTo(camera: Camera): void {
    this.camera = camera;
    this.rebase();
    this.scheduleDraw();
    this.handlers.onCamera(quantizeCamera(camera));
  }

  private setHovered(id: string | null, point: { x: number; y: number } | null): void {
    if (id !== this.hovered) {
      this.hovered = id;
      this.canvas.style.cursor = id ? 'pointer' : '';
      this.scheduleDraw();
    }
    this.handlers.onHover(id, point);
  }

  private gestureHandlers(): GestureHandlers {
    const fromBase = () => (this.base ?? fitBoundsCamera(this.scene.defaultBounds(this.view.level), this.viewport(), this.view.framePadding, ZOOM_LIMITS));
    return {
      moved: (movement) => {
        this.canvas.style.cursor = 'grabbing';
        this.camera = movedCamera(fromBase(), this.viewport(), movement);
        this.showMoved();
        this.gesturePaint ??= setTimeout(() => {
          this.gesturePaint = undefined;
          this.scheduleDraw();
        }, GESTURE_PAINT_MS);
      },
      settled: () => {
        this.canvas.style.cursor = '';
        this.rebase();
        this.scheduleDraw();
        this.handlers.onCamera(quantizeCamera(this.currentCamera()));
      },
      clicked: (x, y) => {
        const { selected, alsoHere } = this.pickAt(x, y);
        this.handlers.onSelect(selected, alsoHere);
      },
      hovered: (point) => this.setHovered(point && this.pickAt(point.x, point.y).selected, point),
      leftToPage: (gesture) => this.showHint(gesture === 'one-finger' ? 'gesture_two_fingers' : /Mac/.test(navigator.platform) ? 'gesture_wheel_mac' : 'gesture_wheel_ctrl'),
    };
  }
}

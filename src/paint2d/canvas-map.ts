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
  panBy,
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
import type { LabelOverlay } from './labels';
import { shapeContains } from './shapes';
import { pickAt, type MapHit, type MapPick } from '../look/pick';
import { t, type StringKey } from '../i18n/strings';

/** Pointer travel (CSS px) under which a press counts as a click, not a drag. */
const CLICK_SLOP = 3;
/** MapLibre's mouse-wheel rate: zoom levels per wheel pixel. */
const WHEEL_ZOOM_RATE = 1 / 450;
/** Zoom changes from the wheel reach the store once the wheel rests, as MapLibre's moveend does. */
const WHEEL_SETTLE_MS = 200;
/** Zone markers are hit within their radius plus stroke. */
const MARKER = layerPaint('zone-markers', 'circle');
const MARKER_HIT_PX = (typeof MARKER.radius === 'number' ? MARKER.radius : 0) + MARKER.strokeWidth;
const PLANT_STROKE = layerPaint('plants', 'circle').strokeWidth;
/** How long the cooperative-gestures hint stays after the gesture it answers. */
const HINT_MS = 1500;

export class CanvasMap implements AtlasView {
  readonly canvas: HTMLCanvasElement;
  private view: MapView;
  /** The camera on screen; null while the default framing applies. */
  private camera: Camera | null;
  private hovered: string | null = null;
  private frame = 0;
  /** The CSS size of the map the last frame was drawn for. */
  private drawnSize: Viewport = { width: 0, height: 0 };
  private wheelTimer: ReturnType<typeof setTimeout> | undefined;
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
  ) {
    this.view = view;
    this.camera = view.camera;
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'map2d';
    container.prepend(this.canvas);
    this.hint = document.createElement('p');
    this.hint.className = 'map2d-gesture-hint';
    this.hint.setAttribute('aria-hidden', 'true');
    this.canvas.after(this.hint);
    this.applyGestures();
    // The first frame is the colours alone; the names follow in the next (they cost ~15 ms of text, and that frame
    // reached the screen ~30-50 ms later with them in the bench's screencasts).
    const viewport = this.viewport();
    const size = frameSize(viewport, devicePixelRatio || 1);
    if (shown && shown.width === size.width && shown.height === size.height) {
      Object.assign(this.canvas, size);
      frameContext(this.canvas).drawImage(shown, 0, 0);
      this.drawnSize = viewport;
    } else this.paint(this.currentCamera(), viewport);
    this.frame = requestAnimationFrame(() => setTimeout(() => this.drawNames(this.currentCamera(), this.viewport()), 0));
    this.listen();
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
    const echo = view.camera && this.camera && sameCamera(view.camera, quantizeCamera(this.camera));
    if (!echo) this.camera = view.camera;
    this.view = view;
    this.applyGestures();
    this.scheduleDraw();
  }

  /** Cooperative: one finger scrolls the page (the browser pans it), two move the map. */
  private applyGestures(): void {
    this.canvas.style.touchAction = this.view.cooperativeGestures ? 'pan-x pan-y' : '';
  }

  private showHint(key: StringKey): void {
    this.hint.textContent = t(this.view.lang, key);
    this.hint.classList.add('shown');
    clearTimeout(this.hintTimer);
    this.hintTimer = setTimeout(() => this.hint.classList.remove('shown'), HINT_MS);
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
    clearTimeout(this.wheelTimer);
    clearTimeout(this.hintTimer);
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
  }

  private drawNames(camera: Camera, viewport: Viewport): void {
    const t = screenTransform(camera, viewport);
    const { level, lang, zones } = this.view;
    this.labels.draw({ level, lang, zones, zoom: camera.zoom }, camera, (p) => applyTransform(t, p.x, p.y));
  }

  private scheduleDraw(): void {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.draw());
  }

  private moveTo(camera: Camera): void {
    this.camera = camera;
    this.scheduleDraw();
    this.handlers.onCamera(quantizeCamera(camera));
  }

  private pointOf(e: MouseEvent): { x: number; y: number } {
    const rect = this.canvas.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  }

  private setHovered(id: string | null, point: { x: number; y: number } | null): void {
    if (id !== this.hovered) {
      this.hovered = id;
      this.canvas.style.cursor = id ? 'pointer' : '';
      this.scheduleDraw();
    }
    this.handlers.onHover(id, point);
  }

  private listen(): void {
    let press: { x: number; y: number; camera: Camera; dragging: boolean } | null = null;
    // Embedded, touches move the map only two at a time: where they started, and the camera then.
    const touches = new Map<number, { x: number; y: number }>();
    let pinch: { x: number; y: number; distance: number; camera: Camera } | null = null;
    const twoFingers = () => {
      const [a, b] = [...touches.values()];
      return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, distance: Math.hypot(a.x - b.x, a.y - b.y) };
    };
    const cooperativeTouch = (e: PointerEvent) => this.view.cooperativeGestures && e.pointerType === 'touch';
    this.canvas.addEventListener('pointerdown', (e) => {
      if (cooperativeTouch(e)) {
        touches.set(e.pointerId, this.pointOf(e));
        if (touches.size === 2) {
          press = null;
          pinch = { ...twoFingers(), camera: this.currentCamera() };
        } else if (touches.size === 1) press = { ...this.pointOf(e), camera: this.currentCamera(), dragging: false };
        return;
      }
      if (e.button !== 0) return;
      this.canvas.setPointerCapture(e.pointerId);
      press = { ...this.pointOf(e), camera: this.currentCamera(), dragging: false };
    });
    this.canvas.addEventListener('pointermove', (e) => {
      const point = this.pointOf(e);
      if (cooperativeTouch(e) && touches.has(e.pointerId)) {
        touches.set(e.pointerId, point);
        if (pinch && touches.size === 2) {
          const now = twoFingers();
          const viewport = this.viewport();
          const moved = panBy(pinch.camera, viewport, now.x - pinch.x, now.y - pinch.y);
          this.camera = zoomAround(moved, viewport, Math.log2(now.distance / pinch.distance || 1), now.x, now.y, ZOOM_LIMITS);
          this.scheduleDraw();
        } else if (press && Math.hypot(point.x - press.x, point.y - press.y) >= CLICK_SLOP) {
          // One finger: the page scrolls under it (touch-action), and the map says how to move it.
          press = null;
          this.showHint('gesture_two_fingers');
        }
        return;
      }
      if (!press) return this.setHovered(this.pickAt(point.x, point.y).selected, point);
      const dx = point.x - press.x;
      const dy = point.y - press.y;
      if (!press.dragging && Math.hypot(dx, dy) < CLICK_SLOP) return;
      press.dragging = true;
      this.canvas.style.cursor = 'grabbing';
      this.camera = panBy(press.camera, this.viewport(), dx, dy);
      this.scheduleDraw();
    });
    const release = (e: PointerEvent) => {
      if (touches.delete(e.pointerId) && pinch) {
        pinch = null;
        press = null;
        this.handlers.onCamera(quantizeCamera(this.currentCamera()));
        return;
      }
      if (!press) return;
      const { dragging } = press;
      press = null;
      this.canvas.style.cursor = '';
      if (dragging) this.handlers.onCamera(quantizeCamera(this.currentCamera()));
      else if (e.type === 'pointerup') {
        const point = this.pointOf(e);
        const { selected, alsoHere } = this.pickAt(point.x, point.y);
        this.handlers.onSelect(selected, alsoHere);
      }
    };
    this.canvas.addEventListener('pointerup', release);
    this.canvas.addEventListener('pointercancel', release);
    this.canvas.addEventListener('pointerleave', () => {
      if (!press) this.setHovered(null, null);
    });
    this.canvas.addEventListener(
      'wheel',
      (e) => {
        // Embedded: the wheel scrolls the page, unless Ctrl (⌘) asks the map to zoom.
        if (this.view.cooperativeGestures && !e.ctrlKey && !e.metaKey) return this.showHint(/Mac/.test(navigator.platform) ? 'gesture_wheel_mac' : 'gesture_wheel_ctrl');
        e.preventDefault();
        const point = this.pointOf(e);
        const pixels = e.deltaMode === WheelEvent.DOM_DELTA_LINE ? e.deltaY * 40 : e.deltaY;
        this.camera = zoomAround(this.currentCamera(), this.viewport(), -pixels * WHEEL_ZOOM_RATE, point.x, point.y, ZOOM_LIMITS);
        this.scheduleDraw();
        clearTimeout(this.wheelTimer);
        this.wheelTimer = setTimeout(() => this.handlers.onCamera(quantizeCamera(this.currentCamera())), WHEEL_SETTLE_MS);
      },
      { passive: false },
    );
  }
}

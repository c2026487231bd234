/**
 * Web Mercator as MapLibre draws it: a world of 512·2^zoom CSS px (MapLibre's tile size), the camera centre in the
 * middle of the viewport, the map turned by -bearing. Pitch is not modelled; callers skip the 2D paint when it is set.
 * Pure: no DOM.
 */
import type { Camera } from '../state/view-state';
import { uniformPadding, type Padding } from '../look/free-frame';
import type { Movement } from './gestures';

/** MapLibre's tile size: the world is this many CSS px wide at zoom 0. */
const TILE_SIZE = 512;

export interface Viewport {
  /** CSS px. */
  width: number;
  height: number;
}

/** west, south, east, north in degrees. */
export type LngLatBounds = readonly [number, number, number, number];

/** Longitude to the unit world square [0, 1] (MapLibre's mercatorXfromLng). */
export function mercatorX(lng: number): number {
  return (180 + lng) / 360;
}

/** Latitude to the unit world square [0, 1], north at 0 (MapLibre's mercatorYfromLat). */
export function mercatorY(lat: number): number {
  return (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))) / 360;
}

export function lngFromMercatorX(x: number): number {
  return x * 360 - 180;
}

export function latFromMercatorY(y: number): number {
  const y2 = 180 - y * 360;
  return (360 / Math.PI) * Math.atan(Math.exp((y2 * Math.PI) / 180)) - 90;
}

function worldSize(zoom: number): number {
  return TILE_SIZE * 2 ** zoom;
}

/**
 * The affine map from unit-world coordinates to device px for one camera: x' = a·x + c·y + e, y' = b·x + d·y + f
 * (the argument order of CanvasRenderingContext2D.setTransform).
 */
export interface ScreenTransform {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
}

export function screenTransform(camera: Camera, viewport: Viewport, dpr = 1): ScreenTransform {
  const scale = worldSize(camera.zoom) * dpr;
  const angle = (-camera.bearing * Math.PI) / 180;
  const cos = Math.cos(angle) * scale;
  const sin = Math.sin(angle) * scale;
  const cx = mercatorX(camera.lng);
  const cy = mercatorY(camera.lat);
  const halfW = (viewport.width / 2) * dpr;
  const halfH = (viewport.height / 2) * dpr;
  return { a: cos, b: sin, c: -sin, d: cos, e: halfW - (cos * cx - sin * cy), f: halfH - (sin * cx + cos * cy) };
}

export function applyTransform(t: ScreenTransform, x: number, y: number): [number, number] {
  return [t.a * x + t.c * y + t.e, t.b * x + t.d * y + t.f];
}

/** Device px of a place on screen, as MapLibre's `map.project(...)` × dpr. */
export function project(lng: number, lat: number, camera: Camera, viewport: Viewport, dpr = 1): [number, number] {
  return applyTransform(screenTransform(camera, viewport, dpr), mercatorX(lng), mercatorY(lat));
}

/** The unit-world point under a CSS px of the viewport. */
export function mercatorAt(x: number, y: number, camera: Camera, viewport: Viewport): [number, number] {
  const t = screenTransform(camera, viewport);
  const det = t.a * t.d - t.b * t.c;
  const dx = x - t.e;
  const dy = y - t.f;
  return [(t.d * dx - t.c * dy) / det, (t.a * dy - t.b * dx) / det];
}

/** The place under a CSS px of the viewport (MapLibre's `map.unproject`). */
export function unproject(x: number, y: number, camera: Camera, viewport: Viewport): { lng: number; lat: number } {
  const [mx, my] = mercatorAt(x, y, camera, viewport);
  return { lng: lngFromMercatorX(mx), lat: latFromMercatorY(my) };
}

export interface ZoomLimits {
  minZoom: number;
  maxZoom: number;
}

/**
 * The camera MapLibre's `fitBounds(bounds, { padding })` gives at bearing 0 (its cameraForBoxAndBearing for
 * Mercator): the zoom at which the projected box fills the padded viewport, centred on the middle of the projected
 * box, zoom clamped to the map's limits as its transform clamps it.
 */
export function fitBoundsCamera(bounds: LngLatBounds, viewport: Viewport, padding: number | Padding, limits: ZoomLimits): Camera {
  const { top, right, bottom, left } = typeof padding === 'number' ? uniformPadding(padding) : padding;
  const [west, south, east, north] = bounds;
  const x0 = mercatorX(west);
  const x1 = mercatorX(east);
  const y0 = mercatorY(north);
  const y1 = mercatorY(south);
  const scaleX = (viewport.width - left - right) / ((x1 - x0) * TILE_SIZE);
  const scaleY = (viewport.height - top - bottom) / ((y1 - y0) * TILE_SIZE);
  const fitted = Math.log2(Math.min(scaleX, scaleY));
  const zoom = Math.min(Math.max(fitted, limits.minZoom), limits.maxZoom);
  // The box's middle goes to the middle of the padded part: the centre moves by half the padding's imbalance.
  const world = worldSize(zoom);
  const x = (x0 + x1) / 2 - (left - right) / 2 / world;
  const y = (y0 + y1) / 2 - (top - bottom) / 2 / world;
  return { zoom, lng: lngFromMercatorX(x), lat: latFromMercatorY(y), bearing: 0, pitch: 0 };
}

/** The camera after zooming by `delta` while the place under CSS px (x, y) stays put (wheel and button zoom). */
export function zoomAround(camera: Camera, viewport: Viewport, delta: number, x: number, y: number, limits: ZoomLimits): Camera {
  const zoom = Math.min(Math.max(camera.zoom + delta, limits.minZoom), limits.maxZoom);
  const [mx, my] = mercatorAt(x, y, camera, viewport);
  const zoomed = { ...camera, zoom };
  const [ax, ay] = mercatorAt(x, y, zoomed, viewport);
  return { ...zoomed, lng: lngFromMercatorX(mercatorX(camera.lng) + mx - ax), lat: latFromMercatorY(mercatorY(camera.lat) + my - ay) };
}

const NO_ZOOM_LIMITS: ZoomLimits = { minZoom: -Infinity, maxZoom: Infinity };

/** The camera that shows the picture of `camera` moved on screen by `movement` (gestures.ts). */
export function movedCamera(camera: Camera, viewport: Viewport, movement: Movement): Camera {
  const scaled = zoomAround(camera, viewport, Math.log2(movement.scale), 0, 0, NO_ZOOM_LIMITS);
  return panBy(scaled, viewport, movement.x, movement.y);
}

/** How the picture of `from` moves on screen to show `to` (the same bearing), as movedCamera(from, …) = to. */
export function movementBetween(from: Camera, to: Camera, viewport: Viewport): Movement {
  const [x, y] = applyTransform(screenTransform(to, viewport), ...mercatorAt(0, 0, from, viewport));
  return { scale: 2 ** (to.zoom - from.zoom), x, y };
}

/** The camera after dragging the map by (dx, dy) CSS px. */
export function panBy(camera: Camera, viewport: Viewport, dx: number, dy: number): Camera {
  const centre = unproject(viewport.width / 2 - dx, viewport.height / 2 - dy, camera, viewport);
  return { ...camera, ...centre };
}

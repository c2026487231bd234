/**
 * Shapes pre-projected once into the unit world square (flat Float64Arrays; topology-shapes.ts reads them off the
 * data), so every redraw is an affine map and a string join, and hit-testing happens in the same space MapLibre draws in. Pure: no DOM.
 */
import type { ScreenTransform } from './mercator';
import { polygonContains } from '../look/pick';

/** A polygon's rings as flat [x0, y0, x1, y1, …] in unit-world coordinates; the first ring is the outer one. */
export type MercatorPolygon = Float64Array[];

export interface MercatorShape<P> {
  properties: P;
  polygons: MercatorPolygon[];
  /** minX, minY, maxX, maxY in unit-world coordinates: a cheap reject before the ring test. */
  box: [number, number, number, number];
  /** Lines, not rings: each "ring" is a line, drawn without closing it (boundary lines; stroked, never filled). */
  open?: true;
}

/** A shape from polygons already in unit-world coordinates: its box is that of the outer rings. */
export function mercatorShape<P>(properties: P, polygons: MercatorPolygon[]): MercatorShape<P> {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygons) {
    const outer = polygon[0];
    for (let i = 0; i < outer.length; i += 2) {
      if (outer[i] < box[0]) box[0] = outer[i];
      if (outer[i + 1] < box[1]) box[1] = outer[i + 1];
      if (outer[i] > box[2]) box[2] = outer[i];
      if (outer[i + 1] > box[3]) box[3] = outer[i + 1];
    }
  }
  return { properties, polygons, box };
}

/**
 * An SVG path string of the shape in device px for one camera: `new Path2D(d)` parses it in native code, far faster
 * than one `lineTo` call per vertex (research/perf.md). Every ring is closed (an open shape's lines are not), so fills and outlines share it.
 * The affine map is inlined and the string grown in place: this runs for every vertex of every frame.
 */
export function pathData(shape: MercatorShape<unknown>, { a, b, c, d, e, f }: ScreenTransform): string {
  let out = '';
  for (const polygon of shape.polygons) {
    for (const ring of polygon) {
      for (let i = 0; i < ring.length; i += 2) {
        const x = ring[i];
        const y = ring[i + 1];
        out += (i === 0 ? 'M' : 'L') + Math.round((a * x + c * y + e) * 100) / 100 + ' ' + Math.round((b * x + d * y + f) * 100) / 100;
      }
      if (!shape.open) out += 'Z';
    }
  }
  return out;
}

/** Whether the unit-world point (x, y) lies in the shape. */
export function shapeContains(shape: MercatorShape<unknown>, x: number, y: number): boolean {
  const [minX, minY, maxX, maxY] = shape.box;
  if (x < minX || x > maxX || y < minY || y > maxY) return false;
  return shape.polygons.some((polygon) => polygonContains(polygon, x, y));
}

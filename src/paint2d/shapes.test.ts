import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { mercatorX, mercatorY, screenTransform } from './mercator';
import { mercatorShape, pathData, shapeContains } from './shapes';

const square = (w: number, s: number, e: number, n: number) => [[w, s], [e, s], [e, n], [w, n], [w, s]];
/** A shape from polygons in degrees, projected here (topology-shapes.test.ts checks the projection of the data). */
const shapeOf = (polygons: Position[][][]) =>
  mercatorShape({ id: 'x' }, polygons.map((rings) => rings.map((ring) => Float64Array.from(ring.flatMap(([lng, lat]) => [mercatorX(lng!), mercatorY(lat!)])))));
// A square with a square hole, and a second square apart from it.
const holed = shapeOf([[square(100, 20, 110, 30), square(104, 24, 106, 26)], [square(120, 20, 121, 21)]]);
const inside = (lng: number, lat: number) => shapeContains(holed, mercatorX(lng), mercatorY(lat));

describe('shapeContains', () => {
  it('is true inside the outer ring, false in a hole and outside', () => {
    expect(inside(101, 21)).toBe(true);
    expect(inside(109.9, 29.9)).toBe(true);
    expect(inside(105, 25)).toBe(false);
    expect(inside(99.9, 25)).toBe(false);
    expect(inside(105, 30.1)).toBe(false);
  });

  it('finds points in every polygon of a MultiPolygon', () => {
    expect(inside(120.5, 20.5)).toBe(true);
    expect(inside(115, 25)).toBe(false);
  });

  it('handles a concave outline', () => {
    // A U: two arms joined at the bottom; the notch between the arms is outside.
    const u = shapeOf([[[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]]]);
    const at = (lng: number, lat: number) => shapeContains(u, mercatorX(lng), mercatorY(lat));
    expect(at(0.5, 2.5)).toBe(true);
    expect(at(2.5, 2.5)).toBe(true);
    expect(at(1.5, 2)).toBe(false);
    expect(at(1.5, 0.5)).toBe(true);
  });
});

describe('pathData', () => {
  it('draws every ring as a closed subpath in device px for the camera', () => {
    const shape = shapeOf([[square(104, 30, 104.1, 30.1)]]);
    const camera = { zoom: 10, lng: 104.05, lat: 30.05, bearing: 0, pitch: 0 };
    const d = pathData(shape, screenTransform(camera, { width: 200, height: 100 }, 2));
    expect(d.match(/M/g)).toHaveLength(1);
    expect(d.match(/L/g)).toHaveLength(4);
    expect(d.endsWith('Z')).toBe(true);
    const numbers = d.match(/-?\d+(\.\d+)?/g)!.map(Number);
    // 0.1° at zoom 10 is 512·2^10·0.1/360 ≈ 145.6 CSS px, 291.3 device px at dpr 2, centred on (200, 100).
    const xs = numbers.filter((_, i) => i % 2 === 0);
    expect(Math.max(...xs) - Math.min(...xs)).toBeCloseTo(291.27, 1);
    expect((Math.max(...xs) + Math.min(...xs)) / 2).toBeCloseTo(200, 1);
  });

  it('writes one subpath per ring of every polygon', () => {
    const d = pathData(holed, screenTransform({ zoom: 5, lng: 110, lat: 25, bearing: 0, pitch: 0 }, { width: 800, height: 600 }));
    expect(d.match(/M/g)).toHaveLength(3);
    expect(d.match(/Z/g)).toHaveLength(3);
  });
});

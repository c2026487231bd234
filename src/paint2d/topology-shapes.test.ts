import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Feature, Geometry, Point, Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { feature } from 'topojson-client';
import { BOUNDARY_OBJECTS } from '../model/units';
import { mercatorX, mercatorY } from './mercator';
import { mercatorArcs, mercatorPointsOf, mercatorShapesOf } from './topology-shapes';

const projected = (ring: Position[]) => ring.flatMap(([lng, lat]) => [mercatorX(lng!), mercatorY(lat!)]);
const polygonsOf = (geometry: Geometry | null): Position[][][] =>
  geometry?.type === 'Polygon' ? [geometry.coordinates] : geometry?.type === 'MultiPolygon' ? geometry.coordinates : [];

/** Every shape of `name` against topojson-client's GeoJSON of it, projected point by point. */
function expectSameAsGeoJson(topology: Topology, name: string): void {
  const collection = topology.objects[name] as GeometryCollection<{ id: string }>;
  const shapes = mercatorShapesOf(collection, mercatorArcs(topology));
  const features = (feature(topology, collection) as { features: Feature<Geometry, { id: string }>[] }).features;
  expect(shapes.map((s) => s.properties.id)).toEqual(features.map((f) => f.properties.id));
  shapes.forEach((shape, i) => {
    const expected = polygonsOf(features[i]!.geometry);
    expect(shape.polygons.length, shape.properties.id).toBe(expected.length);
    shape.polygons.forEach((rings, p) =>
      rings.forEach((ring, r) => {
        const want = projected(expected[p]![r]!);
        expect(ring.length, `${shape.properties.id} polygon ${p} ring ${r}`).toBe(want.length);
        const worst = ring.reduce((max, v, k) => Math.max(max, Math.abs(v - want[k]!)), 0);
        expect(worst, `${shape.properties.id} polygon ${p} ring ${r}`).toBeLessThan(1e-12);
      }),
    );
  });
}

describe('mercatorShapesOf', () => {
  const boundaries = JSON.parse(readFileSync('public/data/boundaries.topo.json', 'utf8')) as Topology;

  it.each(BOUNDARY_OBJECTS.filter((name) => name !== 'zone_markers'))('reads %s as topojson-client would, projected', (name) => {
    expectSameAsGeoJson(boundaries, name);
  });

  it('reads the quantised all-China topology the same way', () => {
    expectSameAsGeoJson(JSON.parse(readFileSync('public/data/china.topo.json', 'utf8')) as Topology, 'counties');
  });

  it('stitches reversed arcs and unquantised topologies, and boxes the outer rings', () => {
    // A square made of two arcs, the second one stored the other way round; a point has no polygons.
    const topology = {
      type: 'Topology',
      arcs: [
        [[0, 0], [10, 0], [10, 10]],
        [[0, 0], [0, 10], [10, 10]],
      ],
      objects: {
        o: {
          type: 'GeometryCollection',
          geometries: [
            { type: 'Polygon', arcs: [[0, ~1]], properties: { id: 'square' } },
            { type: 'Point', coordinates: [5, 5], properties: { id: 'point' } },
          ],
        },
      },
    } as unknown as Topology;
    const [square, point] = mercatorShapesOf(topology.objects.o as GeometryCollection<{ id: string }>, mercatorArcs(topology));
    expect(Array.from(square!.polygons[0]![0]!)).toEqual(projected([[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]));
    expect(square!.box).toEqual([mercatorX(0), mercatorY(10), mercatorX(10), mercatorY(0)]);
    expect(point!.polygons).toEqual([]);
  });
});

describe('mercatorPointsOf', () => {
  it('projects quantised points (absolute, not deltas)', () => {
    const topology = JSON.parse(readFileSync('public/data/boundaries.topo.json', 'utf8')) as Topology;
    const collection = topology.objects.zone_markers as GeometryCollection<{ id: string }>;
    const features = (feature(topology, collection) as { features: Feature<Point, { id: string }>[] }).features;
    const points = mercatorPointsOf(topology, collection);
    expect(points).toHaveLength(features.length);
    points.forEach((p, i) => {
      const [lng, lat] = features[i]!.geometry.coordinates as [number, number];
      expect(p.properties.id).toBe(features[i]!.properties.id);
      expect(p.x).toBeCloseTo(mercatorX(lng), 12);
      expect(p.y).toBeCloseTo(mercatorY(lat), 12);
    });
  });
});

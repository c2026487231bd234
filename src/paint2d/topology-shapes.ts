/**
 * Mercator shapes read straight off a TopoJSON topology: every arc is decoded and projected once and the rings are
 * stitched from the projected arcs. Building GeoJSON first (topojson-client) copies each shared border into every
 * feature that uses it and projects it again for each; before the first frame that was most of the time spent.
 * Pure: no DOM.
 */
import type { GeoJsonProperties } from 'geojson';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { mercatorX, mercatorY } from './mercator';
import { mercatorShape, type MercatorPolygon, type MercatorShape } from './shapes';

/** Each arc of the topology as flat unit-world [x0, y0, x1, y1, …], in the topology's own order. */
export type MercatorArcs = Float64Array[];

/** Decodes (delta, quantisation) and projects every arc once. */
export function mercatorArcs(topology: Topology): MercatorArcs {
  const [kx, ky] = topology.transform?.scale ?? [1, 1];
  const [dx, dy] = topology.transform?.translate ?? [0, 0];
  const quantised = !!topology.transform;
  return topology.arcs.map((arc) => {
    const out = new Float64Array(arc.length * 2);
    let x = 0;
    let y = 0;
    for (let i = 0; i < arc.length; i++) {
      // Quantised arcs store each position as a delta from the one before.
      x = quantised ? x + arc[i][0] : arc[i][0];
      y = quantised ? y + arc[i][1] : arc[i][1];
      out[2 * i] = mercatorX(x * kx + dx);
      out[2 * i + 1] = mercatorY(y * ky + dy);
    }
    return out;
  });
}

/** A ring from arc references (i, or ~i for arc i reversed); consecutive arcs share their joining point. */
function ringOf(arcs: MercatorArcs, refs: number[]): Float64Array {
  let length = 0;
  for (const ref of refs) length += arcs[ref < 0 ? ~ref : ref].length - 2;
  const ring = new Float64Array(length + 2);
  let at = 0;
  for (const ref of refs) {
    const arc = arcs[ref < 0 ? ~ref : ref];
    const n = arc.length / 2;
    // Every arc but the first skips its first point: the previous arc ended there.
    for (let k = at === 0 ? 0 : 1; k < n; k++) {
      const from = ref < 0 ? n - 1 - k : k;
      ring[at++] = arc[2 * from];
      ring[at++] = arc[2 * from + 1];
    }
  }
  return ring;
}

function polygonsOf(geometry: GeometryObject<GeoJsonProperties>, arcs: MercatorArcs): MercatorPolygon[] {
  if (geometry.type === 'Polygon') return [geometry.arcs.map((refs) => ringOf(arcs, refs))];
  if (geometry.type === 'MultiPolygon') return geometry.arcs.map((rings) => rings.map((refs) => ringOf(arcs, refs)));
  if (geometry.type === 'GeometryCollection') return geometry.geometries.flatMap((g) => polygonsOf(g, arcs));
  return [];
}

/** The polygons of each geometry in the collection, with its properties; points and lines give no polygons. */
export function mercatorShapesOf<P extends GeoJsonProperties>(collection: GeometryCollection<P>, arcs: MercatorArcs): MercatorShape<P>[] {
  return collection.geometries.map((geometry) => mercatorShape(geometry.properties as P, polygonsOf(geometry, arcs)));
}

/** The Point geometries of a collection, projected (quantised positions are absolute, not deltas). */
export function mercatorPointsOf<P extends GeoJsonProperties>(topology: Topology, collection: GeometryCollection<P>): { properties: P; x: number; y: number }[] {
  const [kx, ky] = topology.transform?.scale ?? [1, 1];
  const [dx, dy] = topology.transform?.translate ?? [0, 0];
  return collection.geometries.flatMap((geometry) =>
    geometry.type === 'Point'
      ? [{ properties: geometry.properties as P, x: mercatorX(geometry.coordinates[0] * kx + dx), y: mercatorY(geometry.coordinates[1] * ky + dy) }]
      : [],
  );
}

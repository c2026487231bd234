import { booleanPointInPolygon, booleanValid, kinks } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon, GeometryObject, Topology } from 'topojson-specification';

/** Geometry checks of the all-China layer: the validity of one unit, and two checks over the whole
 *  quantised topology that validity of each unit cannot see (arcs crossing each other, an island or
 *  enclave ending up inside another ring). */

type Ring = Position[];
type Point2 = [number, number];

const key = (p: Position): string => `${p[0]},${p[1]}`;

function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return sum / 2;
}

function ringIsSimpleShape(ring: Ring): boolean {
  if (ring.length < 4 || key(ring[0]!) !== key(ring.at(-1)!)) return false;
  const open = ring.slice(0, -1).map(key);
  return new Set(open).size === open.length && signedArea(ring) !== 0;
}

const bboxOf = (ring: Ring): [number, number, number, number] => {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const [x, y] of ring as Point2[]) {
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return [x0, y0, x1, y1];
};

/** Valid for this layer: at least one part; every ring closed, of 3+ distinct vertices none repeated,
 *  with non-zero area; each part valid for turf's booleanValid (no spikes, holes meeting their exterior
 *  at one point at most); no self-intersection except rings of the unit touching at a shared vertex
 *  (turf kinks, which reports touches too); and no part lying inside another. */
export function isValidArea(geometry: MultiPolygon | Polygon): boolean {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  if (parts.length === 0 || parts.some((rings) => rings.length === 0)) return false;
  if (!parts.every((rings) => rings.every(ringIsSimpleShape))) return false;
  if (!parts.every((rings) => booleanValid({ type: 'Polygon', coordinates: rings }))) return false;

  const ringsPerVertex = new Map<string, number>();
  for (const rings of parts) {
    for (const ring of rings) for (const k of new Set(ring.map(key))) ringsPerVertex.set(k, (ringsPerVertex.get(k) ?? 0) + 1);
  }
  for (const kink of kinks(geometry).features) {
    if ((ringsPerVertex.get(key(kink.geometry.coordinates)) ?? 0) < 2) return false;
  }

  const boxes = parts.map((rings) => bboxOf(rings[0]!));
  for (let i = 0; i < parts.length; i++) {
    for (let j = 0; j < parts.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      if (i === j || b[0] < a[0] || b[2] > a[2] || b[1] < a[1] || b[3] > a[3]) continue;
      const onI = new Set(parts[i]!.flat().map(key));
      const probe = parts[j]![0]!.find((p) => !onI.has(key(p)));
      if (probe && booleanPointInPolygon(probe, { type: 'Polygon', coordinates: parts[i]! }, { ignoreBoundary: true })) return false;
    }
  }
  return true;
}

/** Absolute coordinates of every arc of a quantised (delta-encoded) topology, in quantisation units. */
export function decodeArcs(topology: Topology): Point2[][] {
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => [(x += dx!), (y += dy!)] as Point2);
  });
}

const orient = (a: Point2, b: Point2, c: Point2): number =>
  Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
const same = (a: Point2, b: Point2): boolean => a[0] === b[0] && a[1] === b[1];
const between = (a: Point2, b: Point2, p: Point2): boolean =>
  Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);

/** How two segments meet: not at all, at exactly one end point of both (the point is returned), or in
 *  any other way (a crossing, a T, an overlap). Exact on integer coordinates. */
function meet(a: Point2, b: Point2, c: Point2, d: Point2): 'none' | 'other' | Point2 {
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  if ((o1 * o2 > 0) || (o3 * o4 > 0)) return 'none';
  if (o1 === 0 && o2 === 0) {
    // collinear: disjoint, touching end to end, or overlapping
    if (!between(a, b, c) && !between(a, b, d) && !between(c, d, a) && !between(c, d, b)) return 'none';
    const shared = [c, d].find((p) => same(p, a) || same(p, b));
    if (!shared) return 'other';
    const otherCD = same(shared, c) ? d : c;
    const otherAB = same(shared, a) ? b : a;
    return !between(a, b, otherCD) && !between(c, d, otherAB) ? shared : 'other';
  }
  for (const p of [a, b]) if (same(p, c) || same(p, d)) return p;
  return 'other';
}

/** Arcs that cross, touch or overlap another arc (or themselves) anywhere but at a shared arc end point
 *  (a junction). A grid of cells keeps the pairs to test few. */
export function crossingArcs(arcs: Point2[][], cellSize = 256): Set<number> {
  const cells = new Map<number, Array<[number, number]>>(); // cell → [arc, segment]
  arcs.forEach((arc, i) => {
    for (let s = 0; s + 1 < arc.length; s++) {
      const [a, b] = [arc[s]!, arc[s + 1]!];
      const [cx0, cx1] = [Math.floor(Math.min(a[0], b[0]) / cellSize), Math.floor(Math.max(a[0], b[0]) / cellSize)];
      const [cy0, cy1] = [Math.floor(Math.min(a[1], b[1]) / cellSize), Math.floor(Math.max(a[1], b[1]) / cellSize)];
      for (let cx = cx0; cx <= cx1; cx++) {
        for (let cy = cy0; cy <= cy1; cy++) {
          const k = cx * 65536 + cy;
          const list = cells.get(k);
          if (list) list.push([i, s]);
          else cells.set(k, [[i, s]]);
        }
      }
    }
  });
  const isEnd = (arc: number, p: Point2) => same(arcs[arc]![0]!, p) || same(arcs[arc]!.at(-1)!, p);
  const bad = new Set<number>();
  for (const list of cells.values()) {
    for (let m = 0; m < list.length; m++) {
      const [i, s] = list[m]!;
      const [a, b] = [arcs[i]![s]!, arcs[i]![s + 1]!];
      for (let n = m + 1; n < list.length; n++) {
        const [j, t] = list[n]!;
        if (bad.has(i) && bad.has(j)) continue;
        if (i === j) {
          const last = arcs[i]!.length - 2;
          if (Math.abs(s - t) === 1 || (Math.min(s, t) === 0 && Math.max(s, t) === last && same(arcs[i]![0]!, arcs[i]!.at(-1)!))) {
            continue; // neighbouring segments of one arc (or of a closed arc across its start)
          }
        }
        const [c, d] = [arcs[j]![t]!, arcs[j]![t + 1]!];
        const how = meet(a, b, c, d);
        if (how === 'none') continue;
        if (how !== 'other' && i !== j && isEnd(i, how) && isEnd(j, how)) continue;
        bad.add(i);
        bad.add(j);
      }
    }
  }
  return bad;
}

function ringsOf(geometry: GeometryObject): number[][] {
  if (geometry.type === 'Polygon') return (geometry as TopoPolygon).arcs;
  if (geometry.type === 'MultiPolygon') return (geometry as TopoMultiPolygon).arcs.flat();
  return [];
}

/** A ring's coordinates stitched from its arcs (i or ~i for arc i reversed). */
export function stitch(arcs: Point2[][], refs: number[]): Point2[] {
  const ring: Point2[] = [];
  for (const ref of refs) {
    const arc = ref < 0 ? [...arcs[~ref]!].reverse() : arcs[ref]!;
    ring.push(...(ring.length ? arc.slice(1) : arc));
  }
  return ring;
}

function inside(ring: Point2[], p: Point2): boolean {
  let result = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) result = !result;
  }
  return result;
}

/** Rings made of one closed arc (islands, enclaves, holes) whose first point is inside a different set
 *  of rings in `after` than in `before`: such a ring was jumped over by a simplified border without any
 *  crossing. `before` and `after` are the same topology's rings and arcs (any units); returns the arcs
 *  of both rings of each changed pair. A first point lying on the other ring (a touch) is not judged. */
export function containmentChanges(
  geometries: GeometryObject[],
  before: Point2[][],
  after: Point2[][],
): Set<number> {
  const rings = geometries.flatMap(ringsOf);
  const shapes = (arcs: Point2[][]) =>
    rings.map((refs) => {
      const ring = stitch(arcs, refs);
      return { ring, box: bboxOf(ring) };
    });
  const [was, now] = [shapes(before), shapes(after)];
  const changed = new Set<number>();
  const arcIndex = (ref: number) => (ref < 0 ? ~ref : ref);
  const inBox = (box: number[], p: Point2) => p[0] >= box[0]! && p[0] <= box[2]! && p[1] >= box[1]! && p[1] <= box[3]!;
  rings.forEach((refs, r) => {
    if (refs.length !== 1) return;
    const own = arcIndex(refs[0]!);
    const [p0, p1] = [before[own]![0]!, after[own]![0]!];
    for (let o = 0; o < rings.length; o++) {
      const other = rings[o]!;
      if (o === r || (other.length === 1 && arcIndex(other[0]!) === own)) continue;
      const a = inBox(was[o]!.box, p0) && inside(was[o]!.ring, p0);
      const b = inBox(now[o]!.box, p1) && inside(now[o]!.ring, p1);
      if (a !== b && !was[o]!.ring.some((q) => q[0] === p0[0] && q[1] === p0[1])) {
        changed.add(own);
        for (const ref of other) changed.add(arcIndex(ref));
      }
    }
  });
  return changed;
}

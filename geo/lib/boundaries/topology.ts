import { simplify, lineString } from '@turf/turf';
import type { GeometryObject, MultiPolygon, Objects, Polygon, Topology } from 'topojson-specification';

/** Topologies as topojson-server builds them (properties are plain objects). */
type AnyTopology = Topology<Objects<{}>>;

type Arc = Array<[number, number]>;

/** Arc references are stored as i or ~i (reversed); both name arc i. */
const arcIndex = (ref: number): number => (ref < 0 ? ~ref : ref);

function ringsOf(geometry: GeometryObject): number[][] {
  if (geometry.type === 'Polygon') return (geometry as Polygon).arcs;
  if (geometry.type === 'MultiPolygon') return (geometry as MultiPolygon).arcs.flat();
  return [];
}

/** Indices of the arcs the given geometries use. */
export function arcsUsedBy(geometries: GeometryObject[]): Set<number> {
  const used = new Set<number>();
  for (const geometry of geometries) for (const ring of ringsOf(geometry)) for (const ref of ring) used.add(arcIndex(ref));
  return used;
}

/** Douglas-Peucker on the chosen arcs only. Arc end points are kept, so junctions with other arcs and the
 *  borders shared with detailed units stay exact; a closed arc keeps at least a quadrilateral. */
export function simplifyArcs(topology: AnyTopology, arcIds: Iterable<number>, toleranceDeg: number): void {
  for (const i of arcIds) {
    const arc = topology.arcs[i] as Arc;
    if (arc.length <= 4) continue;
    const simplified = simplify(lineString(arc), { tolerance: toleranceDeg, highQuality: true }).geometry
      .coordinates as Arc;
    const closed = arc[0]![0] === arc.at(-1)![0] && arc[0]![1] === arc.at(-1)![1];
    if (!closed || simplified.length >= 5) topology.arcs[i] = simplified;
  }
}

/** Drops arcs no object uses and renumbers the references. */
export function pruneArcs(topology: AnyTopology): void {
  const allGeometries = Object.values(topology.objects).flatMap((object) =>
    object.type === 'GeometryCollection' ? object.geometries : [object],
  );
  const used = [...arcsUsedBy(allGeometries)].sort((a, b) => a - b);
  const newIndex = new Map(used.map((oldIndex, i) => [oldIndex, i]));
  const renumber = (ref: number): number => (ref < 0 ? ~newIndex.get(~ref)! : newIndex.get(ref)!);
  for (const geometry of allGeometries) {
    if (geometry.type === 'Polygon') {
      const polygon = geometry as Polygon;
      polygon.arcs = polygon.arcs.map((ring) => ring.map(renumber));
    } else if (geometry.type === 'MultiPolygon') {
      const multi = geometry as MultiPolygon;
      multi.arcs = multi.arcs.map((polygon) => polygon.map((ring) => ring.map(renumber)));
    }
  }
  topology.arcs = used.map((i) => topology.arcs[i]!);
}

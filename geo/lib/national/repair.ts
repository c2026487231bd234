import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Position } from 'geojson';

/** Repairs that move no vertex, so borders shared with neighbours stay identical: consecutive repeated
 *  vertices are dropped, a ring that runs through one vertex twice (a pinch) is split there into simple
 *  rings, a hole touching its exterior twice splits the polygon, and spikes and rings of no area go.
 *  In the source 13 of the 2,891 units need this; after snap rounding (snap.ts), where narrow gaps and
 *  inlets close, a few more. */

type Ring = Position[];

const key = (p: Position): string => `${p[0]},${p[1]}`;
const samePoint = (a: Position, b: Position): boolean => a[0] === b[0] && a[1] === b[1];

/** Planar signed area in lon/lat; the source draws exteriors clockwise (negative), holes anticlockwise. */
function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return sum / 2;
}

export const ringSign = (ring: Ring): number => Math.sign(signedArea(ring));

/** The ring's distinct vertices in order, without the closing repeat and without consecutive repeats. */
function openVertices(ring: Ring): Position[] {
  const out: Position[] = [];
  for (const p of ring) if (out.length === 0 || !samePoint(out.at(-1)!, p)) out.push(p);
  while (out.length > 1 && samePoint(out[0]!, out.at(-1)!)) out.pop();
  return out;
}

const close = (open: Position[]): Ring => [...open.map((p) => [p[0]!, p[1]!]), [open[0]![0]!, open[0]![1]!]];

/** Splits a ring at every vertex it passes twice; loops of fewer than 3 vertices (spikes) are dropped. */
export function splitRing(ring: Ring): Ring[] {
  const rings: Ring[] = [];
  const path: Position[] = [];
  const seen = new Map<string, number>();
  for (const p of openVertices(ring)) {
    const at = seen.get(key(p));
    if (at === undefined) {
      seen.set(key(p), path.length);
      path.push(p);
      continue;
    }
    const loop = path.splice(at + 1);
    for (const q of loop) seen.delete(key(q));
    if (loop.length >= 2) rings.push(close([path[at]!, ...loop]));
  }
  if (path.length >= 3) rings.push(close(path));
  return rings;
}

/** The source draws exteriors clockwise (negative planar area in lon/lat) and holes anticlockwise, so
 *  the polygon's inside is on the right of every ring. */
export const EXTERIOR_SIGN = -1;

interface Edge {
  from: Position;
  to: Position;
  fromKey: string;
  toKey: string;
  used: boolean;
}

/** The closed walks around the polygon's inside, from its rings' edges: an edge met both ways (a spike,
 *  or a gap closed to nothing) cancels out, and at a vertex where rings meet the walk takes the sharpest
 *  right turn, so it keeps to one face of the inside. A hole touching its exterior at two points thus
 *  splits the polygon in two, where the rings themselves would touch twice. */
function traceFaces(rings: Ring[]): Ring[] {
  const edges: Edge[] = [];
  const pending = new Map<string, Edge[]>(); // "from|to" → edges not yet cancelled
  for (const ring of rings) {
    const open = openVertices(ring);
    if (open.length < 2) continue;
    const keys = open.map(key);
    open.forEach((from, i) => {
      const j = (i + 1) % open.length;
      const [to, fromKey, toKey] = [open[j]!, keys[i]!, keys[j]!];
      const reverse = pending.get(`${toKey}|${fromKey}`);
      if (reverse?.length) {
        reverse.pop()!.used = true; // cancelled with this one
        return;
      }
      const edge = { from, to, fromKey, toKey, used: false };
      edges.push(edge);
      const list = pending.get(`${fromKey}|${toKey}`);
      if (list) list.push(edge);
      else pending.set(`${fromKey}|${toKey}`, [edge]);
    });
  }
  const live = edges.filter((e) => !e.used);
  const outgoing = new Map<string, Edge[]>();
  for (const e of live) {
    const list = outgoing.get(e.fromKey);
    if (list) list.push(e);
    else outgoing.set(e.fromKey, [e]);
  }
  const angle = (from: Position, to: Position) => Math.atan2(to[1]! - from[1]!, to[0]! - from[0]!);
  const next = (e: Edge): Edge => {
    const candidates = outgoing.get(e.toKey) ?? [];
    if (candidates.length === 1) return candidates[0]!;
    const back = angle(e.to, e.from);
    let best: Edge | undefined;
    let bestTurn = Infinity;
    for (const candidate of candidates) {
      let turn = angle(candidate.from, candidate.to) - back; // anticlockwise from the way back
      while (turn <= 0) turn += 2 * Math.PI;
      while (turn > 2 * Math.PI) turn -= 2 * Math.PI;
      if (turn < bestTurn) [best, bestTurn] = [candidate, turn];
    }
    if (!best) throw new Error(`ring ends at ${e.toKey}`);
    return best;
  };
  const faces: Ring[] = [];
  for (const start of live) {
    if (start.used) continue;
    const face: Position[] = [start.from];
    start.used = true;
    for (let e = start; ; ) {
      const n = next(e);
      if (n === start) break;
      if (n.used) throw new Error(`faces cross at ${n.fromKey}`);
      n.used = true;
      face.push(n.from);
      e = n;
    }
    if (face.length >= 3) faces.push(close(face));
  }
  return faces;
}

/** A polygon's rings made simple. The faces of its inside are walked (traceFaces), and a walk that
 *  passes one vertex twice is split there (splitRing). Every piece drawn clockwise is then an exterior,
 *  every other one a hole (touching its exterior at one point at most); pieces of no area are dropped.
 *  Every hole goes to the smallest exterior around it. */
export function repairPolygon(rings: Ring[]): Ring[][] {
  const exteriors: Ring[] = [];
  const holes: Ring[] = [];
  for (const piece of traceFaces(rings).flatMap(splitRing)) {
    const sign = ringSign(piece);
    if (sign !== 0) (sign === EXTERIOR_SIGN ? exteriors : holes).push(piece);
  }
  const polygons = exteriors.map((exterior) => [exterior]);
  for (const hole of holes) {
    const owner = polygons
      .filter(([exterior]) => {
        const onExterior = new Set(exterior!.map(key));
        const probe = hole.find((p) => !onExterior.has(key(p)));
        return probe !== undefined && booleanPointInPolygon(probe, { type: 'Polygon', coordinates: [exterior!] }, { ignoreBoundary: true });
      })
      .sort((a, b) => Math.abs(signedArea(a[0]!)) - Math.abs(signedArea(b[0]!)))[0];
    if (!owner) throw new Error(`hole at ${key(hole[0]!)} lies in no exterior`);
    owner.push(hole);
  }
  return polygons;
}

export const repairMultiPolygon = (geometry: MultiPolygon): MultiPolygon => ({
  type: 'MultiPolygon',
  coordinates: geometry.coordinates.flatMap(repairPolygon),
});

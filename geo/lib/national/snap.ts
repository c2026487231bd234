import type { Transform } from 'topojson-specification';

/** Iterated snap rounding of a topology's arcs onto the quantisation grid.
 *
 *  Rounding each vertex to its nearest grid point alone makes borders that run closer than a grid step
 *  cross or touch (tens of places in China on a 140 m grid). Snap rounding avoids that: the grid point of
 *  every source vertex is a hot pixel (the unit square around it), and every segment is routed through
 *  the centre of each hot pixel it passes, in order; the routed segments are routed again until none
 *  passes a hot pixel it does not stop at. Borders that come within half a step of each other then share
 *  vertices instead of crossing (a narrow gap may close, never open into a crossing), and since the
 *  source's arcs meet only at their ends, the result has no crossings (checks.ts confirms it). */

type Point = [number, number];

/** Grid points as numbers (the grid is at most 2^16 steps a side). */
const cellKey = (x: number, y: number): number => x * 65536 + y;

/** Hot pixels a segment (grid units) passes through, closed squares, in order along it, ends included. */
function hotPixelsOn(p: Point, q: Point, hot: Set<number>): Point[] {
  const [dx, dy] = [q[0] - p[0], q[1] - p[1]];
  const found: Array<{ t: number; at: Point }> = [];
  const x0 = Math.ceil(Math.min(p[0], q[0]) - 0.5);
  const x1 = Math.floor(Math.max(p[0], q[0]) + 0.5);
  for (let x = x0; x <= x1; x++) {
    // the part of the segment within the column x ± 0.5
    let [t0, t1] = [0, 1];
    if (dx !== 0) {
      const [ta, tb] = [(x - 0.5 - p[0]) / dx, (x + 0.5 - p[0]) / dx];
      t0 = Math.max(0, Math.min(ta, tb));
      t1 = Math.min(1, Math.max(ta, tb));
      if (t0 > t1) continue;
    }
    const [ya, yb] = [p[1] + t0 * dy, p[1] + t1 * dy];
    for (let y = Math.ceil(Math.min(ya, yb) - 0.5); y <= Math.floor(Math.max(ya, yb) + 0.5); y++) {
      if (!hot.has(cellKey(x, y))) continue;
      const t = dx === 0 && dy === 0 ? 0 : ((x - p[0]) * dx + (y - p[1]) * dy) / (dx * dx + dy * dy);
      found.push({ t, at: [x, y] });
    }
  }
  return found.sort((a, b) => a.t - b.t || a.at[0] - b.at[0] || a.at[1] - b.at[1]).map((f) => f.at);
}

function route(arc: Point[], hot: Set<number>): Point[] {
  const out: Point[] = [];
  const push = (p: Point) => {
    const last = out.at(-1);
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  };
  const rounded = (p: Point): Point => [Math.round(p[0]), Math.round(p[1])];
  for (let i = 0; i + 1 < arc.length; i++) {
    // a segment starts and ends at its own ends' pixels, so arcs still meet at their junctions
    const [from, to] = [rounded(arc[i]!), rounded(arc[i + 1]!)];
    const isEnd = (p: Point) => (p[0] === from[0] && p[1] === from[1]) || (p[0] === to[0] && p[1] === to[1]);
    push(from);
    for (const p of hotPixelsOn(arc[i]!, arc[i + 1]!, hot)) if (!isEnd(p)) push(p);
    push(to);
  }
  if (arc.length === 1) push(rounded(arc[0]!));
  return out;
}

/** Snap-rounds arcs given in degrees onto the grid of `transform` (as topojson-client's quantize uses
 *  it); returns the arcs in grid units (integers, not delta-encoded). */
export function snapRoundArcs(arcs: number[][][], transform: Transform): Point[][] {
  const [[kx, ky], [x0, y0]] = [transform.scale, transform.translate];
  const inGrid = arcs.map((arc) => arc.map(([x, y]) => [(x! - x0) / kx, (y! - y0) / ky] as Point));
  for (const arc of inGrid) for (const [x, y] of arc) if (!(x > -1 && y > -1 && x < 65535 && y < 65535)) throw new Error('point off the grid');
  const hot = new Set<number>();
  for (const arc of inGrid) for (const [x, y] of arc) hot.add(cellKey(Math.round(x), Math.round(y)));
  const snapped = inGrid.map((arc) => route(arc, hot));
  // an arc that gained no vertex in a round gains none in the next
  let changed = snapped.map((_, i) => i);
  for (let round = 0; changed.length > 0; round++) {
    if (round > 20) throw new Error('snap rounding does not settle');
    changed = changed.filter((i) => {
      const next = route(snapped[i]!, hot);
      const grew = next.length !== snapped[i]!.length;
      snapped[i] = next;
      return grew;
    });
  }
  return snapped;
}

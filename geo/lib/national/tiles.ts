/** Static Mapbox Vector Tiles (version 2, raw protobuf, not gzipped) for MapLibre, written by
 *  `npm run geo` with geojson-vt (tiling) and vt-pbf (encoding):
 *  - public/tiles/china/{z}/{x}/{y}.pbf, zooms 3-7: the all-China county-level units of
 *    china.topo.json, the same simplified geometry (build.ts), properties id, name_zh, name_en;
 *  The Circle's own counties stay GeoJSON in the app: their tiles, precached for offline use, kept a new deploy's
 *  worker from reloading open pages (tests/e2e/offline.test.ts), and at 156 units the gain was small.
 *  One source layer, `counties`, in each. MapLibre overzooms past the last zoom. Feature ids are
 *  strings in a property, so a style that wants feature-state uses `promoteId: 'id'`.
 *
 *  Extent 4096 with a 64-unit buffer: polygons are clipped 64/4096 of a tile outside its edge, so the
 *  clip lines lie outside what the tile draws and fills and outlines join seamlessly across tile
 *  edges. geojson-vt simplifies each feature once for all tiles, so neighbouring tiles agree; its
 *  tolerance (TILE_TOLERANCE, in tile units) is 1, an eighth of a pixel on a 512-px tile: the input is
 *  already simplified for the map, and simplifying each unit's rings apart could open hairline gaps
 *  between neighbours that share a border, which at that size cannot show. Every tile of the data's box is
 *  written, empty where no unit lies; a layer's directory is removed first, so it holds exactly the current build. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import GeoJSONVT from 'geojson-vt';
import vtpbf from 'vt-pbf';
import { nationalFeatures, type NationalTopology } from './build';

export const TILE_EXTENT = 4096;
export const TILE_BUFFER = 64;
export const TILE_TOLERANCE = 1;
/** The one source layer of every tile set. */
export const SOURCE_LAYER = 'counties';

export interface TileSetSpec {
  minZoom: number;
  maxZoom: number;
}

/** Encoded tiles by "z/x/y", in z, x, y order. */
export type TileSet = Map<string, Uint8Array>;

const lonToX = (lon: number, z: number): number => ((lon + 180) / 360) * 2 ** z;
const latToY = (lat: number, z: number): number => {
  const s = Math.sin((lat * Math.PI) / 180);
  return (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * 2 ** z;
};

function lonLatBox(collection: { features: Array<{ geometry: Geometry | null }> }): [number, number, number, number] {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as [number, number];
      [w, s, e, n] = [Math.min(w, x), Math.min(s, y), Math.max(e, x), Math.max(n, y)];
    } else for (const inner of c as unknown[]) visit(inner);
  };
  for (const f of collection.features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  return [w, s, e, n];
}

/** The tile coordinates covering a lon/lat box at zoom z. */
export function tilesCovering([w, s, e, n]: [number, number, number, number], z: number): Array<[number, number]> {
  const last = 2 ** z - 1;
  const clamp = (v: number) => Math.min(last, Math.max(0, Math.floor(v)));
  const tiles: Array<[number, number]> = [];
  for (let x = clamp(lonToX(w, z)); x <= clamp(lonToX(e, z)); x++) {
    for (let y = clamp(latToY(n, z)); y <= clamp(latToY(s, z)); y++) tiles.push([x, y]);
  }
  return tiles;
}

/** Tiles of one source layer, with each feature's properties chosen by `props` (null and undefined
 *  values are left out). */
export function buildTiles<P>(
  collection: FeatureCollection<Geometry, P>,
  spec: TileSetSpec,
  props: (properties: P) => Record<string, string | number | boolean | null | undefined>,
): TileSet {
  const features: Feature[] = collection.features.map((f) => ({
    type: 'Feature',
    geometry: f.geometry,
    properties: Object.fromEntries(Object.entries(props(f.properties)).filter(([, v]) => v !== null && v !== undefined)),
  }));
  const index = new GeoJSONVT(
    { type: 'FeatureCollection', features },
    {
      maxZoom: spec.maxZoom,
      indexMaxZoom: spec.maxZoom,
      indexMaxPoints: 0,
      tolerance: TILE_TOLERANCE,
      extent: TILE_EXTENT,
      buffer: TILE_BUFFER,
    },
  );
  const box = lonLatBox(collection);
  const tiles: TileSet = new Map();
  for (let z = spec.minZoom; z <= spec.maxZoom; z++) {
    for (const [x, y] of tilesCovering(box, z)) {
      const tile = index.getTile(z, x, y);
      // An empty file, not a missing one, where the box holds no feature: a 404 would be an error in the map.
      if (!tile || tile.features.length === 0) {
        tiles.set(`${z}/${x}/${y}`, new Uint8Array(0));
        continue;
      }
      tiles.set(`${z}/${x}/${y}`, vtpbf.fromGeojsonVt({ [SOURCE_LAYER]: tile }, { version: 2, extent: TILE_EXTENT }));
    }
  }
  return tiles;
}

/** Replaces the directory `dir` (a URL ending in /) with the tiles, as dir/z/x/y.pbf. */
export function writeTiles(dir: URL, tiles: TileSet): void {
  if (!dir.href.endsWith('/')) throw new Error(`${dir.href} is not a directory URL`);
  rmSync(dir, { recursive: true, force: true });
  for (const [zxy, bytes] of tiles) {
    const file = new URL(`${zxy}.pbf`, dir);
    mkdirSync(new URL('.', file), { recursive: true });
    writeFileSync(file, bytes);
  }
}

/** Tile count and bytes per zoom, and in all. */
export function tileStats(tiles: TileSet): { zooms: Array<{ z: number; count: number; bytes: number }>; count: number; bytes: number } {
  const zooms = new Map<number, { z: number; count: number; bytes: number }>();
  for (const [zxy, bytes] of tiles) {
    const z = Number(zxy.split('/')[0]);
    const entry = zooms.get(z) ?? { z, count: 0, bytes: 0 };
    entry.count += 1;
    entry.bytes += bytes.length;
    zooms.set(z, entry);
  }
  const list = [...zooms.values()].sort((a, b) => a.z - b.z);
  return { zooms: list, count: tiles.size, bytes: list.reduce((sum, e) => sum + e.bytes, 0) };
}

export const CHINA_TILES: TileSetSpec = { minZoom: 3, maxZoom: 7 };

/** public/tiles/china: the simplified all-China units of china.topo.json. */
export const chinaTiles = (topology: NationalTopology): TileSet =>
  buildTiles(nationalFeatures(topology), CHINA_TILES, ({ id, name_zh, name_en }) => ({ id, name_zh, name_en }));

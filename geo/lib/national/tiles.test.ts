import { VectorTile } from '@mapbox/vector-tile';
import { readdirSync, readFileSync } from 'node:fs';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { unitProps, type NationalTopology } from './build';
import { CHINA_TILES, SOURCE_LAYER, TILE_EXTENT, chinaTiles, tilesCovering, type TileSet } from './tiles';

// @mapbox/vector-tile and pbf come with maplibre-gl; they decode the tiles as MapLibre does.

const publicDir = new URL('../../../public/', import.meta.url);
const china = JSON.parse(readFileSync(new URL('data/china.topo.json', publicDir), 'utf8')) as NationalTopology;
const chinaSet = chinaTiles(china);

/** Every file under public/tiles/<name>/, as "z/x/y" → bytes. */
function onDisk(name: string): TileSet {
  const dir = new URL(`tiles/${name}/`, publicDir);
  const files: TileSet = new Map();
  for (const z of readdirSync(dir)) {
    for (const x of readdirSync(new URL(`${z}/`, dir))) {
      for (const file of readdirSync(new URL(`${z}/${x}/`, dir))) {
        expect(file).toMatch(/^\d+\.pbf$/);
        files.set(`${z}/${x}/${file.replace('.pbf', '')}`, readFileSync(new URL(`${z}/${x}/${file}`, dir)));
      }
    }
  }
  return files;
}

const decode = (bytes: Uint8Array) => new VectorTile(new PbfReader(bytes));
const CHENGDU: [number, number] = [104.066, 30.657]; // Tianfu Square
const tileAt = ([lon, lat]: [number, number], z: number): string => {
  const [x, y] = tilesCovering([lon, lat, lon, lat], z)[0]!;
  return `${z}/${x}/${y}`;
};

describe('tile sets', () => {
  it('decode as one source layer `counties`, extent 4096, version 2, with string ids', () => {
    for (const tiles of [chinaSet]) {
      for (const bytes of tiles.values()) {
        if (bytes.length === 0) continue; // an empty tile: see the next test
        const tile = decode(bytes);
        expect(Object.keys(tile.layers)).toEqual([SOURCE_LAYER]);
        const layer = tile.layers[SOURCE_LAYER]!;
        expect(layer.extent).toBe(TILE_EXTENT);
        expect(layer.version).toBe(2);
        expect(layer.length).toBeGreaterThan(0);
        for (let i = 0; i < layer.length; i++) {
          const f = layer.feature(i);
          expect(f.type).toBe(3); // polygon
          expect(typeof f.properties.id).toBe('string');
        }
      }
    }
  });

  it('fill the data box at every zoom, with empty tiles where no unit lies (so the map never meets a 404)', () => {
    for (const tiles of [chinaSet]) {
      const byZoom = new Map<number, number>();
      for (const key of tiles.keys()) byZoom.set(Number(key.split('/')[0]), (byZoom.get(Number(key.split('/')[0])) ?? 0) + 1);
      for (const [z, count] of byZoom) {
        const xs = [...tiles.keys()].filter((k) => k.startsWith(`${z}/`)).map((k) => Number(k.split('/')[1]));
        const ys = [...tiles.keys()].filter((k) => k.startsWith(`${z}/`)).map((k) => Number(k.split('/')[2]));
        expect(count, `zoom ${z}`).toBe((Math.max(...xs) - Math.min(...xs) + 1) * (Math.max(...ys) - Math.min(...ys) + 1));
      }
      const empty = [...tiles.values()].filter((bytes) => bytes.length === 0);
      for (const bytes of empty) expect(Object.keys(decode(bytes).layers)).toEqual([]);
    }
    // All China's box holds sea and neighbours: some of its tiles must be empty.
    expect([...chinaSet.values()].some((bytes) => bytes.length === 0)).toBe(true);
  });

  it('cover exactly their zoom ranges', () => {
    const zooms = (tiles: TileSet) => [...new Set([...tiles.keys()].map((k) => Number(k.split('/')[0])))];
    expect(zooms(chinaSet)).toEqual([3, 4, 5, 6, 7]);
    expect(CHINA_TILES).toEqual({ minZoom: 3, maxZoom: 7 });
  });

  it('put every all-China unit in the z3 tiles with id, name_zh and name_en only', () => {
    const seen = new Map<string, Record<string, unknown>>();
    for (const [zxy, bytes] of chinaSet) {
      if (!zxy.startsWith('3/') || bytes.length === 0) continue;
      const layer = decode(bytes).layers[SOURCE_LAYER]!;
      for (let i = 0; i < layer.length; i++) {
        const p = layer.feature(i).properties;
        seen.set(String(p.id), p);
      }
    }
    expect(seen.size).toBe(china.objects.counties.geometries.length);
    for (const g of china.objects.counties.geometries) {
      const p = unitProps(g);
      expect(seen.get(p.id)).toEqual({ id: p.id, name_zh: p.name_zh, name_en: p.name_en });
    }
  });
});

describe('the z5 tile over Chengdu', () => {
  const chengduIds = (topology: NationalTopology): string[] =>
    topology.objects.counties.geometries.map((g) => unitProps(g).id).filter((id) => id.startsWith('5101'));

  it("holds all of Chengdu's districts in the all-China tiles", () => {
    const layer = decode(chinaSet.get(tileAt(CHENGDU, 5))!).layers[SOURCE_LAYER]!;
    const ids = new Map<string, string>();
    for (let i = 0; i < layer.length; i++) {
      const { id, name_zh } = layer.feature(i).properties;
      ids.set(String(id), String(name_zh));
    }
    const expected = chengduIds(china);
    expect(expected).toHaveLength(20);
    for (const id of expected) expect(ids.has(id), id).toBe(true);
    expect(ids.get('510104')).toBe('锦江区');
    expect(ids.get('510185')).toBe('简阳市');
    expect(ids.has('500112')).toBe(true); // Yubei, Chongqing, is in the same tile
  });

  it('draws a district inside the tile where its outline lies', () => {
    const key = tileAt(CHENGDU, 5);
    const layer = decode(chinaSet.get(key)!).layers[SOURCE_LAYER]!;
    for (let i = 0; i < layer.length; i++) {
      const f = layer.feature(i);
      if (f.properties.id !== '510104') continue;
      const [x0, y0, x1, y1] = f.bbox();
      const [, tx, ty] = key.split('/').map(Number) as [number, number, number];
      // Jinjiang's box, from the tile back to lon/lat
      const lon = (x: number) => ((tx + x / TILE_EXTENT) / 32) * 360 - 180;
      const lat = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * (ty + y / TILE_EXTENT)) / 32))) * 180) / Math.PI;
      expect(lon(x0)).toBeGreaterThan(103.9);
      expect(lon(x1)).toBeLessThan(104.3);
      expect(lat(y1)).toBeGreaterThan(30.4);
      expect(lat(y0)).toBeLessThan(30.8);
      return;
    }
    throw new Error('no 510104 in the tile');
  });
});

describe('public/tiles', () => {
  it('holds exactly the tiles built from the current TopoJSON, byte for byte', () => {
    for (const [name, built] of [['china', chinaSet]] as const) {
      const files = onDisk(name);
      expect([...files.keys()].sort(), name).toEqual([...built.keys()].sort());
      for (const [zxy, bytes] of built) expect(Buffer.compare(files.get(zxy)!, bytes), `${name}/${zxy}`).toBe(0);
    }
  });

  it('is built the same twice', () => {
    const again = chinaTiles(china);
    expect([...again.keys()]).toEqual([...chinaSet.keys()]);
    for (const [zxy, bytes] of again) expect(Buffer.compare(bytes, chinaSet.get(zxy)!), zxy).toBe(0);
  });
});

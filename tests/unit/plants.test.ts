/** The plants in the app: their file's check, where they are drawn, search, and `sel=plant:…` in links. */
import { describe, expect, it } from 'vitest';
import fixture from '../fixtures/urls-v1.json';
import { checkPlants, DataFormatError } from '../../src/data/check-format';
import { plantRadius, RING_ZOOM } from '../../src/look/plants';
import { searchPlants } from '../../src/model/search';
import { decodeUrl, encodeUrl, defaultState } from '../../src/state/url-codec';
import type { Catalog } from '../../src/state/view-state';
import { mercatorX, mercatorY } from '../../src/paint2d/mercator';
import { plants, plantsFile } from './look-fixtures';

describe('plants.json', () => {
  it('passes the format check with its 24 plants', () => {
    expect(plantsFile.plants.length).toBe(24);
  });

  it('a broken plant is named by its field', () => {
    const broken = structuredClone(plantsFile) as unknown as { plants: Record<string, unknown>[] };
    broken.plants[3].products = ['tractor'];
    expect(() => checkPlants('data/plants.json', broken)).toThrow(DataFormatError);
    expect(() => checkPlants('data/plants.json', broken)).toThrow(/plants\[3\]\.products/);
    expect(() => checkPlants('data/plants.json', { schema: 2 })).toThrow(/version 2/);
  });
});

describe('plant points', () => {
  it('one per plant; plants sharing a district centre are spread on a ring, none on top of another', () => {
    expect(plants.length).toBe(24);
    // At the ring's zoom, no two symbols overlap: centres further apart than the two radii and strokes.
    const px = (lng: number, lat: number) => [mercatorX(lng) * 512 * 2 ** RING_ZOOM, mercatorY(lat) * 512 * 2 ** RING_ZOOM];
    const centre = new Map(plantsFile.plants.map((p) => [p.id, p.position.join()]));
    for (const a of plants) {
      for (const b of plants) {
        if (a === b || centre.get(a.properties.id) !== centre.get(b.properties.id)) continue;
        const [ax, ay] = px(...a.lngLat);
        const [bx, by] = px(...b.lngLat);
        expect(Math.hypot(ax - bx, ay - by), `${a.properties.id} / ${b.properties.id}`).toBeGreaterThan(plantRadius(a.properties) + plantRadius(b.properties) + 1);
      }
    }
    expect(plants.filter((p) => p.spread).length).toBeGreaterThanOrEqual(13);
  });

  it('area ∝ capacity; a fixed small size where unknown', () => {
    const r = (id: string) => plantRadius(plants.find((p) => p.properties.id === id)!.properties);
    // FAW-VW 600,000 against Volvo 100,000: √6 times the radius.
    expect(r('faw-vw-chengdu') / r('volvo-chengdu')).toBeCloseTo(Math.sqrt(6), 5);
    expect(r('lynk-chengdu')).toBe(4);
  });
});

describe('plant search', () => {
  const ids = (query: string) => searchPlants(plantsFile.plants, query).map((p) => p.id);
  it.each(['问界', 'Seres', 'seres', 'AITO', 'sai li si'])('%s finds Seres\' three plants', (query) => {
    expect(ids(query).sort()).toEqual(['seres-liangjiang', 'seres-phoenix', 'seres-super-factory']);
  });
  it('finds companies and brands in Chinese, pinyin and English', () => {
    expect(ids('一汽-大众')).toEqual(['faw-vw-chengdu']);
    expect(ids('一汽大众')).toEqual(['faw-vw-chengdu']);
    expect(ids('Volvo')).toEqual(['volvo-chengdu']);
    expect(ids('长安')).toEqual(expect.arrayContaining(['changan-yubei-nev', 'changan-yuzui', 'changan-ford-chongqing-3']));
    expect(ids('changan')).toEqual(expect.arrayContaining(['changan-yubei-nev', 'changan-yuzui']));
    expect(ids('xyzzy')).toEqual([]);
  });
});

describe('sel=plant:… in links', () => {
  const catalog: Catalog = { ...(fixture.catalog as Catalog), plantIds: ['plant:faw-vw-chengdu'] };
  it('a plant id opens selected and is written back', () => {
    const { state, ignored } = decodeUrl('?v=1&sel=plant:faw-vw-chengdu', '', catalog);
    expect(ignored).toEqual([]);
    expect(state.selected).toBe('plant:faw-vw-chengdu');
    expect(encodeUrl(state, catalog).search).toContain('sel=plant:faw-vw-chengdu');
  });
  it('an unknown plant, or a plant to compare, is dropped as an unknown value', () => {
    expect(decodeUrl('?sel=plant:nowhere', '', catalog).state.selected).toBeNull();
    expect(decodeUrl('?cmp=plant:faw-vw-chengdu', '', catalog).state.compare).toEqual([]);
  });
  it('old links read as before', () => {
    expect(decodeUrl('?sel=510100', '', catalog).state.selected).toBe('510100');
    expect(defaultState(catalog).selected).toBeNull();
  });
});

describe('plant search and place names', () => {
  it('a place name inside a company name lists no plant (chong, 重庆)', () => {
    expect(searchPlants(plantsFile.plants, 'chong')).toEqual([]);
    expect(searchPlants(plantsFile.plants, '重庆')).toEqual([]);
  });
});

import { area } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { feature } from 'topojson-client';
import { describe, expect, it } from 'vitest';
import type { UnitProps } from '../../../src/model/units';
import type { BoundaryTopology } from '../boundaries/build';
import { NATIONAL_PINYIN_OVERRIDES, englishName, pinyinOf } from '../boundaries/names';
import { readSource } from '../boundaries/source';
import { buildNational, serialiseNational, unitIds, type NationalTopology, type NationalUnitProps } from './build';
import { crossingArcs, decodeArcs, isValidArea } from './checks';
import { repairPolygon } from './repair';

const chinaText = readFileSync(new URL('../../../public/data/china.topo.json', import.meta.url), 'utf8');
const china = JSON.parse(chinaText) as NationalTopology;
const boundaries = JSON.parse(
  readFileSync(new URL('../../../public/data/boundaries.topo.json', import.meta.url), 'utf8'),
) as BoundaryTopology;
const source = readSource().counties;

type UnitFeature = Feature<Polygon | MultiPolygon, NationalUnitProps>;
const units = china.objects.counties.geometries.map((g) => feature(china, g) as UnitFeature);
const props = units.map((u) => u.properties);
const sourceAreas = source.features.filter((f) => f.geometry.type === 'MultiPolygon');
const km2 = (f: Feature | Polygon | MultiPolygon): number => area(f) / 1e6;

describe('units', () => {
  it('keeps all 2,891 county-level units; the other 7 of the 2,898 source features are boundary lines', () => {
    expect(source.features).toHaveLength(2898);
    expect(units).toHaveLength(2891);
    const left = source.features.filter((f) => f.geometry.type !== 'MultiPolygon');
    expect(left).toHaveLength(7);
    for (const f of left) {
      expect(f.geometry.type).toBe('MultiLineString');
      expect(f.properties.gb).toBe('');
    }
    expect(Object.keys(china.objects)).toEqual(['counties']);
  });

  it('has unique ids, the adcodes of the source units, sorted', () => {
    const ids = props.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort());
    expect(ids.every((id) => /^\d{6}$/.test(id))).toBe(true);
    expect(new Set(ids)).toEqual(new Set(sourceAreas.map((f) => f.properties.gb.slice(3))));
  });

  it('derives a unique id for a missing or shared code, from the code and the source index', () => {
    const ids = unitIds([
      { code: '110101', index: 0 },
      { code: '110102', index: 1 },
      { code: '110102', index: 2 },
      { code: '', index: 3 },
      { code: '', index: 17 },
      { code: '12345', index: 5 },
    ]);
    expect(ids).toEqual(['110101', '110102-0001', '110102-0002', 'nocode-0003', 'nocode-0017', '12345-0005']);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names every unit in Chinese, English and pinyin the way the Circle counties are named', () => {
    const byId = new Map(props.map((p) => [p.id, p]));
    for (const p of props) {
      expect(p.name_en).toBe(englishName(p.name_zh, 'county'));
      expect(p.pinyin).toBe(pinyinOf(p.name_zh));
      expect(p.name_en).toMatch(/^\p{Lu}[\p{Script=Latin}' ,-]+$/u);
      expect(p.pinyin).toMatch(/^[a-zü]+( [a-zü]+)*$/);
    }
    expect(byId.get('310115')).toMatchObject({ name_zh: '浦东新区', name_en: 'Pudong New Area', province_zh: '上海市', province_en: 'Shanghai' });
    expect(byId.get('653101')).toMatchObject({ name_zh: '喀什市', name_en: 'Kashi City', pinyin: 'ka shi shi' });
    expect(byId.get('330382')).toMatchObject({ name_zh: '乐清市', name_en: 'Yueqing City' });
    expect(byId.get('150781')?.name_en).toBe('Manzhouli City');
    expect(byId.get('622927')?.name_en).toBe('Jishishan Bonan, Dongxiang and Salar Autonomous County');
    expect(byId.get('152522')?.name_en).toBe('Abaga Banner');
  });

  it('keeps no unused national pinyin override, and reads the overridden names as listed', () => {
    for (const word of Object.keys(NATIONAL_PINYIN_OVERRIDES)) {
      expect(props.some((p) => p.name_zh.includes(word)), word).toBe(true);
    }
    const pinyin = new Map(props.map((p) => [p.name_zh, p.pinyin]));
    expect(pinyin.get('都匀市')).toBe('du yun shi');
    expect(pinyin.get('塔什库尔干塔吉克自治县')).toBe('ta shi ku er gan ta ji ke zi zhi xian');
    expect(pinyin.get('单县')).toBe('shan xian');
    expect(pinyin.get('乐亭县')).toBe('lao ting xian');
  });

  it('gives every unit its province-level unit', () => {
    const provinces = new Set(props.map((p) => p.province_zh));
    expect(provinces.size).toBe(34);
    expect(provinces).toContain('台湾省');
    expect(provinces).toContain('香港特别行政区');
    for (const p of props.filter((q) => q.id.startsWith('51'))) expect(p.province_zh).toBe('四川省');
    expect(new Set(props.map((p) => `${p.province_zh} ${p.province_en}`)).size).toBe(34);
    expect(props.find((p) => p.province_zh === '内蒙古自治区')?.province_en).toBe('Inner Mongolia');
  });
});

describe('areas', () => {
  it('area_km2 is turf area of the unsimplified source feature, so the sum is the source total', () => {
    const byCode = new Map(sourceAreas.map((f) => [f.properties.gb.slice(3), f]));
    let sum = 0;
    for (const p of props) {
      expect(p.area_km2, p.id).toBe(Math.round(km2(byCode.get(p.id)!) * 10) / 10);
      sum += p.area_km2;
    }
    const sourceTotal = sourceAreas.reduce((total, f) => total + km2(f), 0);
    // 2,891 roundings to 0.1 km² can move the sum by 144.6 km² at most
    expect(Math.abs(sum - sourceTotal)).toBeLessThanOrEqual(2891 * 0.05);
    expect(sourceTotal).toBeGreaterThan(9.4e6);
    expect(sourceTotal).toBeLessThan(9.7e6);
  });

  it('keeps the area in simplifying: within 0.05% in total and 8% for the smallest city district', () => {
    let simplified = 0;
    let stated = 0;
    for (const u of units) {
      const a = km2(u);
      expect(Math.abs(a / u.properties.area_km2 - 1), u.properties.id).toBeLessThan(0.08);
      simplified += a;
      stated += u.properties.area_km2;
    }
    expect(Math.abs(simplified / stated - 1)).toBeLessThan(0.0005);
  });

  it("draws Chongqing's 38 districts and counties as the Circle layer does, within 1% in area", () => {
    const circle = new Map(
      boundaries.objects.counties.geometries
        .map((g) => g.properties as UnitProps)
        .filter((p) => p.id.startsWith('50'))
        .map((p) => [p.id, p]),
    );
    const national = props.filter((p) => /^500[12]\d\d$/.test(p.id));
    expect(national).toHaveLength(38);
    expect(national.map((p) => p.id)).toEqual([...circle.keys()].sort());
    for (const p of national) {
      const c = circle.get(p.id)!;
      expect(p.name_zh).toBe(c.name_zh);
      expect(p.name_en).toBe(c.name_en);
      expect(Math.abs(p.area_km2 / c.area_km2 - 1), p.id).toBeLessThan(0.01);
    }
  });
});

describe('geometry', () => {
  it('gives every unit a non-empty, valid geometry', () => {
    const invalid = units.filter((u) => !isValidArea(u.geometry)).map((u) => u.properties.id);
    expect(invalid).toEqual([]);
  });

  it('shares borders as arcs that never cross or touch but at their ends', () => {
    expect(china.transform).toBeDefined();
    expect([...crossingArcs(decodeArcs(china))]).toEqual([]);
    // one arc per shared border: most arcs are used twice
    const uses = new Map<number, number>();
    const count = (refs: number[]) => refs.forEach((r) => uses.set(r < 0 ? ~r : r, (uses.get(r < 0 ? ~r : r) ?? 0) + 1));
    for (const g of china.objects.counties.geometries) {
      if (g.type === 'MultiPolygon') g.arcs.flat().forEach(count);
      else if (g.type === 'Polygon') g.arcs.forEach(count);
    }
    expect([...uses.values()].filter((n) => n === 2).length).toBeGreaterThan(china.arcs.length * 0.6);
  });

  it('stays within 400 KB gzip', () => {
    expect(gzipSync(chinaText).length).toBeLessThanOrEqual(400 * 1024);
  });

  it('is rebuilt byte for byte from the source (deterministic and current)', () => {
    const rebuilt = serialiseNational(buildNational(source).topology);
    // compared as a whole, not shown: the file is 1.5 MB
    expect(rebuilt === chinaText, 'public/data/china.topo.json differs from a rebuild: run npm run geo').toBe(true);
  }, 60_000);
});

describe('repair', () => {
  const square = (x: number, y: number, s: number, clockwise = true): number[][] => {
    const ring = [[x, y], [x, y + s], [x + s, y + s], [x + s, y], [x, y]];
    return clockwise ? ring : ring.reverse();
  };

  it('splits a ring pinched at one vertex into two exteriors', () => {
    // two clockwise squares meeting at (1, 1), drawn as one ring
    const ring = [[0, 0], [0, 1], [1, 1], [1, 2], [2, 2], [2, 1], [1, 1], [1, 0], [0, 0]];
    const parts = repairPolygon([ring]);
    expect(parts).toHaveLength(2);
    for (const part of parts) expect(isValidArea({ type: 'Polygon', coordinates: part })).toBe(true);
  });

  it('splits a polygon whose hole touches its exterior at two points', () => {
    const exterior = [[0, 0], [0, 2], [0, 4], [4, 4], [4, 2], [4, 0], [0, 0]]; // clockwise
    const hole = [[0, 2], [2, 1], [4, 2], [2, 3], [0, 2]]; // anticlockwise, touching it at (0, 2) and (4, 2)
    expect(isValidArea({ type: 'Polygon', coordinates: [exterior, hole] })).toBe(false);
    const parts = repairPolygon([exterior, hole]);
    expect(parts).toHaveLength(2);
    for (const part of parts) {
      expect(part).toHaveLength(1);
      expect(isValidArea({ type: 'Polygon', coordinates: part })).toBe(true);
    }
  });

  it('drops spikes and keeps a hole in its exterior', () => {
    const spiked = [[0, 0], [0, 4], [2, 4], [2, 6], [2, 4], [4, 4], [4, 0], [0, 0]];
    const parts = repairPolygon([spiked, square(1, 1, 1, false)]);
    expect(parts).toHaveLength(1);
    expect(parts[0]).toHaveLength(2);
    expect(parts[0]![0]!.some(([x, y]) => x === 2 && y === 6)).toBe(false);
  });
});

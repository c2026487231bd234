import { area, booleanPointInPolygon, booleanValid, kinks } from '@turf/turf';
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { feature, mesh } from 'topojson-client';
import { describe, expect, it } from 'vitest';
import { BOUNDARY_OBJECTS, type UnitProps } from '../../../src/model/units';
import { buildBoundaries, serialiseTopology, serialiseUnits, type BoundaryTopology } from './build';
import { PINYIN_OVERRIDES } from './names';
import { readSource } from './source';

const topologyText = readFileSync(new URL('../../../public/data/boundaries.topo.json', import.meta.url), 'utf8');
const unitsText = readFileSync(new URL('../../units.json', import.meta.url), 'utf8');
const topology = JSON.parse(topologyText) as BoundaryTopology;
const units = JSON.parse(unitsText) as UnitProps[];

type UnitFeature = Feature<Polygon | MultiPolygon | Point, UnitProps>;
const featuresOf = (name: (typeof BOUNDARY_OBJECTS)[number]): UnitFeature[] =>
  topology.objects[name].geometries.map((g) => feature(topology, g) as UnitFeature);
const all = BOUNDARY_OBJECTS.flatMap(featuresOf);
const unit = (id: string): UnitProps => {
  const found = units.find((u) => u.id === id);
  if (!found) throw new Error(`no unit ${id}`);
  return found;
};
const byName = (nameZh: string, level: UnitProps['level'] = 'county'): UnitProps => {
  const found = units.filter((u) => u.name_zh === nameZh && u.level === level);
  if (found.length !== 1) throw new Error(`${found.length} units named ${nameZh}`);
  return found[0]!;
};
const sumArea = (list: UnitProps[]): number => list.reduce((sum, u) => sum + u.area_km2, 0);
const counties = units.filter((u) => u.level === 'county');
const within = (value: number, target: number, tolerance: number) =>
  expect(Math.abs(value / target - 1)).toBeLessThanOrEqual(tolerance);

describe('objects and counts', () => {
  it('has exactly the documented objects', () => {
    expect(Object.keys(topology.objects)).toEqual([...BOUNDARY_OBJECTS]);
  });

  it('counts units per object', () => {
    const ids = (name: (typeof BOUNDARY_OBJECTS)[number]) => featuresOf(name).map((f) => f.properties.id);
    expect(ids('context').sort()).toEqual(['420000', '430000', '520000', '530000', '540000', '610000', '620000', '630000']);
    expect(ids('provinces')).toEqual(['500000', '510000']);
    expect(ids('prefectures')).toHaveLength(21);
    expect(ids('prefectures').every((id) => /^51\d\d00$/.test(id))).toBe(true);
    expect(ids('counties').filter((id) => id.startsWith('50'))).toHaveLength(38);
    // 20+6+7+6+9+5+5+11+9+6+10+6+7+8+3 county-level units in the 15 Circle cities (2023 division list)
    expect(ids('counties').filter((id) => id.startsWith('51'))).toHaveLength(118);
    expect(ids('circle')).toEqual(['circle']);
    expect(ids('zones')).toEqual(['chengdu-hitech', 'liangjiang', 'tianfu']);
    expect(ids('zone_markers')).toEqual([
      'chengdu-hitech-biocity',
      'chengdu-hitech-future-science-city',
      'chengdu-hitech-south',
      'chengdu-hitech-west',
      'tianfu-core',
    ]);
  });

  it('lists every feature once in units.json, sorted by id, with unique ids', () => {
    const ids = units.map((u) => u.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort());
    expect(units).toEqual(all.map((f) => f.properties).sort((a, b) => a.id.localeCompare(b.id)));
  });

  it('gives every unit a valid id and an existing parent', () => {
    const ids = new Set(units.map((u) => u.id));
    for (const u of units) {
      expect(/^\d{6}$/.test(u.id) || /^[a-z]+(-[a-z]+)*$/.test(u.id), u.id).toBe(true);
      if (u.parent !== null) expect(ids.has(u.parent), `${u.id} parent ${u.parent}`).toBe(true);
    }
    for (const u of counties) expect(u.parent).toBe(u.id.startsWith('50') ? '500000' : `${u.id.slice(0, 4)}00`);
  });
});

describe('Circle membership (2021 planning outline)', () => {
  const chongqingFull = [
    '渝中区', '大渡口区', '江北区', '沙坪坝区', '九龙坡区', '南岸区', '北碚区', '渝北区', '巴南区',
    '万州区', '涪陵区', '黔江区', '长寿区', '江津区', '合川区', '永川区', '南川区', '綦江区', '大足区',
    '璧山区', '铜梁区', '潼南区', '荣昌区', '梁平区', '丰都县', '垫江县', '忠县',
  ];
  const chongqingOut = ['城口县', '奉节县', '巫山县', '巫溪县', '武隆区', '石柱土家族自治县', '秀山土家族苗族自治县', '酉阳土家族苗族自治县', '彭水苗族土家族自治县'];
  const sichuanCities = ['成都市', '自贡市', '泸州市', '德阳市', '绵阳市', '遂宁市', '内江市', '乐山市', '南充市', '眉山市', '宜宾市', '广安市', '达州市', '雅安市', '资阳市'];

  it('marks Chongqing: 27 full, Kaizhou and Yunyang partial, 9 out', () => {
    const chongqing = counties.filter((u) => u.parent === '500000');
    expect(chongqing.filter((u) => u.circle === 'full').map((u) => u.name_zh).sort()).toEqual([...chongqingFull].sort());
    expect(chongqing.filter((u) => u.circle === 'partial').map((u) => u.id).sort()).toEqual(['500154', '500235']);
    expect(chongqing.filter((u) => u.circle === 'none').map((u) => u.name_zh).sort()).toEqual([...chongqingOut].sort());
  });

  it('marks Sichuan: 15 cities, three of them partial, and five counties out', () => {
    const prefectures = units.filter((u) => u.level === 'prefecture');
    expect(prefectures.filter((u) => u.circle !== 'none').map((u) => u.name_zh).sort()).toEqual([...sichuanCities].sort());
    expect(prefectures.filter((u) => u.circle === 'partial').map((u) => u.id).sort()).toEqual(['510700', '511700', '511800']);
    const out = counties.filter((u) => u.id.startsWith('51') && u.circle === 'none');
    expect(out.map((u) => u.id).sort()).toEqual(['510726', '510727', '511781', '511825', '511827']);
    expect(counties.filter((u) => u.id.startsWith('51') && u.circle === 'partial')).toEqual([]);
    const cityIds = new Set(prefectures.filter((u) => u.circle !== 'none').map((u) => u.id));
    expect(counties.filter((u) => u.id.startsWith('51')).every((u) => cityIds.has(u.parent!))).toBe(true);
  });

  it('marks provinces partial and context none', () => {
    expect([unit('500000').circle, unit('510000').circle]).toEqual(['partial', 'partial']);
    expect(units.filter((u) => u.level === 'context').every((u) => u.circle === 'none')).toBe(true);
  });
});

describe('areas against official figures', () => {
  it('sums the full members to within 3% of the Circle’s 185,000 km²', () => {
    const full = counties.filter((u) => u.circle === 'full');
    within(sumArea(full), 185_000, 0.03);
    within(unit('circle').area_km2, sumArea(full), 0.001);
  });

  it('sums Chongqing’s 38 units to within 1% of 82,402 km²', () => {
    within(sumArea(counties.filter((u) => u.parent === '500000')), 82_402, 0.01);
  });

  it('makes each shipped Circle city and each province the sum of its parts', () => {
    for (const city of units.filter((u) => u.level === 'prefecture' && u.circle !== 'none')) {
      within(sumArea(counties.filter((u) => u.parent === city.id)), city.area_km2, 0.001);
    }
    within(sumArea(units.filter((u) => u.level === 'prefecture')), unit('510000').area_km2, 0.001);
  });
});

describe('geometry', () => {
  it('has no invalid or self-intersecting polygon', () => {
    const polygons = all.filter((f) => f.geometry.type !== 'Point') as Feature<Polygon | MultiPolygon, UnitProps>[];
    expect(polygons).toHaveLength(units.length - 5);
    const broken = polygons
      .filter((f) => kinks(f).features.length > 0 || !booleanValid(f))
      .map((f) => f.properties.id);
    expect(broken).toEqual([]);
  });

  it('shares the whole outer border of Sichuan and Chongqing with the neighbouring provinces', () => {
    const key = (c: number[]) => c.join(',');
    const contextBorder = new Set(mesh(topology, topology.objects.context).coordinates.flat().map(key));
    const outer = mesh(topology, topology.objects.provinces, (a, b) => a === b).coordinates.flat();
    expect(outer.length).toBeGreaterThan(1000);
    expect(outer.filter((c) => !contextBorder.has(key(c)))).toEqual([]);
  });

  it('keeps the file compact', () => {
    expect(gzipSync(topologyText).length).toBeLessThanOrEqual(120 * 1024);
  });
});

describe('names', () => {
  it.each([
    ['500112', '渝北区', 'Yubei District', 'yu bei qu'],
    ['500000', '重庆市', 'Chongqing', 'chong qing shi'],
    ['510100', '成都市', 'Chengdu', 'cheng du shi'],
    ['510185', '简阳市', 'Jianyang City', 'jian yang shi'],
    ['500240', '石柱土家族自治县', 'Shizhu Tujia Autonomous County', 'shi zhu tu jia zu zi zhi xian'],
    ['500241', '秀山土家族苗族自治县', 'Xiushan Tujia and Miao Autonomous County', 'xiu shan tu jia zu miao zu zi zhi xian'],
    ['513400', '凉山彝族自治州', 'Liangshan Yi Autonomous Prefecture', 'liang shan yi zu zi zhi zhou'],
    ['500115', '长寿区', 'Changshou District', 'chang shou qu'],
    ['500111', '大足区', 'Dazu District', 'da zu qu'],
    ['511100', '乐山市', 'Leshan', 'le shan shi'],
    ['510181', '都江堰市', 'Dujiangyan City', 'du jiang yan shi'],
    ['511123', '犍为县', 'Qianwei County', 'qian wei xian'],
    ['511381', '阆中市', 'Langzhong City', 'lang zhong shi'],
    ['510117', '郫都区', 'Pidu District', 'pi du qu'],
    ['511527', '筠连县', 'Junlian County', 'jun lian xian'],
    ['510682', '什邡市', 'Shifang City', 'shi fang shi'],
    ['500108', '南岸区', "Nan'an District", 'nan an qu'],
    ['511800', '雅安市', "Ya'an", 'ya an shi'],
    ['500233', '忠县', 'Zhong County', 'zhong xian'],
    ['610000', '陕西省', 'Shaanxi', 'shan xi sheng'],
  ])('%s is %s, %s, %s', (id, nameZh, nameEn, pinyin) => {
    expect(unit(id)).toMatchObject({ name_zh: nameZh, name_en: nameEn, pinyin });
  });

  it('writes every pinyin toneless, lower case, one space between syllables', () => {
    for (const u of units) expect(u.pinyin, u.id).toMatch(/^[a-z]+( [a-z]+)*$/);
  });

  it('keeps no unused pinyin override', () => {
    for (const word of Object.keys(PINYIN_OVERRIDES)) {
      expect(units.some((u) => u.name_zh.includes(word)), word).toBe(true);
    }
  });

  it('tells the two Shizhong districts apart by parent', () => {
    expect(units.filter((u) => u.name_en === 'Shizhong District').map((u) => u.parent).sort()).toEqual(['511000', '511100']);
    expect(byName('渝北区').id).toBe('500112');
  });
});

describe('zones', () => {
  const zoneUnits = units.filter((u) => u.level === 'zone');
  const oneSentence = (text: string | undefined, end: RegExp) => {
    expect(text?.trim()).toBeTruthy();
    expect(text!.match(end)).toHaveLength(1);
  };

  it('says every zone shape and marker is approximate and how it was drawn', () => {
    for (const z of zoneUnits) {
      expect(z.approx, z.id).toBe(true);
      oneSentence(z.shape_en, /[.!?](\s|$)/g);
      oneSentence(z.shape_zh, /[。！？]/g);
    }
    expect(Object.fromEntries(units.filter((u) => ['liangjiang', 'tianfu', 'chengdu-hitech'].includes(u.id)).map((u) => [u.id, [u.official_area_km2, u.shape, u.parent]]))).toEqual({
      liangjiang: [1200, 'union-of-units', '500000'],
      tianfu: [1578, 'containing-units', '510000'],
      'chengdu-hitech': [234, 'schematic-circles', '510000'],
    });
  });

  it('draws Liangjiang from Jiangbei and Yubei and notes the 2025 district', () => {
    const liangjiang = unit('liangjiang');
    expect(liangjiang.drawn_from).toEqual(['500105', '500112']);
    within(liangjiang.area_km2, unit('500105').area_km2 + unit('500112').area_km2, 0.001);
    expect(liangjiang.note_en).toMatch(/2025.*1,360/);
    expect(liangjiang.note_zh).toMatch(/2025.*1360/);
  });

  it('draws Tianfu from the seven containing units and puts the core marker inside them', () => {
    const tianfu = unit('tianfu');
    expect(tianfu.drawn_from).toEqual(['510107', '510112', '510116', '510118', '510185', '511403', '511421']);
    within(tianfu.area_km2, sumArea(tianfu.drawn_from!.map(unit)), 0.001);
    const shape = featuresOf('zones').find((f) => f.properties.id === 'tianfu') as Feature<MultiPolygon>;
    const core = featuresOf('zone_markers').find((f) => f.properties.id === 'tianfu-core') as Feature<Point>;
    expect(booleanPointInPolygon(core, shape)).toBe(true);
  });

  it('draws the Hi-Tech Zone as four circles of the official part areas, each around its marker in Chengdu', () => {
    const hitech = featuresOf('zones').find((f) => f.properties.id === 'chengdu-hitech') as Feature<MultiPolygon>;
    const chengdu = featuresOf('prefectures').find((f) => f.properties.id === '510100') as Feature<MultiPolygon>;
    const parts = featuresOf('zone_markers').filter((f) => f.properties.parent === 'chengdu-hitech') as Feature<Point, UnitProps>[];
    expect(hitech.geometry.coordinates).toHaveLength(4);
    expect(parts.map((p) => p.properties.official_area_km2).sort()).toEqual([43, 44, 60.4, 87]);
    for (const part of parts) {
      const circle = hitech.geometry.coordinates
        .map((coordinates) => ({ type: 'Polygon', coordinates }) as Polygon)
        .find((polygon) => booleanPointInPolygon(part, polygon));
      expect(circle, part.properties.id).toBeDefined();
      within(area(circle!) / 1e6, part.properties.official_area_km2!, 0.01);
      expect(booleanPointInPolygon(part, chengdu), part.properties.id).toBe(true);
    }
  });
});

describe('reproducibility', () => {
  it('commits exactly what the build produces', () => {
    const { topology: built, units: builtUnits } = buildBoundaries(readSource());
    expect(serialiseTopology(built) === topologyText).toBe(true);
    expect(serialiseUnits(builtUnits)).toBe(unitsText);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import units from '../../geo/units.json';
import { nationalAdditions, nationalUnits } from '../data/boundaries';
import { placeOf, type UnitProps } from './units';
import { buildSearchIndex, MAX_RESULTS, searchUnits } from './search';

const allUnits = units as UnitProps[];
const index = buildSearchIndex(allUnits);
const ids = (query: string, lang: 'zh' | 'en' = 'zh') => searchUnits(index, query, lang).map((u) => u.id);
const first = (query: string, lang: 'zh' | 'en' = 'zh') => ids(query, lang)[0];

describe('searchUnits: names in every form people type them', () => {
  it.each([
    ['渝北区', '500112'],
    ['渝北', '500112'],
    ['Yubei District', '500112'],
    ['yubei district', '500112'],
    ['Yubei', '500112'],
    ['yubei', '500112'],
    ['yu bei', '500112'],
    ['Yu Bei Qu', '500112'],
    ['yúběi', '500112'],
    ['yu2 bei3', '500112'],
    ['ｙｕｂｅｉ', '500112'],
    ['  渝 北  ', '500112'],
    ['Garze', '513300'],
    ['garzê', '513300'],
    ['重庆', '500000'],
    ['chongqing', '500000'],
    ['长寿', '500115'],
    ['chang shou', '500115'],
    ['乐山', '511100'],
    ['le shan', '511100'],
    ['都江堰', '510181'],
    ['du jiang yan', '510181'],
    ['Dujiangyan City', '510181'],
    ['阆中', '511381'],
    ['lang zhong', '511381'],
    ['guangan', '511600'],
    ['阿坝', '513200'],
    ['石柱', '500240'],
    ['shizhu', '500240'],
    ['两江', 'liangjiang'],
    ['Liangjiang', 'liangjiang'],
    ['hi-tech', 'chengdu-hitech'],
  ])('%s → %s first', (query, id) => {
    expect(first(query)).toBe(id);
    expect(first(query, 'en')).toBe(id);
  });

  it('finds both units that share a name', () => {
    expect(ids('市中区').sort()).toEqual(['511002', '511102']);
  });
});

describe('searchUnits: what is never offered', () => {
  it('leaves out context provinces, the Circle outline and zone markers', () => {
    expect(ids('湖北')).toEqual([]); // context
    expect(ids('经济圈')).toEqual([]); // the circle outline
    expect(ids('天府新区核心区')).not.toContain('tianfu-core'); // point marker
    expect(ids('生物城')).toEqual([]); // point marker
  });

  it.each([
    ['', 'empty'],
    ['   \t\n', 'whitespace'],
    ['<img src=x onerror=alert(1)>', 'markup'],
    ["'; DROP TABLE units; --", 'SQL'],
    ['.*', 'a regular expression'],
    ['__proto__', 'a prototype key'],
    ['!!!', 'punctuation only'],
    ['成都'.repeat(5000), 'very long Chinese'],
    ['chengdu'.repeat(5000), 'very long pinyin'],
  ])('finds nothing for %j (%s)', (query) => {
    expect(ids(query)).toEqual([]);
    expect(ids(query, 'en')).toEqual([]);
  });
});

describe('searchUnits: ranking', () => {
  it('puts an exact name before names that start with it, and those before names containing it', () => {
    // 成都 is 成都市 without its suffix; 成都高新… starts with it.
    expect(ids('成都').slice(0, 2)).toEqual(['510100', 'chengdu-hitech']);
    // 高县 is named 高 without its suffix; 高坪区 starts with it, though it sorts first by name; 成都高新… contains it.
    expect(ids('高')).toEqual(['511525', '511303', 'chengdu-hitech']);
    expect(ids('gao')[0]).toBe('511525');
    // chong: Chongqing and Chongzhou start with it; Nanchong only contains it.
    expect(ids('chong')).toEqual(['500000', '510184', '511300', '511325']);
  });

  it('puts Circle members before units outside the Circle', () => {
    const result = searchUnits(index, 'zizhi', 'zh');
    const firstOutside = result.findIndex((u) => u.circle === 'none');
    expect(firstOutside).toBeGreaterThan(0);
    expect(result.slice(firstOutside).every((u) => u.circle === 'none')).toBe(true);
  });

  it('orders equally good matches by name in the reader’s language', () => {
    // Outside the Circle and prefecture-level: 阿坝 < 甘孜 < 凉山 in pinyin order, Garzê < Liangshan < Ngawa in English.
    expect(ids('zizhi', 'zh').slice(2, 5)).toEqual(['513200', '513300', '513400']);
    expect(ids('zizhi', 'en').slice(2, 5)).toEqual(['513300', '513400', '513200']);
  });

  it(`returns at most ${MAX_RESULTS} units`, () => {
    expect(ids('a')).toHaveLength(MAX_RESULTS);
    expect(ids('区')).toHaveLength(MAX_RESULTS);
  });
});

describe('searchUnits with all China loaded (the `china` level)', () => {
  // As the app holds them once that level has been shown: the Circle's records, then the national ones it lacks.
  const topology = JSON.parse(readFileSync('public/data/china.topo.json', 'utf8')) as Topology;
  const byId = new Map(allUnits.map((u) => [u.id, u]));
  const national = nationalAdditions(byId, nationalUnits(topology));
  const withChina = buildSearchIndex([...allUnits, ...national]);
  const found = (query: string, lang: 'zh' | 'en' = 'zh') => searchUnits(withChina, query, lang);

  it('finds counties anywhere in China, by Chinese name, English name and pinyin', () => {
    expect(found('海淀')[0]?.id).toBe('110108');
    expect(found('Haidian', 'en')[0]?.id).toBe('110108');
    expect(found('hai dian')[0]?.id).toBe('110108');
  });

  it("ranks the Circle's own units first among equally good matches", () => {
    // 江北区 is a district of Chongqing and of Ningbo.
    const hits = found('江北区').map((u) => u.id);
    expect(hits.slice(0, 2)).toEqual(['500105', '330205']);
  });

  it('says the province of each national unit, in the reader’s language', () => {
    // Fuzhou's, Kaifeng's, and Nanjing's and Xuzhou's (both in Jiangsu): the file names no prefecture.
    const gulou = found('鼓楼区');
    expect(gulou.length).toBe(4);
    expect(gulou.map((u) => placeOf(u, byId, 'en')).sort()).toEqual(['Fujian', 'Henan', 'Jiangsu', 'Jiangsu']);
    expect(gulou.map((u) => placeOf(u, byId, 'zh'))).toContain('福建省');
  });
});
